"""Chapter 3, softmax classification: shift invariance, cross-entropy, the
Jacobian and the gradient a - y.

Every proof states an identity symbolically for a small number of classes,
lets SymPy reduce the difference to 0, then evaluates the symbolic result on
random numbers and compares it with the nnlit function that implements it.
"""

import mpmath
import numpy as np
import sympy as sp

from derivations import check_close, check_zero, proves
from nnlit.activations import sigmoid
from nnlit.logistic import optimize, propagate
from nnlit.softmax import (
    as_logistic,
    backward_propagation,
    compute_cost,
    cross_entropy,
    cross_entropy_one_hot,
    delta_cross_entropy,
    delta_cross_entropy_one_hot,
    forward_propagation,
    initialize_parameters,
    log_softmax,
    model,
    one_hot,
    predict,
    softmax,
    softmax_entropy,
    softmax_jacobian,
    softmax_with_temperature,
    update_parameters,
)


def scores(C):
    """A column of C real score symbols z_1..z_C."""
    return sp.Matrix(sp.symbols(f"z1:{C + 1}", real=True))


def softmax_sym(z):
    """The softmax of equation (C1), as a SymPy column."""
    total = sum(sp.exp(zk) for zk in z)
    return z.applyfunc(lambda zj: sp.exp(zj) / total)


@proves("softmax-softmax")
def softmax_is_a_distribution_per_column():
    z = scores(4)
    a = softmax_sym(z)
    check_zero(sum(a) - 1, "sum of the softmax of one column")
    # nnlit, column by column, against the definition in 30-digit arithmetic
    Z = np.random.default_rng(0).normal(0, 5, (4, 6))
    exact = sp.lambdify(list(z), list(a), "mpmath")
    with mpmath.workdps(30):
        reference = np.array([[float(v) for v in exact(*col)] for col in Z.T]).T
    check_close(softmax(Z), reference, "softmax vs the definition", rtol=1e-14, atol=0)


@proves("softmax-shift", "softmax-stable", "softmax-log")
def shift_invariance_and_the_stable_forms():
    z, c = scores(3), sp.Symbol("c", real=True)
    a = softmax_sym(z)
    shifted = softmax_sym(z.applyfunc(lambda zj: zj + c))
    for j in range(3):
        check_zero(sp.simplify(shifted[j] - a[j]), f"softmax(z + c)_{j + 1} - softmax(z)_{j + 1}")
    # the stable form is the shift by c = -max z; take z_1 as the maximum
    m = z[0]
    stable = softmax_sym(z.applyfunc(lambda zj: zj - m))
    for j in range(3):
        check_zero(sp.simplify(stable[j] - a[j]), f"stable softmax_{j + 1}")
    # log-softmax: (z_j - max) - log sum exp(z_k - max) is log a_j
    lse = sp.log(sum(sp.exp(zk - m) for zk in z))
    for j in range(3):
        check_zero(sp.simplify(sp.expand_log(sp.log(a[j]) - (z[j] - m - lse), force=True)),
                   f"log-softmax_{j + 1}")
    # nnlit: a constant per column changes nothing, even far from 0
    rng = np.random.default_rng(1)
    Z, shift = rng.normal(0, 3, (3, 8)), rng.normal(0, 1e3, (1, 8))
    check_close(softmax(Z + shift), softmax(Z), "softmax(Z + c)", rtol=1e-9, atol=1e-15)
    log_a = sp.lambdify(list(z), [sp.log(aj) for aj in a])
    check_close(log_softmax(Z), np.array(log_a(*Z)), "log_softmax", rtol=1e-13, atol=1e-14)


def entropy(p):
    return -sum(pj * sp.log(pj) for pj in p)


def cross_entropy_pq(p, q):
    """H(p, q) of equation (C5)."""
    return -sum(pj * sp.log(qj) for pj, qj in zip(p, q, strict=True))


def kl(p, q):
    return sum(pj * sp.log(pj / qj) for pj, qj in zip(p, q, strict=True))


