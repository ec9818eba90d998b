"""Static checks of a Python sample: syntax, and that the names it imports exist."""

from __future__ import annotations

import ast
import importlib
import sys

from harness.project import MODELS

CHECKED_TOPS = {"django", "rest_framework"} | set(sys.stdlib_module_names)


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
                notes.append(f"line {node.lineno}: `{module}` is not Django, DRF or stdlib, not checked")
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
                    notes.append(f"line {node.lineno}: `{alias.name}` is not Django, DRF or stdlib, not checked")
                    continue
                checked += 1
                try:
                    importlib.import_module(alias.name)
                except ImportError as exc:
                    problems.append(f"line {node.lineno}: module `{alias.name}` does not exist ({exc})")
    return problems, notes, checked


class Raises(str):
    """A commented result `# raises TypeError`: the line must raise that exception."""

    def __repr__(self) -> str:
        return f"raises {str(self)}"


def commented_results(source: str):
    """Top-level expression lines with a literal result in a trailing comment
    (`HTTPStatus(429).name  # 'TOO_MANY_REQUESTS'`): [(lineno, expr source, expected)]."""
    import io
    import tokenize

    comments = {}
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type == tokenize.COMMENT:
                comments[tok.start[0]] = tok.string[1:].strip()
    except (tokenize.TokenError, SyntaxError):
        return []
    found = []
    for node in ast.parse(source).body:
        if not isinstance(node, ast.Expr) or node.lineno != node.end_lineno:
            continue
        comment = comments.get(node.lineno)
        if not comment:
            continue
        if comment.startswith("raises ") and comment[7:].strip().isidentifier():
            expected = Raises(comment[7:].strip())
        else:
            try:
                expected = ast.literal_eval(comment)
            except (ValueError, SyntaxError):
                continue
        found.append((node.lineno, ast.get_source_segment(source, node), expected))
    return found


def check_commented_results(source: str) -> tuple[list[str], list[str]]:
    """Run the fragment top to bottom; (problems, passes) for its commented results."""
    claims = {line: (expr, expected) for line, expr, expected in commented_results(source)}
    if not claims:
        return [], []
    problems, passes = [], []
    namespace: dict = {"__name__": "fragment"}
    for node in ast.parse(source).body:
        if node.lineno in claims and isinstance(node, ast.Expr):
            expr, expected = claims[node.lineno]
            try:
                got = eval(compile(ast.Expression(node.value), "<fragment>", "eval"), namespace)
            except Exception as exc:
                if isinstance(expected, Raises) and type(exc).__name__ == expected:
                    passes.append(f"line {node.lineno}: `{expr}` raises {expected}")
                else:
                    problems.append(f"line {node.lineno}: `{expr}` raised {type(exc).__name__}: {exc}"
                                    + (f", the comment says {expected!r}" if isinstance(expected, Raises) else ""))
                continue
            if isinstance(expected, Raises):
                problems.append(f"line {node.lineno}: `{expr}` is {got!r}, the comment says {expected!r}")
                continue
            if got == expected and isinstance(got, bool) == isinstance(expected, bool):
                passes.append(f"line {node.lineno}: `{expr}` == {expected!r}")
            else:
                problems.append(f"line {node.lineno}: `{expr}` is {got!r}, the comment says {expected!r}")
            continue
        try:
            exec(compile(ast.Module([node], type_ignores=[]), "<fragment>", "exec"), namespace)
        except Exception as exc:
            problems.append(f"line {node.lineno}: could not run ({type(exc).__name__}: {exc}); "
                            "commented results not checked")
            break
    return problems, passes
