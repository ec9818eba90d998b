# wrong: the database's refusal is never handled, so a duplicate is an IntegrityError and a 500
import json
from http import HTTPStatus

from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .models import Product


@require_POST
def create_product(request):
    product = Product.objects.create(name=json.loads(request.body)["name"])
    response = JsonResponse({"id": product.id, "name": product.name}, status=HTTPStatus.CREATED)
    response["Location"] = f"/api/products/{product.id}/"
    return response
