"""The layers stay apart: the model never imports a renderer, nothing in runnersback imports an
engine (MkDocs, Markdown, Jinja), and no module of runnersback imports another that imports it back."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "runnersback"
ENGINES = ("mkdocs", "markdown", "jinja2", "mkdocs_macros", "material", "pymdownx")


def _module(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every module ``path`` imports, anywhere in it (functions too), as absolute names. Imports under
    ``if TYPE_CHECKING:`` are left out: they are for type checkers and never run."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module(path).split(".") if path.name == "__init__.py" else _module(path).split(".")[:-1]
    skipped = {id(node) for block in ast.walk(tree) if isinstance(block, ast.If)
               and isinstance(block.test, ast.Name) and block.test.id == "TYPE_CHECKING"
               for node in ast.walk(block)}
    found = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            name = ".".join(base + ([node.module] if node.module else []))
            found.add(name)
            found |= {f"{name}.{alias.name}" for alias in node.names}  # `from . import care`
    return found


def graph() -> dict[str, set[str]]:
    modules = {_module(p): p for p in PACKAGE.rglob("*.py")}
    return {name: {i for i in imports(path) if i in modules and i != name}
            for name, path in modules.items()}


def test_runnersback_imports_no_engine():
    for path in PACKAGE.rglob("*.py"):
        bad = {i for i in imports(path) if i.split(".")[0] in ENGINES}
        assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"


def test_model_imports_no_renderer_and_renderers_open_no_files():
    for name, deps in graph().items():
        if name.startswith("runnersback.model"):
            assert not {d for d in deps if d.startswith("runnersback.render")}, name
        if name.startswith("runnersback.checks"):
            assert not {d for d in deps if not d.startswith("runnersback.checks")}, name
    for path in (PACKAGE / "render").rglob("*.py"):
        calls = file_calls(ast.parse(path.read_text(encoding="utf-8")))
        assert not calls, f"{path.relative_to(ROOT)} calls {sorted(calls)}"


# Calls that touch the file system: a renderer gets everything from the model.
FILE_CALLS = {"open", "read_text", "read_bytes", "write_text", "write_bytes", "exists", "is_file",
              "iterdir", "glob", "rglob", "stat", "listdir", "scandir", "walk", "load_yaml"}


def file_calls(tree: ast.AST) -> set[str]:
    """Names of file-system calls in a module, however they are written (open(), path.read_text(),
    os.listdir(), a name imported under another name is still caught by its attribute or name)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name in FILE_CALLS:
                found.add(name)
    return found


def test_the_file_call_check_finds_calls_not_words():
    assert file_calls(ast.parse("x = Path(p).read_text()\nwith open(f) as g: pass\nos.listdir('.')")) == {
        "read_text", "open", "listdir"}
    assert not file_calls(ast.parse('"""open(the door) and read_text( here"""\ndoor_open = 1'))


def test_no_import_cycles():
    deps = graph()
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> None:
        if name in path:
            raise AssertionError("import cycle: " + " -> ".join(path[path.index(name):] + [name]))
        if name in done:
            return
        for dep in sorted(deps[name]):
            visit(dep, path + [name])
        done.add(name)

    for name in sorted(deps):
        visit(name, [])
