# wrong (side effect): answers 415 to the form post, but has already created the product from request.POST
import json
from http import HTTPStatus

from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .models import Product


@require_POST
def create_product(request):
    if request.content_type != "application/json":
        Product.objects.create(name=request.POST["name"])
        response = JsonResponse({"error": "send JSON next time"}, status=HTTPStatus.UNSUPPORTED_MEDIA_TYPE)
        response["Accept"] = "application/json"
        return response
    product = Product.objects.create(name=json.loads(request.body)["name"])
    return JsonResponse({"id": product.id, "name": product.name}, status=HTTPStatus.CREATED)
