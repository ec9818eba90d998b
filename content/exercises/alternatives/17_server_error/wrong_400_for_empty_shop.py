# wrong: blames the client with a 400 for a state of the server (no products)
from django.http import JsonResponse

from .models import Product


def average_price(request):
    prices = [product.price for product in Product.objects.all()]
    if not prices:
        return JsonResponse({"error": "no products"}, status=400)
    return JsonResponse({"average": str(sum(prices) / len(prices))})
