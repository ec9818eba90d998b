# wrong: the 422 body lists messages ({"errors": [...]}) instead of an object keyed by field
import json
from decimal import Decimal, InvalidOperation
from http import HTTPStatus

from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .models import Product


@require_POST
def create_product(request):
    if request.content_type != "application/json":
        return JsonResponse({"error": "send application/json"}, status=HTTPStatus.UNSUPPORTED_MEDIA_TYPE)
    try:
        data = json.loads(request.body)
    except ValueError:
        return JsonResponse({"error": "the body is not valid JSON"}, status=HTTPStatus.BAD_REQUEST)
    errors = []
    if not data.get("name"):
        errors.append("name is required")
    try:
        price = Decimal(str(data.get("price", "0")))
        if price < 0:
            errors.append("price must not be negative")
    except InvalidOperation:
        errors.append("price is not a number")
    if errors:
        return JsonResponse({"errors": errors}, status=422)
    product = Product.objects.create(name=data["name"], price=price)
    response = JsonResponse({"id": product.id, "name": product.name}, status=HTTPStatus.CREATED)
    response["Location"] = f"/api/products/{product.id}/"
    return response
