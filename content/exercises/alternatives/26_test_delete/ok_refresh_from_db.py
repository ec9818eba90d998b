# ok: refresh_from_db raising DoesNotExist proves the row is gone
from django.test import TestCase

from .models import Article


class DeleteTests(TestCase):
    def test_204_and_gone(self):
        article, other = Article.objects.create(title="a"), Article.objects.create(title="b")
        response = self.client.delete(f"/api/articles/{article.pk}/")
        self.assertEqual(response.status_code, 204)
        with self.assertRaises(Article.DoesNotExist):
            article.refresh_from_db()
        other.refresh_from_db()

    def test_404(self):
        response = self.client.delete("/api/articles/404/")
        self.assertEqual(response.status_code, 404)