@proves("softmax-h", "softmax-kl")
def cross_entropy_is_entropy_plus_kl():
    p = sp.symbols("p1:4", positive=True)
    q = sp.symbols("q1:4", positive=True)
    identity = cross_entropy_pq(p, q) - (entropy(p) + kl(p, q))
    check_zero(sp.expand_log(identity, force=True), "H(p, q) - H(p) - KL(p || q)")
    # for one-hot p the entropy is 0 (0 log 0 = 0 as a limit), so H(p, q) = KL(p || q)
    t = sp.Symbol("t", positive=True)
    if sp.limit(t * sp.log(t), t, 0, "+") != 0:
        raise AssertionError("t log t does not vanish at 0")
    # nnlit: the cost is H(y, softmax(z)) averaged over the columns
    rng = np.random.default_rng(2)
    Z, y = rng.normal(0, 2, (3, 7)), rng.integers(0, 3, 7)
    Y, A = one_hot(y, 3), softmax(Z)
    H = sp.lambdify([p, q], cross_entropy_pq(p, q))
    expected = np.mean([H(Y[:, i], A[:, i]) for i in range(7)])
    check_close(cross_entropy_one_hot(Z, Y), expected, "cross_entropy_one_hot as H(y, a)")
    check_close(cross_entropy(Z, y), expected, "cross_entropy as H(y, a)")


@proves("softmax-loss", "softmax-cost", "softmax-cost-logits")
def loss_written_with_the_scores():
    C = 3
    z = scores(C)
    y = sp.Matrix(sp.symbols(f"y1:{C + 1}", real=True))
    a = softmax_sym(z)
    L = -sum(y[j] * sp.log(a[j]) for j in range(C))  # (C7)
    lse = sp.log(sum(sp.exp(zk) for zk in z))
    L_scores = lse - sum(y[j] * z[j] for j in range(C))  # (C9)
    residual = sp.expand(sp.expand_log(L - L_scores, force=True))
    # without the constraint the two differ by (sum y - 1) log sum exp z ...
    check_zero(residual - (sum(y) - 1) * lse, "loss minus its score form")
    # ... which vanishes for labels summing to 1
    check_zero(residual.subs(y[C - 1], 1 - y[0] - y[1]), "loss minus its score form, sum y = 1")
    # nnlit: the mean (C8) of (C7) over the columns, for both kinds of labels
    rng = np.random.default_rng(3)
    Z, yv = rng.normal(0, 3, (C, 9)), rng.integers(0, C, 9)
    Y = one_hot(yv, C)
    losses = sp.lambdify([*z, *y], L)(*Z, *Y)
    check_close(cross_entropy(Z, yv), np.mean(losses), "cross_entropy")
    check_close(cross_entropy_one_hot(Z, Y), np.mean(losses), "cross_entropy_one_hot")
    check_close(compute_cost(Z, yv), np.sum(losses) / 9, "compute_cost")


@proves("softmax-jacobian")
def jacobian_of_softmax():
    for C in (3, 4):
        z = scores(C)
        a = softmax_sym(z)
        for i in range(C):
            for j in range(C):
                delta = 1 if i == j else 0
                check_zero(sp.diff(a[i], z[j]) - a[i] * (delta - a[j]),
                           f"d a_{i + 1} / d z_{j + 1} for C={C}")
        # nnlit: softmax_jacobian against the lambdified derivative matrix
        J = sp.lambdify(list(z), a.jacobian(z))
        zv = np.random.default_rng(C).normal(0, 2, C)
        check_close(softmax_jacobian(zv), np.array(J(*zv), dtype=float),
                    f"softmax_jacobian for C={C}", rtol=1e-13, atol=1e-15)


@proves("softmax-dz", "softmax-delta")
def gradient_is_a_minus_y():
    C = 3
    z = scores(C)
    y = sp.Matrix(sp.symbols(f"y1:{C + 1}", real=True))
    a = softmax_sym(z)
    L = -sum(y[j] * sp.log(a[j]) for j in range(C))
    for j in range(C):
        residual = sp.diff(L, z[j]) - (a[j] - y[j])
        # without sum y = 1 the residual is (sum y - 1) a_j ...
        check_zero(residual - (sum(y) - 1) * a[j], f"dL/dz_{j + 1} without the constraint")
        # ... and with it, dL/dz_j = a_j - y_j
        check_zero(residual.subs(y[C - 1], 1 - y[0] - y[1]), f"dL/dz_{j + 1} = a - y")
    # the chain: dL/dz = J^T dL/da with dL/da_i = -y_i / a_i
    dL_da = sp.Matrix([-y[i] / a[i] for i in range(C)])
    chain = a.jacobian(z).T * dL_da
    for j in range(C):
        check_zero((chain[j] - (a[j] - y[j])).subs(y[C - 1], 1 - y[0] - y[1]),
                   f"J^T dL/da, entry {j + 1}")
    # nnlit: m * delta is the gradient of one example's loss, for every column
    rng = np.random.default_rng(4)
    m = 6
    Z, yv = rng.normal(0, 2, (C, m)), rng.integers(0, C, m)
    Y = one_hot(yv, C)
    grad = sp.lambdify([*z, *y], [sp.diff(L, zj) for zj in z])
    exact = np.array(grad(*Z, *Y)) / m  # the mean cost J of (C8)
    check_close(delta_cross_entropy(Z, yv), exact, "delta_cross_entropy")
    check_close(delta_cross_entropy_one_hot(Z, Y), exact, "delta_cross_entropy_one_hot")


