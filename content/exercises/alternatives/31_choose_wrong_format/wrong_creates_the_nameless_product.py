# wrong (side effect): answers 422 to the empty name, but has already saved the product
import json
from http import HTTPStatus

from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .models import Product


@require_POST
def create_product(request):
    if request.content_type != "application/json":
        return JsonResponse({"error": "send JSON"}, status=HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                            headers={"Accept": "application/json"})
    product = Product.objects.create(name=json.loads(request.body)["name"])
    if not product.name:
        return JsonResponse({"errors": {"name": ["required"]}}, status=HTTPStatus.UNPROCESSABLE_ENTITY)
    return JsonResponse({"id": product.id, "name": product.name}, status=HTTPStatus.CREATED)
