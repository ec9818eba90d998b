# wrong (side effect): PUT and PATCH change the object in memory and answer it, but never save()
import json
from http import HTTPStatus

from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_http_methods

from .models import Product


def as_json(product):
    return {"id": product.id, "name": product.name, "price": str(product.price)}


def read_json(request):
    """The JSON object in the body, or None."""
    try:
        data = json.loads(request.body)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


@require_http_methods(["GET", "POST"])
def product_list(request):
    if request.method == "POST":
        data = read_json(request)
        if not data or not data.get("name"):
            return JsonResponse({"error": "name required"}, status=HTTPStatus.BAD_REQUEST)
        product = Product.objects.create(name=data["name"], price=data.get("price", "0"))
        product.refresh_from_db()
        response = JsonResponse(as_json(product), status=HTTPStatus.CREATED)
        response["Location"] = f"/api/products/{product.id}/"
        return response
    return JsonResponse([as_json(p) for p in Product.objects.order_by("id")], safe=False)



@require_http_methods(["GET", "PUT", "PATCH", "DELETE"])
def product_detail(request, product_id):
    product = Product.objects.filter(id=product_id).first()
    if product is None:
        return JsonResponse({"error": "not found"}, status=HTTPStatus.NOT_FOUND)
    if request.method == "DELETE":
        product.delete()
        return HttpResponse(status=HTTPStatus.NO_CONTENT)
    if request.method in ("PUT", "PATCH"):
        data = read_json(request)
        fields = {"name", "price"}
        if data is None or (request.method == "PUT" and not fields <= data.keys()):
            return JsonResponse({"error": "send name and price"}, status=HTTPStatus.BAD_REQUEST)
        for field in fields & data.keys():
            setattr(product, field, data[field])
    return JsonResponse(as_json(product))
