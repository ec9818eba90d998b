# wrong: reads a JSON body from the 204, so it fails against the right view
from django.test import TestCase

from .models import Article


class DeleteTests(TestCase):
    def test_204(self):
        article = Article.objects.create(title="a")
        response = self.client.delete(f"/api/articles/{article.pk}/")
        self.assertEqual(response.status_code, 204)
        self.assertEqual(response.json(), {"deleted": True})
