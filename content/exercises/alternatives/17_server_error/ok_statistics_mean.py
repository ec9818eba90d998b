# ok: statistics.mean, whose StatisticsError on no data reaches Django as a 500
from statistics import mean

from django.http import JsonResponse

from .models import Product


def average_price(request):
    average = mean(Product.objects.values_list("price", flat=True))
    return JsonResponse({"average": str(average)})
