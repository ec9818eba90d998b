# wrong: checks the statuses only, so the missing Location and the rows go unseen
from django.test import TestCase


class CreateArticleTests(TestCase):
    def test_created(self):
        response = self.client.post("/api/articles/", {"title": "Hi"}, content_type="application/json")
        self.assertEqual(response.status_code, 201)

    def test_missing_title(self):
        response = self.client.post("/api/articles/", {}, content_type="application/json")
        self.assertEqual(response.status_code, 400)
