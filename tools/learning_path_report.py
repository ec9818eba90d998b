#!/usr/bin/env python3
"""Numbers for the course as a learning path (issue 23), from content/ at a git revision.

    python3 tools/learning_path_report.py [REV]      (default: the work tree)

Prints reading time per section (the formula of crates/course/src/content/reading.rs:
200 words a minute, 4 seconds a non-blank code or response line), the core path, the
longest pages, where CSRF / handler404 / 415 / 422 are used before the page that teaches
them, RFC section citations outside "References:" footers, and question counts (per code
page, kinds, true/false balance, right choices in multiple selects, code tracing).
An estimate for notes and reviews; `status-tutor check` is what enforces the rules.
"""
import collections
import glob
import re
import subprocess
import sys
import tomllib

REV = sys.argv[1] if len(sys.argv) > 1 else None


def read(path):
    if REV is None:
        return open(path, encoding="utf-8").read()
    return subprocess.run(["git", "show", f"{REV}:{path}"], capture_output=True, text=True, check=True).stdout


def files(folder):
    if REV is None:
        return sorted(glob.glob(f"{folder}/*.toml"))
    out = subprocess.run(["git", "ls-tree", "--name-only", REV, f"{folder}/"], capture_output=True, text=True).stdout
    return sorted(p for p in out.split() if p.endswith(".toml"))


course = tomllib.loads(read("content/course.toml"))
pages = {d["id"]: d for d in (tomllib.loads(read(f)) for f in files("content/pages"))}
order = [p for s in course["sections"] for p in s["pages"]]
questions = [q for f in files("content/quiz") for q in tomllib.loads(read(f)).get("question", [])]
core = set(course.get("core", []))


def words(text):
    return len((text or "").split())


def prose(page):
    """The words a learner reads, without code sources, as (is_footer, text)."""
    out = [(False, page["title"]), (False, page.get("summary", ""))]
    for b in page["blocks"]:
        kind = b["kind"]
        if kind == "paragraph":
            out.append((b["text"].strip().startswith("References:"), b["text"]))
        elif kind == "list":
            out += [(False, t) for t in [b.get("heading", "")] + b["items"]]
        elif kind == "code":
            out.append((False, b.get("caption", "")))
        elif kind == "callout":
            out += [(False, b.get("title", "")), (False, b["text"])]
        elif kind == "table":
            out += [(False, t) for t in [b.get("caption", "")] + b.get("header", []) + [c for r in b["rows"] for c in r]]
        elif kind == "categories":
            out += [(False, c.get("name", "") + " " + c.get("description", "")) for c in b.get("cards", [])]
    return out


def seconds(page):
    code_lines = 0
    for b in page["blocks"]:
        if b["kind"] == "code":
            code_lines += sum(1 for line in b["source"].splitlines() if line.strip())
            if "response" in b:
                code_lines += 1 + len(b["response"].get("headers", []))
    return sum(words(t) for _, t in prose(page)) * 60 // 200 + code_lines * 4


def minutes(s):
    return 0 if s == 0 else max(1, (s + 30) // 60)


def everything(page):
    return " ".join([page["title"], page.get("summary", "")] + [str(v) for b in page["blocks"] for v in b.values()])


print(f"Reading time ({REV or 'work tree'})")
for s in course["sections"]:
    total = sum(seconds(pages[p]) for p in s["pages"])
    in_core = sum(seconds(pages[p]) for p in s["pages"] if p in core)
    note = f", core {minutes(in_core)}" if in_core and in_core != total else (", all core" if in_core else "")
    print(f"  {s['title']:26} {minutes(total):3} min{note}  ({len(s['pages'])} pages)")
total = sum(seconds(pages[p]) for p in order)
print(f"  total {minutes(total)} min over {len(order)} pages; core path {len(core)} pages, "
      f"{minutes(sum(seconds(pages[p]) for p in core))} min")
longest = sorted(order, key=lambda p: -seconds(pages[p]))[:3]
print("  longest pages: " + ", ".join(f"{p} {seconds(pages[p]) / 60:.1f} min" for p in longest))

print("Used before the page that teaches it (any text, code included)")
for name, pattern, teacher in [("CSRF", r"CSRF|csrf", "csrf"), ("handler404/500", r"handler40[04]|handler500", "error-handlers"),
                               ("415", r"\b415\b", "415-unsupported-media-type"), ("422", r"\b422\b", "422-unprocessable-content")]:
    if teacher not in order:
        continue
    at = order.index(teacher) + 1
    before = [n for n, p in enumerate(order, 1) if n < at and re.search(pattern, everything(pages[p]))]
    print(f"  {name}: taught on page {at}; used on {len(before)} page(s) before it {before}")

running = {p: sum(t.count("§") for footer, t in prose(pages[p]) if not footer) for p in order}
print(f"RFC § citations outside a References footer: {sum(running.values())} "
      f"{ {p: n for p, n in running.items() if n} }")

asked = collections.Counter(q["page"] for q in questions)
code_pages = [p for p in order if pages[p].get("codes")]
print(f"Questions: {len(questions)}; kinds {dict(collections.Counter(q['kind'] for q in questions))}")
print(f"  code pages {len(code_pages)}, fewest questions on one: {min(asked[p] for p in code_pages)} "
      f"({', '.join(p for p in code_pages if asked[p] == min(asked[p] for p in code_pages))})")
tf = [q["answer"] for q in questions if q["kind"] == "true_false"]
print(f"  true/false: {sum(tf)} true, {len(tf) - sum(tf)} false")
multi = [q for q in questions if q["kind"] == "multiple"]
shape = collections.Counter(f"{sum(bool(c.get('correct')) for c in q['choices'])} of {len(q['choices'])}" for q in multi)
print(f"  multiple selects (right of choices): {dict(shape)}")
traced = [q for q in questions if "trace" in q.get("tags", []) and q["prompt"].count("\n") >= 3]
print(f"  code tracing (tag trace, a prompt of 4+ lines): {len(traced)}")
