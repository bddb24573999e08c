"""Chapter 4, the deep L-layer network: the backward pass for any activation.

The activations are left undefined (SymPy functions ``g``), so one proof covers
ReLU, sigmoid and tanh at once; each proof then substitutes real activations
and compares with the nnlit functions on random numbers.
"""

import numpy as np
import sympy as sp

from derivations import check_close, check_zero, loss, proves, sigma, symbol_matrix
from nnlit.activations import relu, relu_backward, relu_derivative
from nnlit.deep import (
    L_model_backward,
    L_model_forward,
    activation_rms,
    compute_cost,
    initialize_parameters_deep,
    linear_activation_backward,
    linear_backward,
    predicted_spread,
    sawtooth_parameters,
    update_parameters,
)

z, a, y = sp.symbols("z a y", real=True)
g = sp.Function("g")


@proves("deep-8", "deep-9", "deep-10")
def linear_backward_at_matrix_level():
    # J = (1/m) sum_i f(z^(i)) for ANY per-example loss f of the column z^(i)
    n_prev, n, m = 2, 2, 3
    A, W, b = symbol_matrix("a", n_prev, m), symbol_matrix("w", n, n_prev), symbol_matrix("b", n, 1)
    Z = W * A + b * sp.ones(1, m)
    u = sp.symbols(f"u1:{n + 1}", real=True)
    f = sp.Function("f")(*u)
    J = sum(f.subs(dict(zip(u, Z[:, i], strict=True)), simultaneous=True)
            for i in range(m)) / m
    # dZ: the per-example derivative df/dz, column by column (no 1/m)
    dZ = sp.Matrix(n, m, lambda k, i: sp.diff(f, u[k]).subs(
        dict(zip(u, Z[:, i], strict=True)), simultaneous=True))
    dW, db, dA_prev = dZ * A.T / m, dZ * sp.ones(m, 1) / m, W.T * dZ  # (8), (9), (10)
    for k in range(n):
        for j in range(n_prev):
            check_zero(sp.diff(J, W[k, j]) - dW[k, j], f"dJ/dW_{k + 1}{j + 1}")
        check_zero(sp.diff(J, b[k]) - db[k], f"dJ/db_{k + 1}")
    for j in range(n_prev):
        for i in range(m):
            check_zero(m * sp.diff(J, A[j, i]) - dA_prev[j, i], f"m dJ/dA_{j + 1}{i + 1}")
    # numerically, with a concrete loss f, against linear_backward
    f_concrete = sp.sin(u[0]) * u[1] + sp.exp(u[1] / 3)
    J_c = J.subs(sp.Function("f"), sp.Lambda(u, f_concrete)).doit()
    dZ_c = dZ.subs(sp.Function("f"), sp.Lambda(u, f_concrete)).doit()
    symbols = [*A, *W, *b]
    grads = sp.lambdify(symbols, [dZ_c, [sp.diff(J_c, v) for v in W],
                                  [sp.diff(J_c, v) for v in b],
                                  [m * sp.diff(J_c, v) for v in A]])
    rng = np.random.default_rng(0)
    Av, Wv, bv = rng.normal(size=(n_prev, m)), rng.normal(size=(n, n_prev)), rng.normal(size=(n, 1))
    dZv, dWv, dbv, dAv = grads(*Av.ravel(), *Wv.ravel(), *bv.ravel())
    dA_prev_n, dW_n, db_n = linear_backward(np.array(dZv, dtype=float), (Av, Wv, bv))
    check_close(dW_n.ravel(), dWv, "dW (8)")
    check_close(db_n.ravel(), dbv, "db (9)")
    check_close(dA_prev_n.ravel(), dAv, "dA_prev (10)")


