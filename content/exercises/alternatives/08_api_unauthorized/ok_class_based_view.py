# ok: a class-based View that authenticates in dispatch(), headers= on JsonResponse, integer 401
from django.http import JsonResponse
from django.views import View

# demo only: a real API stores a hash of each token, per user
TOKENS = {"alice-token": "alice"}


class ProfileView(View):
    def dispatch(self, request, *args, **kwargs):
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        self.username = TOKENS.get(token) if scheme.lower() == "bearer" else None
        if self.username is None:
            return JsonResponse(
                {"error": "authentication required"},
                status=401,
                headers={"WWW-Authenticate": 'Bearer realm="api"'},
            )
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return JsonResponse({"username": self.username})


profile = ProfileView.as_view()
