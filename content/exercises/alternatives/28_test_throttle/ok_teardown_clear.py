# ok: Django's TestCase, the cache cleared in tearDown, HTTPStatus names
from http import HTTPStatus

from django.core.cache import cache
from django.test import TestCase


class ThrottleTests(TestCase):
    def tearDown(self):
        cache.clear()

    def test_two_are_fine(self):
        for _ in range(2):
            response = self.client.get("/api/search/")
            self.assertEqual(response.status_code, HTTPStatus.OK)
            self.assertNotIn("Retry-After", response.headers)

    def test_the_third_waits(self):
        self.client.get("/api/search/")
        self.client.get("/api/search/")
        response = self.client.get("/api/search/")
        self.assertEqual(response.status_code, HTTPStatus.TOO_MANY_REQUESTS)
        self.assertTrue(response.headers["Retry-After"].isdigit())
