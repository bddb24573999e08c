"""Call a learner's function safely, walk what it returns next to nnlit's
answer, and diagnose a wrong value against the exercise's table of mistakes."""

import contextlib
import contextvars
import copy
import inspect
import io
import signal
import threading
import traceback
import warnings
from dataclasses import dataclass, field

import numpy as np

from nnlit.exercises._i18n import N_

LIMIT = contextvars.ContextVar("limit", default=None)
"""Seconds one call of the learner's function may run (None: no limit); set by
``_check.run`` from ``check``'s ``timeout``."""


class _TimedOut(BaseException):
    """Raised into the learner's function when its time is up (a BaseException, so
    that an ``except Exception`` in the learner's code does not swallow it)."""


@contextlib.contextmanager
def time_limit(seconds):
    """Stop the code of the block after ``seconds`` by raising ``_TimedOut`` in it.
    It takes a timer signal: on a system without one (Windows), or outside the
    main thread, or with ``seconds`` None, there is no limit."""
    if (seconds is None or not hasattr(signal, "setitimer")
            or threading.current_thread() is not threading.main_thread()):
        yield
        return

    def stop(signum, frame):
        raise _TimedOut

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class Failure(Exception):
    """A failed check: lines of (msgid, format arguments), translated when shown."""

    def __init__(self, *lines):
        super().__init__(lines)
        self.lines = list(lines)


@dataclass
class Case:
    """One set of inputs; ``ref`` holds nnlit's answer, leaf by leaf."""
    label: str
    args: dict
    m: int = 0
    edge: bool = False     # checked in the last step
    extreme: bool = False  # NaN, inf or warnings here are advice, not failure
    ref: dict = field(default_factory=dict)
    raw: object = None

    def shapes(self):
        """The shapes of the array inputs (of the dicts' arrays if there is none)."""
        arrays = {k: v for k, v in self.args.items() if isinstance(v, np.ndarray)}
        if not arrays:
            arrays = {k: a for v in self.args.values() if isinstance(v, dict)
                      for k, a in list(v.items())[:4]}
        return ", ".join(f"{k} {np.shape(v)}" for k, v in arrays.items())


def signature_problem(fn, ex):
    """A Failure if fn is not a function taking the exercise's arguments."""
    call = f"{ex.function}({', '.join(ex.args)})"
    if not callable(fn):
        return Failure((N_("You passed a value of type {kind}, not a function: pass the "
                           "function itself, without calling it, e.g. "
                           "check(\"{name}\", {function})."),
                        {"kind": describe(fn), "name": ex.name, "function": ex.function}))
    try:
        inspect.signature(fn).bind(*ex.args)
    except TypeError:
        return Failure((N_("Your function takes ({params}); the exercise calls it as {call}."),
                        {"params": ", ".join(inspect.signature(fn).parameters), "call": call}))
    except ValueError:  # builtins without a signature: just try them
        return None
    return None


def call(fn, ex, case):
    """fn on deep copies of the case's inputs: (output, warnings); prints are swallowed,
    and a call running longer than ``LIMIT`` seconds is stopped and reported."""
    args = copy.deepcopy(case.args)
    sink = io.StringIO()
    with warnings.catch_warnings(record=True) as caught, \
            np.errstate(over="warn", divide="warn", invalid="warn", under="ignore"), \
            contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        warnings.simplefilter("always")
        try:
            with time_limit(LIMIT.get()):
                out = fn(*args.values())
        except _TimedOut:
            raise Failure((N_("Your function was still running after {seconds} s on inputs with "
                              "the shapes {shapes}, and was stopped: look for a loop that never "
                              "ends (on these small inputs nnlit needs milliseconds)."),
                           {"seconds": f"{LIMIT.get():g}", "shapes": case.shapes()})) from None
        except Exception as exc:  # the learner's code: report it, never re-raise
            raise exception_failure(exc, fn, ex, case) from None
    return out, sorted({f"{w.category.__name__}: {w.message}" for w in caught})


EXCEPTION_HINTS = (
    (NotImplementedError, (), N_("The function is not written yet: replace the "
                                 "NotImplementedError with your code.")),
    (NameError, (), N_("A name your function uses is not defined: import it or define it "
                       "(the course's helpers sigmoid, relu, relu_backward, sigmoid_backward "
                       "are in nnlit.activations).")),
    (KeyError, (), N_("Your function looked up a key that the dictionary does not have. "
                      "The dictionaries passed in have the keys: {keys}.")),
    (ValueError, ("matmul", "broadcast", "shape", "aligned"),
     N_("Two arrays have shapes that do not fit together. The inputs have the shapes {shapes}: "
        "check the order of each product and its transposes. Examples are columns, and A and Y "
        "are both rows of shape (1, m): a row minus a column broadcasts to an m × m matrix "
        "(erratum 13).")),
    (IndexError, (), N_("An index is out of range. The inputs have the shapes {shapes}: "
                        "examples are columns, so there are m = X.shape[1] of them, numbered "
                        "0, …, m − 1, and no example m + 1 (erratum 4).")),
)


def exception_failure(exc, fn, ex, case):
    where = _learner_line(exc, fn)
    lines = [(N_("Your function raised {error} on inputs with the shapes {shapes}."),
              {"error": ": ".join(filter(None, (type(exc).__name__, str(exc)))),
               "shapes": case.shapes()})]
    if where and where["code"]:
        lines.append((N_("It happened at line {line} of {file}: {code}"), where))
    keys = sorted({k for v in case.args.values() if isinstance(v, dict) for k in v})
    for kind, words, hint in EXCEPTION_HINTS:
        if isinstance(exc, kind) and (not words or any(w in str(exc) for w in words)):
            lines.append((hint, {"keys": ", ".join(keys), "shapes": case.shapes()}))
            break
    return Failure(*lines)


