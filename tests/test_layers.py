"""Imports point one way: parsing <- ingest <- search/selectors <- views, API, feeds, exports;
the lineage (resolutions/lineage/) sits above the search; and the archive (resolutions/,
archive/) never imports the benchmark package (bench/).

Read from the source with `ast` (nothing is imported), so a new module is checked as it lands.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("resolutions", "bench", "archive")
# Web-facing modules: nothing below them may import them.
FACES = ("resolutions.views", "resolutions.templatetags", "resolutions.staff.views")
# The only modules allowed to import views: URL configurations.
URL_CONFS = ("resolutions.urls", "resolutions.staff.urls", "archive.urls")
# The search package's floors, lowest first: a module imports only from floors below its own.
SEARCH_FLOORS = (
    ("values", "citations", "types", "boolean"),
    ("facets",),
    ("request",),
    ("sql",),
    ("counts_cache",),
    ("counts", "rows", "snippets", "review"),
    ("results",),
    ("exports",),
)


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every module a file imports (absolute names; `from . import x` gives package.x)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def modules() -> dict[str, set[str]]:
    return {
        module_name(path): imports_of(path)
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.parts
    }


def within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def is_face(name: str) -> bool:
    """A view or template-tag module: the app's, or a sub-app's (`resolutions.catalogue.views`)."""
    return any(within(name, face) for face in FACES) or (
        name.startswith("resolutions.")
        and any(part in {"views", "templatetags"} for part in name.split(".")[1:])
    )


def test_nothing_but_url_configuration_imports_a_view_or_a_template_tag():
    offenders = [
        (module, imported)
        for module, imported_names in modules().items()
        for imported in imported_names
        if is_face(imported)
        and module not in URL_CONFS
        and not module.endswith(".urls")
        and not is_face(module)
    ]
    assert offenders == []


@pytest.mark.parametrize(
    ("lower", "higher"),
    [
        ("resolutions.parsing", "resolutions.ingest"),
        ("resolutions.parsing", "resolutions.search"),
        ("resolutions.parsing", "django"),
        ("resolutions.ingest", "resolutions.search"),
        ("resolutions.ingest", "resolutions.selectors"),
        ("resolutions.bulk_rows", "resolutions.ingest"),
        ("resolutions.draft_links", "resolutions.ingest"),
        ("resolutions.draft_links", "resolutions.search"),
        ("resolutions.search", "resolutions.api"),
        ("resolutions.search", "resolutions.feeds"),
        ("resolutions.search", "resolutions.staff"),
        ("resolutions.search", "resolutions.lineage"),
        ("resolutions.search", "bench"),
        ("resolutions.selectors", "resolutions.search"),
        ("resolutions", "bench"),
        ("archive", "bench"),
    ],
)
def test_a_lower_layer_never_imports_a_higher_one(lower, higher):
    offenders = [
        (module, imported)
        for module, imported_names in modules().items()
        if within(module, lower) and not within(module, higher)
        for imported in imported_names
        if within(imported, higher)
    ]
    assert offenders == []


def test_the_search_package_goes_down_floor_by_floor():
    floor_of = {name: n for n, floor in enumerate(SEARCH_FLOORS) for name in floor}
    package = ROOT / "resolutions" / "search"
    assert {path.stem for path in package.glob("*.py")} - {"__init__"} == set(floor_of)
    offenders = []
    for path in package.glob("*.py"):
        if path.stem == "__init__":
            continue
        for imported in imports_of(path):
            if within(imported, "resolutions.search") and imported != "resolutions.search":
                target = imported.split(".")[2]
                if target in floor_of and floor_of[target] >= floor_of[path.stem]:
                    offenders.append((path.stem, target))
    assert offenders == []


# Run in a process where bench/ cannot be imported (as in the production image, which leaves it
# out): the settings leave its app out, and every module of the archive imports.
WITHOUT_BENCH = """
import importlib, pkgutil, sys
sys.modules["bench"] = None
import django
django.setup()
from django.conf import settings
from django.core.management import call_command, get_commands
assert "bench" not in settings.INSTALLED_APPS
for package in ("archive", "resolutions"):
    for module in pkgutil.walk_packages([package], prefix=package + "."):
        if ".migrations" not in module.name and not module.name.endswith("__main__"):
            importlib.import_module(module.name)
assert "benchmark" not in get_commands() and "ingest" in get_commands()
call_command("check")
print("ok")
"""


def test_the_archive_runs_without_the_benchmark_package():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "archive.settings"}
    done = subprocess.run(
        [sys.executable, "-c", WITHOUT_BENCH],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip().endswith("ok")
