# ok: one small function per method in a dict, HttpResponseNotAllowed for the rest, integer statuses
import json
from http import HTTPStatus

from django.http import HttpResponse, HttpResponseNotAllowed, JsonResponse
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



def show(request, product):
    return JsonResponse(as_json(product))


def replace(request, product):
    data = read_json(request)
    if data is None or "name" not in data or "price" not in data:
        return JsonResponse({"error": "PUT needs name and price"}, status=400)
    product.name, product.price = data["name"], data["price"]
    product.save()
    product.refresh_from_db()
    return JsonResponse(as_json(product))


def change(request, product):
    data = read_json(request)
    if data is None:
        return JsonResponse({"error": "send a JSON object"}, status=400)
    for field in ("name", "price"):
        if field in data:
            setattr(product, field, data[field])
    product.save()
    product.refresh_from_db()
    return JsonResponse(as_json(product))


def remove(request, product):
    product.delete()
    return HttpResponse(status=204)


HANDLERS = {"GET": show, "PUT": replace, "PATCH": change, "DELETE": remove}


def product_detail(request, product_id):
    handler = HANDLERS.get(request.method)
    if handler is None:
        return HttpResponseNotAllowed(list(HANDLERS))
    product = Product.objects.filter(id=product_id).first()
    if product is None:
        return JsonResponse({"error": "not found"}, status=404)
    return handler(request, product)
