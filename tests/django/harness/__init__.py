"""status-tutor's Django verification harness (entry point: tests/django/run.py)."""
