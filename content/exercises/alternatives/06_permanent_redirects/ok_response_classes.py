# ok: HttpResponsePermanentRedirect, with preserve_request=True for the 308 (Django 5.2)
from django.http import HttpResponsePermanentRedirect


def old_about(request):
    return HttpResponsePermanentRedirect("/about/")


def old_articles_api(request):
    return HttpResponsePermanentRedirect("/api/v2/articles/", preserve_request=True)
