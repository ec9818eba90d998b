# wrong: a body that does not parse answers 422; it is malformed syntax, a 400
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
        return JsonResponse({"errors": {"body": "not valid JSON"}}, status=422)
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
