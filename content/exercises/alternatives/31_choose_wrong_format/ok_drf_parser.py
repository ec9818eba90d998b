# ok: DRF with JSONParser only: a form body raises UnsupportedMediaType (415), Accept added in the view, 400 as DRF answers a blank field
from rest_framework import status
from rest_framework.decorators import api_view, parser_classes
from rest_framework.exceptions import UnsupportedMediaType
from rest_framework.parsers import JSONParser
from rest_framework.response import Response

from .models import Product


@api_view(["POST"])
@parser_classes([JSONParser])
def create_product(request):
    try:
        name = request.data["name"]
    except UnsupportedMediaType as exc:
        return Response({"detail": str(exc.detail)}, status=exc.status_code,
                        headers={"Accept": "application/json"})
    if not name:
        return Response({"name": ["This field may not be blank."]}, status=status.HTTP_400_BAD_REQUEST)
    product = Product.objects.create(name=name)
    return Response({"id": product.id, "name": product.name}, status=status.HTTP_201_CREATED)