@proves("deep-11")
def activation_backward_for_any_g():
    # A = g(Z) elementwise, J depends on A only: dJ/dZ = dJ/dA * g'(Z) entry by entry
    Z = symbol_matrix("z", 2, 2)
    v = sp.symbols("v1:5", real=True)
    F = sp.Function("F")
    A = Z.applyfunc(g)
    J = F(*A)
    dA = sp.Matrix(2, 2, lambda i, j: sp.diff(F(*v), v[2 * i + j]).subs(
        dict(zip(v, A, strict=True)), simultaneous=True))
    dZ = dA.multiply_elementwise(Z.applyfunc(lambda t: sp.diff(g(t), t)))  # (11)
    for i in range(2):
        for j in range(2):
            check_zero(sp.diff(J, Z[i, j]) - dZ[i, j], f"dJ/dZ_{i + 1}{j + 1}")
    # the same g' for each activation of nnlit, against its backward function
    rng = np.random.default_rng(1)
    Zv, dAv = rng.normal(size=(3, 4)), rng.normal(size=(3, 4))
    cache = ((rng.normal(size=(3, 4)), np.eye(3), np.zeros((3, 1))), Zv)  # W = I: dA_prev = dZ
    for name, g_concrete in [("relu", sp.Max(0, z)), ("sigmoid", sigma(z)), ("tanh", sp.tanh(z))]:
        g_prime = sp.lambdify(z, sp.diff(g_concrete, z), "numpy")
        dA_prev, _, _ = linear_activation_backward(dAv, cache, name)
        check_close(dA_prev, dAv * g_prime(Zv), f"dZ for {name}")


def three_layer_network(g1, g2, ell):
    """Symbols, scores Z[l], activations A[l] and cost of a 2 -> 2 -> 2 -> 1 network.

    The examples are m = 2 columns; ``ell(z, y)`` is the loss of one example
    as a function of its output score, so that the cost (7) is
    ``ell(z, y) = L(sigma(z), y)``.
    """
    X, Y = symbol_matrix("x", 2, 2), symbol_matrix("y", 1, 2)
    W = [symbol_matrix(f"w{k}", r, c) for k, (r, c) in enumerate([(2, 2), (2, 2), (1, 2)], 1)]
    b = [symbol_matrix(f"b{k}", r, 1) for k, r in enumerate([2, 2, 1], 1)]
    A, Zs, As = X, [], [X]
    for k, act in enumerate([g1, g2, sigma]):
        Z = W[k] * A + b[k] * sp.ones(1, 2)  # (4)
        A = Z.applyfunc(act)
        Zs.append(Z)
        As.append(A)
    J = sum(ell(Zs[2][i], Y[i]) for i in range(2)) / 2
    return X, Y, W, b, Zs, As, J


