# ok: a Django form validates the JSON, 422 with the form's errors, HTTPStatus names throughout
import json
from http import HTTPStatus

from django import forms
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .models import Product


class ProductForm(forms.ModelForm):
    class Meta:
        model = Product
        fields = ["name"]


@require_POST
def create_product(request):
    if request.content_type != "application/json":
        return JsonResponse({"error": "JSON only"}, status=HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                            headers={"Accept": "application/json"})
    form = ProductForm(json.loads(request.body))
    if not form.is_valid():
        return JsonResponse({"errors": form.errors}, status=HTTPStatus.UNPROCESSABLE_ENTITY)
    product = form.save()
    return JsonResponse({"id": product.id, "name": product.name}, status=HTTPStatus.CREATED)
