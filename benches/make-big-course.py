#!/usr/bin/env python3
"""Makes a big course from the built-in pages, for benches/big_course.rs.

    python3 benches/make-big-course.py OUT_DIR [PAGES]     (PAGES: 10000 by default)

The built-in pages come first, unchanged (codes.toml and the quizzes refer to them), then
copies of them with new ids ("200-ok-c7") and numbered titles, section by section, until
there are PAGES pages. The result is about 80 MB of TOML; it is not committed.
"""
import os
import re
import shutil
import sys
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
CONTENT = os.path.join(HERE, "..", "content")


def quoted(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    out, total = sys.argv[1], int(sys.argv[2]) if len(sys.argv) == 3 else 10_000
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(os.path.join(out, "pages"))
    shutil.copytree(os.path.join(CONTENT, "quiz"), os.path.join(out, "quiz"))
    shutil.copy(os.path.join(CONTENT, "codes.toml"), out)
    with open(os.path.join(CONTENT, "course.toml"), "rb") as f:
        course = tomllib.load(f)
    pages = {}
    for name in os.listdir(os.path.join(CONTENT, "pages")):
        with open(os.path.join(CONTENT, "pages", name), encoding="utf-8") as f:
            text = f.read()
        pages[tomllib.loads(text)["id"]] = text
    for page_id, text in pages.items():
        with open(os.path.join(out, "pages", page_id + ".toml"), "w", encoding="utf-8") as f:
            f.write(text)

    sections = [(s["title"], list(s["pages"])) for s in course["sections"]]
    count, copy = len(pages), 0
    while count < total:
        copy += 1
        for title, members in list(sections[: len(course["sections"])]):
            chosen = []
            for page_id in members:
                if count >= total:
                    break
                new_id = f"{page_id}-c{copy}"
                text = pages[page_id]
                text = re.sub(r'^id = ".*"$', f"id = {quoted(new_id)}", text, count=1, flags=re.M)
                text = re.sub(r'^title = "(.*)"$', lambda m: f'title = "{m.group(1)} ({copy})"', text, count=1, flags=re.M)
                with open(os.path.join(out, "pages", new_id + ".toml"), "w", encoding="utf-8") as f:
                    f.write(text)
                chosen.append(new_id)
                count += 1
            if chosen:
                sections.append((f"{title} ({copy})", chosen))

    with open(os.path.join(out, "course.toml"), "w", encoding="utf-8") as f:
        f.write(f"format_version = {course['format_version']}\n")
        f.write(f"id = {quoted(course['id'] + '-big')}\n")
        f.write(f"title = {quoted(course['title'] + f' ({total} pages)')}\n")
        f.write(f"intro = {quoted(course.get('intro', ''))}\n")
        for title, members in sections:
            f.write(f"\n[[sections]]\ntitle = {quoted(title)}\npages = [{', '.join(quoted(p) for p in members)}]\n")
    print(f"{out}: {count} pages in {len(sections)} sections")


if __name__ == "__main__":
    main()
