# ok: an APIView that finds the article, then calls check_object_permissions
from rest_framework import generics, permissions, serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView
from django.shortcuts import get_object_or_404

from .models import Article


class ArticleSerializer(serializers.ModelSerializer):
    class Meta:
        model = Article
        fields = ["id", "title", "content", "author"]
        read_only_fields = ["author"]


class IsAuthorOrReadOnly(permissions.BasePermission):
    def has_object_permission(self, request, view, obj):
        if request.method in permissions.SAFE_METHODS:
            return True
        return obj.author == request.user


class ArticleDetail(APIView):
    permission_classes = [permissions.IsAuthenticated, IsAuthorOrReadOnly]

    def get_article(self, request, pk):
        article = get_object_or_404(Article, pk=pk)
        self.check_object_permissions(request, article)
        return article

    def get(self, request, pk):
        return Response(ArticleSerializer(self.get_article(request, pk)).data)

    def patch(self, request, pk):
        serializer = ArticleSerializer(self.get_article(request, pk), data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        serializer.save()
        return Response(serializer.data)