@proves("softmax-forward", "softmax-grads")
def gradients_at_matrix_level():
    C, n, m = 3, 2, 2
    W = sp.Matrix(C, n, lambda i, j: sp.Symbol(f"w_{i + 1}{j + 1}", real=True))
    b = sp.Matrix(sp.symbols(f"b1:{C + 1}", real=True))
    X = sp.Matrix(n, m, lambda i, j: sp.Symbol(f"x_{i + 1}{j + 1}", real=True))
    labels = [2, 0]
    Y = sp.Matrix(C, m, lambda j, i: 1 if j == labels[i] else 0)
    Z = W * X + b * sp.ones(1, m)  # (C13)
    A = sp.Matrix.hstack(*(softmax_sym(Z[:, i]) for i in range(m)))
    J = -sum(Y[j, i] * sp.log(A[j, i]) for j in range(C) for i in range(m)) / m
    dW, db = (A - Y) * X.T / m, (A - Y) * sp.ones(m, 1) / m  # (C14)
    for i in range(C):
        for k in range(n):
            check_zero(sp.diff(J, W[i, k]) - dW[i, k], f"dJ/dW_{i + 1}{k + 1}")
        check_zero(sp.diff(J, b[i]) - db[i], f"dJ/db_{i + 1}")
    # numerically: lambdify J and its gradient, compare with nnlit
    symbols = [*W, *b, *X]
    f = sp.lambdify(symbols, [J, *(sp.diff(J, v) for v in (*W, *b))])
    rng = np.random.default_rng(5)
    Wv, bv, Xv = rng.normal(size=(C, n)), rng.normal(size=(C, 1)), rng.normal(size=(n, m))
    exact = f(*Wv.ravel(), *bv.ravel(), *Xv.ravel())
    A_nn, cache = forward_propagation(Xv, {"W": Wv, "b": bv})
    grads = backward_propagation(Xv, labels, cache)
    check_close(A_nn, softmax(Wv @ Xv + bv), "forward_propagation")
    check_close(compute_cost(cache["Z"], labels), exact[0], "cost")
    check_close(grads["dW"].ravel(), exact[1:1 + C * n], "dW")
    check_close(grads["db"].ravel(), exact[1 + C * n:], "db")


@proves("softmax-update")
def gradient_step_goes_downhill():
    # the step lowers J to first order: its slope along the step is -||grad J||^2
    w, alpha = sp.symbols("w1:4", real=True), sp.Symbol("alpha", real=True)
    J = sp.Function("J")
    grad = [sp.diff(J(*w), v) for v in w]
    stepped = J(*(v - alpha * g for v, g in zip(w, grad, strict=True)))
    slope = sp.diff(stepped, alpha).subs(alpha, 0).doit()
    check_zero(slope + sum(g ** 2 for g in grad), "slope of J along the step")
    # nnlit: one iteration of model is that step, and it lowers the cost
    rng = np.random.default_rng(6)
    X, y = rng.normal(size=(4, 30)), rng.integers(0, 3, 30)
    params, costs = model(X, y, num_iterations=1, learning_rate=0.1, rng=0)
    start, _ = model(X, y, num_iterations=0, rng=0)
    _, cache = forward_propagation(X, start)
    stepped = update_parameters(start, backward_propagation(X, y, cache), 0.1)
    check_close(params["W"], stepped["W"], "W after one step", rtol=0, atol=0)
    check_close(params["b"], stepped["b"], "b after one step", rtol=0, atol=0)
    after = compute_cost(forward_propagation(X, params)[1]["Z"], y)
    if not after < costs[0]:
        raise AssertionError("a small step against the gradient did not lower the cost")


