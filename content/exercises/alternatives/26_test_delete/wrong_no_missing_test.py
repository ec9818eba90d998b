# wrong: never deletes an id that does not exist, so the 500 goes unseen
from django.test import TestCase

from .models import Article


class DeleteTests(TestCase):
    def test_204(self):
        article, other = Article.objects.create(title="a"), Article.objects.create(title="b")
        response = self.client.delete(f"/api/articles/{article.pk}/")
        self.assertEqual(response.status_code, 204)
        self.assertEqual(list(Article.objects.all()), [other])
