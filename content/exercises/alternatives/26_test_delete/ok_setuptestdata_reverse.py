# ok: rows from setUpTestData, URLs from reverse()
from django.test import TestCase
from django.urls import reverse

from .models import Article


class DeleteTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.keep = Article.objects.create(title="keep")
        cls.drop = Article.objects.create(title="drop")

    def test_deletes_the_one_asked_for(self):
        response = self.client.delete(reverse("delete_article", args=[self.drop.pk]))
        self.assertEqual(response.status_code, 204)
        self.assertQuerySetEqual(Article.objects.order_by("pk"), [self.keep])

    def test_unknown_id(self):
        response = self.client.delete(reverse("delete_article", args=[self.drop.pk + 100]))
        self.assertEqual(response.status_code, 404)
        self.assertEqual(Article.objects.count(), 2)
