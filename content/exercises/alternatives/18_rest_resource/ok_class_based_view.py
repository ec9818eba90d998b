# ok: product_detail as a class-based View; View.http_method_not_allowed sends Allow
import json
from http import HTTPStatus

from django.http import HttpResponse, JsonResponse
from django.views import View
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



class ProductDetailView(View):
    http_method_names = ["get", "put", "patch", "delete", "head", "options"]

    def dispatch(self, request, product_id):
        self.product = Product.objects.filter(pk=product_id).first()
        if self.product is None and request.method.lower() in self.http_method_names:
            return JsonResponse({"error": "not found"}, status=HTTPStatus.NOT_FOUND)
        return super().dispatch(request, product_id)

    def get(self, request, product_id):
        return JsonResponse(as_json(self.product))

    def put(self, request, product_id):
        return self.change(request, required={"name", "price"})

    def patch(self, request, product_id):
        return self.change(request, required=set())

    def delete(self, request, product_id):
        self.product.delete()
        return HttpResponse(status=HTTPStatus.NO_CONTENT)

    def change(self, request, required):
        data = read_json(request)
        if data is None or not required <= data.keys():
            return JsonResponse({"error": "send name and price"}, status=HTTPStatus.BAD_REQUEST)
        for field in {"name", "price"} & data.keys():
            setattr(self.product, field, data[field])
        self.product.save()
        self.product.refresh_from_db()
        return JsonResponse(as_json(self.product))


product_detail = ProductDetailView.as_view()
