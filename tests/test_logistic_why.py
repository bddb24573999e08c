"""Chapter 1's why-sections: the chain rule to dz, convexity of the
cross-entropy cost (its Hessian), the squared error that is not convex, and
the loop over examples against the matrix form."""

import sys
from pathlib import Path

import numpy as np
import pytest

import derivations.logistic
from derivations import load
from nnlit.activations import sigmoid
from nnlit.logistic import _propagate, cost_hessian, propagate
from nnlit.losses import binary_cross_entropy_derivative, squared_error_dz
from tests.conftest import central_difference

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "_ext"))
from figures import TIMING_SHAPE, loop_propagate  # noqa: E402

PROOFS = {p.name: p for p in load(("logistic",))}


def problem(n=3, m=40, seed=0, scale=1.0):
    rng = np.random.default_rng(seed)
    return (rng.normal(0, scale, (n, 1)), float(rng.normal()), rng.normal(size=(n, m)),
            rng.integers(0, 2, (1, m)))


def gradient(theta, X, Y):
    """propagate's (dw, db) as one vector, at theta = (w, b)."""
    grads, _ = propagate(theta[:-1].reshape(-1, 1), theta[-1], X, Y)
    return np.append(grads["dw"], grads["db"])


@pytest.mark.parametrize("seed", range(4))
def test_hessian_is_the_finite_difference_of_the_gradient(seed):
    w, b, X, Y = problem(seed=seed, scale=2.0)
    theta = np.append(w, b)
    H = cost_hessian(w, b, X)
    # column j: centred difference of the gradient along theta_j
    numeric = np.column_stack([
        central_difference(lambda t, j=j: gradient(t, X, Y)[j], theta, eps=1e-5)
        for j in range(theta.size)])
    np.testing.assert_allclose(H, numeric, rtol=1e-6, atol=1e-9)


def test_hessian_is_symmetric_and_positive_semi_definite_even_when_saturated():
    w, b, X, _ = problem(n=5, m=200, seed=1, scale=30.0)  # most sigmoids saturate
    H = cost_hessian(w, b, X)
    np.testing.assert_allclose(H, H.T, rtol=1e-14, atol=1e-18)
    assert np.linalg.eigvalsh(H).min() >= -1e-15 * np.abs(H).max()


def test_hessian_of_one_feature_by_hand():
    # a = 1/2 everywhere, so H = (1/4)(1/m) X~ X~^T
    X = np.array([[1.0, 2.0, 3.0]])
    expected = 0.25 / 3 * np.array([[1 + 4 + 9, 1 + 2 + 3], [1 + 2 + 3, 3]])
    np.testing.assert_allclose(cost_hessian(np.zeros((1, 1)), 0.0, X), expected, rtol=1e-15)


def test_hessian_rejects_bad_shapes():
    with pytest.raises(ValueError, match=r"w has shape \(2, 1\) and X has shape \(3, 4\)"):
        cost_hessian(np.zeros((2, 1)), 0.0, np.zeros((3, 4)))
    with pytest.raises(ValueError, match="b must be a scalar"):
        cost_hessian(np.zeros((3, 1)), [1.0, 2.0], np.zeros((3, 4)))


def test_chain_rule_da_times_slope_is_a_minus_y():
    rng = np.random.default_rng(2)
    Z = rng.normal(0, 3, (1, 50))
    Y = rng.integers(0, 2, (1, 50))
    A = sigmoid(Z)
    np.testing.assert_allclose(binary_cross_entropy_derivative(A, Y) * A * (1 - A), A - Y,
                               rtol=1e-10, atol=1e-15)


def test_da_is_the_derivative_of_the_loss():
    A, Y = np.array([[0.3, 0.6, 0.9]]), np.array([[1, 0, 1]])

    def loss(a):
        return float(np.sum(-Y * np.log(a) - (1 - Y) * np.log(1 - a)))

    np.testing.assert_allclose(binary_cross_entropy_derivative(A, Y), central_difference(loss, A),
                               rtol=1e-8)


@pytest.mark.parametrize("bad", [0.0, 1.0])
def test_da_rejects_saturated_probabilities(bad):
    with pytest.raises(ValueError, match="strictly between 0 and 1"):
        binary_cross_entropy_derivative([[0.5, bad]], [[1, 0]])


