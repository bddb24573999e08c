"""Chapter 2, the shallow network: tanh', every line of the backward pass,
the two placements of 1/m, and the why: two linear layers are one, tanh is
centred and steeper than the sigmoid, equal hidden units stay equal.

The cost J is built from symbolic matrices of a fixed small size and
differentiated with respect to every entry of W1, b1, W2 and b2; SymPy's
results are compared with the matrix formulas entry by entry, then evaluated
on random numbers and compared with nnlit.
"""

import numpy as np
import sympy as sp

from derivations import check_close, check_zero, proves, sigma, symbol_matrix
from nnlit.activations import sigmoid, sigmoid_derivative, tanh, tanh_backward, tanh_derivative
from nnlit.shallow import (
    backward_propagation,
    collapse_linear_layers,
    compute_cost,
    forward_propagation,
    hidden_unit_spread,
    nn_model,
    predict,
    update_parameters,
)

z, y = sp.symbols("z y", real=True)


class Sigma(sp.Function):
    """The sigmoid as a SymPy function that knows its derivative (L2)."""

    def fdiff(self, argindex=1):
        return Sigma(self.args[0]) * (1 - Sigma(self.args[0]))


def literal(expr):
    """Replace Sigma by its definition, for checks and for lambdify."""
    return expr.replace(Sigma, sigma)


def check_entries_zero(M, what):
    """check_zero for every entry of a matrix."""
    for k, entry in enumerate(sp.Matrix(M)):
        check_zero(sp.expand(entry), f"{what}, entry {k + 1}")


def network(n_x, n_h, m):
    """Symbols, the forward pass (S1) and the cost (6) for one size."""
    X, Y = symbol_matrix("x", n_x, m), symbol_matrix("y", 1, m)
    W1, b1 = symbol_matrix("W1", n_h, n_x), symbol_matrix("b1", n_h, 1)
    W2, b2 = symbol_matrix("W2", 1, n_h), sp.Symbol("b2", real=True)
    Z1 = W1 * X + b1 * sp.ones(1, m)  # b1 broadcast: the same for every column
    A1 = Z1.applyfunc(sp.tanh)
    Z2 = W2 * A1 + b2 * sp.ones(1, m)
    A2 = Z2.applyfunc(Sigma)
    J = -sum(Y[i] * sp.log(A2[i]) + (1 - Y[i]) * sp.log(1 - A2[i]) for i in range(m)) / m
    return (X, Y, W1, b1, W2, b2), (Z1, A1, Z2, A2), J


def backward_formulas(W2, X, Y, A1, A2):
    """The six lines of the backward pass, 1/m in dW and db (S3 to S8)."""
    m = X.shape[1]
    dZ2 = A2 - Y
    dW2 = dZ2 * A1.T / m
    db2 = sum(dZ2) / m
    dZ1 = (W2.T * dZ2).multiply_elementwise(A1.applyfunc(lambda a: 1 - a**2))
    dW1 = dZ1 * X.T / m
    db1 = dZ1 * sp.ones(m, 1) / m
    return dZ2, dW2, db2, dZ1, dW1, db1


@proves("shallow-dtanh")
def tanh_derivative_is_one_minus_tanh_squared():
    definition = (sp.exp(z) - sp.exp(-z)) / (sp.exp(z) + sp.exp(-z))
    check_zero(sp.diff(definition, z) - (1 - definition**2), "d tanh / dz from the definition")
    check_zero(sp.diff(sp.tanh(z), z) - (1 - sp.tanh(z) ** 2), "SymPy's tanh")
    zs = np.linspace(-20, 20, 161)
    exact = sp.lambdify(z, sp.diff(definition, z))(zs)
    check_close(tanh_derivative(zs), exact, "tanh_derivative")
    dA = np.random.default_rng(0).normal(size=(1, zs.size))
    check_close(tanh_backward(dA, zs[None]), dA * exact, "tanh_backward")


@proves("shallow-1", "shallow-2", "shallow-3", "shallow-4", "shallow-forward")
def forward_pass_is_equations_1_to_4_per_column():
    symbols, (Z1, A1, Z2, A2), _ = network(2, 3, 2)
    X, _, W1, b1, W2, b2 = symbols
    for i in range(2):  # column i of the matrices is example i
        z1 = W1 * X[:, i] + b1  # (1): the bias does not depend on i
        a1 = z1.applyfunc(sp.tanh)  # (2)
        z2 = (W2 * a1)[0] + b2  # (3)
        check_entries_zero(Z1[:, i] - z1, f"Z1 column {i + 1}")
        check_zero(A2[i] - Sigma(z2), f"A2 column {i + 1}")  # (4)
    rng = np.random.default_rng(2)
    f = sp.lambdify([*X, *W1, *b1, *W2, b2], literal(A2))
    Xv, p = rng.normal(size=(2, 2)), {"W1": rng.normal(size=(3, 2)), "b1": rng.normal(size=(3, 1)),
                                      "W2": rng.normal(size=(1, 3)), "b2": rng.normal(size=(1, 1))}
    exact = f(*Xv.ravel(), *p["W1"].ravel(), *p["b1"].ravel(), *p["W2"].ravel(), p["b2"].item())
    check_close(forward_propagation(Xv, p)[0], exact, "forward_propagation")