@proves("softmax-predict")
def softmax_keeps_the_order_of_the_scores():
    z = scores(3)
    a = softmax_sym(z)
    # a_i / a_j = exp(z_i - z_j), which exceeds 1 exactly when z_i > z_j
    check_zero(sp.simplify(a[0] / a[1] - sp.exp(z[0] - z[1])), "a_1 / a_2")
    d = sp.Symbol("d", real=True)
    above_one = sp.solve_univariate_inequality(sp.exp(d) > 1, d, relational=False)
    if above_one != sp.Interval.open(0, sp.oo):
        raise AssertionError(f"exp(d) > 1 holds on {above_one}, not d > 0")
    rng = np.random.default_rng(7)
    params = {"W": rng.normal(size=(5, 3)), "b": rng.normal(size=(5, 1))}
    X = rng.normal(size=(3, 200))
    A, _ = forward_propagation(X, params)
    check_close(predict(params, X)[0], np.argmax(A, axis=0), "predict", rtol=0, atol=0)


@proves("softmax-two-classes")
def two_classes_is_the_sigmoid_of_the_difference():
    z1, z2 = sp.symbols("z1 z2", real=True)
    a = softmax_sym(sp.Matrix([z1, z2]))
    sigmoid_sym = lambda t: 1 / (1 + sp.exp(-t))  # noqa: E731 (chapter 1's sigma)
    check_zero(a[1] - sigmoid_sym(z2 - z1), "a_2 - sigma(z2 - z1)")
    check_zero(a[0] - sigmoid_sym(z1 - z2), "a_1 - sigma(z1 - z2)")
    # nnlit: the two rows of softmax are the sigmoids of the two differences
    Z = np.random.default_rng(8).normal(0, 3, (2, 50))
    check_close(softmax(Z)[1], sigmoid(Z[1] - Z[0]), "softmax row 2 vs sigmoid", rtol=1e-14)
    check_close(softmax(Z)[0], sigmoid(Z[0] - Z[1]), "softmax row 1 vs sigmoid", rtol=1e-14)


@proves("softmax-as-logistic", "softmax-two-class-step")
def two_class_regression_is_logistic_regression():
    n, m = 2, 2
    W = sp.Matrix(2, n, lambda i, j: sp.Symbol(f"w_{i + 1}{j + 1}", real=True))
    b = sp.Matrix(sp.symbols("b1:3", real=True))
    X = sp.Matrix(n, m, lambda i, j: sp.Symbol(f"x_{i + 1}{j + 1}", real=True))
    y = [1, 0]  # logistic labels = softmax class indices
    Z = W * X + b * sp.ones(1, m)
    A = sp.Matrix.hstack(*(softmax_sym(Z[:, i]) for i in range(m)))
    w, beta = (W[1, :] - W[0, :]).T, b[1] - b[0]  # (C18)
    a = [1 / (1 + sp.exp(-(w.T * X[:, i])[0] - beta)) for i in range(m)]
    for i in range(m):
        # both rows, so -log a_y is the logistic loss of a = sigma(w^T x + b): equal costs
        check_zero(sp.cancel(sp.together(A[1, i] - a[i])), f"a_2 = sigma(w^T x + b), ex. {i + 1}")
        check_zero(sp.cancel(sp.together(A[0, i] - (1 - a[i]))), f"a_1 = 1 - a, ex. {i + 1}")
    J_soft = -sum(sp.log(A[y[i], i]) for i in range(m)) / m
    # (C19): the step of (C15) moves w = w_2 - w_1 by 2 alpha times the logistic gradient
    dW = sp.Matrix(2, n, lambda i, j: sp.diff(J_soft, W[i, j]))
    dw_log = [sp.Rational(1, m) * sum((a[i] - y[i]) * X[j, i] for i in range(m))
              for j in range(n)]
    for j in range(n):
        check_zero(sp.cancel(sp.together((dW[1, j] - dW[0, j]) - 2 * dw_log[j])),
                   f"d(w_2 - w_1), entry {j + 1}")
        check_zero(sp.cancel(sp.together(dW[1, j] + dW[0, j])),
                   f"w_1 + w_2 does not move, entry {j + 1}")
    db_log = sp.Rational(1, m) * sum(a[i] - y[i] for i in range(m))
    check_zero(sp.cancel(sp.together(sp.diff(J_soft, b[1]) - sp.diff(J_soft, b[0]) - 2 * db_log)),
               "d(b_2 - b_1)")
    # nnlit: gradients and whole trainings agree (rate alpha vs 2 alpha)
    rng = np.random.default_rng(9)
    Xv, yv = rng.normal(size=(3, 40)), rng.integers(0, 2, (1, 40))
    start = initialize_parameters(3, 2, rng=1)
    w0, b0 = as_logistic(start)
    soft, _ = model(Xv, yv, n_y=2, num_iterations=50, learning_rate=0.3, rng=1)
    logi, _, _ = optimize(w0, b0, Xv, yv, num_iterations=50, learning_rate=0.6)
    w1, b1 = as_logistic(soft)
    check_close(w1, logi["w"], "w after 50 steps", rtol=1e-10, atol=1e-12)
    check_close(b1, logi["b"], "b after 50 steps", rtol=1e-10, atol=1e-12)
    grads, cost = propagate(w1, b1, Xv, yv)
    _, cache = forward_propagation(Xv, soft)
    check_close(compute_cost(cache["Z"], yv), cost, "the two costs")


