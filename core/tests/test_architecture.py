"""The structure rules that the layering contract (import-linter, pyproject.toml) does not see:
no app reaches into another app's private names, no import between apps hides inside a function to
dodge a cycle, and no app guards against another project app being missing (they always are installed).
Tests and migrations are left out, as in the contract."""

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Every project app, read from the layering contract's root packages (pyproject.toml), so a new app is
# covered by these rules as soon as it has a place in the layers.
APPS = set(
    tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"][
        "root_packages"
    ]
)
# Scripts that must configure Django before they may import models (a standalone benchmark run).
SET_UP_FIRST = {"benchmarks/run.py"}


def test_every_app_has_a_place_in_the_layers():
    """An app missing from the contract would escape both the layers and the rules below."""
    apps = {p.parent.name for p in ROOT.glob("*/apps.py")}
    assert apps <= APPS, f"Apps without a place in pyproject.toml's layers: {sorted(apps - APPS)}"


def _modules():
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        app = rel.split("/")[0]
        if app in APPS and "/tests/" not in rel and "/migrations/" not in rel:
            yield rel, app, ast.parse(path.read_text(encoding="utf-8"))


def _imported(node):
    if isinstance(node, ast.Import):
        return [(alias.name, None) for alias in node.names]
    if isinstance(node, ast.ImportFrom) and not node.level and node.module:
        return [(node.module, alias.name) for alias in node.names]
    return []


def test_no_app_imports_another_apps_private_names():
    found = []
    for rel, app, tree in _modules():
        for node in ast.walk(tree):
            for module, name in _imported(node):
                top = module.split(".")[0]
                private = (name or "").startswith("_") or any(
                    p.startswith("_") for p in module.split(".")[1:]
                )
                if top in APPS and top != app and private:
                    found.append(f"{rel}:{node.lineno} {module}.{name}")
    assert not found, "Private names used across apps:\n" + "\n".join(found)


def test_no_import_between_apps_hides_inside_a_function():
    found = []
    for rel, app, tree in _modules():
        if rel in SET_UP_FIRST:
            continue
        for fn in ast.walk(tree):
            if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(fn):
                for module, _name in _imported(node):
                    top = module.split(".")[0]
                    if top in APPS and top != app:
                        found.append(f"{rel}:{node.lineno} {module}")
    assert not found, "Imports between apps inside functions (move them to the top):\n" + "\n".join(found)


def test_no_app_guards_against_a_project_app_being_missing():
    found = []
    for rel, _app, tree in _modules():
        for node in ast.walk(tree):
            # apps.is_installed("support") and friends: every project app is always installed.
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "is_installed"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and str(node.args[0].value).split(".")[0] in APPS
            ):
                found.append(f"{rel}:{node.lineno}")
            if isinstance(node, ast.ExceptHandler) and isinstance(node.type, ast.Name):
                if node.type.id in ("ImportError", "ModuleNotFoundError"):
                    found.append(f"{rel}:{node.lineno} except {node.type.id}")
    assert not found, "Guards against a missing project app:\n" + "\n".join(found)


def test_data_migrations_do_not_import_todays_application_code():
    """A migration runs years later on a fresh database: it may use the historical models it is given and
    frozen copies beside it (``<app>/migrations/_*.py``), never the app's current modules."""
    found = []
    for path in sorted(ROOT.glob("*/migrations/*.py")):
        app = path.parent.parent.name
        if app not in APPS:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            for module, _name in _imported(node):
                if module.split(".")[0] in APPS and not module.startswith(f"{app}.migrations"):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} {module}")
    assert not found, "Migrations importing application code:\n" + "\n".join(found)
