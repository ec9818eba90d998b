# wrong: hides the bug: an empty shop answers 200 with an average of 0
from django.http import JsonResponse

from .models import Product


def average_price(request):
    prices = [product.price for product in Product.objects.all()]
    average = sum(prices) / len(prices) if prices else 0
    return JsonResponse({"average": str(average)})
