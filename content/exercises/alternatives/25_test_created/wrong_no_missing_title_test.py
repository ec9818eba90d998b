# wrong: never sends a request without a title
from django.test import TestCase

from .models import Article


class CreateArticleTests(TestCase):
    def test_created(self):
        response = self.client.post("/api/articles/", {"title": "Hi"}, content_type="application/json")
        self.assertEqual(response.status_code, 201)
        self.assertEqual(response["Location"], f"/api/articles/{Article.objects.get().pk}/")
