# ok: APITestCase, HTTPStatus, the rows counted
from http import HTTPStatus

from rest_framework.test import APITestCase

from .models import Article


class DeleteTests(APITestCase):
    def test_delete(self):
        first = Article.objects.create(title="one")
        Article.objects.create(title="two")
        response = self.client.delete(f"/api/articles/{first.id}/")
        self.assertEqual(response.status_code, HTTPStatus.NO_CONTENT)
        self.assertEqual(list(Article.objects.values_list("title", flat=True)), ["two"])

    def test_missing(self):
        self.assertEqual(self.client.delete("/api/articles/12345/").status_code, HTTPStatus.NOT_FOUND)
