# ok: an APIClient made by hand, a wrong token too, and assertJSONEqual
from django.contrib.auth.models import User
from django.test import TestCase
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient


class MeTests(TestCase):
    def setUp(self):
        self.api = APIClient()
        self.token = Token.objects.create(user=User.objects.create_user("carol"))

    def test_no_credentials(self):
        response = self.api.get("/api/me/")
        self.assertEqual((response.status_code, response["WWW-Authenticate"]), (401, "Token"))

    def test_wrong_token(self):
        self.api.credentials(HTTP_AUTHORIZATION="Token nope")
        response = self.api.get("/api/me/")
        self.assertEqual(response.status_code, 401)

    def test_right_token(self):
        self.api.credentials(HTTP_AUTHORIZATION="Token " + self.token.key)
        response = self.api.get("/api/me/")
        self.assertEqual(response.status_code, 200)
        self.assertJSONEqual(response.content, {"username": "carol"})
