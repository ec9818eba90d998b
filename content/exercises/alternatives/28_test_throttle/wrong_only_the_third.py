# wrong: only the third call is checked, so throttling too early goes unseen
from rest_framework.test import APITestCase


class ThrottleTests(APITestCase):
    def test_third(self):
        self.client.get("/api/search/")
        self.client.get("/api/search/")
        response = self.client.get("/api/search/")
        self.assertEqual(response.status_code, 429)
        self.assertIn("Retry-After", response)
