# ok: a class-based View answering 410 for every method through dispatch
from http import HTTPStatus

from django.http import JsonResponse
from django.views import View


class RetiredApiView(View):
    def dispatch(self, request, *args, **kwargs):
        return JsonResponse({"use": "/api/v2/", "detail": "API v1 was removed"}, status=HTTPStatus.GONE)


api_v1 = RetiredApiView.as_view()
