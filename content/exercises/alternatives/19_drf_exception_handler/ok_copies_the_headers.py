# ok: a new Response that copies the headers DRF set
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView, exception_handler


def api_exception_handler(exc, context):
    response = exception_handler(exc, context)
    if response is None:
        return None
    headers = {name: response[name] for name in ("WWW-Authenticate", "Retry-After") if response.has_header(name)}
    return Response({**response.data, "status": response.status_code}, status=response.status_code, headers=headers)


class Secret(APIView):
    permission_classes = [IsAuthenticated]

    def get(self, request):
        return Response({"secret": 42})


class Item(APIView):
    permission_classes = [AllowAny]

    def get(self, request, pk):
        raise NotFound(f"No item {pk}.")
