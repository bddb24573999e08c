"""Exercises of chapter 1: propagate and optimize."""

import numpy as np

from nnlit import logistic
from nnlit.activations import _sigmoid
from nnlit.exercises._i18n import N_
from nnlit.exercises._run import Case, Failure, call
from nnlit.exercises._spec import Exercise, formula, m_times, negated, transposed
from nnlit.gradcheck import gradient_check

STABLE = N_("At extreme scores (|z| about 800) your function gave NaN or inf or warned: "
            "that is the plain σ(z) = 1/(1 + e^(−z)) and log(a) saturating, fine on ordinary "
            "inputs. The book's stable forms are the sigmoid of equation (L1) and the "
            "cost from the scores, log(1 + e^z) − y z of equation (L3) (erratum 14).")


def labels(rng, m):
    y = (rng.random((1, m)) > 0.5).astype(float)
    y[0, :2] = (1.0, 0.0)[: m]  # both classes, whatever the draw
    return y


def _cases(rng, extra=None):
    extra = extra or {}
    course = {"w": np.array([[1.0], [2.0]]), "b": 2.0,
              "X": np.array([[1.0, 2.0, -1.0], [3.0, 4.0, -3.2]]), "Y": np.array([[1.0, 0.0, 1.0]])}
    cases = [Case(N_("the course's example"), {**course, **extra.get(0, {})}, m=3)]
    for i, (n, m) in enumerate(((3, 5), (4, 7)), start=1):
        args = {"w": rng.normal(size=(n, 1)), "b": float(rng.normal()),
                "X": rng.normal(size=(n, m)), "Y": labels(rng, m)}
        cases.append(Case(N_("random inputs"), {**args, **extra.get(i, {})}, m=m))
    one = {"w": rng.normal(size=(2, 1)), "b": 0.5, "X": rng.normal(size=(2, 1)),
           "Y": np.array([[1.0]])}
    cases.append(Case(N_("a single example (m = 1)"), {**one, **extra.get(3, {})}, m=1,
                      edge=True))
    big = {"w": np.array([[400.0], [-400.0]]), "b": 0.0,
           "X": np.array([[2.0, -2.0, 1.0], [0.0, 0.0, 1.0]]), "Y": np.array([[0.0, 1.0, 1.0]])}
    cases.append(Case(N_("extreme scores"), {**big, **extra.get(4, {})}, m=3, edge=True,
                      extreme=True))
    return cases


def _dz(case, wrong_dz):
    a = case.args
    A = _sigmoid(a["w"].T @ a["X"] + a["b"])
    dZ = wrong_dz(A, a["Y"])
    return {"dw": a["X"] @ dZ.T / case.m, "db": np.sum(dZ) / case.m}


def _cost(case, loss):
    a = case.args
    A = _sigmoid(a["w"].T @ a["X"] + a["b"])
    return {"cost": loss(A, a["Y"], case.m)}


PROPAGATE_MISTAKES = (
    m_times("dw", "db", "cost"),
    negated("dw", "db", hint=N_("{q} has the wrong sign: the gradient uses A − Y, not Y − A.")),
    negated("cost", hint=N_("{q} has the wrong sign: the cross-entropy is "
                            "−(1/m) Σ (y log a + (1 − y) log(1 − a)), never negative.")),
    formula(N_("{q} is the cost without its brackets (erratum 1): −1/m and the sum cover "
               "the whole loss, y log a + (1 − y) log(1 − a)."),
            lambda c: _cost(c, lambda A, Y, m: -np.sum(Y * np.log(A)) / m
                            + np.sum((1 - Y) * np.log(1 - A)))),
    formula(N_("{q} misses the term (1 − y) log(1 − a) of the loss."),
            lambda c: _cost(c, lambda A, Y, m: -np.sum(Y * np.log(A)) / m)),
    formula(N_("{q}: dZ = A − Y already contains σ′; do not multiply by A(1 − A) again."),
            lambda c: _dz(c, lambda A, Y: (A - Y) * A * (1 - A))),
    transposed("dw"),
)


def _gradients(fn, ex):
    """At a point of its own (m = 12, more than any value case), the learner's dw and db
    against centred differences of the learner's own cost."""
    rng = np.random.default_rng(12)
    a = {"w": rng.normal(size=(4, 1)), "b": 0.3, "X": rng.normal(size=(4, 12)),
         "Y": labels(rng, 12)}

    def cost(p):
        out, _ = call(fn, ex, Case(N_("random inputs"), {**a, "w": p["w"], "b": float(p["b"])}))
        return out[1]

    (grads, _), _ = call(fn, ex, Case(N_("random inputs"), a))
    try:
        report = gradient_check(cost, {"w": a["w"], "b": np.array(a["b"])},
                                {"dw": grads["dw"], "db": np.reshape(grads["db"], ())})
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        raise Failure((N_("Your cost could not be differentiated numerically: {error}"),
                       {"error": str(exc)})) from None
    if not report.passed:
        raise Failure((N_("Your dw and db do not match the slope of your own cost: relative "
                          "error {error:.1e}, where a correct pair gives less than 1e-7."),
                       {"error": report.error}))


def _descend(case, stale=False, sign=-1.0, every=100):
    a = case.args
    w, b, X, Y = a["w"], a["b"], a["X"], a["Y"]
    grads, costs = logistic._propagate(w, b, X, Y)[0], []
    for i in range(a["num_iterations"]):
        fresh, cost = logistic._propagate(w, b, X, Y)
        grads = grads if stale else fresh
        if i % every == 0:
            costs.append(cost)
        w = w + sign * a["learning_rate"] * grads["dw"]
        b = b + sign * a["learning_rate"] * grads["db"]
    return {"w": w, "b": b}, grads, costs


OPTIMIZE_MISTAKES = (
    formula(N_("{q} moved uphill: the step is w − α dw, with a minus."),
            lambda c: _descend(c, sign=1.0), full=True),
    formula(N_("{q} moved as if the gradients were computed once: call propagate and read "
               "grads[\"dw\"] and grads[\"db\"] afresh in every iteration (erratum 2)."),
            lambda c: _descend(c, stale=True), full=True),
    formula(N_("{q} holds a cost for every iteration: record it every 100 iterations "
               "(i % 100 == 0), before that iteration's step."),
            lambda c: _descend(c, every=1), full=True),
)


def _optimize_cases(rng):
    runs = {0: {"num_iterations": 100, "learning_rate": 0.009}}
    runs.update({i: {"num_iterations": 101, "learning_rate": 0.1} for i in range(1, 5)})
    return _cases(rng, runs)


EXERCISES = (
    Exercise("logistic.propagate", logistic.propagate, ("w", "b", "X", "Y"),
             ("grads", "cost"), _cases, PROPAGATE_MISTAKES, STABLE, _gradients),
    Exercise("logistic.optimize", logistic.optimize,
             ("w", "b", "X", "Y", "num_iterations", "learning_rate"),
             ("params", "grads", "costs"), _optimize_cases, OPTIMIZE_MISTAKES, STABLE),
)
