# wrong: checks the 429 but not its Retry-After
from rest_framework.test import APITestCase


class ThrottleTests(APITestCase):
    def test_sequence(self):
        got = [self.client.get("/api/search/").status_code for _ in range(3)]
        self.assertEqual(got, [200, 200, 429])