def _softmax_T(z, T):
    return softmax_sym(z.applyfunc(lambda zj: zj / T))


@proves("softmax-temperature")
def temperature_limits():
    T = sp.Symbol("T", positive=True)
    # the largest score z_1 and the gaps d_2, d_3 > 0 below it (shift invariance)
    d2, d3 = sp.symbols("d2 d3", positive=True)
    a = _softmax_T(sp.Matrix([0, -d2, -d3]), T)
    for j, (cold, hot) in enumerate([(1, sp.Rational(1, 3)), (0, sp.Rational(1, 3)),
                                     (0, sp.Rational(1, 3))]):
        if sp.limit(a[j], T, 0, "+") != cold:
            raise AssertionError(f"a_{j + 1} does not tend to {cold} as T -> 0+")
        if sp.limit(a[j], T, sp.oo) != hot:
            raise AssertionError(f"a_{j + 1} does not tend to {hot} as T -> oo")
    # nnlit against the definition, and at the extremes
    z = scores(3)
    exact = sp.lambdify([*z, T], list(_softmax_T(z, T)))
    Z = np.random.default_rng(10).normal(0, 2, (3, 5))
    for Tv in (0.3, 1.0, 7.0):
        check_close(softmax_with_temperature(Z, Tv), np.array(exact(*Z, Tv)), f"T = {Tv}")
    check_close(softmax_with_temperature(Z, 1e-3), one_hot(np.argmax(Z, axis=0), 3), "T small")
    check_close(softmax_with_temperature(Z, 1e6), np.full((3, 5), 1 / 3), "T large",
                rtol=1e-5)


@proves("softmax-entropy-temperature")
def entropy_grows_with_the_temperature():
    T = sp.Symbol("T", positive=True)
    z = scores(3)
    a = _softmax_T(z, T)
    H = -sum(aj * sp.log(aj) for aj in a)
    mean = sum(aj * zj for aj, zj in zip(a, z, strict=True))
    # H = log sum exp(z/T) - E_a[z] / T, a form without the logarithm of a quotient
    H_short = sp.log(sum(sp.exp(zk / T) for zk in z)) - mean / T
    check_zero(sp.cancel(sp.together(sp.expand_log(H - H_short, force=True))), "H, short form")
    # dH/dT = Var_a(z) / T^3: a sum of non-negative terms a_j (z_j - E z)^2 / T^3
    var = sum(aj * (zj - mean) ** 2 for aj, zj in zip(a, z, strict=True))
    check_zero(sp.cancel(sp.together(sp.diff(H_short, T) - var / T ** 3)), "dH/dT")
    # nnlit: the entropy, and its growth measured on a grid of temperatures
    Zv = np.random.default_rng(11).normal(0, 2, (3, 4))
    H_exact = sp.lambdify([*z, T], H)
    check_close(softmax_entropy(Zv, 2.0)[0], H_exact(*Zv, 2.0), "softmax_entropy")
    curve = np.vstack([softmax_entropy(Zv, Tv) for Tv in np.geomspace(0.05, 50, 40)])
    if not np.all(np.diff(curve, axis=0) > 0):
        raise AssertionError("the entropy does not grow with T")
