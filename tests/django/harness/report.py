"""One line per check, and the counts at the end."""

from __future__ import annotations

import sys
from collections import Counter


class Report:
    def __init__(self, out=None):
        self.out = out or sys.stdout
        self.counts = Counter()
        self.failures: list[str] = []
        self.unverified: list[str] = []

    def _line(self, tag: str, where: str, what: str) -> str:
        line = f"{tag:<4} {where}: {what}"
        print(line, file=self.out, flush=True)
        return line

    def ok(self, where: str, what: str) -> None:
        self.counts["pass"] += 1
        self._line("PASS", where, what)

    def fail(self, where: str, what: str) -> None:
        self.counts["fail"] += 1
        self.failures.append(self._line("FAIL", where, what))

    def note(self, where: str, what: str) -> None:
        """Something worth a look that is not a failure (e.g. an illustrative body)."""
        self.counts["note"] += 1
        self._line("NOTE", where, what)

    def skip(self, where: str, what: str) -> None:
        """A claim the harness cannot verify; listed, never counted as passed."""
        self.counts["skip"] += 1
        self.unverified.append(self._line("SKIP", where, what))

    def section(self, title: str) -> None:
        print(f"\n== {title}", file=self.out, flush=True)
