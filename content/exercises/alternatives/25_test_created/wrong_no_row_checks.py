# wrong (side effect): never looks at the database, so a view that saves nothing passes
from django.test import TestCase


class CreateArticleTests(TestCase):
    def test_created(self):
        response = self.client.post("/api/articles/", {"title": "Hi"}, content_type="application/json")
        self.assertEqual(response.status_code, 201)
        self.assertEqual(response["Location"], "/api/articles/1/")

    def test_missing_title(self):
        response = self.client.post("/api/articles/", {}, content_type="application/json")
        self.assertEqual(response.status_code, 400)