@proves("deep-4", "deep-7", "deep-15")
def backward_pass_of_a_three_layer_network():
    g1, g2, ell = sp.Function("g1"), sp.Function("g2"), sp.Function("ell")
    X, Y, W, b, Zs, As, J = three_layer_network(g1, g2, ell)

    def slope(func, at):  # func'(at), the derivative evaluated at an expression
        return sp.diff(func(z), z).subs(z, at)

    # the backward pass, written with (8)-(11); the start is dZ3 = d ell / d z
    m, grads, dA = 2, {}, None
    dZ = sp.Matrix(1, 2, lambda i, j: sp.diff(ell(z, Y[j]), z).subs(z, Zs[2][j]))
    for k, gk in [(3, None), (2, g2), (1, g1)]:
        if gk is not None:
            dZ = dA.multiply_elementwise(Zs[k - 1].applyfunc(lambda t, gk=gk: slope(gk, t)))
        grads[f"dW{k}"], grads[f"db{k}"] = dZ * As[k - 1].T / m, dZ * sp.ones(m, 1) / m
        dA = W[k - 1].T * dZ
    # ... agrees with differentiating J directly, entry by entry; (15) files
    # dW[l] under "dW{l}"
    for k in (1, 2, 3):
        for P, key in ((W[k - 1], f"dW{k}"), (b[k - 1], f"db{k}")):
            for idx in range(len(P)):
                if sp.expand(sp.diff(J, P[idx]) - grads[key][idx]) != 0:
                    raise AssertionError(f"{key}[{idx}] differs from dJ/d{P[idx]}")
    # numerically, with the cost (7) and each hidden activation: nnlit's forward
    # pass and cost equal the lambdified SymPy J, and nnlit's gradients equal
    # central differences of that SymPy J
    rng = np.random.default_rng(2)
    params = [s for P in W + b for s in P]
    cost7 = sp.Lambda((z, y), loss(sigma(z), y))
    relu_abs = (z + sp.Abs(z)) / 2  # max(0, z)
    for name, g_concrete in [("relu", relu_abs), ("sigmoid", sigma(z)), ("tanh", sp.tanh(z))]:
        concrete = {g1: sp.Lambda(z, g_concrete), g2: sp.Lambda(z, g_concrete), ell: cost7}
        f = sp.lambdify([*X, *Y, *params], [J.subs(concrete), list(As[3].subs(concrete))])
        values = {f"{p}{k}": rng.normal(size=P.shape)
                  for p, Ps in (("W", W), ("b", b)) for k, P in enumerate(Ps, 1)}
        Xv, Yv = rng.normal(size=(2, 2)), np.array([[1.0, 0.0]])
        theta = np.concatenate([values[f"{p}{k}"].ravel() for p in "Wb" for k in (1, 2, 3)])
        J_v, AL_v = f(*Xv.ravel(), *Yv.ravel(), *theta)
        AL, caches = L_model_forward(Xv, values, name)
        check_close(AL.ravel(), AL_v, f"AL (4) with {name}")
        check_close(compute_cost(AL, Yv), J_v, f"cost (7) with {name}")
        grads_n = L_model_backward(AL, Yv, caches, name)
        got = np.concatenate([grads_n[f"d{p}{k}"].ravel() for p in "Wb" for k in (1, 2, 3)])
        eps, numeric = 1e-6, np.zeros_like(theta)
        for i in range(theta.size):  # centred differences of the SymPy J
            step = np.zeros_like(theta)
            step[i] = eps
            up = f(*Xv.ravel(), *Yv.ravel(), *(theta + step))[0]
            down = f(*Xv.ravel(), *Yv.ravel(), *(theta - step))[0]
            numeric[i] = (up - down) / (2 * eps)
        check_close(got, numeric, f"gradients with {name}", rtol=1e-6, atol=1e-8)


@proves("deep-dAL")
def start_of_the_backward_pass():
    dAL = sp.diff(loss(a, y), a)
    check_zero(dAL - (-(y / a - (1 - y) / (1 - a))), "dL/da")
    # numerically: m dJ/dAL of compute_cost, by central differences
    rng = np.random.default_rng(3)
    AL, Y = rng.uniform(0.05, 0.95, (1, 6)), rng.integers(0, 2, (1, 6))
    eps, numeric = 1e-6, np.zeros_like(AL)
    for i in range(AL.shape[1]):  # centred difference, one probability at a time
        up, down = AL.copy(), AL.copy()
        up[0, i] += eps
        down[0, i] -= eps
        numeric[0, i] = 6 * (compute_cost(up, Y) - compute_cost(down, Y)) / (2 * eps)
    check_close(numeric, sp.lambdify((a, y), dAL)(AL, Y), "m dJ/dAL", rtol=1e-7, atol=1e-8)


