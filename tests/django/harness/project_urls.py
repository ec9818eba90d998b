"""Placeholder ROOT_URLCONF: every check installs its own (see project.make_urlconf)."""

from harness.project import builtin_patterns

urlpatterns = builtin_patterns()
