# ok: a class-based View; the media type parsed from META (parameters such as charset allowed)
import json
from decimal import Decimal, InvalidOperation

from django.http import JsonResponse
from django.views import View

from .models import Product


class ProductCreateView(View):
    http_method_names = ["post"]

    def post(self, request):
        media_type = request.META.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
        if media_type != "application/json":
            return JsonResponse({"error": "unsupported media type"}, status=415)
        try:
            data = json.loads(request.body)
        except json.JSONDecodeError:
            return JsonResponse({"error": "malformed JSON"}, status=400)
        errors = self.validate(data)
        if errors:
            return JsonResponse({"errors": errors}, status=422)
        product = Product.objects.create(name=data["name"], price=Decimal(str(data.get("price", "0"))))
        return JsonResponse({"id": product.id, "name": product.name}, status=201,
                            headers={"Location": f"/api/products/{product.id}/"})

    @staticmethod
    def validate(data):
        if not isinstance(data, dict):
            return {"body": "expected a JSON object"}
        errors = {}
        if not str(data.get("name") or "").strip():
            errors["name"] = "This field is required."
        try:
            if Decimal(str(data.get("price", "0"))) < 0:
                errors["price"] = "Must not be negative."
        except InvalidOperation:
            errors["price"] = "Enter a number."
        return errors


create_product = ProductCreateView.as_view()
