# ok: Django's TestCase and its client, the header passed with headers=
from django.contrib.auth.models import User
from django.test import TestCase
from rest_framework.authtoken.models import Token


class MeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = User.objects.create_user("bob", password="secret")
        cls.token = Token.objects.create(user=cls.user)

    def test_anonymous(self):
        response = self.client.get("/api/me/")
        self.assertEqual(response.status_code, 401)
        self.assertTrue(response.headers["WWW-Authenticate"].startswith("Token"))

    def test_token(self):
        response = self.client.get("/api/me/", headers={"Authorization": f"Token {self.token.key}"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["username"], "bob")
