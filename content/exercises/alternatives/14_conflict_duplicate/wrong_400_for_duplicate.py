# wrong: a duplicate answers 400 Bad Request; the request is fine, it conflicts with the state: 409
import json
from http import HTTPStatus

from django.db import IntegrityError, transaction
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .models import Product


@require_POST
def create_product(request):
    name = json.loads(request.body)["name"]
    try:
        with transaction.atomic():
            product = Product.objects.create(name=name)
    except IntegrityError:
        return JsonResponse({"error": "a product with this name exists"}, status=HTTPStatus.BAD_REQUEST)
    response = JsonResponse({"id": product.id, "name": product.name}, status=HTTPStatus.CREATED)
    response["Location"] = f"/api/products/{product.id}/"
    return response
