# ok: a Django Form validates the values (DecimalField with min_value); its errors become the 422 body
import json
from decimal import Decimal
from http import HTTPStatus

from django import forms
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .models import Product


class ProductForm(forms.Form):
    name = forms.CharField(max_length=200)
    price = forms.DecimalField(min_value=0, max_digits=10, decimal_places=2, required=False)


@require_POST
def create_product(request):
    if request.content_type != "application/json":
        return JsonResponse({"error": "send application/json"}, status=HTTPStatus.UNSUPPORTED_MEDIA_TYPE)
    try:
        data = json.loads(request.body)
    except ValueError:
        return JsonResponse({"error": "the body is not valid JSON"}, status=HTTPStatus.BAD_REQUEST)
    form = ProductForm(data if isinstance(data, dict) else {})
    if not form.is_valid():
        return JsonResponse({"errors": form.errors}, status=HTTPStatus.UNPROCESSABLE_ENTITY)
    price = form.cleaned_data["price"]
    product = Product.objects.create(name=form.cleaned_data["name"], price=Decimal("0") if price is None else price)
    response = JsonResponse({"id": product.id, "name": product.name}, status=HTTPStatus.CREATED)
    response["Location"] = f"/api/products/{product.id}/"
    return response
