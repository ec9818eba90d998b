# ok: one test, subTest per case, rows counted before and after
from django.test import TestCase

from .models import Article


class CreateArticleTests(TestCase):
    def test_cases(self):
        for body, status, created in [({"title": "Hi"}, 201, 1), ({"title": ""}, 400, 0), ({}, 400, 0)]:
            with self.subTest(body=body):
                before = Article.objects.count()
                response = self.client.post("/api/articles/", body, content_type="application/json")
                self.assertEqual(response.status_code, status)
                self.assertEqual(Article.objects.count() - before, created)
                if status == 201:
                    newest = Article.objects.latest("pk")
                    self.assertEqual(response.get("Location"), f"/api/articles/{newest.pk}/")
