# ok: 400, one of the two accepted answers
from django.http import JsonResponse


def choose(request):
    return JsonResponse({"error": "name required"}, status=400)
