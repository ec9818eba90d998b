# ok: (planted: 422 without the errors body that 422 must carry, must be reported as refused)
from django.http import JsonResponse


def choose(request):
    return JsonResponse({"error": "name required"}, status=422)
