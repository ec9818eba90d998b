# wrong (side effect): only one article in the database, so deleting them all goes unseen
from django.test import TestCase

from .models import Article


class DeleteTests(TestCase):
    def test_204(self):
        article = Article.objects.create(title="a")
        response = self.client.delete(f"/api/articles/{article.pk}/")
        self.assertEqual(response.status_code, 204)
        self.assertEqual(Article.objects.count(), 0)

    def test_404(self):
        self.assertEqual(self.client.delete("/api/articles/99/").status_code, 404)
