# wrong: the catch-all JSON 500 of the starter, which leaks the error message
from http import HTTPStatus

from django.http import JsonResponse

from .models import Product


def average_price(request):
    try:
        prices = [product.price for product in Product.objects.all()]
        return JsonResponse({"average": str(sum(prices) / len(prices))})
    except Exception as error:
        return JsonResponse({"error": str(error)}, status=HTTPStatus.INTERNAL_SERVER_ERROR)
