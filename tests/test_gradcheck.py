"""Gradient checking: the tool itself, then every model of the book with it."""

import numpy as np
import pytest

from nnlit.gradcheck import gradient_check, numerical_gradients, relative_error

RNG = np.random.default_rng(20261129)


# --- the tool ---------------------------------------------------------------

def test_numerical_gradients_of_a_polynomial_are_second_order_accurate():
    # J = sum(a^3) + 2 a.b ; dJ/da = 3a^2 + 2b, dJ/db = 2a; centred error = eps^2 (a^3 only)
    a, b = RNG.normal(size=(2, 3)), RNG.normal(size=(2, 3))
    cost = lambda p: float(np.sum(p["a"] ** 3) + 2 * np.sum(p["a"] * p["b"]))  # noqa: E731
    for eps in (1e-2, 1e-3):
        g = numerical_gradients(cost, {"a": a, "b": b}, eps)
        np.testing.assert_allclose(g["da"], 3 * a**2 + 2 * b + eps**2, rtol=1e-8, atol=1e-8)
        np.testing.assert_allclose(g["db"], 2 * a, rtol=1e-8, atol=1e-8)
    assert sorted(g) == ["da", "db"]


def test_parameters_are_not_modified_and_scalars_work():
    w, b = np.array([[1.0, 2.0]]), 0.5
    cost = lambda p: float(np.sum(p["w"]) * p["b"])  # noqa: E731
    g = numerical_gradients(cost, {"w": w, "b": b})
    np.testing.assert_array_equal(w, [[1.0, 2.0]])
    np.testing.assert_allclose(g["dw"], [[0.5, 0.5]], rtol=1e-9)
    np.testing.assert_allclose(g["db"], 3.0, rtol=1e-9)
    report = gradient_check(cost, {"w": w, "b": b}, {"dw": [[0.5, 0.5]], "db": 2.0})
    assert not report and report.worst[:2] == ("db", ())


def test_float32_parameters_are_checked_in_float64():
    w = np.float32([0.1, 0.2, 0.3])
    seen = []
    cost = lambda p: seen.append(p["w"].dtype) or float(np.sum(np.sin(p["w"])))  # noqa: E731
    report = gradient_check(cost, {"w": w}, {"dw": np.cos(w.astype(np.float64))})
    assert set(seen) == {np.dtype(np.float64)} and report.error < 1e-9


def test_relative_error_definition():
    g, h = RNG.normal(size=5), RNG.normal(size=5)
    expected = np.linalg.norm(g - h) / (np.linalg.norm(g) + np.linalg.norm(h))
    assert relative_error(g, h) == pytest.approx(expected, rel=1e-14)
    assert relative_error(h, g) == pytest.approx(expected, rel=1e-14)
    assert relative_error(1e200 * g, 1e200 * h) == pytest.approx(expected, rel=1e-12)
    assert relative_error(np.zeros(3), np.zeros(3)) == 0.0
    assert relative_error(g, -g) == pytest.approx(1.0)
    assert relative_error(g, 0 * g) == pytest.approx(1.0)


def test_report_names_the_worst_entry():
    W = RNG.normal(size=(3, 4))
    cost = lambda p: float(np.sum(p["W"] ** 2))  # noqa: E731
    wrong = 2 * W
    wrong[2, 1] += 0.5
    report = gradient_check(cost, {"W": W}, {"dW": wrong, "dA0": np.zeros(7)})
    assert not report.passed
    assert report.worst[:2] == ("dW", (2, 1))
    assert report.worst[2] == pytest.approx(2 * W[2, 1] + 0.5)
    assert report.worst[3] == pytest.approx(2 * W[2, 1], abs=1e-7)
    assert "FAILED" in str(report) and "dW[2, 1]" in str(report)
    assert gradient_check(cost, {"W": W}, {"dW": 2 * W}).passed


@pytest.mark.parametrize(
    ("grads", "match"),
    [({}, r"grads has no 'dW'"),
     ({"dW": np.zeros((4, 3))}, r"grads\['dW'\] has shape \(4, 3\) and parameters\['W'\] "
                                r"has shape \(3, 4\)"),
     ({"dW": np.full((3, 4), np.nan)}, "NaN")],
)
def test_bad_gradients_are_rejected(grads, match):
    with pytest.raises(ValueError, match=match):
        gradient_check(lambda p: 0.0, {"W": np.ones((3, 4))}, grads)


