from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from nnlit.softmax import (
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
    softmax_jacobian,
    update_parameters,
)
from tests.conftest import central_difference


def reference_softmax(Z):
    """The definition typed in column by column (fine for moderate scores)."""
    E = np.exp(Z)
    return E / E.sum(axis=0)


def reference_cost(Z, y):
    A = reference_softmax(Z)
    return float(-np.mean(np.log(A[y, np.arange(Z.shape[1])])))


def random_problem(C=3, m=5, seed=0, scale=1.0):
    rng = np.random.default_rng(seed)
    return rng.normal(0, scale, (C, m)), rng.integers(0, C, m)


scores = st.tuples(st.integers(1, 6), st.integers(1, 6)).flatmap(
    lambda s: arrays(np.float64, s, elements=st.floats(-1e6, 1e6, allow_subnormal=False)))


# ---- softmax -----------------------------------------------------------------

def test_softmax_hand_values_and_each_column_on_its_own():
    Z = np.array([[0.0, np.log(3.0)], [0.0, 0.0]])
    np.testing.assert_allclose(softmax(Z), [[0.5, 0.75], [0.5, 0.25]], rtol=1e-15)
    # a column's result does not depend on the other columns
    Z2 = np.array([[1.0, 50.0, -3.0], [2.0, 40.0, -3.0], [3.0, 45.0, -700.0]])
    A = softmax(Z2)
    for j in range(3):
        np.testing.assert_allclose(A[:, [j]], softmax(Z2[:, [j]]), rtol=1e-15)
    np.testing.assert_allclose(A[:, :2], reference_softmax(Z2[:, :2]), rtol=1e-13)


@settings(max_examples=60, deadline=None)
@given(scores)
def test_columns_sum_to_one(Z):
    A = softmax(Z)
    assert np.all(np.isfinite(A)) and np.all(A >= 0)
    np.testing.assert_allclose(A.sum(axis=0), 1.0, rtol=1e-12)


@settings(max_examples=60, deadline=None)
@given(scores, st.data())
def test_adding_a_constant_per_column_changes_nothing(Z, data):
    shift = data.draw(arrays(np.float64, (1, Z.shape[1]), elements=st.floats(-1e3, 1e3)))
    np.testing.assert_allclose(softmax(Z + shift), softmax(Z), rtol=1e-9, atol=1e-12)


