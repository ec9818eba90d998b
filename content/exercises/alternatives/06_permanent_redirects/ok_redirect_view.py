# ok: RedirectView.as_view for the 301, a hand-built 308 with HTTPStatus.PERMANENT_REDIRECT
from http import HTTPStatus

from django.http import HttpResponse
from django.views.generic import RedirectView

old_about = RedirectView.as_view(url="/about/", permanent=True)


def old_articles_api(request):
    return HttpResponse(status=HTTPStatus.PERMANENT_REDIRECT, headers={"Location": "/api/v2/articles/"})
