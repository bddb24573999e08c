"""Exercises of chapter 4: the deep network's building blocks and passes."""

import numpy as np

from nnlit import deep
from nnlit.activations import _relu, _relu_prime, _sigmoid, _sigmoid_prime
from nnlit.exercises._i18n import N_
from nnlit.exercises._logistic import labels
from nnlit.exercises._run import Case
from nnlit.exercises._spec import (
    Exercise,
    formula,
    m_over,
    m_times,
    negated,
    no_keepdims,
    summed,
    transposed,
)

ONE_EXAMPLE = N_("a single example (m = 1)")
COURSE = N_("inputs of the course's shapes")
DA_HINT = N_("{q} is m times too small: dA_prev = Wᵀ dZ has no 1/m.")
MASK = N_("{q} is wrong where {Z} < 0: did you apply the ReLU mask? dZ = dA ⊙ relu′(Z), "
          "which is 0 where Z ≤ 0.")
AT_ZERO = N_("{q} is wrong where {Z} is exactly 0: the course takes relu′(0) = 0, so dZ = 0 "
             "where Z ≤ 0 (use Z > 0 for the mask).")
SLOPES = {"relu": _relu_prime, "sigmoid": _sigmoid_prime}


def _layer(rng, n_prev, n, m):
    return rng.normal(size=(n_prev, m)), rng.normal(size=(n, n_prev)), rng.normal(size=(n, 1))


def _linear_cases(rng, backward=False):
    sizes = ((3, 1, 2), (5, 3, 4), (4, 6, 7), (3, 2, 1))  # (n_prev, n, m): the course's first
    labels_ = (COURSE, N_("random inputs"), N_("random inputs"), ONE_EXAMPLE)
    cases = []
    for i, (label, (n_prev, n, m)) in enumerate(zip(labels_, sizes, strict=True)):
        A, W, b = _layer(rng, n_prev, n, m)
        args = ({"dZ": rng.normal(size=(n, m)), "cache": (A, W, b)} if backward
                else {"A": A, "W": W, "b": b})
        cases.append(Case(label, args, m=m, edge=i == 3))
    return cases


def _activation_cases(rng):
    cases = []
    for i, (label, activation) in enumerate(((COURSE, "sigmoid"),
                                             (COURSE, "relu"),
                                             (N_("random inputs with Z exactly 0"), "relu"),
                                             (N_("random inputs"), "sigmoid"),
                                             (ONE_EXAMPLE, "relu"))):
        n_prev, n, m = (3, 1, 2) if i < 2 else (4, 5, 1 if i == 4 else 6)
        A, W, b = _layer(rng, n_prev, n, m)
        Z = rng.normal(size=(n, m))
        if i == 2:
            Z[::2, ::3] = 0.0
        cases.append(Case(label, {"dA": rng.normal(size=(n, m)), "cache": ((A, W, b), Z),
                                  "activation": activation}, m=m, edge=i == 4))
    return cases


def _network(rng, dims, m, zero=False, scale=1.0):
    p = {}
    for layer in range(1, len(dims)):
        p[f"W{layer}"] = rng.normal(size=(dims[layer], dims[layer - 1])) / np.sqrt(dims[layer - 1])
        p[f"b{layer}"] = np.zeros((dims[layer], 1)) if zero else rng.normal(size=(dims[layer], 1))
    p[f"W{len(dims) - 1}"] *= scale
    X = rng.normal(size=(dims[0], m))
    if zero:
        X[:, 0] = 0.0  # the first column's Z is exactly 0 in every layer
    return X, p


def _networks(rng):
    yield COURSE, *_network(rng, [5, 4, 3, 1], 4), False
    yield N_("random inputs with Z exactly 0"), *_network(rng, [3, 5, 1], 6, zero=True), False
    yield N_("random inputs"), *_network(rng, [4, 6, 5, 3, 1], 5), False
    yield ONE_EXAMPLE, *_network(rng, [3, 2, 1], 1), False
    yield N_("extreme scores"), *_network(rng, [3, 4, 1], 5, scale=2000.0), True


def _forward_cases(rng):
    return [Case(label, {"X": X, "parameters": p}, m=X.shape[1], edge=i >= 3, extreme=big)
            for i, (label, X, p, big) in enumerate(_networks(rng))]


