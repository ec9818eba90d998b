# wrong: @user_passes_test sends a logged-in non-staff user to the login page (302), not 403
from django.contrib.auth.decorators import user_passes_test
from django.http import HttpResponse


@user_passes_test(lambda user: user.is_staff)
def reports(request):
    return HttpResponse("Monthly reports")