@proves("deep-dZL")
def start_times_sigmoid_slope_is_a_minus_y():
    dAL = -(y / a - (1 - y) / (1 - a))
    dZL = (dAL * sp.diff(sigma(z), z)).subs(a, sigma(z))
    check_zero(dZL - (sigma(z) - y), "dAL * sigma'(ZL)")
    # nnlit: L_model_backward's last layer equals the course's route where the
    # latter is finite, and stays finite where it is not
    rng = np.random.default_rng(4)
    params = initialize_parameters_deep([3, 4, 1], rng=rng, scale=1.0)
    X, Y = rng.normal(size=(3, 8)), rng.integers(0, 2, (1, 8))
    AL, caches = L_model_forward(X, params)
    grads = L_model_backward(AL, Y, caches)
    course = linear_activation_backward(-(Y / AL - (1 - Y) / (1 - AL)), caches[-1], "sigmoid")
    check_close(grads["dA1"], course[0], "dA1 via dAL")
    check_close(grads["dW2"], course[1], "dW2 via dAL")
    big = {**params, "W2": params["W2"] * 1e3}
    AL, caches = L_model_forward(X * 1e3, big)
    if not np.all(np.isfinite(np.concatenate(
            [v.ravel() for v in L_model_backward(AL, Y, caches).values()]))):
        raise AssertionError("saturated network gave a non-finite gradient")


@proves("deep-relu")
def relu_derivative_is_a_heaviside_step():
    r = sp.Max(0, z)
    derivative = sp.diff(r, z)
    zp, zn = sp.Symbol("zp", positive=True), sp.Symbol("zn", negative=True)
    check_zero(derivative.subs(z, zp) - 1, "relu' for z > 0")
    check_zero(derivative.subs(z, zn), "relu' for z < 0")
    check_zero(derivative.subs(z, zp) - sp.Heaviside(zp, 0), "Heaviside for z > 0")
    # at 0 the one-sided slopes differ (0 and 1): no derivative; nnlit takes H(0) = 0
    h = sp.Symbol("h", positive=True)
    left, right = sp.limit((r.subs(z, -h) - 0) / (-h), h, 0), sp.limit(r.subs(z, h) / h, h, 0)
    if (left, right) != (0, 1):
        raise AssertionError(f"one-sided slopes at 0 are {left}, {right}")
    zs = np.concatenate([np.linspace(-3, 3, 61), [0.0, -0.0, 1e-300, -1e-300]])
    step = sp.lambdify(z, sp.Heaviside(z, 0), "numpy")
    check_close(relu_derivative(zs), step(zs), "relu_derivative vs H(z), H(0) = 0", 0, 0)
    dA = np.linspace(1, 2, zs.size)
    check_close(relu_backward(dA, relu(zs)[1]), dA * step(zs), "relu_backward", 0, 0)
    check_close(relu(zs)[0], sp.lambdify(z, r, "numpy")(zs), "relu", 0, 0)


@proves("deep-init", "deep-spread")
def he_scale_keeps_the_spread_of_relu_layers():
    # z = sum_j w_j a_j with independent w_j ~ N(0, s^2): E[z^2] = n s^2 E[a^2];
    # if z ~ N(0, q) then E[relu(z)^2] = q / 2, so E[a[l]^2] = n s^2 / 2 * E[a[l-1]^2]
    q, s, n = sp.symbols("q s n", positive=True)
    t = sp.Symbol("t", real=True)
    density = sp.exp(-t ** 2 / (2 * q)) / sp.sqrt(2 * sp.pi * q)
    check_zero(sp.integrate(t ** 2 * density, (t, 0, sp.oo)) - q / 2, "E[relu(z)^2]")
    factor = n * s ** 2 / 2
    check_zero(factor.subs(s, sp.sqrt(2 / n)) - 1, "He: factor 1")
    check_zero(factor.subs(s, 1 / sp.sqrt(n)) - sp.Rational(1, 2), "xavier: factor 1/2")
    # nnlit: the weights are exactly s * randn, and a forward pass follows the factor
    for scale, s_value in [(0.01, lambda k: 0.01), ("xavier", lambda k: 1 / np.sqrt(k)),
                           ("he", lambda k: np.sqrt(2 / k))]:
        p = initialize_parameters_deep([50, 40, 1], rng=np.random.RandomState(0), scale=scale)
        rs = np.random.RandomState(0)
        check_close(p["W1"], rs.randn(40, 50) * s_value(50), f"W1 for scale {scale}")
        check_close(p["W2"], rs.randn(1, 40) * s_value(40), f"W2 for scale {scale}")
    X = np.random.default_rng(5).normal(size=(200, 2000))
    for scale in (0.01, "he"):
        p = initialize_parameters_deep([200, 200, 200, 1], rng=6, scale=scale)
        _, caches = L_model_forward(X, p)
        msq = [np.mean(c[0][0] ** 2) for c in caches]  # E[a^2] for A0, A1, A2
        expected = float(factor.subs({n: 200, s: 0.01 if scale == 0.01 else np.sqrt(2 / 200)}))
        check_close(msq[2] / msq[1], expected, f"spread factor for {scale}", rtol=0.1, atol=0)


