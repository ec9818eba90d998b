"""The test models exercises may use (the same fields as the course's samples)."""

from django.conf import settings
from django.db import models


class Article(models.Model):
    title = models.CharField(max_length=200)
    content = models.TextField(blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        app_label = "practice"

    def __str__(self):
        return self.title


class Product(models.Model):
    # unique: a duplicate name is refused by the database (IntegrityError), as exercise 11 teaches
    name = models.CharField(max_length=200, unique=True)
    price = models.DecimalField(max_digits=10, decimal_places=2, default=0)

    class Meta:
        app_label = "practice"

    def __str__(self):
        return self.name
