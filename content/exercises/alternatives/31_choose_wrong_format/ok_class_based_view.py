# ok: a class-based View with post(), the integers 415 and 422 and HttpResponse with json.dumps
import json

from django.http import HttpResponse
from django.views import View

from .models import Product


class ProductCreateView(View):
    http_method_names = ["post"]

    def post(self, request):
        if request.content_type != "application/json":
            return HttpResponse(
                json.dumps({"error": "send JSON"}),
                status=415,
                content_type="application/json",
                headers={"Accept": "application/json"},
            )
        name = json.loads(request.body).get("name", "")
        if not name.strip():
            return HttpResponse(
                json.dumps({"errors": {"name": ["required"]}}), status=422, content_type="application/json"
            )
        product = Product.objects.create(name=name)
        return HttpResponse(
            json.dumps({"id": product.id, "name": product.name}),
            status=201,
            content_type="application/json; charset=utf-8",
        )


create_product = ProductCreateView.as_view()
