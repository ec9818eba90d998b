# wrong: 400 for a form body, a status about the values, not the format
import json
from http import HTTPStatus

from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .models import Product


@require_POST
def create_product(request):
    if request.content_type != "application/json":
        response = JsonResponse({"error": "send JSON"}, status=HTTPStatus.BAD_REQUEST)
        response["Accept"] = "application/json"
        return response
    product = Product.objects.create(name=json.loads(request.body)["name"])
    return JsonResponse({"id": product.id, "name": product.name}, status=HTTPStatus.CREATED)