@proves("deep-16", "deep-17")
def update_step_goes_downhill():
    # one step against the gradient of the whole parameter vector lowers J to
    # first order: d/d(alpha) J(theta - alpha grad J) at 0 is -||grad J||^2
    t1, t2, alpha = sp.symbols("t1 t2 alpha", real=True)
    J = sp.Function("J")
    grad = [sp.diff(J(t1, t2), v) for v in (t1, t2)]
    slope = sp.diff(J(t1 - alpha * grad[0], t2 - alpha * grad[1]), alpha).subs(alpha, 0).doit()
    check_zero(slope + grad[0] ** 2 + grad[1] ** 2, "slope along the step")
    rng = np.random.default_rng(7)
    params = initialize_parameters_deep([3, 4, 1], rng=rng, scale="he")
    X, Y = rng.normal(size=(3, 20)), rng.integers(0, 2, (1, 20))
    AL, caches = L_model_forward(X, params)
    grads = L_model_backward(AL, Y, caches)
    new = update_parameters(params, grads, 0.01)
    for key in params:
        check_close(new[key], params[key] - 0.01 * grads["d" + key], f"{key} step", 0, 0)
    if not compute_cost(L_model_forward(X, new)[0], Y) < compute_cost(AL, Y):
        raise AssertionError("a small step against the gradient did not lower the cost")


@proves("deep-spread-depth")
def spread_through_depth():
    # (D5) for layers 1..3 applied one after the other unrolls into the product
    n = sp.symbols("n0:3", positive=True)
    s = sp.symbols("s1:4", positive=True)
    msq_x = sp.Symbol("E_x", positive=True)
    factor = [n[k] * s[k] ** 2 / 2 for k in range(3)]
    msq = [msq_x]
    for f in factor:
        msq.append(f * msq[-1])  # E[a[l]^2] = n[l-1] s_l^2 / 2 * E[a[l-1]^2]
    for layer in (1, 2, 3):
        check_zero(msq[layer] - msq_x * sp.prod(factor[:layer]), f"E[a[{layer}]^2]")
    # constant width n: He keeps the spread, 1/sqrt(n) halves the mean square per layer
    m = sp.Symbol("n", positive=True)
    check_zero((m * s[0] ** 2 / 2).subs(s[0], sp.sqrt(2 / m)) ** 3 - 1, "He, three layers")
    check_zero((m * s[0] ** 2 / 2).subs(s[0], 1 / sp.sqrt(m)) ** 3 - sp.Rational(1, 8),
               "1/sqrt(n), three layers")
    # nnlit: predicted_spread is the square root of the product ...
    rms = sp.lambdify([*n, *s, msq_x], [sp.sqrt(v) for v in msq[1:3]])
    for scale, sv in [(0.01, [0.01] * 3), ("he", [np.sqrt(2 / 30), np.sqrt(2 / 20), 0.5]),
                      ("xavier", [1 / np.sqrt(30), 1 / np.sqrt(20), 1 / np.sqrt(10)])]:
        check_close(predicted_spread([30, 20, 10, 1], scale, x_rms=2.0),
                    rms(30, 20, 10, *sv, 4.0), f"predicted_spread, scale {scale}")
    # ... and a wide random network follows it (an average over the weights)
    X = np.random.default_rng(12).normal(size=(300, 500))
    for scale in (0.01, "xavier", "he", 0.3):
        dims = [300, 300, 300, 300, 1]
        measured = activation_rms(X, initialize_parameters_deep(dims, rng=13, scale=scale))
        check_close(measured, predicted_spread(dims, scale), f"measured spread, scale {scale}",
                    rtol=0.1, atol=0)


