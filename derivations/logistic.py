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
from nnlit.logistic import cost_hessian, optimize, predict, propagate
from nnlit.losses import (
    binary_cross_entropy,
    binary_cross_entropy_derivative,
    binary_cross_entropy_from_logits,
    squared_error_dz,
)

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


@proves("logistic-chain")
def chain_rule_to_dz():
    a = sp.Symbol("a", real=True)
    dL_da = sp.diff(loss(a, y), a)  # from (3)
    check_zero(dL_da - (-y / a + (1 - y) / (1 - a)), "dL/da")
    da_dz = sp.diff(sigma(z), z)  # from (2)
    check_zero(dL_da.subs(a, sigma(z)) * da_dz - (sigma(z) - y), "dL/da * da/dz = a - y")
    # nnlit: dL/da for probabilities, and times a (1 - a) it is a - y
    rng = np.random.default_rng(7)
    A, Y = rng.uniform(0.01, 0.99, (1, 40)), rng.integers(0, 2, (1, 40))
    dA = binary_cross_entropy_derivative(A, Y)
    check_close(dA, sp.lambdify((a, y), dL_da)(A, Y), "binary_cross_entropy_derivative")
    check_close(dA * A * (1 - A), A - Y, "dA * a (1 - a)", rtol=1e-12, atol=1e-14)


@proves("logistic-bernoulli")
def cross_entropy_is_bernoulli_negative_log_likelihood():
    a = sp.Symbol("a", positive=True)
    P = a**y * (1 - a) ** (1 - y)  # P(y | x): a when y = 1, 1 - a when y = 0
    if (P.subs(y, 1), P.subs(y, 0)) != (a, 1 - a):
        raise AssertionError("a^y (1 - a)^(1 - y) does not pick a and 1 - a")
    check_zero(sp.expand_log(-sp.log(P), force=True) - loss(a, y), "-log P(y | x) = L(a, y)")
    # m independent examples: -(1/m) log of the product of the P is J of (6)
    m = 3
    As, Ys = sp.symbols("a1:4", positive=True), sp.symbols("y1:4", real=True)
    likelihood = sp.Mul(*(P.subs({a: ai, y: yi}) for ai, yi in zip(As, Ys, strict=True)))
    J = sum(loss(ai, yi) for ai, yi in zip(As, Ys, strict=True)) / m
    check_zero(sp.expand_log(-sp.log(likelihood) / m, force=True) - J, "-(1/m) log likelihood")
    rng = np.random.default_rng(8)
    A, Y = rng.uniform(0.01, 0.99, (1, 60)), rng.integers(0, 2, (1, 60))
    nll = -np.mean(np.log(A**Y * (1 - A) ** (1 - Y)))
    check_close(binary_cross_entropy(A, Y), nll, "binary_cross_entropy vs Bernoulli NLL")


def _exp_as_power(expr, z_expr, e):
    """``expr`` with every exp(k (-z_expr)) written e**k: a rational function of e."""

    def power(arg):
        k = sp.cancel(arg / -z_expr)
        if not k.is_number:
            raise AssertionError(f"exp({arg}) is not a power of exp(-z)")
        return e**k

    return expr.replace(sp.exp, power)


