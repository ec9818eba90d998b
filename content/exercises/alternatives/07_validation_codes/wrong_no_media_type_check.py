# wrong: the Content-Type is never looked at, so a form post is a 400 (broken JSON), not a 415
import json
from decimal import Decimal, InvalidOperation
from http import HTTPStatus

from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .models import Product


@require_POST
def create_product(request):
    try:
        data = json.loads(request.body)
    except ValueError:
        return JsonResponse({"error": "the body is not valid JSON"}, status=HTTPStatus.BAD_REQUEST)
    errors = {}
    if not data.get("name"):
        errors["name"] = "required"
    try:
        price = Decimal(str(data.get("price", "0")))
        if price < 0:
            errors["price"] = "must not be negative"
    except InvalidOperation:
        errors["price"] = "not a number"
    if errors:
        return JsonResponse({"errors": errors}, status=422)
    product = Product.objects.create(name=data["name"], price=price)
    response = JsonResponse({"id": product.id, "name": product.name}, status=HTTPStatus.CREATED)
    response["Location"] = f"/api/products/{product.id}/"
    return response
