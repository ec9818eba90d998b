# wrong (side effect): destroy answers 204 and deletes nothing
from django.shortcuts import get_object_or_404
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.response import Response

from .models import Product


class ProductSerializer(serializers.ModelSerializer):
    class Meta:
        model = Product
        fields = ["id", "name", "price"]


class ProductViewSet(mixins.ListModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet):
    queryset = Product.objects.order_by("id")
    serializer_class = ProductSerializer

    def destroy(self, request, pk=None):
        self.get_object()
        return Response(status=status.HTTP_204_NO_CONTENT)
