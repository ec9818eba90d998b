# ok: catches only ZeroDivisionError to log context, then re-raises so Django answers the 500
import logging

from django.http import JsonResponse

from .models import Product

logger = logging.getLogger(__name__)


def average_price(request):
    prices = [product.price for product in Product.objects.all()]
    try:
        average = sum(prices) / len(prices)
    except ZeroDivisionError:
        logger.warning("average price asked with no products")
        raise
    return JsonResponse({"average": str(average)})