def _backward_cases(rng):
    cases = []
    for i, (label, X, p, big) in enumerate(_networks(rng)):
        AL, caches = deep.L_model_forward(X, p)
        Y = labels(rng, X.shape[1])
        cases.append(Case(label, {"AL": AL, "Y": Y, "caches": caches}, m=X.shape[1],
                          edge=i >= 3, extreme=big))
    return cases


def _linear_backward(dZ, cache, m):
    A_prev, W, _ = cache
    return W.T @ dZ, dZ @ A_prev.T / m, np.sum(dZ, axis=1, keepdims=True) / m


def _activation_with(case, slopes):
    a = case.args
    (A_prev, W, b), Z = a["cache"]
    slope = slopes[a["activation"]]
    dA_prev, dW, db = _linear_backward(a["dA"] * slope(Z), (A_prev, W, b), case.m)
    return {"dA_prev": dA_prev, "dW": dW, "db": db}


def _forward_with(case, hidden=_relu, last=_sigmoid):
    A, p = case.args["X"], case.args["parameters"]
    L, caches = len(p) // 2, []
    for layer in range(1, L + 1):
        Z = p[f"W{layer}"] @ A + p[f"b{layer}"]
        caches.append(((A, p[f"W{layer}"], p[f"b{layer}"]), Z))
        A = (last if layer == L else hidden)(Z)
    return A, caches


def _backward_with(case, hidden=_relu_prime, sign=1.0):
    a = case.args
    caches, grads, L = a["caches"], {}, len(a["caches"])
    dA = None
    for layer in range(L, 0, -1):
        linear, Z = caches[layer - 1]
        dZ = sign * (a["AL"] - a["Y"]) if layer == L else dA * hidden(Z)
        dA, grads[f"dW{layer}"], grads[f"db{layer}"] = _linear_backward(dZ, linear, case.m)
        grads[f"dA{layer - 1}"] = dA
    return grads


def _skipped(case, layer):
    p, g, lr = (case.args[k] for k in ("parameters", "grads", "learning_rate"))
    L = len(p) // 2
    keep = L if layer == "last" else 1
    return {k: p[k] - (0.0 if k[1:] == str(keep) else lr) * g["d" + k] for k in p}


def _update_cases(rng):
    cases = []
    for i, (label, X, p, _) in enumerate(list(_networks(rng))[:4]):
        AL, caches = deep.L_model_forward(X, p)
        grads = deep.L_model_backward(AL, labels(rng, X.shape[1]), caches)
        cases.append(Case(label, {"parameters": p, "grads": grads, "learning_rate": 0.1},
                          m=X.shape[1], edge=i == 3))
    return cases


def _as_update(case, f):
    p, g, lr = (case.args[k] for k in ("parameters", "grads", "learning_rate"))
    return {k: f(p[k], g["d" + k], lr) for k in p}


LINEAR_FORWARD_MISTAKES = (
    formula(N_("{q} misses the bias: Z = W A_prev + b."),
            lambda c: {"Z": c.args["W"] @ c.args["A"]}),
    formula(N_("The cache must be (A_prev, W, b), in this order: linear_backward unpacks it so."),
            lambda c: dict(zip(("cache[0]", "cache[1]", "cache[2]"),
                               (c.args["W"], c.args["A"], c.args["b"]), strict=True))),
)

LINEAR_BACKWARD_MISTAKES = (
    formula(N_("{q} is the gradient of the layer's output: the first value returned is the "
               "gradient of its input, dA_prev = Wᵀ dZ, of the shape of A_prev (erratum 12)."),
            lambda c: {"dA_prev": c.args["dZ"]}),
    m_times("dW", "db"),
    m_over("dA_prev", hint=DA_HINT),
    negated("dA_prev", "dW", "db"),
    no_keepdims("db"),
    summed("db"),
    transposed("dW"),
)

