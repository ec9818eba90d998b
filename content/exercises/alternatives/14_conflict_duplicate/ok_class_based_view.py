# ok: a class-based View, save() in a transaction.atomic block, integer statuses, headers=
import json

from django.db import IntegrityError, transaction
from django.http import JsonResponse
from django.views import View

from .models import Product


class ProductListView(View):
    http_method_names = ["post"]

    def post(self, request):
        product = Product(name=json.loads(request.body)["name"])
        try:
            with transaction.atomic():
                product.save()
        except IntegrityError:
            return JsonResponse({"error": "a product with this name exists"}, status=409)
        return JsonResponse(
            {"id": product.pk, "name": product.name},
            status=201,
            headers={"Location": f"/api/products/{product.pk}/"},
        )


create_product = ProductListView.as_view()