@proves("shallow-6", "shallow-dz2", "shallow-dw2", "shallow-db2", "shallow-dz1",
        "shallow-dw1", "shallow-db1")
def backward_pass_at_matrix_level():
    # Sigma's derivative is (L2), proven in chapter 1; confirm it once here
    check_zero(literal(sp.diff(Sigma(z), z)) - sp.diff(sigma(z), z), "Sigma' = (L2)")
    rng = np.random.default_rng(3)
    for n_x, n_h, m in [(2, 3, 2), (3, 2, 3)]:
        symbols, (_, A1, _, A2), J = network(n_x, n_h, m)
        X, Y, W1, b1, W2, b2 = symbols
        dZ2, dW2, db2, dZ1, dW1, db1 = backward_formulas(W2, X, Y, A1, A2)
        size = f"n_x={n_x}, n_h={n_h}, m={m}"
        for i in range(m):  # dZ2: the derivative of m * J with respect to z2 of column i
            z2 = sp.Symbol("z2", real=True)
            Li = (-Y[i] * sp.log(Sigma(z2)) - (1 - Y[i]) * sp.log(1 - Sigma(z2)))
            check_zero(sp.expand(sp.diff(Li, z2) - dZ2[i].subs(A2[i], Sigma(z2))),
                       f"dZ2 column {i + 1}, {size}")
        pairs = [(W2, dW2), (W1, dW1), (b1, db1)]
        for P, dP in pairs:  # every entry of every parameter
            for k in range(len(P)):
                check_zero(sp.expand(sp.diff(J, P[k]) - dP[k]), f"dJ/d{P[k]}, {size}")
        check_zero(sp.expand(sp.diff(J, b2) - db2), f"dJ/db2, {size}")
        # numerically: lambdify J and its symbolic gradient, compare with nnlit
        params = [*W1, *b1, *W2, b2]
        grad = [literal(sp.diff(J, v)) for v in params]
        f = sp.lambdify([*X, *Y, *params], [literal(J), *grad])
        p = {"W1": rng.normal(size=(n_h, n_x)), "b1": rng.normal(size=(n_h, 1)),
             "W2": rng.normal(size=(1, n_h)), "b2": rng.normal(size=(1, 1))}
        Xv, Yv = rng.normal(size=(n_x, m)), rng.integers(0, 2, (1, m))
        exact = f(*Xv.ravel(), *Yv.ravel(), *(v for k in ("W1", "b1", "W2", "b2")
                                             for v in p[k].ravel()))
        A2v, cache = forward_propagation(Xv, p)
        check_close(compute_cost(A2v, Yv), exact[0], f"cost, {size}")
        g = backward_propagation(p, cache, Xv, Yv)
        ours = np.concatenate([g[k].ravel() for k in ("dW1", "db1", "dW2", "db2")])
        check_close(ours, exact[1:], f"gradients, {size}")


@proves("shallow-convention")
def one_over_m_inside_dz_gives_the_same_gradients():
    symbols, (_, A1, _, A2), _ = network(2, 3, 2)
    X, Y, _, _, W2, _ = symbols
    m = X.shape[1]
    dZ2, dW2, db2, dZ1, dW1, db1 = backward_formulas(W2, X, Y, A1, A2)
    # the notes' other convention: 1/m inside dZ, none in dW and db
    dz2 = (A2 - Y) / m
    dw2, db2_ = dz2 * A1.T, sum(dz2)
    dz1 = (W2.T * dz2).multiply_elementwise(A1.applyfunc(lambda a: 1 - a**2))
    dw1, db1_ = dz1 * X.T, dz1 * sp.ones(m, 1)
    check_entries_zero(dz2 - dZ2 / m, "dz2 = dZ2 / m")
    check_entries_zero(dz1 - dZ1 / m, "dz1 = dZ1 / m: the backward step is linear")
    for ours, theirs, name in ((dW2, dw2, "dW2"), (dW1, dw1, "dW1"), (db1, db1_, "db1")):
        check_entries_zero(ours - theirs, name)
    check_zero(sp.expand(db2 - db2_), "db2")
    # numerically: the other convention in NumPy equals backward_propagation
    rng = np.random.default_rng(4)
    p = {"W1": rng.normal(size=(3, 2)), "b1": rng.normal(size=(3, 1)),
         "W2": rng.normal(size=(1, 3)), "b2": rng.normal(size=(1, 1))}
    Xv, Yv = rng.normal(size=(2, 20)), rng.integers(0, 2, (1, 20))
    _, cache = forward_propagation(Xv, p)
    g = backward_propagation(p, cache, Xv, Yv)
    dz2v = (cache["A2"] - Yv) / 20
    dz1v = (p["W2"].T @ dz2v) * (1 - cache["A1"] ** 2)
    check_close(g["dW2"], dz2v @ cache["A1"].T, "dW2, 1/m inside")
    check_close(g["db2"], dz2v.sum(axis=1, keepdims=True), "db2, 1/m inside")
    check_close(g["dW1"], dz1v @ Xv.T, "dW1, 1/m inside")
    check_close(g["db1"], dz1v.sum(axis=1, keepdims=True), "db1, 1/m inside")


