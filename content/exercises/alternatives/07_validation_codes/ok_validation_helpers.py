# ok: one helper per problem, HttpResponse with json.dumps and a charset, the integer statuses
import json
from decimal import Decimal, InvalidOperation

from django.http import HttpResponse
from django.views.decorators.http import require_POST

from .models import Product


def answer(data, status):
    return HttpResponse(json.dumps(data), status=status, content_type="application/json; charset=utf-8")


def parse_price(value):
    try:
        price = Decimal(str(value))
    except InvalidOperation:
        return None, "not a number"
    if not price.is_finite() or price < 0:
        return None, "must be a number of 0 or more"
    return price, None


@require_POST
def create_product(request):
    if request.content_type != "application/json":
        return answer({"error": "expected application/json"}, 415)
    try:
        data = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return answer({"error": "invalid JSON"}, 400)
    if not isinstance(data, dict):
        return answer({"errors": {"body": "expected an object"}}, 422)
    errors = {}
    name = data.get("name")
    if not isinstance(name, str) or not name:
        errors["name"] = "required"
    price, problem = parse_price(data.get("price", "0"))
    if problem:
        errors["price"] = problem
    if errors:
        return answer({"errors": errors}, 422)
    product = Product.objects.create(name=name, price=price)
    response = answer({"id": product.id, "name": product.name, "price": str(product.price)}, 201)
    response["Location"] = f"/api/products/{product.id}/"
    return response
