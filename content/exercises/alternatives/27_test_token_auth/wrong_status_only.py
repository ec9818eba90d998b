# wrong: checks the 401 but not its challenge
from django.contrib.auth.models import User
from rest_framework.authtoken.models import Token
from rest_framework.test import APITestCase


class MeTests(APITestCase):
    def test_anonymous(self):
        self.assertEqual(self.client.get("/api/me/").status_code, 401)

    def test_token(self):
        token = Token.objects.create(user=User.objects.create_user("erin"))
        self.client.credentials(HTTP_AUTHORIZATION="Token " + token.key)
        self.assertEqual(self.client.get("/api/me/").status_code, 200)