@proves("logistic-hessian", "logistic-convex")
def cross_entropy_cost_is_convex():
    n, m = 2, 3
    X, Y, w = symbol_matrix("x", n, m), symbol_matrix("y", 1, m), symbol_matrix("w", n, 1)
    b = sp.Symbol("b", real=True)
    Z, theta = w.T * X + b * sp.ones(1, m), [*w, b]
    X_tilde = X.col_join(sp.ones(1, m))
    # one example at a time: the Hessian of L(a_j, y_j) in (w, b) is x~_j x~_j^T a_j (1 - a_j)
    e = sp.Symbol("e", positive=True)  # stands for exp(-z_j)
    for j in range(m):
        a = sigma(Z[j])
        residual = sp.hessian(loss(a, Y[j]), theta) - X_tilde[:, j] * X_tilde[:, j].T * a * (1 - a)
        for entry in residual:
            check_zero(sp.cancel(_exp_as_power(entry, Z[j], e)), f"Hessian of L, example {j + 1}")
    # summed and divided by m: the Hessian of J (6) is (L9), X~ diag(a (1 - a)) X~^T / m
    A = Z.applyfunc(sigma)
    J = sum(loss(A[j], Y[j]) for j in range(m)) / m
    hessian = sp.hessian(J, theta)
    per_example = sum((sp.hessian(loss(A[j], Y[j]), theta) for j in range(m)), sp.zeros(n + 1))
    if sp.expand(hessian - per_example / m) != sp.zeros(n + 1):
        raise AssertionError("the Hessian of J is not the mean of the examples' Hessians")
    s = sp.symbols("s1:4")  # s_j = a_j (1 - a_j)
    H_s = X_tilde * sp.diag(*s) * X_tilde.T / m
    outer = sum((X_tilde[:, j] * X_tilde[:, j].T * s[j] for j in range(m)), sp.zeros(n + 1))
    if sp.expand(H_s - outer / m) != sp.zeros(n + 1):
        raise AssertionError("X~ diag(s) X~^T is not the sum of s_j x~_j x~_j^T")
    # (L10): v^T H v is a sum of squares weighted by a (1 - a) > 0
    v = sp.Matrix(sp.symbols("v1:4", real=True))
    squares = sum(s[j] * (v.T * X_tilde[:, j])[0] ** 2 for j in range(m)) / m
    check_zero(sp.expand((v.T * H_s * v)[0] - squares), "v^T H v as a sum of squares")
    slope = sp.exp(-z) / (1 + sp.exp(-z)) ** 2
    check_zero(sigma(z) * (1 - sigma(z)) - slope, "a (1 - a) = e^-z / (1 + e^-z)^2")
    if not slope.is_positive:
        raise AssertionError("a (1 - a) is not shown positive for real z")
    # nnlit: cost_hessian equals the symbolic Hessian, and has no negative eigenvalue
    rng = np.random.default_rng(9)
    # evaluated with 30 digits: the labels cancel out of it, with rounding in float64
    H_exact = sp.lambdify([*X, *Y, *w, b], hessian, "mpmath")
    for _ in range(3):
        Xv, wv, bv = rng.normal(0, 2, (n, m)), rng.normal(0, 2, (n, 1)), float(rng.normal())
        Yv = rng.integers(0, 2, m)
        mine = cost_hessian(wv, bv, Xv)
        with mpmath.workdps(30):
            exact = H_exact(*(mpmath.mpf(float(t)) for t in [*Xv.ravel(), *Yv, *wv.ravel(), bv]))
            exact = np.array(exact.tolist(), dtype=float)
        check_close(mine, exact, "cost_hessian")
        if np.linalg.eigvalsh(mine).min() < -1e-12:
            raise AssertionError("cost_hessian has a negative eigenvalue")


@proves("logistic-squared-dz", "logistic-squared-not-convex")
def squared_error_after_a_sigmoid_is_not_convex():
    a = sigma(z)
    L_sq = (a - y) ** 2 / 2
    check_zero(sp.diff(L_sq, z) - (a - y) * a * (1 - a), "dL_sq/dz")
    second = a * (1 - a) * (a * (1 - a) - (a - y) * (2 * a - 1))
    check_zero(sp.diff(L_sq, z, 2) - second, "d2L_sq/dz2")
    at_point = sp.nsimplify(sp.simplify(second.subs({y: 0, z: sp.log(3)})))
    if at_point != sp.Rational(-9, 256):
        raise AssertionError(f"d2L_sq/dz2 at y = 0, z = log 3 is {at_point}, not -9/256")
    # in (w, b) with one example x = 1 at w = log 3, b = 0: an eigenvalue below 0
    w1, b = sp.symbols("w1 b", real=True)
    H = sp.hessian(L_sq.subs({z: w1 + b, y: 0}), (w1, b)).subs({w1: sp.log(3), b: 0})
    eigenvalues = {sp.nsimplify(sp.simplify(e)) for e in H.eigenvals()}
    if eigenvalues != {0, sp.Rational(-9, 128)}:
        raise AssertionError(f"eigenvalues {eigenvalues}, expected 0 and -9/128")
    # nnlit: squared_error_dz, and a centred difference of it at z = log 3
    zs = np.linspace(-12, 12, 97).reshape(1, -1)
    for label in (0, 1):
        ys = np.full_like(zs, label)
        check_close(squared_error_dz(zs, ys), sp.lambdify((z, y), sp.diff(L_sq, z))(zs, ys),
                    f"squared_error_dz, y = {label}", rtol=1e-10, atol=1e-15)
    h = 1e-5
    ends = squared_error_dz([[np.log(3) + h, np.log(3) - h]], [[0, 0]])
    check_close((ends[0, 0] - ends[0, 1]) / (2 * h), -9 / 256,
                "centred difference of squared_error_dz", rtol=1e-8)
