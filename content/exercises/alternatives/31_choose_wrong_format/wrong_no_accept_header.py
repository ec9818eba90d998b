# wrong: 415 without an Accept header, so the client is not told which format to send
import json
from http import HTTPStatus

from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .models import Product


@require_POST
def create_product(request):
    if request.content_type != "application/json":
        return JsonResponse({"error": "send JSON"}, status=HTTPStatus.UNSUPPORTED_MEDIA_TYPE)
    product = Product.objects.create(name=json.loads(request.body)["name"])
    return JsonResponse({"id": product.id, "name": product.name}, status=HTTPStatus.CREATED)
