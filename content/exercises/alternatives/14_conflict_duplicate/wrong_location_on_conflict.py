# wrong: the 409 carries a Location to the existing product, though nothing was created
import json
from http import HTTPStatus

from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .models import Product


@require_POST
def create_product(request):
    product, created = Product.objects.get_or_create(name=json.loads(request.body)["name"])
    status = HTTPStatus.CREATED if created else HTTPStatus.CONFLICT
    body = {"id": product.id, "name": product.name} if created else {"error": "a product with this name exists"}
    response = JsonResponse(body, status=status)
    response["Location"] = f"/api/products/{product.id}/"
    return response
