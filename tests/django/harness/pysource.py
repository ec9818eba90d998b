"""Static checks of a Python sample: syntax, and that the names it imports exist."""

from __future__ import annotations

import ast
import importlib
import sys

from harness.project import MODELS

CHECKED_TOPS = {"django"} | set(sys.stdlib_module_names)


def syntax_error(source: str, filename: str) -> str | None:
    try:
        compile(source, filename, "exec", dont_inherit=True)
    except SyntaxError as exc:
        return f"line {exc.lineno}: {exc.msg}"
    return None


def _resolve(module: str, name: str) -> bool:
    mod = importlib.import_module(module)
    if hasattr(mod, name):
        return True
    try:
        importlib.import_module(f"{module}.{name}")
        return True
    except ImportError:
        return False


def import_problems(source: str) -> tuple[list[str], list[str], int]:
    """(problems, notes, names checked) for the import statements of `source`."""
    problems: list[str] = []
    notes: list[str] = []
    checked = 0
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            names = [a.name for a in node.names if a.name != "*"]
            if node.level:
                if node.module == "models" and node.level == 1:
                    for name in names:
                        checked += 1
                        if name not in MODELS:
                            notes.append(
                                f"line {node.lineno}: `.models.{name}` is not a test model "
                                f"({', '.join(MODELS)})"
                            )
                else:
                    notes.append(
                        f"line {node.lineno}: relative import from "
                        f"`{'.' * node.level}{node.module or ''}` not checked"
                    )
                continue
            module = node.module or ""
            top = module.split(".")[0]
            if top not in CHECKED_TOPS:
                notes.append(f"line {node.lineno}: `{module}` is not Django or stdlib, not checked")
                continue
            try:
                importlib.import_module(module)
            except ImportError as exc:
                problems.append(f"line {node.lineno}: module `{module}` does not exist ({exc})")
                continue
            for name in names:
                checked += 1
                if not _resolve(module, name):
                    problems.append(f"line {node.lineno}: `{module}` has no name `{name}`")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                top = alias.name.split(".")[0]
                if top not in CHECKED_TOPS:
                    notes.append(f"line {node.lineno}: `{alias.name}` is not Django or stdlib, not checked")
                    continue
                checked += 1
                try:
                    importlib.import_module(alias.name)
                except ImportError as exc:
                    problems.append(f"line {node.lineno}: module `{alias.name}` does not exist ({exc})")
    return problems, notes, checked
