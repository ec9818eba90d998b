from django.apps import AppConfig


class TutorAppConfig(AppConfig):
    name = "tutorapp"
    label = "tutorapp"
    default_auto_field = "django.db.models.AutoField"
