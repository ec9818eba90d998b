# wrong (side effect): checks the statuses only, so a view that deletes nothing passes
from django.test import TestCase

from .models import Article


class DeleteTests(TestCase):
    def test_204(self):
        article = Article.objects.create(title="a")
        self.assertEqual(self.client.delete(f"/api/articles/{article.pk}/").status_code, 204)

    def test_404(self):
        self.assertEqual(self.client.delete("/api/articles/99/").status_code, 404)