ACTIVATION_BACKWARD_MISTAKES = (
    formula(MASK, lambda c: _activation_with(c, {**SLOPES, "relu": lambda Z: 1.0})),
    formula(AT_ZERO, lambda c: _activation_with(c, {**SLOPES, "relu": lambda Z: Z >= 0})),
    formula(N_("{q} is wrong: the branches are swapped; activation=\"relu\" takes "
               "relu_backward and \"sigmoid\" takes sigmoid_backward."),
            lambda c: _activation_with(c, {"relu": _sigmoid_prime, "sigmoid": _relu_prime})),
    formula(N_("{q} is wrong: σ′(Z) is σ(Z)(1 − σ(Z)), computed from σ(Z), not from Z."),
            lambda c: _activation_with(c, {**SLOPES, "sigmoid": lambda Z: Z * (1 - Z)})),
    m_times("dW", "db"),
    m_over("dA_prev", hint=DA_HINT),
)

FORWARD_MISTAKES = (
    formula(N_("{q} is wrong: the last layer uses the sigmoid, AL = σ(ZL), not ReLU."),
            lambda c: _forward_with(c, last=_relu), full=True),
    formula(N_("{q} is wrong: the hidden layers use ReLU; only the last layer uses the sigmoid."),
            lambda c: _forward_with(c, hidden=_sigmoid), full=True),
)

BACKWARD_MISTAKES = (
    formula(MASK, lambda c: _backward_with(c, hidden=lambda Z: 1.0)),
    formula(AT_ZERO, lambda c: _backward_with(c, hidden=lambda Z: Z >= 0)),
    formula(N_("{q} has the wrong sign: start from dAL = −(Y/AL − (1 − Y)/(1 − AL)), with "
               "the minus."), lambda c: _backward_with(c, sign=-1.0)),
    formula(N_("{q} is wrong: the hidden layers take relu_backward; only the last layer takes "
               "sigmoid_backward."), lambda c: _backward_with(c, hidden=_sigmoid_prime)),
    m_times("dW", "db"),
    m_over("dA", hint=DA_HINT),
)

UPDATE_MISTAKES = (
    formula(N_("{q} moved uphill: the step is W − α dW, with a minus."),
            lambda c: _as_update(c, lambda p, g, lr: p + lr * g)),
    formula(N_("{q}: the step must be scaled by the learning rate, W − α dW."),
            lambda c: _as_update(c, lambda p, g, lr: p - g)),
    formula(N_("{q} was not updated: loop over every layer, l = 1, …, L (range(L) with the "
               "keys l + 1)."), lambda c: _skipped(c, "last")),
    formula(N_("{q} was not updated: loop over every layer, l = 1, …, L (range(L) with the "
               "keys l + 1)."), lambda c: _skipped(c, "first")),
)

EXERCISES = (
    Exercise("deep.linear_forward", deep.linear_forward, ("A", "W", "b"), ("Z", "cache"),
             _linear_cases, LINEAR_FORWARD_MISTAKES),
    Exercise("deep.linear_backward", deep.linear_backward, ("dZ", "cache"),
             ("dA_prev", "dW", "db"), lambda rng: _linear_cases(rng, backward=True),
             LINEAR_BACKWARD_MISTAKES),
    Exercise("deep.linear_activation_backward", deep.linear_activation_backward,
             ("dA", "cache", "activation"), ("dA_prev", "dW", "db"), _activation_cases,
             ACTIVATION_BACKWARD_MISTAKES),
    Exercise("deep.L_model_forward", deep.L_model_forward, ("X", "parameters"),
             ("AL", "caches"), _forward_cases, FORWARD_MISTAKES,
             N_("At extreme scores your function gave NaN or inf or warned: the plain sigmoid "
                "overflows for z < −709, which is harmless here; the book's sigmoid only takes "
                "e^x of x ≤ 0 (equation (L1))."),
             ),
    Exercise("deep.L_model_backward", deep.L_model_backward, ("AL", "Y", "caches"), ("grads",),
             _backward_cases, BACKWARD_MISTAKES,
             N_("Where AL is exactly 0 or 1 your gradients are NaN or inf or your function "
                "warned: dAL = −(Y/AL − (1 − Y)/(1 − AL)) divides by zero there. Multiplied out, "
                "dZL = AL − Y (equation D4) never does.")),
    Exercise("deep.update_parameters", deep.update_parameters,
             ("parameters", "grads", "learning_rate"), ("parameters",), _update_cases,
             UPDATE_MISTAKES),
)
