"""The speed page: gradient descent keeps the first layer in the span of the
examples, so the Gram matrix can stand in for X inside the training loop.

Each proof states the identity for any ``dZ1`` (whatever the loss and the
later layers make of the scores), lets SymPy reduce the difference to 0, then
trains with nnlit both ways and compares the results.
"""

import numpy as np
import sympy as sp

from derivations import check_close, check_zero, proves, symbol_matrix
from nnlit.deep import L_layer_model
from nnlit.logistic import optimize

N1, NX, M = 2, 3, 2  # symbolic sizes: 2 units, 3 features, 2 examples
ALPHA = sp.Symbol("alpha", positive=True)


def one_gradient_step(W, b, X, dZ):
    """The step deep-16, deep-17 with the gradients deep-8, deep-9 of layer 1."""
    m = X.shape[1]
    return W - ALPHA * dZ * X.T / m, b - ALPHA * dZ * sp.ones(m, 1) / m


def gram(X):
    """K = X^T X + 1 1^T, equation speed-gram."""
    return X.T * X + sp.ones(X.shape[1], X.shape[1])


def primal_and_dual(dims, hidden, dtype=np.float64, m=12, iterations=60):
    """nnlit's parameters after training both ways on the same random data."""
    rng = np.random.default_rng(5)
    X = rng.normal(size=(dims[0], m)).astype(dtype)
    Y = (rng.random((1, m)) < 0.5).astype(dtype)
    return [L_layer_model(X, Y, dims, 0.1, iterations, rng=1, scale="he",
                          hidden_activation=hidden, method=method)
            for method in ("primal", "dual")]


@proves("speed-span", "speed-gram", "speed-scores")
def first_layer_stays_in_the_span_of_the_examples():
    X, W0 = symbol_matrix("x", NX, M), symbol_matrix("v", N1, NX)
    C, b = symbol_matrix("c", N1, M), symbol_matrix("b", N1, 1)
    dZ = symbol_matrix("d", N1, M)  # any dZ1: any loss, any later layers
    W = W0 + C * X.T  # (S1) at step t
    W_next, b_next = one_gradient_step(W, b, X, dZ)
    check_zero(W_next - (W0 + (C - ALPHA * dZ / M) * X.T), "W1 stays W1(0) + C X^T (S1)")
    Z, Z_next = W * X + b * sp.ones(1, M), W_next * X + b_next * sp.ones(1, M)
    check_zero(Z_next - (Z - ALPHA * dZ * gram(X) / M), "Z1 moves by dZ1 K (S3)")
    db = dZ * sp.ones(M, 1) / M
    check_zero(Z_next - (Z - ALPHA * dZ * X.T * X / M - ALPHA * db * sp.ones(1, M)),
               "the ones of K carry the bias (S2, S3)")
    for dims, hidden in (([30, 4, 3, 1], "relu"), ([20, 3, 1], "tanh")):
        (primal, costs_p), (dual, costs_d) = primal_and_dual(dims, hidden)
        check_close(costs_d, costs_p, f"costs, {hidden}", rtol=1e-10, atol=0)
        for key in primal:
            check_close(dual[key], primal[key], f"{key}, {hidden}", rtol=1e-10, atol=1e-12)


@proves("speed-weights")
def first_layer_weights_from_the_sum_of_the_steps():
    X, W, b = symbol_matrix("x", NX, M), symbol_matrix("w", N1, NX), symbol_matrix("b", N1, 1)
    steps = [symbol_matrix(f"d{t}", N1, M) for t in range(3)]
    W_t, b_t = W, b
    for dZ in steps:
        W_t, b_t = one_gradient_step(W_t, b_t, X, dZ)
    Xa = X.col_join(sp.ones(1, M))  # [X; 1^T]
    total = sum(steps, sp.zeros(N1, M))
    check_zero(W_t.row_join(b_t) - (W.row_join(b) - ALPHA * total * Xa.T / M),
               "[W1 | b1] after three steps (S4)")
    (primal, _), (dual, _) = primal_and_dual([40, 5, 2, 1], "sigmoid", iterations=100)
    for key in ("W1", "b1"):
        check_close(dual[key], primal[key], key, rtol=1e-10, atol=1e-12)


@proves("speed-logistic")
def logistic_regression_in_the_span():
    X, w0 = symbol_matrix("x", NX, M), symbol_matrix("v", NX, 1)
    c, b = symbol_matrix("c", M, 1), sp.Symbol("b", real=True)
    dz = symbol_matrix("d", 1, M)  # A - Y, or any row
    w = w0 + X * c
    w_next = w - ALPHA * X * dz.T / M  # logistic-update with dw of logistic-7
    b_next = b - ALPHA * (dz * sp.ones(M, 1))[0] / M
    check_zero(w_next - (w0 + X * (c - ALPHA * dz.T / M)), "w stays w(0) + X c (S5)")
    z = w.T * X + b * sp.ones(1, M)
    z_next = w_next.T * X + b_next * sp.ones(1, M)
    check_zero(z_next - (z - ALPHA * dz * gram(X) / M), "z moves by dz K (S5)")
    rng = np.random.default_rng(6)
    Xv, Yv = rng.normal(size=(50, 15)), (rng.random((1, 15)) < 0.5).astype(float)
    runs = [optimize(np.zeros((50, 1)), 0.0, Xv, Yv, 80, 0.05, method=method)
            for method in ("primal", "dual")]
    (p, g, costs), (p_d, g_d, costs_d) = runs
    check_close(p_d["w"], p["w"], "w", rtol=1e-10, atol=1e-12)
    check_close(p_d["b"], p["b"], "b", rtol=1e-10, atol=1e-12)
    check_close(g_d["dw"], g["dw"], "dw of the last step", rtol=1e-10, atol=1e-12)
    check_close(costs_d, costs, "costs", rtol=1e-10, atol=0)
