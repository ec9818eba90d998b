# ok: a class-based View with get(); no try/except at all
from django.http import JsonResponse
from django.views import View

from .models import Product


class AveragePriceView(View):
    def get(self, request):
        prices = list(Product.objects.values_list("price", flat=True))
        return JsonResponse({"average": str(sum(prices) / len(prices))})


average_price = AveragePriceView.as_view()
