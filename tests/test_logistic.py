import numpy as np
import pytest

from nnlit.activations import sigmoid
from nnlit.logistic import initialize_with_zeros, model, optimize, predict, propagate
from tests.conftest import central_difference

# The course's published expected outputs.
W, B = np.array([[1.0], [2.0]]), 2.0
X = np.array([[1.0, 2.0, -1.0], [3.0, 4.0, -3.2]])
Y = np.array([[1, 0, 1]])


def reference_cost(w, b, X, Y):
    """Equations (1), (2), (3), (6) typed in literally (fine for moderate z)."""
    A = 1 / (1 + np.exp(-(w.T @ X + b)))
    return float(-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / X.shape[1])


def random_problem(n=4, m=7, seed=0):
    rng = np.random.default_rng(seed)
    return (rng.normal(size=(n, 1)), float(rng.normal()), rng.normal(size=(n, m)),
            rng.integers(0, 2, (1, m)))


def test_initialize_with_zeros():
    w, b = initialize_with_zeros(5)
    assert w.shape == (5, 1) and w.dtype == np.float64 and not w.any()
    assert isinstance(b, float) and b == 0.0
    assert initialize_with_zeros(3, dtype=np.float32)[0].dtype == np.float32
    for bad in (0, -1, 2.5, True, "3"):
        with pytest.raises(ValueError, match="positive integer"):
            initialize_with_zeros(bad)


def test_propagate_reproduces_the_course_values():
    grads, cost = propagate(W, B, X, Y)
    np.testing.assert_allclose(grads["dw"], [[0.99845601], [2.39507239]], rtol=1e-8)
    assert grads["db"] == pytest.approx(0.00145557813678, rel=1e-9)
    assert cost == pytest.approx(5.801545319394553, rel=1e-12)
    assert grads["dw"].shape == (2, 1) and isinstance(grads["db"], float)
    assert isinstance(cost, float)


@pytest.mark.parametrize("n, m, seed", [(1, 1, 0), (3, 5, 1), (4, 4, 7), (6, 40, 2)])
def test_propagate_gradients_match_central_differences(n, m, seed):
    w, b, Xr, Yr = random_problem(n, m, seed)
    grads, cost = propagate(w, b, Xr, Yr)
    assert cost == pytest.approx(reference_cost(w, b, Xr, Yr), rel=1e-12)
    num_dw = central_difference(lambda v: propagate(v, b, Xr, Yr)[1], w)
    num_db = central_difference(lambda v: propagate(w, v, Xr, Yr)[1], np.array(b))
    np.testing.assert_allclose(grads["dw"], num_dw, rtol=1e-7, atol=1e-9)
    assert grads["db"] == pytest.approx(float(num_db), rel=1e-7, abs=1e-9)


def test_propagate_is_finite_when_predictions_saturate():
    grads, cost = propagate(np.array([[1e3]]), 0.0, np.array([[5.0, -5.0]]), np.array([[0, 1]]))
    assert cost == pytest.approx(5e3, rel=1e-15)
    np.testing.assert_allclose(grads["dw"], [[5.0]])
    assert grads["db"] == 0.0


def test_float32_is_kept_through_training():
    w, b = initialize_with_zeros(2, dtype=np.float32)
    X32 = X.astype(np.float32)
    grads, _ = propagate(w, b, X32, Y)
    assert grads["dw"].dtype == np.float32
    params, _, _ = optimize(w, b, X32, Y, num_iterations=10)
    assert params["w"].dtype == np.float32
    assert predict(params["w"], params["b"], X32).dtype == np.float32


@pytest.mark.parametrize("method", ["auto", "primal", "dual"])
def test_optimize_reproduces_the_course_values(method):
    params, grads, costs = optimize(W, B, X, Y, num_iterations=100, learning_rate=0.009,
                                    method=method)
    np.testing.assert_allclose(params["w"], [[0.19033591], [0.12259159]], rtol=1e-7)
    assert params["b"] == pytest.approx(1.92535983008, rel=1e-10)
    np.testing.assert_allclose(grads["dw"], [[0.67752042], [1.41625495]], rtol=1e-7)
    assert grads["db"] == pytest.approx(0.219194504541, rel=1e-10)
    assert costs == [pytest.approx(5.801545319394553, rel=1e-12)]