@settings(max_examples=60, deadline=None)
@given(scores)
def test_log_softmax_is_the_log_of_softmax_where_finite(Z):
    logA, A = log_softmax(Z), softmax(Z)
    assert np.all(np.isfinite(logA)) and np.all(logA <= 0)
    keep = A > 1e-300
    np.testing.assert_allclose(logA[keep], np.log(A[keep]), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(np.exp(logA), A, rtol=1e-12, atol=1e-300)


@pytest.mark.parametrize("Z", [
    np.array([[1e4, -1e4], [-1e4, 1e4], [0.0, 0.0]]),
    np.array([[1e4, -1e4, 1e-3], [1e4 - 1, -1e4 - 1, 0.0]]),   # scales mixed per column
    np.array([[-1e4, 3.0], [-1e4 + 2, 1.0]]),                  # one column far below another
    np.array([[1e300, -1e300], [-1e300, 1e300]]),              # spread beyond the float range
])
def test_extreme_scores_give_finite_results(Z):
    A = softmax(Z)
    assert np.all(np.isfinite(A))
    np.testing.assert_allclose(A.sum(axis=0), 1.0, rtol=1e-15)
    y = np.argmin(Z, axis=0)  # the worst possible label
    assert np.isfinite(cross_entropy(Z[:, :], y)) or np.ptp(Z) > 1e308
    for f in (delta_cross_entropy, lambda Z, y: delta_cross_entropy_one_hot(Z, one_hot(y, len(Z)))):
        assert np.all(np.isfinite(f(Z, y)))


def test_column_far_below_another_column_is_not_nan():
    # the global maximum would make column 1 underflow to 0/0
    Z = np.array([[1000.0, -1000.0], [999.0, -1001.0]])
    np.testing.assert_allclose(softmax(Z), reference_softmax(Z - Z.max(axis=0)), rtol=1e-15)
    np.testing.assert_allclose(softmax(Z)[:, 1], [1 / (1 + np.exp(-1)), 1 / (1 + np.exp(1))])


def test_float32_is_kept():
    Z = np.array([[1.0, 2.0], [3.0, -1.0]], dtype=np.float32)
    for out in (softmax(Z), log_softmax(Z), delta_cross_entropy(Z, [0, 1]),
                delta_cross_entropy_one_hot(Z, [[1, 0], [0, 1]])):
        assert out.dtype == np.float32
    assert softmax_jacobian(Z[:, 0]).dtype == np.float32
    X = np.ones((4, 2), dtype=np.float32)
    p = initialize_parameters(4, 2, dtype=np.float32)
    A, cache = forward_propagation(X, p)
    assert A.dtype == np.float32 and cache["Z"].dtype == np.float32
    g = backward_propagation(X, [0, 1], cache)
    assert g["dW"].dtype == np.float32 and g["db"].dtype == np.float32
    assert update_parameters(p, g)["W"].dtype == np.float32
    params, _ = model(X, [0, 1], num_iterations=5)
    assert params["W"].dtype == np.float32 and params["b"].dtype == np.float32


# ---- cross-entropy and its gradient ------------------------------------------------

def test_cross_entropy_hand_values():
    Z = np.zeros((4, 3))
    assert cross_entropy(Z, [0, 1, 3]) == pytest.approx(np.log(4), rel=1e-15)
    Z = np.array([[np.log(3.0), 0.0], [0.0, 0.0]])
    # losses -log(3/4) and -log(1/2), then the mean (the 1/m of erratum 5)
    assert cross_entropy(Z, [[0, 1]]) == pytest.approx((np.log(4 / 3) + np.log(2)) / 2, rel=1e-14)


@pytest.mark.parametrize("C, m, seed", [(2, 1, 0), (3, 5, 1), (4, 4, 2), (10, 30, 3)])
def test_both_label_forms_agree_with_the_definition(C, m, seed):
    Z, y = random_problem(C, m, seed, scale=3.0)
    Y = one_hot(y, C)
    expected = reference_cost(Z, y)
    assert cross_entropy(Z, y) == pytest.approx(expected, rel=1e-13)
    assert cross_entropy(Z, y.reshape(1, -1)) == pytest.approx(expected, rel=1e-13)
    assert cross_entropy(Z, y.astype(float)) == pytest.approx(expected, rel=1e-13)
    assert cross_entropy_one_hot(Z, Y) == pytest.approx(expected, rel=1e-13)
    assert compute_cost(Z, y) == compute_cost(Z, Y) == cross_entropy(Z, y)
    dZ = (reference_softmax(Z) - Y) / m
    np.testing.assert_allclose(delta_cross_entropy(Z, y), dZ, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(delta_cross_entropy_one_hot(Z, Y), dZ, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("C, m, seed", [(2, 1, 0), (3, 3, 1), (4, 6, 2), (5, 2, 3)])
def test_deltas_match_central_differences(C, m, seed):
    Z, y = random_problem(C, m, seed, scale=2.0)
    Y = one_hot(y, C)
    num = central_difference(lambda v: cross_entropy(v, y), Z)
    np.testing.assert_allclose(delta_cross_entropy(Z, y), num, rtol=1e-6, atol=1e-9)
    num = central_difference(lambda v: cross_entropy_one_hot(v, Y), Z)
    np.testing.assert_allclose(delta_cross_entropy_one_hot(Z, Y), num, rtol=1e-6, atol=1e-9)


def test_cost_is_finite_when_the_true_class_underflows():
    Z = np.array([[0.0, 800.0], [-800.0, 0.0], [5.0, -800.0]])
    y = [1, 2]  # probabilities exp(-805) and exp(-1600): both round to 0.0
    with np.errstate(divide="ignore"):
        assert np.isinf(-np.log(softmax(Z)[y, [0, 1]])).all()
    expected = (805 + np.log1p(np.exp(-5) + np.exp(-805)) + 1600 + np.log1p(np.exp(-800))) / 2
    assert cross_entropy(Z, y) == pytest.approx(expected, rel=1e-15)
    assert cross_entropy_one_hot(Z, one_hot(y, 3)) == pytest.approx(expected, rel=1e-15)


@pytest.mark.parametrize("C, seed", [(3, 0), (4, 1), (6, 2)])
def test_jacobian_matches_central_differences_and_its_formula(C, seed):
    z = np.random.default_rng(seed).normal(0, 2, C)
    J = softmax_jacobian(z)
    num = np.stack([central_difference(lambda v, i=i: softmax(v.reshape(-1, 1))[i, 0], z)
                    for i in range(C)])
    np.testing.assert_allclose(J, num, rtol=1e-6, atol=1e-10)
    a = softmax(z.reshape(-1, 1)).ravel()
    np.testing.assert_allclose(J, np.diag(a) - np.outer(a, a), rtol=1e-15)
    np.testing.assert_allclose(J, J.T)
    np.testing.assert_allclose(J.sum(axis=0), 0, atol=1e-15)
    np.testing.assert_array_equal(softmax_jacobian(z.reshape(-1, 1)), J)


def test_chain_through_the_jacobian_gives_a_minus_y():
    z, y = np.array([0.3, -1.2, 2.0, 0.1]), 2
    a = softmax(z.reshape(-1, 1)).ravel()
    dL_da = -one_hot([y], 4).ravel() / a
    np.testing.assert_allclose(softmax_jacobian(z).T @ dL_da,
                               delta_cross_entropy(z.reshape(-1, 1), [y]).ravel(), rtol=1e-14)


def test_one_hot():
    Y = one_hot(np.array([[1.0, 0.0, 2.0]]), 3)
    np.testing.assert_array_equal(Y, [[0, 1, 0], [1, 0, 0], [0, 0, 1]])
    assert Y.dtype == np.float64
    np.testing.assert_array_equal(one_hot([], 2), np.zeros((2, 0)))


# ---- the model ----------------------------------------------------------------------

def test_initialize_parameters_reproduces_the_course_stream():
    p = initialize_parameters(3, 2, rng=np.random.RandomState(2))
    np.random.seed(2)  # noqa: NPY002 - the course's legacy stream, on purpose
    np.testing.assert_array_equal(p["W"], np.random.randn(2, 3) * 0.01)  # noqa: NPY002
    np.testing.assert_array_equal(p["b"], np.zeros((2, 1)))


@pytest.mark.parametrize("n, C, m, seed", [(1, 2, 1, 0), (3, 3, 5, 1), (4, 4, 4, 2), (2, 5, 7, 3)])
def test_backward_propagation_matches_central_differences(n, C, m, seed):
    rng = np.random.default_rng(seed)
    X, y = rng.normal(size=(n, m)), rng.integers(0, C, (1, m))
    W, b = rng.normal(size=(C, n)), rng.normal(size=(C, 1))

    def cost(W, b):
        return compute_cost(forward_propagation(X, {"W": W, "b": b})[1]["Z"], y)

    _, cache = forward_propagation(X, {"W": W, "b": b})
    for labels in (y, one_hot(y, C)):
        g = backward_propagation(X, labels, cache)
        np.testing.assert_allclose(g["dW"], central_difference(lambda v: cost(v, b), W),
                                   rtol=1e-6, atol=1e-9)
        np.testing.assert_allclose(g["db"], central_difference(lambda v: cost(W, v), b),
                                   rtol=1e-6, atol=1e-9)


def test_model_records_the_cost_every_100_iterations_before_the_step(capsys):
    rng = np.random.default_rng(4)
    X, y = rng.normal(size=(3, 20)), rng.integers(0, 3, (1, 20))
    params, costs = model(X, y, num_iterations=250, learning_rate=0.2, print_cost=True)
    p, seen = initialize_parameters(3, 3), []
    for i in range(250):
        _, cache = forward_propagation(X, p)
        if i % 100 == 0:
            seen.append(compute_cost(cache["Z"], y))
        p = update_parameters(p, backward_propagation(X, y, cache), 0.2)
    np.testing.assert_allclose(costs, seen, rtol=1e-13)
    np.testing.assert_allclose(params["W"], p["W"], rtol=1e-12)
    assert "Cost after iteration 200:" in capsys.readouterr().out
    params1, _ = model(X, one_hot(y, 3), num_iterations=250, learning_rate=0.2)
    np.testing.assert_array_equal(params1["W"], params["W"])


def test_predict_is_the_argmax_of_the_scores():
    rng = np.random.default_rng(5)
    p = {"W": rng.normal(size=(4, 3)), "b": rng.normal(size=(4, 1))}
    X = rng.normal(size=(3, 50))
    pred = predict(p, X)
    assert pred.shape == (1, 50) and pred.dtype.kind == "i"
    np.testing.assert_array_equal(pred[0], np.argmax(forward_propagation(X, p)[0], axis=0))


def test_softmax_regression_learns_the_digits(monkeypatch):
    # the very training the book's figure shows: model(X_train, Y_train, 3000, 1.0) on
    # load_digits(rng=0), run once for the tests and both builds while nnlit is unchanged
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parent.parent / "_ext"))
    from figures_softmax import _trained

    params, costs, y_test, y_pred = _trained()
    assert np.mean(y_pred == y_test) >= 0.95
    assert costs[0] == pytest.approx(np.log(10), rel=0.01) and costs[-1] < 0.1
    assert np.all(np.diff(costs) < 0)


# ---- bad input ----------------------------------------------------------------------

Z3 = np.zeros((3, 4))


@pytest.mark.parametrize("f", [cross_entropy, delta_cross_entropy, compute_cost])
@pytest.mark.parametrize("y, match", [
    ([0, 1, 3, 0], r"integer class labels 0\.\.2 .*found \[3\.0\]"),
    ([0, -1, 2, 0], r"found \[-1\.0\]"),
    ([0, 1.0, 2.5, 0], r"integer class labels 0\.\.2 .*found \[2\.5\]"),
    ([0, 1, 2], r"Z has shape \(3, 4\) and \w+ has shape \(3,\)"),
    ([[0, 1], [1, 0]], r"expected \(1, m\) or \(m,\)"),
    ([0, np.nan, 1, 1], "contains NaN"),
])
def test_bad_integer_labels(f, y, match):
    with pytest.raises(ValueError, match=match):
        f(Z3, y)


@pytest.mark.parametrize("f", [cross_entropy_one_hot, delta_cross_entropy_one_hot, compute_cost])
@pytest.mark.parametrize("Y, match", [
    (np.array([[1, 0, 0, 1], [0, 1, 0, 0], [0, 0, 0, 0]]), r"columns \[2\] sum to \[0\.0\]"),
    (np.array([[1, 0, 1, 1], [0, 1, 1, 0], [0, 0, 0, 0]]), r"columns \[2\] sum to \[2\.0\]"),
    (np.array([[0.5, 0, 0, 1], [0.5, 1, 1, 0], [0, 0, 0, 0]]), r"entries 0 or 1, found \[0\.5\]"),
])
def test_bad_one_hot_labels(f, Y, match):
    with pytest.raises(ValueError, match=match):
        f(Z3, Y)


def test_one_hot_shape_mismatch_names_both_shapes():
    with pytest.raises(ValueError, match=r"Z has shape \(3, 4\) and Y has shape \(3, 5\)"):
        cross_entropy_one_hot(Z3, one_hot([0] * 5, 3))
    with pytest.raises(ValueError, match=r"Z has shape \(3, 4\) and Y has shape \(2, 4\)"):
        delta_cross_entropy_one_hot(Z3, one_hot([0] * 4, 2))


def test_bad_scores_and_parameters():
    with pytest.raises(ValueError, match="Z contains inf"):
        softmax(np.array([[np.inf], [0.0]]))
    with pytest.raises(ValueError, match="2-D"):
        softmax(np.zeros(3))
    with pytest.raises(ValueError, match="one column of scores"):
        softmax_jacobian(np.zeros((3, 2)))
    X = np.zeros((4, 5))
    with pytest.raises(ValueError, match=r'parameters\["W"\] has shape \(3, 2\) and X has shape'):
        forward_propagation(X, {"W": np.zeros((3, 2)), "b": np.zeros((3, 1))})
    with pytest.raises(ValueError, match=r'"b"\] has shape \(2, 1\), expected \(3, 1\)'):
        predict({"W": np.zeros((3, 4)), "b": np.zeros((2, 1))}, X)
    with pytest.raises(ValueError, match=r'X has shape \(4, 5\) and cache\["Z"\] has shape'):
        backward_propagation(X, [0] * 5, {"Z": np.zeros((3, 6))})
    with pytest.raises(ValueError, match="integer class labels 0..2"):
        model(X, [0, 1, 2, 3, 0], n_y=3)
    with pytest.raises(ValueError, match="integer class labels"):
        model(X, [0, 1, 2, -1, 0])
    with pytest.raises(ValueError, match=r"C must be a positive integer"):
        one_hot([0], 0)
    with pytest.raises(ValueError, match="learning_rate contains NaN"):
        model(X, [0] * 5, learning_rate=np.nan)


# ---- the proofs notice a wrong nnlit -------------------------------------------------

def _run_proof(name):
    from derivations import load

    return next(p for p in load() if p.name == name and p.chapter == "softmax").run()


def test_proofs_catch_a_global_sum_and_a_missing_one_over_m(monkeypatch):
    import derivations.softmax as proofs

    def global_sum(Z):
        E = np.exp(Z - Z.max(axis=0))
        return E / E.sum()

    monkeypatch.setattr(proofs, "softmax", global_sum)
    ok, message, _ = _run_proof("softmax_is_a_distribution_per_column")
    assert not ok and "softmax" in message
    monkeypatch.setattr(proofs, "delta_cross_entropy", lambda Z, y: delta_cross_entropy(Z, y) * 6)
    ok, message, _ = _run_proof("gradient_is_a_minus_y")
    assert not ok and "delta_cross_entropy" in message
    monkeypatch.setattr(proofs, "softmax_jacobian", lambda z: softmax_jacobian(z).T * 1.01)
    ok, message, _ = _run_proof("jacobian_of_softmax")
    assert not ok and "softmax_jacobian" in message


@pytest.mark.parametrize(
    ("parameters", "grads", "match"),
    [({"W": np.ones((2, 3))}, {"dW": np.ones((2, 3)), "db": np.ones((2, 1))},
      r"parameters is missing the key\(s\) \['b'\]"),
     ({"W": np.ones((2, 3)), "b": np.ones((2, 1))}, {"dW": np.ones((2, 3))},
      r"grads is missing the key\(s\) \['db'\]"),
     ({"W": np.ones((2, 3)), "b": np.ones((2, 1))}, {"dW": np.ones((3, 2)), "db": np.ones((2, 1))},
      r'grads\["dW"\] has shape \(3, 2\), expected \(2, 3\)'),
     ([1, 2], {}, "parameters must be a dict")],
)
def test_update_parameters_rejects_missing_keys_and_shapes(parameters, grads, match):
    from nnlit.softmax import forward_propagation, update_parameters

    with pytest.raises(ValueError, match=match):
        update_parameters(parameters, grads, 0.1)
    if isinstance(parameters, dict) and "b" not in parameters:
        with pytest.raises(ValueError, match=match):
            forward_propagation(np.ones((3, 4)), parameters)


@pytest.mark.parametrize(("cache", "match"), [({}, r"cache is missing the key\(s\) \['Z'\]"),
                                               (np.zeros((2, 3)), "cache must be a dict")])
def test_backward_propagation_rejects_a_bad_cache(cache, match):
    from nnlit.softmax import backward_propagation

    with pytest.raises(ValueError, match=match):
        backward_propagation(np.ones((4, 3)), [0, 1, 1], cache)


# ---- two classes and the temperature -----------------------------------------

from nnlit.activations import sigmoid  # noqa: E402
from nnlit.logistic import optimize  # noqa: E402
from nnlit.softmax import as_logistic, softmax_entropy, softmax_with_temperature  # noqa: E402


def test_two_class_softmax_is_the_sigmoid_of_the_difference():
    Z = np.random.default_rng(20).normal(0, 5, (2, 30))
    np.testing.assert_allclose(softmax(Z)[1], sigmoid(Z[1] - Z[0]), rtol=1e-13)


def test_as_logistic_reads_off_the_differences_and_training_agrees():
    rng = np.random.default_rng(21)
    X, y = rng.normal(size=(4, 25)), rng.integers(0, 2, (1, 25))
    start = initialize_parameters(4, 2, rng=3)
    w0, b0 = as_logistic(start)
    np.testing.assert_array_equal(w0[:, 0], start["W"][1] - start["W"][0])
    soft, _ = model(X, y, n_y=2, num_iterations=30, learning_rate=0.2, rng=3)
    logi, _, _ = optimize(w0, b0, X, y, num_iterations=30, learning_rate=0.4)
    w, b = as_logistic(soft)
    np.testing.assert_allclose(w, logi["w"], rtol=1e-10, atol=1e-13)
    np.testing.assert_allclose(b, logi["b"], rtol=1e-10, atol=1e-13)
    # with the same rate (not 2 alpha) they part: the factor 2 is real
    half, _, _ = optimize(w0, b0, X, y, num_iterations=30, learning_rate=0.2)
    assert np.abs(w - half["w"]).max() > 1e-3
    # w_1 + w_2 never moves
    np.testing.assert_allclose(soft["W"].sum(axis=0), start["W"].sum(axis=0), atol=1e-14)


@pytest.mark.parametrize("params, match", [
    ({"W": np.ones((3, 2)), "b": np.zeros((3, 1))}, r"\(3, 2\).*\(2, n_x\)"),
    ({"W": np.ones((2, 2)), "b": np.zeros((1, 1))}, r"\(1, 1\).*\(2, 1\)"),
    ({"W": np.ones((2, 2))}, "missing"),
])
def test_as_logistic_rejects_other_shapes(params, match):
    with pytest.raises(ValueError, match=match):
        as_logistic(params)


def test_temperature_one_is_softmax_and_order_is_kept():
    Z = np.random.default_rng(22).normal(0, 3, (5, 8))
    np.testing.assert_allclose(softmax_with_temperature(Z), softmax(Z), rtol=1e-15)
    for T in (0.01, 0.3, 3.0, 1e4):
        A = softmax_with_temperature(Z, T)
        np.testing.assert_allclose(A.sum(axis=0), 1.0, rtol=1e-12)
        np.testing.assert_array_equal(np.argmax(A, axis=0), np.argmax(Z, axis=0))
        np.testing.assert_allclose(A, softmax(Z / T), rtol=1e-12)


def test_temperature_limits_and_extreme_values():
    Z = np.array([[3.0, -1.0], [1.0, 2.0], [0.0, 1.5]])
    np.testing.assert_allclose(softmax_with_temperature(Z, 1e-4), one_hot([0, 1], 3), atol=1e-12)
    np.testing.assert_allclose(softmax_with_temperature(Z, 1e9), 1 / 3, rtol=1e-8)
    # scores beyond the float range once divided by a tiny T: still a distribution
    A = softmax_with_temperature(np.array([[1e300], [-1e300]]), 1e-10)
    np.testing.assert_array_equal(A, [[1.0], [0.0]])
    assert np.isfinite(softmax_entropy(np.array([[1e300], [-1e300]]), 1e-10)).all()


def test_entropy_is_between_zero_and_log_c_and_grows_with_t():
    Z = np.random.default_rng(23).normal(0, 2, (4, 6))
    temperatures = np.geomspace(0.01, 1000, 80)
    H = np.vstack([softmax_entropy(Z, T) for T in temperatures])
    assert np.all(np.diff(H, axis=0) > 0)
    assert H.min() >= 0 and H.max() <= np.log(4)
    A = softmax(Z)
    np.testing.assert_allclose(softmax_entropy(Z)[0], -np.sum(A * np.log(A), axis=0), rtol=1e-12)
    # equal scores: uniform at every temperature, entropy log C
    np.testing.assert_allclose(softmax_entropy(np.zeros((4, 1)), 0.1), np.log(4), rtol=1e-15)


@pytest.mark.parametrize("T", [0.0, -1.0, np.inf, np.nan, [1.0, 2.0]])
def test_temperature_must_be_a_positive_number(T):
    with pytest.raises(ValueError, match="temperature"):
        softmax_with_temperature(np.zeros((2, 1)), T)
    with pytest.raises(ValueError, match="temperature"):
        softmax_entropy(np.zeros((2, 1)), T)
