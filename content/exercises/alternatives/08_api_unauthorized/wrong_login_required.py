# wrong: @login_required redirects an API client to the login page (302) instead of a 401
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse

# demo only: a real API stores a hash of each token, per user
TOKENS = {"alice-token": "alice"}


@login_required
def profile(request):
    return JsonResponse({"username": request.user.username})
