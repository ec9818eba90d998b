# wrong (side effect): catches the error and hand-builds Django's 500 text; the exception never reaches Django
from django.http import HttpResponseServerError, JsonResponse

from .models import Product


def average_price(request):
    try:
        prices = [product.price for product in Product.objects.all()]
        average = sum(prices) / len(prices)
    except Exception:
        return HttpResponseServerError("<h1>Server Error (500)</h1>")
    return JsonResponse({"average": str(average)})
