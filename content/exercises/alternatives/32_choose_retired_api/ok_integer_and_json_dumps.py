# ok: the integer 410 with HttpResponse and json.dumps, a charset on the Content-Type
import json

from django.http import HttpResponse


def api_v1(request, rest):
    body = json.dumps({"use": "/api/v2/"})
    return HttpResponse(body, status=410, content_type="application/json; charset=utf-8")