def test_optimize_records_the_cost_every_100_iterations_before_the_step():
    w, b, Xr, Yr = random_problem(3, 20, 3)
    params, grads, costs = optimize(w, b, Xr, Yr, num_iterations=250, learning_rate=0.1)
    assert len(costs) == 3
    # replay gradient descent by hand and compare the cost at 0, 100 and 200
    wk, bk, seen = w.copy(), b, []
    for i in range(250):
        g, c = propagate(wk, bk, Xr, Yr)
        if i % 100 == 0:
            seen.append(c)
        wk, bk = wk - 0.1 * g["dw"], bk - 0.1 * g["db"]
    np.testing.assert_allclose(costs, seen, rtol=1e-13)
    np.testing.assert_allclose(params["w"], wk, rtol=1e-13)
    np.testing.assert_allclose(grads["dw"], g["dw"], rtol=1e-13)  # last, before its step


def test_optimize_lowers_the_cost_and_leaves_its_inputs_alone():
    w, b, Xr, Yr = random_problem(3, 30, 4)
    w0 = w.copy()
    params, _, costs = optimize(w, b, Xr, Yr, num_iterations=500, learning_rate=0.1)
    assert np.all(np.diff(costs) < 0)
    np.testing.assert_array_equal(w, w0)


def test_optimize_with_zero_iterations_returns_the_start():
    params, grads, costs = optimize(W, B, X, Y, num_iterations=0)
    np.testing.assert_array_equal(params["w"], W)
    assert costs == [] and grads["db"] == 0.0


def test_predict_reproduces_the_course_values_and_thresholds_strictly():
    w, b = np.array([[0.1124579], [0.23106775]]), -0.3
    Xp = np.array([[1.0, -1.1, -3.2], [1.2, 2.0, 0.1]])
    pred = predict(w, b, Xp)
    np.testing.assert_array_equal(pred, [[1.0, 1.0, 0.0]])
    assert pred.shape == (1, 3) and pred.dtype == np.float64
    # a = 0.5 exactly is not above the threshold
    np.testing.assert_array_equal(predict(np.zeros((2, 1)), 0.0, Xp), [[0.0, 0.0, 0.0]])
    # and it agrees with thresholding sigmoid by hand
    w, b, Xr, _ = random_problem(4, 50, 5)
    np.testing.assert_array_equal(predict(w, b, Xr), sigmoid(w.T @ Xr + b) > 0.5)


def test_model_returns_the_course_dictionary(capsys):
    w, b, Xr, Yr = random_problem(3, 40, 6)
    Yr = (w.T @ Xr + b > 0).astype(int)  # separable labels
    d = model(Xr, Yr, Xr[:, :10], Yr[:, :10], num_iterations=300, learning_rate=0.5,
              print_cost=True)
    assert set(d) == {"costs", "Y_prediction_test", "Y_prediction_train", "w", "b",
                      "learning_rate", "num_iterations"}
    assert d["Y_prediction_train"].shape == (1, 40) and d["Y_prediction_test"].shape == (1, 10)
    assert d["w"].shape == (3, 1) and len(d["costs"]) == 3
    assert d["learning_rate"] == 0.5 and d["num_iterations"] == 300
    assert np.mean(d["Y_prediction_train"] == Yr) > 0.95
    out = capsys.readouterr().out
    assert "Cost after iteration 0:" in out and "Cost after iteration 200:" in out
    assert "train accuracy:" in out and "test accuracy:" in out


def test_model_learns_breast_cancer():
    from nnlit.data import load_breast_cancer

    X_train, Y_train, X_test, Y_test = load_breast_cancer(rng=0)
    d = model(X_train, Y_train, X_test, Y_test)
    assert np.mean(d["Y_prediction_test"] == Y_test) > 0.95
    assert d["costs"][-1] < 0.1 < d["costs"][0]


