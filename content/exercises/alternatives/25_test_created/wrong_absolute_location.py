# wrong: expects an absolute Location, so it fails against the right view
from django.test import TestCase

from .models import Article


class CreateArticleTests(TestCase):
    def test_created(self):
        response = self.client.post("/api/articles/", {"title": "Hi"}, content_type="application/json")
        self.assertEqual(response.status_code, 201)
        self.assertEqual(response["Location"], f"http://testserver/api/articles/{Article.objects.get().pk}/")

    def test_missing_title(self):
        response = self.client.post("/api/articles/", {}, content_type="application/json")
        self.assertEqual(response.status_code, 400)
        self.assertEqual(Article.objects.count(), 0)
