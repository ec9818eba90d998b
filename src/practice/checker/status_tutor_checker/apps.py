from django.apps import AppConfig


class PracticeConfig(AppConfig):
    # The learner's file is loaded as a module of this package, so `from .models import
    # Article` works there as it does in the course's samples.
    name = "status_tutor_checker"
    label = "practice"
    default_auto_field = "django.db.models.AutoField"
