# wrong: two tests share the cache without clearing it, so it fails against the right view
from rest_framework.test import APITestCase


class ThrottleTests(APITestCase):
    def test_a_first_call(self):
        self.assertEqual(self.client.get("/api/search/").status_code, 200)

    def test_b_third_call(self):
        self.assertEqual(self.client.get("/api/search/").status_code, 200)
        self.assertEqual(self.client.get("/api/search/").status_code, 200)
        self.assertEqual(self.client.get("/api/search/").status_code, 429)
