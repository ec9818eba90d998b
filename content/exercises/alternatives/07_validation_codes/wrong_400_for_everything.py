# wrong: every bad request answers 400, so the client cannot tell a media type from a bad value
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
        price = Decimal(str(data.get("price", "0")))
        if not data.get("name") or price < 0:
            raise ValueError("bad values")
    except (ValueError, InvalidOperation, AttributeError):
        return JsonResponse({"errors": {"name": "check", "price": "check"}}, status=HTTPStatus.BAD_REQUEST)
    product = Product.objects.create(name=data["name"], price=price)
    response = JsonResponse({"id": product.id, "name": product.name}, status=HTTPStatus.CREATED)
    response["Location"] = f"/api/products/{product.id}/"
    return response
