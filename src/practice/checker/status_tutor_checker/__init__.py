"""status-tutor's practice checker: runs a learner's Django view against checks.

Shipped inside the status-tutor binary (src/practice/checker_files.rs) and written into
``<workspace>/.status-tutor/checker/``; run as ``python -m status_tutor_checker`` with a job
(JSON) on stdin, a report (JSON) on stdout. See src/practice/job.rs and report.rs.

``exchange`` (send one request, compare what came back) is shared with the course's sample
harness in tests/django, so samples and exercises are checked by the same engine.
Works with Django 5.2 and the Python standard library only.
"""

# The job format (src/practice/job.rs JOB_VERSION) and the report format (report.rs).
JOB_VERSION = 4
REPORT_VERSION = 1
PROTOCOL_VERSION = JOB_VERSION
