# ok: an absolute Location from build_absolute_uri, HttpResponse with json.dumps and a charset
import json
from http import HTTPStatus

from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.views.decorators.http import require_POST

from .models import Product


def json_response(data, status):
    return HttpResponse(json.dumps(data), status=status, content_type="application/json; charset=utf-8")


@require_POST
def create_product(request):
    name = json.loads(request.body)["name"]
    try:
        with transaction.atomic():
            product = Product.objects.create(name=name)
    except IntegrityError:
        return json_response({"error": "a product with this name exists"}, HTTPStatus.CONFLICT)
    response = json_response({"id": product.id, "name": product.name, "price": str(product.price)},
                             HTTPStatus.CREATED)
    response["Location"] = request.build_absolute_uri(f"/api/products/{product.id}/")
    return response
