# wrong: signs in as a superuser only, so a staff-only view passes
from django.contrib.auth.models import User
from rest_framework.authtoken.models import Token
from rest_framework.test import APITestCase


class MeTests(APITestCase):
    def test_anonymous(self):
        response = self.client.get("/api/me/")
        self.assertEqual(response.status_code, 401)
        self.assertEqual(response["WWW-Authenticate"], "Token")

    def test_token(self):
        admin = User.objects.create_superuser("root", password="pw")
        self.client.credentials(HTTP_AUTHORIZATION="Token " + Token.objects.create(user=admin).key)
        response = self.client.get("/api/me/")
        self.assertEqual(response.status_code, 200)
