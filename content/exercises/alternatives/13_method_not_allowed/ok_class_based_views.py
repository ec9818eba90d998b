# ok: class-based views; View.http_method_not_allowed sends Allow (with HEAD and OPTIONS)
from django.http import HttpResponse
from django.views import View


class ArticleListView(View):
    def get(self, request):
        return HttpResponse("All articles")


class PingView(View):
    def post(self, request):
        return HttpResponse("pong")


article_list = ArticleListView.as_view()
ping = PingView.as_view()
