"""A disk memo for what the build, the proofs and the tests compute more than once.

``cached(name, func, *args, **kw)`` returns ``func(*args, **kw)``. The first
call stores the result (pickle) in ``_build/cache/memo/``; a later call with
the same key, in this process or another, loads it instead of calling
``func``; while one process computes a key, another asking for it waits
(a lock file beside the entry) and then loads it. The key is:

- ``name`` and the arguments (numbers, strings, tuples, lists, dicts, NumPy
  arrays; an argument whose ``repr`` shows a memory address is refused);
- the source of every ``nnlit/*.py`` and ``derivations/*.py``, of this file,
  of the file defining ``func`` and of the file calling ``cached``;
- the versions of Python, NumPy, SymPy, mpmath, scikit-learn, matplotlib.

So any change of that code computes the result afresh; nothing is checked
less than without the memo. What the key cannot see (a monkeypatched
function, a data file) must not be cached: call ``func`` directly there.
``NNLIT_MEMO=off`` in the environment turns the memo off.

It lives here, below the book's extension, because the proofs use it too:
the book (``_ext/``), ``python -m derivations`` and the tests all import it
from ``derivations.memo``.

>>> from derivations.memo import cached
>>> from nnlit.logistic import initialize_with_zeros
>>> cached("zeros", initialize_with_zeros, 2)
(array([[0.],
       [0.]]), 0.0)
"""

import fcntl
import functools
import hashlib
import inspect
import os
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIR = ROOT / "_build" / "cache" / "memo"
SOURCES = ("nnlit/*.py", "derivations/*.py")  # this file included
PACKAGES = ("numpy", "sympy", "mpmath", "scikit-learn", "matplotlib")


def _file_hash(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@functools.cache
def _versions():
    """Python's and the numerical packages' versions (None when not installed)."""
    from importlib.metadata import PackageNotFoundError, version

    found = [sys.version]
    for package in PACKAGES:
        try:
            found.append(version(package))
        except PackageNotFoundError:
            found.append(None)
    return tuple(found)


def _fingerprint(value):
    """A string that changes whenever ``value`` does (arrays by their bytes)."""
    import numpy as np

    if isinstance(value, np.ndarray):
        digest = hashlib.sha256(np.ascontiguousarray(value).tobytes()).hexdigest()
        return f"ndarray({value.dtype},{value.shape},{digest})"
    if isinstance(value, (list, tuple)):
        return type(value).__name__ + "(" + ",".join(map(_fingerprint, value)) + ")"
    if isinstance(value, dict):
        items = sorted((repr(k), _fingerprint(v)) for k, v in value.items())
        return "dict(" + ",".join(f"{k}:{v}" for k, v in items) + ")"
    text = repr(value)
    if " at 0x" in text:
        raise ValueError(f"memo: cannot key on {text}: its repr names a memory address")
    return text


def key(name, func, args, kw, caller):
    """The hex digest that names a result (see the module docstring)."""
    callers = {Path(inspect.getfile(func)), Path(caller)}  # an interactive caller has no file
    files = sorted({p for pattern in SOURCES for p in ROOT.glob(pattern)}
                   | {p.resolve() for p in callers if p.is_file()})
    h = hashlib.sha256()
    for part in (name, _fingerprint(args), _fingerprint(kw), repr(_versions())):
        h.update(part.encode() + b"\0")
    for path in files:
        h.update(str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path).encode())
        h.update(_file_hash(path).encode())
    return h.hexdigest()


def cached(name, func, *args, **kw):
    """``func(*args, **kw)``, loaded from the disk memo when the key is known."""
    if os.environ.get("NNLIT_MEMO", "").lower() in ("off", "0", "no"):
        return func(*args, **kw)
    caller = sys._getframe(1).f_code.co_filename
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in name)[:60]
    path = DIR / f"{safe}-{key(name, func, args, kw, caller)[:32]}.pkl"
    found = _load(path)
    if found is not _MISSING:
        return found
    DIR.mkdir(parents=True, exist_ok=True)
    # One process computes a key at a time: a parallel one (`make test` runs the
    # unit tests beside the book's build) waits here, then loads the result.
    with open(path.with_suffix(".lock"), "wb") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        found = _load(path)
        if found is not _MISSING:
            return found
        result = func(*args, **kw)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(result, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: a reader without the lock sees all of it or nothing
    return result


_MISSING = object()


def _load(path):
    """The stored result at ``path``, or ``_MISSING`` (none, truncated or stale)."""
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except Exception:  # missing, truncated or stale: compute afresh
        return _MISSING


def memoized(name):
    """Decorator: the function's results go through :func:`cached` under
    ``name`` and are also kept in memory for the rest of the process."""

    def wrap(func):
        @functools.cache
        @functools.wraps(func)
        def inner(*args):
            return cached(name, func, *args)

        return inner

    return wrap
