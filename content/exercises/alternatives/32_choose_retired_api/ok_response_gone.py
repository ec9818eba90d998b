# ok: HttpResponseGone, Django's own class for 410, with a JSON body
import json

from django.http import HttpResponseGone


def api_v1(request, rest):
    return HttpResponseGone(json.dumps({"use": "/api/v2/"}), content_type="application/json")
