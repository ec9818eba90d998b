# wrong: HEAD fixed, but user_passes_test kept, so a signed-in user who is not staff loops to the login page
from django.contrib.auth.decorators import login_required, user_passes_test
from django.http import HttpResponse
from django.views.decorators.http import require_safe


@require_safe
@login_required
@user_passes_test(lambda user: user.is_staff)
def reports(request):
    return HttpResponse("Monthly reports")
