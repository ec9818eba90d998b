# wrong: no Location
from django.http import HttpResponse


def made(request):
    return HttpResponse("made", status=201)
