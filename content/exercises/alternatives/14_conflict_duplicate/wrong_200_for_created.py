# wrong: a new product answers 200 OK instead of 201 Created
import json

from django.db import IntegrityError, transaction
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .models import Product


@require_POST
def create_product(request):
    try:
        with transaction.atomic():
            product = Product.objects.create(name=json.loads(request.body)["name"])
    except IntegrityError:
        return JsonResponse({"error": "a product with this name exists"}, status=409)
    response = JsonResponse({"id": product.id, "name": product.name})
    response["Location"] = f"/api/products/{product.id}/"
    return response
