"""What a view did besides its response: the rows it left, and whether an error reached Django.

A check's `expect["db"]` is a list of row expectations, one per model:
    {"model": "Article", "count": 1 | None, "unchanged": bool,
     "rows": [{field: value}], "absent": [{field: value}]}
`rows`: for each, some row has those field values (other fields free); `absent`: no row
has them; `count`: how many rows there are after the request; `unchanged`: every row is as
it was before the request (nothing created, deleted or changed). Fields are the model's
column names (`author_id` for a foreign key); a value is compared as the column's type
(a Decimal column equals "9.99" and 9.99 alike).
`expect["signal"]` (true/false) says whether `got_request_exception` fired: an error the
view left to Django fires it, a 500 the view builds itself does not. `expect["exception"]`
names the exception class (or a base class) that reached Django.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

SHOWN_ROWS = 3


def _model(name: str):
    from . import models

    return getattr(models, name)


def rows(model: str) -> list[dict]:
    """Every row of `model` as {column: value}, by primary key."""
    return list(_model(model).objects.order_by("pk").values())


def snapshot(expectations: list) -> dict[str, list[dict]]:
    """The rows the `unchanged` expectations will compare against, taken before the request."""
    return {e["model"]: rows(e["model"]) for e in expectations if e.get("unchanged")}


def same_value(want, got) -> bool:
    if isinstance(want, bool) or isinstance(got, bool):
        return type(want) is type(got) and want == got
    if isinstance(got, Decimal):
        try:
            return Decimal(str(want)) == got
        except (InvalidOperation, ValueError):
            return False
    if isinstance(want, str) and not isinstance(got, str):
        return want == str(got)
    return want == got


def _matches(row: dict, fields: dict) -> bool:
    return all(name in row and same_value(value, row[name]) for name, value in fields.items())


def _show(fields: dict) -> str:
    return ", ".join(f"{k}={_plain(v)}" for k, v in fields.items())


def _plain(value) -> str:
    return repr(str(value)) if isinstance(value, (str, Decimal)) else repr(value)


def _shown(found: list[dict]) -> str:
    if not found:
        return "there are none"
    listed = "; ".join(_show(r) for r in found[:SHOWN_ROWS])
    more = f" and {len(found) - SHOWN_ROWS} more" if len(found) > SHOWN_ROWS else ""
    return f"there are: {listed}{more}"


def _changes(before: list[dict], after: list[dict]) -> list[str]:
    old = {r["id"]: r for r in before}
    new = {r["id"]: r for r in after}
    said = []
    created = [new[i] for i in new if i not in old]
    deleted = [old[i] for i in old if i not in new]
    if created:
        said.append("created " + "; ".join(_show(r) for r in created[:SHOWN_ROWS]))
    if deleted:
        said.append("deleted " + "; ".join(_show(r) for r in deleted[:SHOWN_ROWS]))
    for i in old.keys() & new.keys():
        changed = {k: v for k, v in new[i].items() if old[i].get(k) != v}
        if changed:
            said.append(f"changed row id={i}: " + _show(changed))
    return said


def db_differences(expectations: list, before: dict[str, list[dict]]) -> list[str]:
    """Every way the database after the request differs from `expectations`."""
    out = []
    for expect in expectations:
        model = expect["model"]
        found = rows(model)
        count = expect.get("count")
        if count is not None and len(found) != count:
            out.append(f"{model}: expected {count} row(s) after the request, found {len(found)}"
                       f" ({_shown(found)})")
        for fields in expect.get("rows") or []:
            if not any(_matches(row, fields) for row in found):
                out.append(f"{model}: expected a row with {_show(fields)}; {_shown(found)}")
        for fields in expect.get("absent") or []:
            if any(_matches(row, fields) for row in found):
                out.append(f"{model}: no row should have {_show(fields)} after the request")
        if expect.get("unchanged") and model in before:
            changes = _changes(before[model], found)
            if changes:
                out.append(f"{model}: the request should change nothing, but it " + ", ".join(changes))
    return out


def signal_differences(expect: dict, caught: list[BaseException]) -> list[str]:
    """Whether the errors that reached Django (`got_request_exception`) are the expected ones."""
    out = []
    signal = expect.get("signal")
    wanted = expect.get("exception")
    if (signal is True or wanted) and not caught:
        out.append("the error never reached Django: got_request_exception was not sent (a view "
                   "that catches the exception and builds the 500 itself hides it from the logs "
                   "and from error trackers)")
    elif signal is False and caught:
        exc = caught[-1]
        out.append(f"an exception reached Django ({type(exc).__name__}: {str(exc)[:80]}); "
                   "this request should be answered without one")
    if wanted and caught:
        names = {cls.__name__ for exc in caught for cls in type(exc).__mro__}
        if wanted not in names:
            got = ", ".join(type(exc).__name__ for exc in caught)
            out.append(f"expected the exception {wanted} to reach Django, got {got}")
    return out
