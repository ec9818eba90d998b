# wrong (side effect): saves the product first and only then refuses a negative or bad price with 422
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
    if not data.get("name"):
        return JsonResponse({"errors": {"name": "required"}}, status=422)
    product = Product.objects.create(name=data["name"])
    try:
        product.price = Decimal(str(data.get("price", "0")))
    except InvalidOperation:
        return JsonResponse({"errors": {"price": "not a number"}}, status=422)
    if product.price < 0:
        return JsonResponse({"errors": {"price": "must not be negative"}}, status=422)
    product.save()
    response = JsonResponse({"id": product.id, "name": product.name}, status=HTTPStatus.CREATED)
    response["Location"] = f"/api/products/{product.id}/"
    return response
