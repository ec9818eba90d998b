# wrong (side effect): update_or_create overwrites the existing product's price, then answers 409
import json
from http import HTTPStatus

from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .models import Product


@require_POST
def create_product(request):
    data = json.loads(request.body)
    product, created = Product.objects.update_or_create(
        name=data["name"], defaults={"price": data.get("price", "0")}
    )
    if not created:
        return JsonResponse({"error": "a product with this name exists"}, status=HTTPStatus.CONFLICT)
    response = JsonResponse({"id": product.id, "name": product.name}, status=HTTPStatus.CREATED)
    response["Location"] = f"/api/products/{product.id}/"
    return response