def test_squared_error_dz_is_the_derivative_of_its_loss():
    Z, Y = np.array([[-3.0, -0.5, 0.0, 2.0]]), np.array([[1, 0, 1, 0]])

    def loss(z):
        return float(np.sum(0.5 * (sigmoid(z) - Y) ** 2))

    np.testing.assert_allclose(squared_error_dz(Z, Y), central_difference(loss, Z), rtol=1e-8)


def test_squared_error_gradient_vanishes_on_a_confident_wrong_answer():
    Z, Y = np.array([[-30.0, 30.0]]), np.array([[1, 0]])
    assert np.all(np.abs(squared_error_dz(Z, Y)) < 1e-12)
    np.testing.assert_allclose(np.abs(sigmoid(Z) - Y), 1.0, rtol=1e-12)  # a - y does not


def test_squared_error_rejects_non_binary_labels():
    with pytest.raises(ValueError, match=r"labels in \{0, 1\}"):
        squared_error_dz([[0.0]], [[0.5]])


@pytest.mark.parametrize("seed", range(3))
def test_loop_over_examples_gives_the_numbers_of_the_matrix_form(seed):
    w, b, X, Y = problem(n=6, m=500, seed=seed, scale=3.0)
    loop_grads, loop_cost = loop_propagate(w, b, X, Y)
    grads, cost = propagate(w, b, X, Y)
    np.testing.assert_allclose(loop_grads["dw"], grads["dw"], rtol=1e-12, atol=1e-15)
    assert loop_grads["db"] == pytest.approx(grads["db"], rel=1e-12, abs=1e-15)
    assert loop_cost == pytest.approx(cost, rel=1e-12)


def test_the_timing_shape_is_a_real_workload():
    assert TIMING_SHAPE[1] >= 10_000


def test_convexity_proof_catches_a_hessian_without_1_over_m(monkeypatch):
    monkeypatch.setattr(derivations.logistic, "cost_hessian",
                        lambda w, b, X: cost_hessian(w, b, X) * X.shape[1])
    ok, message, _ = PROOFS["cross_entropy_cost_is_convex"].run()
    assert not ok and "cost_hessian" in message


def test_squared_error_proof_catches_the_cross_entropy_slope(monkeypatch):
    monkeypatch.setattr(derivations.logistic, "squared_error_dz",
                        lambda Z, Y: sigmoid(np.asarray(Z, float)) - Y)
    ok, message, _ = PROOFS["squared_error_after_a_sigmoid_is_not_convex"].run()
    assert not ok and "squared_error_dz" in message


def test_chain_rule_proof_catches_a_sign_error(monkeypatch):
    monkeypatch.setattr(derivations.logistic, "binary_cross_entropy_derivative",
                        lambda A, Y: Y / A - (1 - Y) / (1 - A))
    ok, message, _ = PROOFS["chain_rule_to_dz"].run()
    assert not ok and "binary_cross_entropy_derivative" in message


def test_the_loop_helper_is_not_the_library_propagate():
    # the test above would be empty if the loop simply called nnlit
    assert loop_propagate is not propagate and loop_propagate is not _propagate


def test_the_vectorisation_values_come_from_a_measurement():
    import figures
    from values import REGISTRY

    timing = figures._vectorisation_timing()
    assert 0 < timing["matrix"] < timing["loop"]  # the claim the page makes: the matrix form wins
    assert figures._vector_speedup() == pytest.approx(timing["loop"] / timing["matrix"])
    for name in ("logistic.vector_speedup", "logistic.vector_times", "logistic.timing_machine",
                 "logistic.saturated_ratio"):
        en, zh = REGISTRY[name].render("en"), REGISTRY[name].render("zh_CN")
        assert en and zh and any(c.isdigit() for c in en)


def test_the_saturated_ratio_is_one_over_the_sigmoid_slope():
    import figures

    z = figures.SATURATED_Z
    assert figures._saturated_ratio()["ratio"] == pytest.approx(1 / (sigmoid(z) * (1 - sigmoid(z))))
