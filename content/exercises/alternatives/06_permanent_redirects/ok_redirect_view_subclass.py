# ok: class-based RedirectView subclasses; the 308 overrides the methods to keep the request
from django.http import HttpResponsePermanentRedirect
from django.views.generic import RedirectView


class AboutMoved(RedirectView):
    url = "/about/"
    permanent = True


class ArticlesApiMoved(RedirectView):
    url = "/api/v2/articles/"

    def get(self, request, *args, **kwargs):
        return HttpResponsePermanentRedirect(self.get_redirect_url(*args, **kwargs), preserve_request=True)


old_about = AboutMoved.as_view()
old_articles_api = ArticlesApiMoved.as_view()
