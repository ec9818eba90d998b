# ok: the Content-Type header read from request.headers (parameters split off), headers= on JsonResponse, 400 for the empty name
import json
from http import HTTPStatus

from django.http import JsonResponse
from django.views.decorators.http import require_http_methods

from .models import Product


@require_http_methods(["POST"])
def create_product(request):
    media_type = request.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if media_type != "application/json":
        return JsonResponse(
            {"detail": f"Unsupported media type {media_type!r}; use application/json"},
            status=HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
            headers={"Accept": "application/json"},
        )
    data = json.loads(request.body)
    if not data.get("name"):
        return JsonResponse({"error": "name is required"}, status=HTTPStatus.BAD_REQUEST)
    product = Product.objects.create(name=data["name"])
    return JsonResponse({"id": product.pk, "name": product.name, "price": str(product.price)},
                        status=HTTPStatus.CREATED)
