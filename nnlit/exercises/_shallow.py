"""Exercises of chapter 2: the shallow network's forward and backward passes."""

import numpy as np

from nnlit import shallow
from nnlit.activations import _sigmoid
from nnlit.exercises._i18n import N_
from nnlit.exercises._logistic import labels
from nnlit.exercises._run import Case
from nnlit.exercises._spec import (
    Exercise,
    formula,
    m_times,
    negated,
    no_keepdims,
    summed,
    transposed,
)

STABLE = N_("At extreme inputs your function gave NaN or inf or warned: the plain "
            "σ(z) = 1/(1 + e^(−z)) overflows for z < −709, which is harmless here. The book's "
            "stable sigmoid only takes e^x of x ≤ 0 (equation (L1), erratum 14).")


def _parameters(rng, n_x, n_h, scale=1.0):
    return {"W1": scale * rng.normal(size=(n_h, n_x)), "b1": rng.normal(size=(n_h, 1)),
            "W2": scale * rng.normal(size=(1, n_h)), "b2": rng.normal(size=(1, 1))}


def _data(rng):
    """(label, X, Y, parameters, extreme): the course's sizes first (n_x 2, n_h 4, m 3)."""
    yield N_("inputs of the course's shapes"), rng.normal(size=(2, 3)), \
        np.array([[1.0, 0.0, 1.0]]), _parameters(rng, 2, 4), False
    for n_x, n_h, m in ((3, 5, 6), (4, 3, 8)):
        yield N_("random inputs"), rng.normal(size=(n_x, m)), labels(rng, m), \
            _parameters(rng, n_x, n_h), False
    yield N_("a single example (m = 1)"), rng.normal(size=(2, 1)), np.array([[0.0]]), \
        _parameters(rng, 2, 4), False
    yield N_("extreme scores"), rng.normal(size=(2, 4)), labels(rng, 4), \
        _parameters(rng, 2, 4, scale=500.0), True


def _forward_cases(rng):
    return [Case(label, {"X": X, "parameters": p}, m=X.shape[1], edge=i >= 3, extreme=big)
            for i, (label, X, _, p, big) in enumerate(_data(rng))]


def _backward_cases(rng):
    cases = []
    for i, (label, X, Y, p, big) in enumerate(_data(rng)):
        _, cache = shallow.forward_propagation(X, p)
        cases.append(Case(label, {"parameters": p, "cache": cache, "X": X, "Y": Y},
                          m=X.shape[1], edge=i >= 3, extreme=big))
    return cases


def _forward_with(case, hidden=np.tanh, out=_sigmoid, bias=True, skip=False):
    X, p = case.args["X"], case.args["parameters"]
    Z1 = p["W1"] @ X + bias * p["b1"]
    A1 = hidden(Z1)
    Z2 = p["W2"] @ (Z1 if skip else A1) + bias * p["b2"]
    A2 = out(Z2)
    return {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


FORWARD_MISTAKES = (
    formula(N_("{q} is wrong: the hidden layer uses tanh, A1 = tanh(Z1), not the sigmoid."),
            lambda c: _forward_with(c, hidden=_sigmoid)),
    formula(N_("{q} is wrong: the output layer uses the sigmoid, A2 = σ(Z2), not tanh."),
            lambda c: _forward_with(c, out=np.tanh)),
    formula(N_("{q} is wrong: Z2 = W2 A1 + b2 takes the activation A1, not Z1."),
            lambda c: _forward_with(c, skip=True)),
    formula(N_("{q} misses its bias: Z = W A + b, the bias broadcast over the columns."),
            lambda c: _forward_with(c, bias=False)),
)


def _backward_with(case, slope=lambda A1, Z1: 1 - A1 ** 2, axis=1):
    a = case.args
    p, c, X, m = a["parameters"], a["cache"], a["X"], case.m
    dZ2 = c["A2"] - a["Y"]
    dZ1 = (p["W2"].T @ dZ2) * slope(c["A1"], c["Z1"])
    return {"dW1": dZ1 @ X.T / m, "db1": np.sum(dZ1, axis=axis, keepdims=True) / m,
            "dW2": dZ2 @ c["A1"].T / m, "db2": np.sum(dZ2, axis=axis, keepdims=True) / m}


BACKWARD_MISTAKES = (
    formula(N_("{q} is wrong: dZ1 uses 1 − A1; tanh′ is 1 − A1², so "
               "dZ1 = W2ᵀ dZ2 ⊙ (1 − A1²)."), lambda c: _backward_with(c, lambda A, Z: 1 - A)),
    formula(N_("{q} is wrong: dZ1 uses 1 − Z1²; tanh′ is 1 − A1², with A1 = tanh(Z1)."),
            lambda c: _backward_with(c, lambda A, Z: 1 - Z ** 2)),
    formula(N_("{q} is wrong: dZ1 uses the sigmoid's slope A1(1 − A1); the hidden layer is "
               "tanh, whose slope is 1 − A1²."),
            lambda c: _backward_with(c, lambda A, Z: A * (1 - A))),
    formula(N_("{q} is wrong: dZ1 = W2ᵀ dZ2 must be multiplied elementwise by tanh′ = 1 − A1²."),
            lambda c: _backward_with(c, lambda A, Z: 1.0)),
    m_times("dW1", "db1", "dW2", "db2"),
    negated("dW1", "db1", "dW2", "db2",
            hint=N_("{q} has the wrong sign: dZ2 = A2 − Y, not Y − A2.")),
    formula(N_("{q} sums over the wrong axis: the examples are the columns, so sum with "
               "axis=1, keepdims=True."), lambda c: _backward_with(c, axis=0)),
    no_keepdims("db1", "db2"),
    summed("db1", "db2"),
    transposed("dW1", "dW2"),
)

EXERCISES = (
    Exercise("shallow.forward_propagation", shallow.forward_propagation, ("X", "parameters"),
             ("A2", "cache"), _forward_cases, FORWARD_MISTAKES, STABLE,
             order=("Z1", "A1", "Z2", "A2")),
    Exercise("shallow.backward_propagation", shallow.backward_propagation,
             ("parameters", "cache", "X", "Y"), ("grads",), _backward_cases, BACKWARD_MISTAKES),
)
