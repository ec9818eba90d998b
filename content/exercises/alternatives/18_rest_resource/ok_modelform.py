# ok: a ModelForm validates PUT (every field) and PATCH (the stored values filled in)
import json
from http import HTTPStatus

from django import forms
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



class ProductForm(forms.ModelForm):
    class Meta:
        model = Product
        fields = ["name", "price"]


@require_http_methods(["GET", "PUT", "PATCH", "DELETE"])
def product_detail(request, product_id):
    try:
        product = Product.objects.get(pk=product_id)
    except Product.DoesNotExist:
        return JsonResponse({"error": "not found"}, status=HTTPStatus.NOT_FOUND)
    if request.method == "DELETE":
        product.delete()
        return HttpResponse(status=HTTPStatus.NO_CONTENT)
    if request.method == "GET":
        return JsonResponse(as_json(product))
    data = read_json(request)
    if data is None:
        return JsonResponse({"error": "send a JSON object"}, status=HTTPStatus.BAD_REQUEST)
    if request.method == "PATCH":
        data = {"name": product.name, "price": product.price, **data}
    form = ProductForm(data, instance=product)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors}, status=HTTPStatus.BAD_REQUEST)
    return JsonResponse(as_json(form.save()))
