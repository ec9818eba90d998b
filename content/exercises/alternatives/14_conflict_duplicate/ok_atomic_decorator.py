# ok: the whole view in @transaction.atomic, a nested atomic block around the INSERT (Django's documented pattern)
import json
from http import HTTPStatus

from django.db import IntegrityError, transaction
from django.http import JsonResponse
from django.views.decorators.http import require_http_methods

from .models import Product


@require_http_methods(["POST"])
@transaction.atomic
def create_product(request):
    data = json.loads(request.body)
    try:
        with transaction.atomic():
            product = Product.objects.create(name=data["name"])
    except IntegrityError:
        return JsonResponse({"error": "a product with this name exists"}, status=HTTPStatus.CONFLICT)
    response = JsonResponse({"id": product.id, "name": product.name}, status=HTTPStatus.CREATED)
    response["Location"] = f"/api/products/{product.id}/"
    return response
