"""Chapter 1, logistic regression: the sigmoid, the loss and the gradients.

Every proof states an identity symbolically, lets SymPy reduce the difference
to 0, then evaluates the symbolic result on random numbers and compares it
with the nnlit function that implements the equation.
"""

import mpmath
import numpy as np
import sympy as sp

from derivations import check_close, check_zero, loss, proves, sigma, symbol_matrix
from nnlit.activations import log_sigmoid, sigmoid, sigmoid_derivative
from nnlit.logistic import optimize, predict, propagate
from nnlit.losses import binary_cross_entropy, binary_cross_entropy_from_logits

z, y = sp.symbols("z y", real=True)


@proves("logistic-2", "logistic-sigmoid-stable")
def stable_sigmoid_equals_definition():
    e = sp.exp(-sp.Abs(z))
    z_pos, z_neg = sp.Symbol("z", positive=True), sp.Symbol("z", negative=True)
    check_zero((1 / (1 + e) - sigma(z)).subs(z, z_pos), "branch z >= 0")
    check_zero((e / (1 + e) - sigma(z)).subs(z, z_neg), "branch z < 0")
    # numerically, against 30-digit arithmetic, right into the saturated range
    zs = np.concatenate([np.linspace(-745, 745, 299), [-1e4, 1e4]])
    exact = sp.lambdify(z, sigma(z), "mpmath")
    with mpmath.workdps(30):
        reference = [float(exact(mpmath.mpf(float(v)))) for v in zs]
    check_close(sigmoid(zs), reference, "sigmoid vs 30-digit sigma", rtol=1e-14, atol=0)
    check_close(log_sigmoid(zs), -np.logaddexp(0, -zs), "log_sigmoid", rtol=1e-15, atol=0)


@proves("logistic-dsigmoid")
def sigmoid_derivative_is_s_times_one_minus_s():
    derivative = sp.diff(sigma(z), z)
    check_zero(derivative - sigma(z) * (1 - sigma(z)), "d sigma / dz")
    zs = np.linspace(-30, 30, 121)
    check_close(sigmoid_derivative(zs), sp.lambdify(z, derivative)(zs), "sigmoid_derivative")


@proves("logistic-3", "logistic-cost-logits", "logistic-dz")
def loss_from_logits_and_its_gradient():
    L = loss(sigma(z), y)
    L_logits = sp.log(1 + sp.exp(z)) - y * z
    check_zero(L - L_logits, "loss (3) written with logits")
    check_zero(sp.diff(L, z) - (sigma(z) - y), "dL/dz = a - y")
    # nnlit: the cost from logits and from probabilities agree with (3) ...
    rng = np.random.default_rng(0)
    zs, ys = rng.normal(0, 4, (1, 50)), rng.integers(0, 2, (1, 50))
    exact = np.mean(sp.lambdify((z, y), L)(zs, ys))
    check_close(binary_cross_entropy_from_logits(zs, ys), exact, "cost from logits")
    check_close(binary_cross_entropy(sigmoid(zs), ys), exact, "cost from probabilities")
    # ... and with X the identity, m * dw of propagate is the vector dL/dz
    grads, _ = propagate(np.zeros((50, 1)), 0.0, np.eye(50), ys)
    dL_dz = sp.lambdify((z, y), sp.diff(L, z))(np.zeros(50), ys.ravel())
    check_close(50 * grads["dw"].ravel(), dL_dz, "propagate's dL/dz")


@proves("logistic-1", "logistic-forward", "logistic-6", "logistic-7", "logistic-8")
def gradients_at_matrix_level():
    rng = np.random.default_rng(1)
    for n, m in [(2, 3), (3, 2)]:
        X, Y, w = symbol_matrix("x", n, m), symbol_matrix("y", 1, m), symbol_matrix("w", n, 1)
        b = sp.Symbol("b", real=True)
        Z = w.T * X + b * sp.ones(1, m)  # (1) for every column: the forward pass
        A = Z.applyfunc(sigma)
        J = sum(loss(A[j], Y[j]) for j in range(m)) / m  # (6)
        dw, db = X * (A - Y).T / m, sum(A - Y) / m  # (7) and (8)
        for i in range(n):
            check_zero(sp.diff(J, w[i]) - dw[i], f"dJ/dw_{i + 1} for n={n}, m={m}")
        check_zero(sp.diff(J, b) - db, f"dJ/db for n={n}, m={m}")
        # numerically: lambdify J and its symbolic gradient, compare with propagate
        symbols = [*X, *Y, *w, b]
        J_and_grad = sp.lambdify(symbols, [J, *(sp.diff(J, v) for v in (*w, b))])
        wv, bv = rng.normal(size=(n, 1)), float(rng.normal())
        Xv, Yv = rng.normal(size=(n, m)), rng.integers(0, 2, (1, m))
        exact = J_and_grad(*Xv.ravel(), *Yv.ravel(), *wv.ravel(), bv)
        grads, cost = propagate(wv, bv, Xv, Yv)
        check_close(cost, exact[0], f"cost for n={n}, m={m}")
        check_close(grads["dw"].ravel(), exact[1:-1], f"dw for n={n}, m={m}")
        check_close(grads["db"], exact[-1], f"db for n={n}, m={m}")


@proves("logistic-update")
def gradient_step_goes_downhill():
    # for any differentiable J, the step (L6) lowers J to first order:
    # d/d(alpha) J(w - alpha grad J) at alpha = 0 is -||grad J||^2 <= 0
    w1, w2, alpha = sp.symbols("w1 w2 alpha", real=True)
    J = sp.Function("J")
    grad = [sp.diff(J(w1, w2), v) for v in (w1, w2)]
    stepped = J(w1 - alpha * grad[0], w2 - alpha * grad[1])
    slope = sp.diff(stepped, alpha).subs(alpha, 0).doit()
    check_zero(slope + grad[0] ** 2 + grad[1] ** 2, "slope of J along the step")
    # nnlit: one iteration of optimize is exactly this step, and it lowers the cost
    rng = np.random.default_rng(5)
    w, b = rng.normal(size=(4, 1)), float(rng.normal())
    X, Y = rng.normal(size=(4, 30)), rng.integers(0, 2, (1, 30))
    grads, cost = propagate(w, b, X, Y)
    params, _, _ = optimize(w, b, X, Y, num_iterations=1, learning_rate=0.01)
    check_close(params["w"], w - 0.01 * grads["dw"], "w after one step", rtol=0, atol=0)
    check_close(params["b"], b - 0.01 * grads["db"], "b after one step", rtol=0, atol=0)
    if not propagate(params["w"], params["b"], X, Y)[1] < cost:
        raise AssertionError("a small step against the gradient did not lower the cost")


@proves("logistic-predict")
def threshold_one_half_is_the_sign_of_z():
    # a = sigma(z) > 1/2 exactly when z > 0: the decision only needs w^T x + b
    above_half = sp.solve_univariate_inequality(sigma(z) > sp.Rational(1, 2), z, relational=False)
    if above_half != sp.Interval.open(0, sp.oo):
        raise AssertionError(f"sigma(z) > 1/2 holds on {above_half}, not z > 0")
    rng = np.random.default_rng(6)
    w, b, X = rng.normal(size=(3, 1)), float(rng.normal()), rng.normal(size=(3, 200))
    check_close(predict(w, b, X), (w.T @ X + b > 0).astype(float), "predict", rtol=0, atol=0)
