"""Gradient checking: why centred differences, which epsilon, which measure."""

import numpy as np
import sympy as sp

from derivations import check_close, check_zero, proves
from nnlit.gradcheck import numerical_gradients, relative_error


def _taylor(c, x0, h, order=6):
    """The Taylor polynomial of a function with derivatives c[k] at x0, at x0 + h."""
    return sum(c[k] * h**k / sp.factorial(k) for k in range(order))


@proves("gradcheck-centred", "gradcheck-taylor")
def centred_difference_error_is_second_order():
    # J near theta, through its derivatives J(theta), J'(theta), ..., J^(5)(theta)
    theta, eps = sp.symbols("theta epsilon", real=True)
    c = sp.symbols("J0:6", real=True)
    centred = (_taylor(c, theta, eps) - _taylor(c, theta, -eps)) / (2 * eps)
    one_sided = (_taylor(c, theta, eps) - c[0]) / eps
    # centred: J' + eps^2 J'''/6 + O(eps^4); one-sided: J' + eps J''/2 + O(eps^2)
    check_zero(sp.expand(centred - c[1] - eps**2 * c[3] / 6) - eps**4 * c[5] / 120,
               "centred difference")
    check_zero(sp.series(one_sided - c[1], eps, 0, 2).removeO() - eps * c[2] / 2,
               "one-sided difference")
    # numerically, for J(w) = sum(w^3): J''' = 6, so the centred error is eps^2 exactly
    w = np.array([0.5, -1.5, 2.0])
    for step in (1e-2, 1e-3):
        got = numerical_gradients(lambda p: float(np.sum(p["w"] ** 3)), {"w": w}, step)["dw"]
        check_close(got, 3 * w**2 + step**2 * 6 / 6, f"numerical_gradients, epsilon {step}",
                    rtol=1e-9, atol=1e-9)


@proves("gradcheck-epsilon")
def best_epsilon_balances_truncation_and_rounding():
    eps, M, u, J = sp.symbols("epsilon M u J", positive=True)
    error = eps**2 * M / 6 + u * J / eps  # truncation (G2) + rounding of J(theta +- eps)
    best = sp.solve(sp.diff(error, eps), eps)
    if len(best) != 1:
        raise AssertionError(f"expected one stationary point, found {best}")
    check_zero(best[0] - sp.cbrt(3 * u * J / M), "stationary point")
    if not sp.simplify(sp.diff(error, eps, 2).subs(eps, best[0])) > 0:
        raise AssertionError("the stationary point is not a minimum")
    # float64 (u = 2^-53) with J and M of order one: epsilon* is about 1e-5
    value = float(best[0].subs({u: 2.0**-53, J: 1, M: 1}))
    if not 1e-6 < value < 1e-4:
        raise AssertionError(f"epsilon* = {value:.1e} for float64, expected about 1e-5")


@proves("gradcheck-relative-error")
def relative_error_is_symmetric_bounded_and_scale_free():
    g = sp.Matrix(sp.symbols("g1:4", real=True))
    h = sp.Matrix(sp.symbols("h1:4", real=True))
    c = sp.Symbol("c", positive=True)

    def rel(a, b):
        return (a - b).norm() / (a.norm() + b.norm())

    check_zero(rel(g, h) - rel(h, g), "symmetry")
    check_zero(rel(c * g, c * h) - rel(g, h), "invariance to the scale of the gradients")
    # bounded by 1: the triangle inequality |g - h| <= |g| + |h| (numerically here)
    rng = np.random.default_rng(5)
    f = sp.lambdify([*g, *h], rel(g, h))
    for _ in range(20):
        gv, hv = rng.normal(size=3) * 10.0 ** rng.integers(-5, 5), rng.normal(size=3)
        expected = f(*gv, *hv)
        if not 0 <= expected <= 1:
            raise AssertionError(f"relative error {expected} outside [0, 1]")
        check_close(relative_error(gv, hv), expected, "relative_error", rtol=1e-13)
