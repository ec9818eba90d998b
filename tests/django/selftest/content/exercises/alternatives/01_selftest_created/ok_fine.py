# ok: the integer 201 and headers=
from django.http import HttpResponse


def made(request):
    return HttpResponse("made", status=201, headers={"Location": "/made/1/"})
