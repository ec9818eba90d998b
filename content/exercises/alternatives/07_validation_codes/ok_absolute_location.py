# ok: an absolute Location (build_absolute_uri), HTTPStatus.UNPROCESSABLE_ENTITY (Python 3.11's name for 422)
import json
from decimal import Decimal, InvalidOperation
from http import HTTPStatus

from django.http import JsonResponse
from django.views.decorators.http import require_http_methods

from .models import Product


@require_http_methods(["POST"])
def create_product(request):
    if request.content_type != "application/json":
        return JsonResponse({"error": "send application/json"}, status=HTTPStatus.UNSUPPORTED_MEDIA_TYPE)
    try:
        data = json.loads(request.body)
    except ValueError:
        return JsonResponse({"error": "the body is not valid JSON"}, status=HTTPStatus.BAD_REQUEST)
    if not isinstance(data, dict):
        data = {}
    errors = {}
    if not data.get("name"):
        errors["name"] = ["This field is required."]
    try:
        price = Decimal(str(data.get("price", 0)))
    except InvalidOperation:
        errors["price"] = ["Enter a number."]
    else:
        if price < 0:
            errors["price"] = ["Ensure this value is greater than or equal to 0."]
    if errors:
        return JsonResponse({"errors": errors}, status=HTTPStatus.UNPROCESSABLE_ENTITY)
    product = Product.objects.create(name=data["name"], price=price)
    response = JsonResponse({"id": product.id, "name": product.name}, status=HTTPStatus.CREATED)
    response["Location"] = request.build_absolute_uri(f"/api/products/{product.id}/")
    return response