def _learner_line(exc, fn):
    code = getattr(fn, "__code__", None)
    frames = [f for f in traceback.extract_tb(exc.__traceback__)
              if code is None or f.filename == code.co_filename]
    if not frames or code is None:
        return None
    last = frames[-1]
    return {"line": last.lineno, "file": last.filename, "code": (last.line or "").strip()}


def describe(obj):
    """The type of obj as Python names it (the same in every language)."""
    if isinstance(obj, np.ndarray):
        return f"ndarray {obj.shape}"
    return type(obj).__name__


def _numbers(x):
    return isinstance(x, list) and all(isinstance(v, (int, float, np.number)) for v in x)


def walk(ref, got, name, out, top=None):
    """Fill out[quantity] = got's leaf, walking got next to nnlit's ``ref``."""
    if isinstance(ref, dict):
        if not isinstance(got, dict):
            raise Failure((N_("{what} should be a dict with the keys {keys}; "
                              "yours is of type {kind}."),
                           {"what": name, "keys": ", ".join(ref), "kind": describe(got)}))
        missing = [k for k in ref if k not in got]
        if missing:
            raise Failure((N_("{what} has no key {keys} (it has: {have})."),
                           {"what": name, "keys": ", ".join(missing),
                            "have": ", ".join(map(str, got)) or "-"}))
        for key in ref:
            walk(ref[key], got[key], key, out)
    elif isinstance(ref, (tuple, list)) and not _numbers(ref):
        names = top or [f"{name}[{i}]" for i in range(len(ref))]
        if not isinstance(got, (tuple, list)) or len(got) != len(ref):
            n = len(got) if isinstance(got, (tuple, list)) else 1
            raise Failure((N_("{what} should hold {n} values ({names}); "
                              "yours holds {k} (of type {kind})."),
                           {"what": name, "n": len(ref), "names": ", ".join(names), "k": n,
                            "kind": describe(got)}))
        for r, g, q in zip(ref, got, names, strict=True):
            walk(r, g, q, out)
    else:
        out[name] = _leaf(ref, got, name)
    return out


def _leaf(ref, got, name):
    try:
        arr = None if isinstance(got, (dict, str)) or got is None else np.asarray(got)
    except (ValueError, TypeError):  # a ragged list, say
        arr = None
    if arr is None or arr.dtype.kind not in "biuf":
        want = (N_("a number") if np.ndim(ref) == 0 else N_("a NumPy array"))
        raise Failure((N_("{q} should be {want}; yours is of type {kind}."),
                       {"q": name, "want": want, "kind": describe(got)}))
    if np.ndim(ref) == 0 and arr.size == 1:  # a float, an np.float64 or a 1x1 array
        return arr.astype(np.float64).reshape(())
    return arr.astype(np.float64)


def close(got, want):
    got, want = np.asarray(got, np.float64), np.asarray(want, np.float64)
    if got.size == want.size == 1:  # one number: (), (1,) and (1, 1) alike
        got, want = got.reshape(()), want.reshape(())
    if got.shape != want.shape or not np.all(np.isfinite(got)):
        return False
    scale = float(np.max(np.abs(want), initial=0.0))
    return bool(np.allclose(got, want, rtol=1e-6, atol=1e-9 * scale + 1e-12))


def diagnose(q, got, case, ex):
    """The hint of the first mistake of the table that gives exactly ``got`` (of the same
    shape if one does, else any single number for a single number)."""
    wrongs = []
    for row in ex.mistakes:
        try:
            with np.errstate(all="ignore"):
                wrong = row.changes(case, ex)
        except (ValueError, IndexError, KeyError, ZeroDivisionError):
            continue  # this mistake cannot be made on these inputs
        if q in wrong and (np.shape(wrong[q]) != np.shape(case.ref[q])
                           or not close(wrong[q], case.ref[q])):
            wrongs.append((row, wrong[q]))
    for strict in (True, False):
        for row, value in wrongs:
            if (not strict or np.shape(value) == np.shape(got)) and close(got, value):
                return (row.hint, row.fmt(q))
    for other, want in case.ref.items():  # a right value in the wrong place
        if other != q and close(got, want):
            return (N_("{q} holds what should be {other}: return {returns}, in this order."),
                    {"q": q, "other": other, "returns": ", ".join(ex.returns)})
    return None


def shape_failure(q, got, case, ex):
    want = np.shape(case.ref[q])
    lines = [(N_("{q} has shape {got}, expected {want}."),
              {"q": q, "got": np.shape(got), "want": want})]
    hint = diagnose(q, got, case, ex)
    if hint is None and len(want) == 2 and np.shape(got) == want[::-1] and want[0] != want[1]:
        hint = (N_("{q} is transposed: check the order of the product and its .T."), {"q": q})
    return Failure(*lines, *([hint] if hint else []))


def value_failure(q, got, case, ex):
    want = np.asarray(case.ref[q])
    if not np.all(np.isfinite(got)):
        return Failure((N_("{q} contains NaN or inf on ordinary inputs ({case})."),
                        {"q": q, "case": case.label}))
    gap = np.abs(got - want)
    i = np.unravel_index(np.argmax(gap), gap.shape) if gap.ndim else ()
    entry = f"{q}[{', '.join(map(str, i))}]" if gap.ndim else q
    lines = [(N_("{q} is wrong on {case} ({shapes})."),
              {"q": q, "case": case.label, "shapes": case.shapes()}),
             (N_("{entry}: yours {got:.6g}, expected {want:.6g}."),
              {"entry": entry, "got": float(got[i]), "want": float(want[i])})]
    hint = diagnose(q, got, case, ex)
    return Failure(*lines, *([hint] if hint else []))
