"""Every public function and class of nnlit is on a page of the book and has
an example that the test suite runs."""

import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import pytest

import nnlit

DOCS = Path(__file__).resolve().parent.parent / "docs"
DOCUMENTED = {
    name
    for page in DOCS.glob("*.md")
    for name in re.findall(r"^\s*\.\. auto(?:function|class):: (\S+)", page.read_text("utf-8"),
                           re.MULTILINE)
}


def public_objects():
    for info in pkgutil.iter_modules(nnlit.__path__, "nnlit."):
        if info.name.rsplit(".", 1)[-1].startswith("_"):
            continue
        module = importlib.import_module(info.name)
        for name, obj in sorted(vars(module).items()):
            if name.startswith("_") or not (inspect.isfunction(obj) or inspect.isclass(obj)):
                continue
            if obj.__module__ == module.__name__:  # defined here, not re-exported
                yield f"{module.__name__}.{name}", obj


PUBLIC = list(public_objects())


def test_the_package_has_public_functions():
    assert len(PUBLIC) > 20


@pytest.mark.parametrize(("name", "obj"), PUBLIC, ids=[name for name, _ in PUBLIC])
def test_documented_on_a_page(name, obj):
    assert name in DOCUMENTED, f"{name} is shown (autofunction/autoclass) on no page of docs/"


@pytest.mark.parametrize(("name", "obj"), PUBLIC, ids=[name for name, _ in PUBLIC])
def test_has_a_runnable_example(name, obj):
    assert ">>> " in (obj.__doc__ or ""), f"{name} has no doctest example in its docstring"
