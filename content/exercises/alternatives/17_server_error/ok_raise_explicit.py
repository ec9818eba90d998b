# ok: raises its own exception for "no products" and lets Django turn it into the 500
from django.http import JsonResponse
from django.views.decorators.http import require_safe

from .models import Product


class NoProducts(RuntimeError):
    """The shop has no products: a bug for this view, not the client's mistake."""


@require_safe
def average_price(request):
    prices = [product.price for product in Product.objects.all()]
    if not prices:
        raise NoProducts("no products to average")
    return JsonResponse({"average": str(sum(prices) / len(prices))})