@pytest.mark.parametrize(
    ("cost", "parameters", "epsilon", "match"),
    [(lambda p: 0.0, {"w": [1.0]}, 0.0, "epsilon must be a positive"),
     (lambda p: 0.0, {}, 1e-6, "non-empty dict"),
     (lambda p: 0.0, {"w": [np.inf]}, 1e-6, "inf"),
     (lambda p: np.nan, {"w": [1.0]}, 1e-6, "one finite number"),
     (lambda p: [1.0, 2.0], {"w": [1.0]}, 1e-6, "one finite number")],
)
def test_bad_arguments_are_rejected(cost, parameters, epsilon, match):
    with pytest.raises(ValueError, match=match):
        numerical_gradients(cost, parameters, epsilon)


# --- every model of the book, float64, relative error below 1e-7 -------------

def test_logistic_regression_backward_pass():
    from nnlit.logistic import propagate

    X, Y = RNG.normal(size=(4, 7)), (RNG.random((1, 7)) > 0.5).astype(float)
    params = {"w": RNG.normal(size=(4, 1)), "b": 0.3}
    grads, _ = propagate(params["w"], params["b"], X, Y)
    report = gradient_check(lambda p: propagate(p["w"], p["b"], X, Y)[1], params, grads)
    assert report.error < 1e-7, str(report)


def test_shallow_network_backward_pass():
    from nnlit.shallow import backward_propagation, compute_cost, forward_propagation

    X, Y = RNG.normal(size=(3, 9)), (RNG.random((1, 9)) > 0.5).astype(float)
    params = {"W1": RNG.normal(size=(5, 3)), "b1": RNG.normal(size=(5, 1)),
              "W2": RNG.normal(size=(1, 5)), "b2": RNG.normal(size=(1, 1))}

    def cost(p):
        return compute_cost(forward_propagation(X, p)[0], Y)

    grads = backward_propagation(params, forward_propagation(X, params)[1], X, Y)
    report = gradient_check(cost, params, grads)
    assert report.error < 1e-7, str(report)


@pytest.mark.parametrize("one_hot_labels", [False, True])
def test_softmax_regression_backward_pass(one_hot_labels):
    from nnlit.softmax import backward_propagation, compute_cost, forward_propagation, one_hot

    X, y = RNG.normal(size=(4, 10)), RNG.integers(0, 3, size=10)
    Y = one_hot(y, 3) if one_hot_labels else y
    params = {"W": RNG.normal(size=(3, 4)), "b": RNG.normal(size=(3, 1))}

    def cost(p):
        return compute_cost(forward_propagation(X, p)[1]["Z"], Y)

    grads = backward_propagation(X, Y, forward_propagation(X, params)[1])
    report = gradient_check(cost, params, grads)
    assert report.error < 1e-7, str(report)


@pytest.mark.parametrize("hidden", ["relu", "sigmoid", "tanh"])
@pytest.mark.parametrize("dims", [[4, 1], [4, 5, 1], [4, 6, 5, 3, 1]])
def test_deep_network_backward_pass(hidden, dims):
    from nnlit.deep import L_model_backward, L_model_forward, compute_cost

    X, Y = RNG.normal(size=(dims[0], 8)), (RNG.random((1, 8)) > 0.5).astype(float)
    params = {}
    for layer in range(1, len(dims)):
        params[f"W{layer}"] = RNG.normal(size=(dims[layer], dims[layer - 1]))
        params[f"b{layer}"] = RNG.normal(size=(dims[layer], 1))

    def cost(p):
        return compute_cost(L_model_forward(X, p, hidden_activation=hidden)[0], Y)

    AL, caches = L_model_forward(X, params, hidden_activation=hidden)
    grads = L_model_backward(AL, Y, caches, hidden_activation=hidden)
    report = gradient_check(cost, params, grads)
    assert report.error < 1e-7, str(report)
