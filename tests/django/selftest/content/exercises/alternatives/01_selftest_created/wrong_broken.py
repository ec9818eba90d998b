# wrong: (planted: does not import, so it proves nothing)
from django.http import HttpResponseCreated


def made(request):
    return HttpResponseCreated("made")