# ---- bad input -------------------------------------------------------------

@pytest.mark.parametrize("call", [
    lambda: propagate(np.zeros((3, 1)), 0.0, X, Y),
    lambda: propagate(np.zeros((1, 2)), 0.0, X, Y),
    lambda: optimize(np.zeros((3, 1)), 0.0, X, Y),
    lambda: predict(np.zeros((3, 1)), 0.0, X),
])
def test_weight_shape_mismatch_names_both_shapes(call):
    with pytest.raises(ValueError, match=r"w has shape .* and X has shape \(2, 3\)"):
        call()


def test_label_count_mismatch_names_both_shapes():
    with pytest.raises(ValueError, match=r"X has shape \(2, 3\) and Y has shape \(1, 4\)"):
        propagate(W, B, X, np.ones((1, 4)))
    with pytest.raises(ValueError, match=r"X_test has shape \(2, 3\) and Y_test has shape"):
        model(X, Y, X, np.ones((1, 2)))
    with pytest.raises(ValueError, match=r"X_test has shape \(3, 3\), expected \(2, 'any'\)"):
        model(X, Y, np.ones((3, 3)), Y)


def test_non_2d_inputs_are_rejected():
    with pytest.raises(ValueError, match="2-D"):
        propagate(W, B, X[0], Y)
    with pytest.raises(ValueError, match="2-D"):
        propagate(W, B, X, Y[0])
    with pytest.raises(ValueError, match="2-D"):
        predict(W.ravel(), B, X)


@pytest.mark.parametrize("bad", [np.nan, np.inf])
def test_non_finite_inputs_are_rejected(bad):
    Xb = X.copy()
    Xb[0, 1] = bad
    with pytest.raises(ValueError, match="X contains"):
        propagate(W, B, Xb, Y)
    with pytest.raises(ValueError, match="b contains"):
        propagate(W, bad, X, Y)


def test_labels_must_be_0_or_1_and_booleans_are_accepted():
    with pytest.raises(ValueError, match=r"\{0, 1\}, found \[2.0\]"):
        propagate(W, B, X, [[1, 2, 0]])
    g_bool, c_bool = propagate(W, B, X, np.array([[True, False, True]]))
    g_int, c_int = propagate(W, B, X, Y)
    assert c_bool == c_int
    np.testing.assert_array_equal(g_bool["dw"], g_int["dw"])


def test_bad_hyperparameters_are_rejected():
    with pytest.raises(ValueError, match="non-negative integer"):
        optimize(W, B, X, Y, num_iterations=-1)
    with pytest.raises(ValueError, match="learning_rate contains NaN"):
        optimize(W, B, X, Y, learning_rate=np.nan)
    with pytest.raises(ValueError, match="b must be a scalar"):
        propagate(W, np.zeros(2), X, Y)


def test_model_trains_on_the_training_set_only():
    w, b, Xr, Yr = random_problem(3, 60, 8)
    X_test, Y_test = Xr[:, :15] * 2, 1 - Yr[:, :15]
    d = model(Xr, Yr, X_test, Y_test, num_iterations=150, learning_rate=0.3)
    params, _, costs = optimize(np.zeros((3, 1)), 0.0, Xr, Yr, 150, 0.3)
    np.testing.assert_array_equal(d["w"], params["w"])
    assert d["b"] == params["b"] and d["costs"] == costs
    np.testing.assert_array_equal(d["Y_prediction_test"], predict(d["w"], d["b"], X_test))
    np.testing.assert_array_equal(d["Y_prediction_train"], predict(d["w"], d["b"], Xr))


def test_gradients_and_cost_stay_finite_for_huge_features():
    # the true dw is a mean of x * (a - y): bounded by max |x|, so it must be finite
    Xh = np.full((1, 4), 1e308)
    grads, cost = propagate(np.array([[-1.0]]), 0.0, Xh, np.ones((1, 4)))
    np.testing.assert_allclose(grads["dw"], [[-1e308]])
    assert cost == pytest.approx(1e308)