def _tent(u):
    return 2 * sp.Max(0, u) - 4 * sp.Max(0, u - sp.Rational(1, 2))


@proves("deep-tent")
def tent_map_and_its_compositions():
    # t is 2u on [0, 1/2] and 2 - 2u on [1/2, 1]: u = s / (2 (1 + s)) covers (0, 1/2)
    p = sp.Symbol("p", positive=True)
    u = p / (2 * (1 + p))
    check_zero(_tent(u) - 2 * u, "t on (0, 1/2)")
    check_zero(_tent(u + sp.Rational(1, 2)) - (2 - 2 * (u + sp.Rational(1, 2))), "t on (1/2, 1)")
    # so t maps each half of [0, 1] linearly onto [0, 1]: composing with t doubles the
    # pieces. Exactly, for k = 1..4: t^k is 0, 1, 0, 1, ... at the points j / 2^k
    for k in range(1, 5):
        for j in range(2 ** k + 1):
            value = sp.Rational(j, 2 ** k)
            for _ in range(k):
                value = _tent(value)
            if value != j % 2:
                raise AssertionError(f"t^{k}({j}/2^{k}) = {value}, not {j % 2}")
    # nnlit: the network of sawtooth_parameters computes c (t^k(x) - 1/2)
    x = ((np.arange(1024) + 0.5) / 1024).reshape(1, -1)  # never where t^k = 1/2 (k <= 5)
    t = sp.lambdify(sp.Symbol("u"), _tent(sp.Symbol("u")))
    for k in range(1, 6):
        tk = x[0]
        for _ in range(k):
            tk = np.array([float(t(v)) for v in tk])
        _, caches = L_model_forward(x, sawtooth_parameters(k, sharpness=3.0))
        check_close(caches[-1][1][0], 3.0 * (tk - 0.5), f"score of the sawtooth network, k={k}")
        changes = np.count_nonzero(np.diff(np.sign(tk - 0.5)))
        if changes != 2 ** k:
            raise AssertionError(f"t^{k} - 1/2 changes sign {changes} times, not 2^{k}")


@proves("deep-shallow-pieces")
def shallow_network_has_few_pieces():
    N = 3
    x = sp.Symbol("x", real=True)
    v, w, c = (sp.symbols(f"{name}1:{N + 1}", real=True) for name in "vwc")
    d = sp.Symbol("d", real=True)
    f = sum(v[j] * sp.Max(0, w[j] * x + c[j]) for j in range(N)) + d
    # the second derivative is zero except at the N kinks x = -c_j / w_j
    deltas = sum(v[j] * w[j] ** 2 * sp.DiracDelta(w[j] * x + c[j]) for j in range(N))
    check_zero(sp.diff(f, x, 2) - deltas, "f''")
    # nnlit: random [1, 8, 1] networks never change sign more than 9 times
    xs = np.linspace(-3, 3, 20001).reshape(1, -1)
    for seed in range(50):
        params = initialize_parameters_deep([1, 8, 1], rng=seed, scale=1.0)
        params["b1"] = np.random.default_rng(seed).normal(size=(8, 1))
        score = L_model_forward(xs, params)[1][-1][1][0]
        if np.count_nonzero(np.diff(np.sign(score))) > 9:
            raise AssertionError("a [1, 8, 1] network changed sign more than N + 1 times")
