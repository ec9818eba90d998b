# ok: the challenge's scheme parsed case-insensitively, HTTPStatus names
from http import HTTPStatus

from django.contrib.auth.models import User
from rest_framework.authtoken.models import Token
from rest_framework.test import APITestCase


class MeTests(APITestCase):
    def test_challenge(self):
        response = self.client.get("/api/me/")
        self.assertEqual(response.status_code, HTTPStatus.UNAUTHORIZED)
        scheme = response.headers.get("WWW-Authenticate", "").split(" ")[0]
        self.assertEqual(scheme.lower(), "token")

    def test_signed_in(self):
        user = User.objects.create_user("dave")
        self.client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
        response = self.client.get("/api/me/")
        self.assertEqual(response.status_code, HTTPStatus.OK)
        self.assertEqual(response.data, {"username": "dave"})
