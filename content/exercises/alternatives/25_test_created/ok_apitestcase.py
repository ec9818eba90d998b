# ok: DRF's APITestCase and APIClient with format="json"
from rest_framework.test import APITestCase

from .models import Article


class CreateArticleTests(APITestCase):
    def test_201_location_and_row(self):
        response = self.client.post("/api/articles/", {"title": "Hi"}, format="json")
        self.assertEqual(response.status_code, 201)
        self.assertTrue(Article.objects.filter(title="Hi").exists())
        article = Article.objects.get(title="Hi")
        self.assertEqual(response["Location"], f"/api/articles/{article.pk}/")

    def test_400_without_a_title(self):
        response = self.client.post("/api/articles/", {}, format="json")
        self.assertEqual(response.status_code, 400)
        self.assertFalse(Article.objects.exists())
