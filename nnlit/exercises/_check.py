"""The five steps of a check, in order, stopping at the first failure."""

import numpy as np

from nnlit.exercises._i18n import N_, tr
from nnlit.exercises._run import (
    LIMIT,
    Failure,
    call,
    close,
    shape_failure,
    signature_problem,
    value_failure,
    walk,
)

RUNS = N_("runs on the course's shapes")
SHAPES = N_("output types, keys and shapes")
VALUES = N_("values against nnlit on random inputs")
GRADIENTS = N_("gradients against centred differences of your own cost")
EDGES = N_("edge cases")


class CheckResult:
    """What :func:`~nnlit.exercises.check` found: ``passed``, and a report as ``str()``."""

    def __init__(self, name, lang, steps, done, failure, advice):
        self.name, self.lang, self.steps = name, lang, steps
        self.done, self.failure, self.advice = done, failure, advice

    @property
    def passed(self):
        return self.failure is None

    def __bool__(self):
        return self.passed

    def __repr__(self):
        return f"<CheckResult {self.name}: {'passed' if self.passed else 'FAILED'}>"

    def __str__(self):
        return self.report(self.lang)

    def report(self, lang):
        t = lambda msgid, **fmt: tr(msgid, lang, **fmt)  # noqa: E731
        head = (t(N_("{name}: passed"), name=self.name) if self.passed else
                t(N_("{name}: FAILED at step {step} of {n} ({what})"), name=self.name,
                  step=self.done + 1, n=len(self.steps), what=t(self.steps[self.done])))
        lines = [head]
        for i, step in enumerate(self.steps):
            mark = "✓" if i < self.done else ("✗" if i == self.done else "·")
            lines.append(f"  {mark} {t(step)}")
            if i == self.done and self.failure:
                lines += [f"      {t(msgid, **fmt)}" for msgid, fmt in self.failure]
        if self.advice:
            lines.append("  " + t(N_("Advice:")))
            lines += [f"    - {t(msgid, **fmt)}" for msgid, fmt in self.advice]
        return "\n".join(lines)




def structure(out, ex, case):
    """The learner's quantities, after checking types, keys and shapes."""
    if out is None:
        raise Failure((N_("{function} returned None: did you forget the return statement? "
                          "It should return {returns}."),
                       {"function": ex.function, "returns": ", ".join(ex.returns)}))
    if len(ex.returns) == 1:
        got = walk(case.raw, out, ex.returns[0], {})
    else:
        got = walk(case.raw, out, ex.function, {}, top=ex.returns)
    for q, want in case.ref.items():
        if np.shape(got[q]) != np.shape(want):
            raise shape_failure(q, got[q], case, ex)
    return got


def _values(fn, ex, case, advice):
    try:
        out, warned = call(fn, ex, case)
    except Failure:
        if not case.extreme:
            raise
        _advise(advice, (ex.advice, {}))  # it raised on NaN or inf of its own making
        return
    got = structure(out, ex, case)
    bad = any(not np.all(np.isfinite(g)) for g in got.values())
    if case.extreme and (bad or warned):
        _advise(advice, (ex.advice, {}))
        return
    for q, want in case.ref.items():
        if not close(got[q], want):
            raise value_failure(q, got[q], case, ex)
    if warned:
        _advise(advice, (N_("On {case} your function warned: {warnings}."),
                         {"case": case.label, "warnings": "; ".join(warned)}))


def _advise(advice, item):
    if item not in advice:
        advice.append(item)


def run(ex, fn, lang, timeout):
    token = LIMIT.set(timeout)
    try:
        return _run(ex, fn, lang)
    finally:
        LIMIT.reset(token)


def _run(ex, fn, lang):
    cases = ex.cases(np.random.default_rng(20260101))
    for case in cases:
        case.raw = ex.run_reference(case)
        case.ref = ex.flatten(case.raw)
    steps = [RUNS, SHAPES, VALUES] + ([GRADIENTS] if ex.gradients else []) + [EDGES]
    done, advice = 0, []
    ordinary = [c for c in cases if not c.edge]
    try:
        problem = signature_problem(fn, ex)
        if problem:
            raise problem
        out, _ = call(fn, ex, cases[0])
        done = 1
        structure(out, ex, cases[0])
        done = 2
        for case in ordinary:
            _values(fn, ex, case, advice)
        done = 3
        if ex.gradients:
            ex.gradients(fn, ex)
            done = 4
        for case in cases:
            if case.edge:
                _values(fn, ex, case, advice)
        done = len(steps)
        failure = None
    except Failure as f:
        failure = f.lines
    return CheckResult(ex.name, lang, steps, done, failure, advice)
