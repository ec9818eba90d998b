# ok: get_or_create (it handles the database's IntegrityError itself); 409 when nothing was created
import json
from http import HTTPStatus

from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .models import Product


@require_POST
def create_product(request):
    name = json.loads(request.body)["name"]
    product, created = Product.objects.get_or_create(name=name)
    if not created:
        return JsonResponse({"error": "a product with this name exists"}, status=HTTPStatus.CONFLICT)
    response = JsonResponse({"id": product.id, "name": product.name}, status=HTTPStatus.CREATED)
    response["Location"] = f"/api/products/{product.id}/"
    return response