@proves("shallow-5")
def prediction_is_the_sign_of_z2():
    above_half = sp.solve_univariate_inequality(
        sigma(z) > sp.Rational(1, 2), z, relational=False)
    if above_half != sp.Interval.open(0, sp.oo):
        raise AssertionError(f"sigma(z) > 1/2 holds on {above_half}, not z > 0")
    rng = np.random.default_rng(5)
    p = {"W1": rng.normal(size=(4, 2)), "b1": rng.normal(size=(4, 1)),
         "W2": rng.normal(size=(1, 4)), "b2": rng.normal(size=(1, 1))}
    X = rng.normal(size=(2, 300))
    Z2 = forward_propagation(X, p)[1]["Z2"]
    check_close(predict(p, X), (Z2 > 0).astype(float), "predict", rtol=0, atol=0)


@proves("shallow-update")
def one_iteration_is_one_gradient_step():
    # the step of (L6) for every parameter of both layers, as in chapter 1;
    # here: one iteration of nn_model is exactly that step from its start
    alpha, w, g = sp.symbols("alpha w g", real=True)
    J = sp.Function("J")
    slope = sp.diff(J(w - alpha * g), alpha).subs(alpha, 0).doit().subs(g, sp.diff(J(w), w))
    check_zero(slope + sp.diff(J(w), w) ** 2, "slope of J along the step")
    rng = np.random.default_rng(6)
    X, Y = rng.normal(size=(2, 30)), rng.integers(0, 2, (1, 30))
    start = nn_model(X, Y, 3, num_iterations=0, rng=np.random.RandomState(7))
    grads = backward_propagation(start, forward_propagation(X, start)[1], X, Y)
    after = nn_model(X, Y, 3, num_iterations=1, rng=np.random.RandomState(7), learning_rate=0.5)
    for k in start:
        check_close(after[k], start[k] - 0.5 * grads["d" + k], f"{k} after one step",
                    rtol=0, atol=0)


@proves("shallow-collapse")
def two_linear_layers_are_one_linear_layer():
    n_x, n_h, m = 2, 3, 2
    X, W1 = symbol_matrix("x", n_x, m), symbol_matrix("W1", n_h, n_x)
    b1 = symbol_matrix("b1", n_h, 1)
    W2, b2 = symbol_matrix("W2", 1, n_h), symbol_matrix("b2", 1, 1)
    ones = sp.ones(1, m)  # a bias column broadcast across the m columns
    two_layers = W2 * (W1 * X + b1 * ones) + b2 * ones  # (S1) with A1 = Z1
    W, b = W2 * W1, W2 * b1 + b2
    check_entries_zero(two_layers - (W * X + b * ones), "W2 (W1 X + b1) + b2 - (W X + b)")
    rng = np.random.default_rng(8)
    p = {"W1": rng.normal(size=(5, 3)), "b1": rng.normal(size=(5, 1)),
         "W2": rng.normal(size=(2, 5)), "b2": rng.normal(size=(2, 1))}
    Xv = rng.normal(size=(3, 7))
    Wv, bv = collapse_linear_layers(p)
    two_layers = p["W2"] @ (p["W1"] @ Xv + p["b1"]) + p["b2"]
    check_close(Wv @ Xv + bv, two_layers, "collapse_linear_layers")


@proves("shallow-centred")
def tanh_is_odd_and_sigmoid_is_centred_on_one_half():
    check_zero(sp.tanh(-z) + sp.tanh(z), "tanh(-z) = -tanh(z)")
    check_zero(sigma(-z) - (1 - sigma(z)), "sigma(-z) = 1 - sigma(z)")
    definition = (sp.exp(z) - sp.exp(-z)) / (sp.exp(z) + sp.exp(-z))
    check_zero(definition - (2 * sigma(2 * z) - 1), "tanh(z) = 2 sigma(2z) - 1")
    zs = np.linspace(-20, 20, 161)
    check_close(tanh(zs), 2 * sigmoid(2 * zs) - 1, "tanh against 2 sigmoid(2z) - 1")
    check_close(tanh(-zs), -tanh(zs), "tanh is odd", rtol=0, atol=0)


