# wrong: 409 for an empty name, a clash with the server's state where only the value is wrong
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
    data = json.loads(request.body)
    if not data.get("name"):
        return JsonResponse({"error": "name is required"}, status=HTTPStatus.CONFLICT)
    product = Product.objects.create(name=data["name"])
    return JsonResponse({"id": product.id, "name": product.name}, status=HTTPStatus.CREATED)
