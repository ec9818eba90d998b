# ok: every cache cleared in setUp, the body of the 429 read too
from django.core.cache import caches
from rest_framework.test import APITestCase


class ThrottleTests(APITestCase):
    def setUp(self):
        for cache in caches.all():
            cache.clear()

    def test_sequence(self):
        got = [self.client.get("/api/search/") for _ in range(3)]
        self.assertEqual([r.status_code for r in got], [200, 200, 429])
        self.assertIn("throttled", got[2].json()["detail"])
        self.assertGreater(int(got[2]["Retry-After"]), 0)

    def test_results(self):
        self.assertEqual(self.client.get("/api/search/").data, {"results": []})
