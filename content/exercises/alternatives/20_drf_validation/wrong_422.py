# wrong: 422 for invalid data, where DRF and the task say 400
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from .models import Product


class ProductSerializer(serializers.ModelSerializer):
    class Meta:
        model = Product
        fields = ["id", "name", "price"]


class ProductCreate(APIView):
    def post(self, request):
        serializer = ProductSerializer(data=request.data)
        if not serializer.is_valid():
            return Response(serializer.errors, status=422)
        serializer.save()
        return Response(serializer.data, status=status.HTTP_201_CREATED)
