# ok: a single test, so the shared cache needs no clearing
from rest_framework.test import APITestCase


class ThrottleTests(APITestCase):
    def test_third_call_is_throttled(self):
        statuses = [self.client.get("/api/search/").status_code for _ in range(2)]
        self.assertEqual(statuses, [200, 200])
        response = self.client.get("/api/search/")
        self.assertEqual(response.status_code, 429)
        self.assertTrue(response.has_header("Retry-After"))
