# wrong: expects 403 for an anonymous client, so it fails against the right view
from rest_framework.test import APITestCase


class MeTests(APITestCase):
    def test_anonymous(self):
        self.assertEqual(self.client.get("/api/me/").status_code, 403)
