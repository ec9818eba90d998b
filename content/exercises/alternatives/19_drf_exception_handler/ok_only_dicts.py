# ok: adds the status only to dict bodies (a list of errors stays as it is)
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView, exception_handler


def api_exception_handler(exc, context):
    response = exception_handler(exc, context)
    if response is not None and isinstance(response.data, dict):
        response.data.setdefault("status", response.status_code)
    return response


class Secret(APIView):
    permission_classes = [IsAuthenticated]

    def get(self, request):
        return Response({"secret": 42})


class Item(APIView):
    permission_classes = [AllowAny]

    def get(self, request, pk):
        raise NotFound(f"No item {pk}.")