@proves("shallow-slopes")
def slopes_peak_at_zero_one_against_one_quarter():
    t, s = sp.symbols("t s", real=True)
    # tanh' = 1 - t^2 with t = tanh(z): at most 1, and 1 only where t = 0, i.e. z = 0
    check_zero(1 - (1 - t**2) - t**2, "1 - tanh'(z) = tanh(z)^2 >= 0")
    if sp.solve(sp.diff(sp.tanh(z), z, 2), z) != [0] or sp.diff(sp.tanh(z), z).subs(z, 0) != 1:
        raise AssertionError("tanh' has not its single peak 1 at z = 0")
    # sigma' = s (1 - s) with s = sigma(z): 1/4 - s (1 - s) is a square, zero at s = 1/2, z = 0
    check_zero(sp.Rational(1, 4) - s * (1 - s) - (s - sp.Rational(1, 2)) ** 2,
               "1/4 - sigma'(z) = (sigma(z) - 1/2)^2 >= 0")
    if sp.solve(sigma(z) - sp.Rational(1, 2), z) != [0]:
        raise AssertionError("sigma(z) = 1/2 not only at z = 0")
    check_zero(sp.diff(sigma(z), z).subs(z, 0) - sp.Rational(1, 4), "sigma'(0) = 1/4")
    zs = np.linspace(-10, 10, 2001)  # contains 0 exactly
    for name, f, peak in (("tanh_derivative", tanh_derivative, 1.0),
                          ("sigmoid_derivative", sigmoid_derivative, 0.25)):
        values = f(zs)
        if values.max() != peak or zs[values.argmax()] != 0 or np.sum(values == peak) != 1:
            raise AssertionError(f"{name}: the maximum is not {peak}, once, at z = 0")


@proves("shallow-symmetry")
def equal_hidden_units_stay_equal_after_a_step():
    alpha, beta, gamma = sp.symbols("alpha beta gamma", real=True)
    for n_x, n_h, m in [(2, 3, 2), (3, 2, 3)]:
        symbols, _, _ = network(n_x, n_h, m)
        X, Y, W1, b1, W2, b2 = symbols
        w = symbol_matrix("w", 1, n_x)
        equal = {**{W1[j, i]: w[i] for j in range(n_h) for i in range(n_x)},
                 **{b1[j]: beta for j in range(n_h)}, **{W2[j]: gamma for j in range(n_h)}}
        # the forward pass and the six lines of the backward pass from equal units
        Z1 = W1.subs(equal) * X + b1.subs(equal) * sp.ones(1, m)
        A1 = Z1.applyfunc(sp.tanh)
        A2 = (W2.subs(equal) * A1 + b2 * sp.ones(1, m)).applyfunc(Sigma)
        _, dW2, _, _, dW1, db1 = backward_formulas(W2.subs(equal), X, Y, A1, A2)
        new_W1 = W1.subs(equal) - alpha * dW1
        new_b1 = b1.subs(equal) - alpha * db1
        new_W2 = W2.subs(equal) - alpha * dW2
        size = f"n_x={n_x}, n_h={n_h}, m={m}"
        for j in range(1, n_h):  # unit j against unit 1 after the step (S10)
            check_entries_zero(new_W1[j, :] - new_W1[0, :], f"row {j + 1} of W1, {size}")
            check_zero(new_b1[j] - new_b1[0], f"entry {j + 1} of b1, {size}")
            check_zero(new_W2[j] - new_W2[0], f"entry {j + 1} of W2, {size}")
    # numerically: one step of nnlit from equal units keeps them equal
    rng = np.random.default_rng(9)
    Xv, Yv = rng.normal(size=(2, 50)), rng.integers(0, 2, (1, 50))
    p = {"W1": np.tile(rng.normal(size=(1, 2)), (4, 1)), "b1": np.full((4, 1), rng.normal()),
         "W2": np.full((1, 4), rng.normal()), "b2": rng.normal(size=(1, 1))}
    grads = backward_propagation(p, forward_propagation(Xv, p)[1], Xv, Yv)
    after = update_parameters(p, grads, 1.2)
    check_close(hidden_unit_spread(after), 0.0, "hidden_unit_spread after a step", atol=1e-15)
    check_close(hidden_unit_spread(p), 0.0, "hidden_unit_spread of equal units", atol=0)
