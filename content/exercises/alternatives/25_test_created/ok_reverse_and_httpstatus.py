# ok: reverse() by the route's name, HTTPStatus, and the Location resolved to an absolute URL
from http import HTTPStatus
from urllib.parse import urljoin

from django.test import TestCase
from django.urls import reverse

from .models import Article


class CreateArticleTests(TestCase):
    url = reverse("create_article")

    def test_created(self):
        response = self.client.post(self.url, data='{"title": "Hi"}', content_type="application/json")
        self.assertEqual(response.status_code, HTTPStatus.CREATED)
        self.assertEqual(Article.objects.count(), 1)
        location = urljoin("http://testserver" + self.url, response.headers["Location"])
        self.assertEqual(location, f"http://testserver/api/articles/{Article.objects.get().pk}/")

    def test_missing_title(self):
        response = self.client.post(self.url, data="{}", content_type="application/json")
        self.assertEqual(response.status_code, HTTPStatus.BAD_REQUEST)
        self.assertEqual(Article.objects.count(), 0)
