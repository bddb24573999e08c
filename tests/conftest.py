import numpy as np
import pytest


@pytest.fixture(autouse=True)
def _numpy_in_doctests(doctest_namespace):
    doctest_namespace["np"] = np


def central_difference(f, x, eps=1e-6):
    """Gradient of the scalar function f at the array x by centred differences
    (nnlit.gradcheck.numerical_gradients, whose own tests use exact derivatives)."""
    from nnlit.gradcheck import numerical_gradients

    return numerical_gradients(lambda p: f(p["x"]), {"x": x}, eps)["dx"]


@pytest.fixture(scope="session")
def book():
    """The built book, measured in headless Chromium (tests/cdp.py)."""
    from cdp import Book

    opened = Book()
    yield opened
    opened.close()


def selected_pages(request):
    """The (language, page) pairs that the selected tests using the requesting
    parametrized fixture will ask for, in order: measure those, and only those."""
    name = request.fixturename
    return list(dict.fromkeys(
        tuple(item.callspec.params[name][:2]) for item in request.session.items
        if hasattr(item, "callspec") and name in item.callspec.params))
