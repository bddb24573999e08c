import numpy as np
import pytest

from nnlit.activations import relu_backward, sigmoid
from nnlit.deep import (
    L_layer_model,
    L_model_backward,
    L_model_forward,
    compute_cost,
    initialize_parameters_deep,
    linear_activation_backward,
    linear_activation_forward,
    linear_backward,
    linear_forward,
    predict,
    update_parameters,
)
from tests.conftest import central_difference

R = np.random.RandomState  # the course's legacy stream: np.random.seed + randn


# ---- the course's published values ------------------------------------------------

def test_initialize_parameters_deep_reproduces_the_course():
    p = initialize_parameters_deep([5, 4, 3], rng=R(3))
    np.testing.assert_allclose(p["W1"], [
        [0.01788628, 0.0043651, 0.00096497, -0.01863493, -0.00277388],
        [-0.00354759, -0.00082741, -0.00627001, -0.00043818, -0.00477218],
        [-0.01313865, 0.00884622, 0.00881318, 0.01709573, 0.00050034],
        [-0.00404677, -0.0054536, -0.01546477, 0.00982367, -0.01101068]], rtol=0, atol=5e-9)
    np.testing.assert_allclose(p["W2"], [
        [-0.01185047, -0.0020565, 0.01486148, 0.00236716],
        [-0.01023785, -0.00712993, 0.00625245, -0.00160513],
        [-0.00768836, -0.00230031, 0.00745056, 0.01976111]], rtol=0, atol=5e-9)
    assert sorted(p) == ["W1", "W2", "b1", "b2"]
    assert p["b1"].shape == (4, 1) and p["b2"].shape == (3, 1)
    assert not p["b1"].any() and not p["b2"].any()


def test_initialization_is_exactly_seed_then_randn_per_layer():
    dims = [6, 5, 4, 1]
    rs = R(7)
    expected = [rs.randn(dims[k], dims[k - 1]) for k in range(1, len(dims))]
    for scale, factor in [(0.01, lambda n: 0.01), ("xavier", lambda n: 1 / np.sqrt(n)),
                          ("he", lambda n: np.sqrt(2 / n)), (0.5, lambda n: 0.5)]:
        p = initialize_parameters_deep(dims, rng=R(7), scale=scale)
        for k, N in enumerate(expected, start=1):
            np.testing.assert_allclose(p[f"W{k}"], N * factor(dims[k - 1]), rtol=1e-15)


def test_initialization_dtype_and_generators():
    p = initialize_parameters_deep([3, 2, 1], rng=0, dtype=np.float32)
    assert p["W1"].dtype == np.float32 and p["b2"].dtype == np.float32
    q = initialize_parameters_deep([3, 2, 1], rng=np.random.default_rng(0))
    np.testing.assert_allclose(q["W1"], p["W1"], rtol=1e-6)


def test_linear_forward_reproduces_the_course():
    r = R(1)
    A, W, b = r.randn(3, 2), r.randn(1, 3), r.randn(1, 1)
    Z, cache = linear_forward(A, W, b)
    np.testing.assert_allclose(Z, [[3.26295337, -1.23429987]], rtol=1e-8)
    assert all(x is y for x, y in zip(cache, (A, W, b), strict=True))


def test_linear_activation_forward_reproduces_the_course():
    r = R(2)
    A_prev, W, b = r.randn(3, 2), r.randn(1, 3), r.randn(1, 1)
    A, (linear_cache, Z) = linear_activation_forward(A_prev, W, b, "sigmoid")
    np.testing.assert_allclose(A, [[0.96890023, 0.11013289]], rtol=1e-7)
    A, _ = linear_activation_forward(A_prev, W, b, "relu")
    np.testing.assert_allclose(A, [[3.43896131, 0.0]], rtol=1e-8)
    np.testing.assert_allclose(Z, W @ A_prev + b)
    A, _ = linear_activation_forward(A_prev, W, b, "tanh")
    np.testing.assert_allclose(A, np.tanh(W @ A_prev + b))


def test_L_model_forward_reproduces_the_course():
    r = R(6)
    X = r.randn(5, 4)
    params = {}
    for k, (n, n_prev) in enumerate([(4, 5), (3, 4), (1, 3)], start=1):
        params[f"W{k}"], params[f"b{k}"] = r.randn(n, n_prev), r.randn(n, 1)
    AL, caches = L_model_forward(X, params)
    np.testing.assert_allclose(AL, [[0.03921668, 0.70498921, 0.19734387, 0.04728177]],
                               rtol=1e-7)
    assert len(caches) == 3
    (A_prev, W, b), Z = caches[0]
    assert A_prev is X and W is params["W1"]
    np.testing.assert_allclose(caches[2][0][0], np.maximum(caches[1][1], 0))


def test_compute_cost_reproduces_the_course():
    assert compute_cost(np.array([[0.8, 0.9, 0.4]]), np.array([[1, 1, 0]])) == \
        pytest.approx(0.2797765635793422, rel=1e-12)
    # saturated probabilities: finite, about 708 per wrong example
    cost = compute_cost(np.array([[0.0, 1.0]]), np.array([[1, 0]]))
    assert np.isfinite(cost) and cost > 700


def test_linear_backward_reproduces_the_course():
    r = R(1)
    dZ, A, W, b = r.randn(3, 4), r.randn(5, 4), r.randn(3, 5), r.randn(3, 1)
    dA_prev, dW, db = linear_backward(dZ, (A, W, b))
    np.testing.assert_allclose(dA_prev[:2], [
        [-1.15171336, 0.06718465, -0.3204696, 2.09812712],
        [0.60345879, -3.72508701, 5.81700741, -3.84326836]], rtol=1e-7)
    np.testing.assert_allclose(dW[0], [0.07313866, -0.0976715, -0.87585828, 0.73763362,
                                       0.00785716], rtol=1e-6)
    np.testing.assert_allclose(db, [[-0.14713786], [-0.11313155], [-0.13209101]], rtol=1e-7)
    # the older, smaller case of the course
    r = R(1)
    dZ, A, W = r.randn(1, 2), r.randn(3, 2), r.randn(1, 3)
    dA_prev, dW, db = linear_backward(dZ, (A, W, np.zeros((1, 1))))
    np.testing.assert_allclose(dA_prev, [[0.51822968, -0.19517421], [-0.40506361, 0.15255393],
                                         [2.37496825, -0.89445391]], rtol=1e-7)
    np.testing.assert_allclose(dW, [[-0.10076895, 1.40685096, 1.64992505]], rtol=1e-7)
    np.testing.assert_allclose(db, [[0.50629448]], rtol=1e-7)


def test_linear_activation_backward_reproduces_the_course():
    r = R(2)
    dA, A, W, b, Z = r.randn(1, 2), r.randn(3, 2), r.randn(1, 3), r.randn(1, 1), r.randn(1, 2)
    dA_prev, dW, db = linear_activation_backward(dA, ((A, W, b), Z), "sigmoid")
    np.testing.assert_allclose(dA_prev, [[0.11017994, 0.01105339], [0.09466817, 0.00949723],
                                         [-0.05743092, -0.00576154]], rtol=1e-6)
    np.testing.assert_allclose(dW, [[0.10266786, 0.09778551, -0.01968084]], rtol=1e-6)
    np.testing.assert_allclose(db, [[-0.05729622]], rtol=1e-6)
    dA_prev, dW, db = linear_activation_backward(dA, ((A, W, b), Z), "relu")
    np.testing.assert_allclose(dA_prev, [[0.44090989, 0.0], [0.37883606, 0.0],
                                         [-0.2298228, 0.0]], rtol=1e-7)
    np.testing.assert_allclose(dW, [[0.44513824, 0.37371418, -0.10478989]], rtol=1e-7)
    np.testing.assert_allclose(db, [[-0.20837892]], rtol=1e-7)


def test_the_course_backward_case():
    # The course's L_model_backward case draws AL from randn, unrelated to its
    # cached Z2 (and above 1), so dAL * sigma'(Z2) is not AL - Y there: the
    # general start value must be used, through L_model_backward itself and
    # through the building blocks alike.
    r = R(3)
    AL, Y = r.randn(1, 2), np.array([[1, 0]])
    A1, W1, b1, Z1 = r.randn(4, 2), r.randn(3, 4), r.randn(3, 1), r.randn(3, 2)
    A2, W2, b2, Z2 = r.randn(3, 2), r.randn(1, 3), r.randn(1, 1), r.randn(1, 2)
    dAL = -(Y / AL - (1 - Y) / (1 - AL))
    dA1, _, _ = linear_activation_backward(dAL, ((A2, W2, b2), Z2), "sigmoid")
    _, dW1, db1 = linear_activation_backward(dA1, ((A1, W1, b1), Z1), "relu")
    grads = L_model_backward(AL, Y, [((A1, W1, b1), Z1), ((A2, W2, b2), Z2)])
    published = {
        "dW1": [[0.41010002, 0.07807203, 0.13798444, 0.10502167], [0, 0, 0, 0],
                [0.05283652, 0.01005865, 0.01777766, 0.0135308]],
        "db1": [[-0.22007063], [0], [-0.02835349]],
        "dA1": [[0.12913162, -0.44014127], [-0.14175655, 0.48317296],
                [0.01663708, -0.05670698]],
    }
    for key, got in (("dW1", dW1), ("db1", db1), ("dA1", dA1)):
        np.testing.assert_allclose(got, published[key], rtol=1e-6, atol=1e-12)
        np.testing.assert_allclose(grads[key], published[key], rtol=1e-6, atol=1e-12)


def test_start_value_is_exactly_AL_minus_Y_after_a_forward_pass():
    rng = np.random.default_rng(8)
    X, Y = rng.normal(size=(3, 50)) * 30, (rng.random((1, 50)) > 0.5).astype(float)
    params = initialize_parameters_deep([3, 4, 1], rng=1, scale=5.0)
    AL, caches = L_model_forward(X, params)
    assert np.any(AL == 0) or np.any(AL == 1)  # saturated somewhere
    grads = L_model_backward(AL, Y, caches)
    dZL = AL - Y
    np.testing.assert_array_equal(grads["db2"], dZL.sum(axis=1, keepdims=True) / 50)
    assert all(np.all(np.isfinite(g)) for g in grads.values())


def test_an_AL_that_saturates_where_the_cache_does_not_is_rejected():
    X, Y = np.array([[1.0, 2.0]]), np.array([[1.0, 0.0]])
    params = initialize_parameters_deep([1, 2, 1], rng=0)
    AL, caches = L_model_forward(X, params)
    with pytest.raises(ValueError, match="dAL of the backward pass is infinite"):
        L_model_backward(np.array([[0.0, 0.5]]), Y, caches)
    with pytest.raises(ValueError, match="dAL of the backward pass is infinite"):
        L_model_backward(np.array([[0.5, 1.0]]), Y, caches)
    # a zero probability of a zero label is harmless
    assert np.all(np.isfinite(L_model_backward(np.array([[0.5, 0.0]]), Y, caches)["dW1"]))


def test_update_parameters_reproduces_the_course():
    r = R(2)
    p = {"W1": r.randn(3, 4), "b1": r.randn(3, 1), "W2": r.randn(1, 3), "b2": r.randn(1, 1)}
    r = R(3)
    g = {"dW1": r.randn(3, 4), "db1": r.randn(3, 1), "dW2": r.randn(1, 3), "db2": r.randn(1, 1)}
    before = {k: v.copy() for k, v in p.items()}
    new = update_parameters(p, g, 0.1)
    np.testing.assert_allclose(new["W1"][0], [-0.59562069, -0.09991781, -2.14584584,
                                              1.82662008], rtol=1e-7)
    np.testing.assert_allclose(new["b1"], [[-0.04659241], [-1.28888275], [0.53405496]],
                               rtol=1e-7)
    np.testing.assert_allclose(new["W2"], [[-0.55569196, 0.0354055, 1.32964895]], rtol=1e-7)
    np.testing.assert_allclose(new["b2"], [[-0.84610769]], rtol=1e-7)
    for k in p:  # the input is left alone
        np.testing.assert_array_equal(p[k], before[k])


# ---- gradients ---------------------------------------------------------------------

def random_network(depth, seed, m=7):
    rng = np.random.default_rng(seed)
    dims = [int(n) for n in rng.integers(1, 5, depth)] + [1]
    params = initialize_parameters_deep(dims, rng=rng, scale=1.0)
    for k in range(1, depth + 1):
        params[f"b{k}"] = rng.normal(size=params[f"b{k}"].shape)
    X = rng.normal(size=(dims[0], m))
    Y = rng.integers(0, 2, (1, m))
    return params, X, Y


def cost_of(params, X, Y, hidden):
    AL, caches = L_model_forward(X, params, hidden)
    return compute_cost(AL, Y)


@pytest.mark.parametrize("hidden", ["relu", "sigmoid", "tanh"])
@pytest.mark.parametrize("depth", [1, 2, 3, 4, 5])
def test_backward_pass_matches_central_differences(depth, hidden):
    params, X, Y = random_network(depth, seed=10 * depth + len(hidden))
    AL, caches = L_model_forward(X, params, hidden)
    grads = L_model_backward(AL, Y, caches, hidden)
    assert sorted(grads) == sorted([f"dA{k}" for k in range(depth)]
                                   + [f"d{p}{k}" for p in "Wb" for k in range(1, depth + 1)])
    for key, value in params.items():
        def f(v, key=key):
            return cost_of({**params, key: v}, X, Y, hidden)
        np.testing.assert_allclose(grads["d" + key], central_difference(f, value),
                                   rtol=1e-6, atol=1e-8, err_msg=f"d{key}, depth {depth}")
    # dA0 is m times the gradient with respect to the input X (per-example scale)
    m = X.shape[1]
    num_dX = central_difference(lambda v: cost_of(params, v, Y, hidden), X)
    np.testing.assert_allclose(grads["dA0"] / m, num_dX, rtol=1e-6, atol=1e-8)
    for k in range(depth):  # every dA has the shape of its activation
        assert grads[f"dA{k}"].shape == caches[k][0][0].shape


def test_square_layers_catch_a_missing_transpose():
    # with square W, W dZ has the right shape, so only the values can tell
    rng = np.random.default_rng(3)
    params = initialize_parameters_deep([3, 3, 3, 1], rng=rng, scale=1.0)
    X, Y = rng.normal(size=(3, 3)), np.array([[1, 0, 1]])
    AL, caches = L_model_forward(X, params, "tanh")
    grads = L_model_backward(AL, Y, caches, "tanh")
    num = central_difference(lambda v: cost_of({**params, "W1": v}, X, Y, "tanh"), params["W1"])
    np.testing.assert_allclose(grads["dW1"], num, rtol=1e-6, atol=1e-9)


def test_start_value_times_sigmoid_slope_is_a_minus_y():
    params, X, Y = random_network(3, seed=5)
    AL, caches = L_model_forward(X, params)
    grads = L_model_backward(AL, Y, caches)
    dAL = -(Y / AL - (1 - Y) / (1 - AL))  # the course's start, fine while AL is in (0, 1)
    dA_prev, dW, db = linear_activation_backward(dAL, caches[-1], "sigmoid")
    np.testing.assert_allclose(grads["dW3"], dW, rtol=1e-10)
    np.testing.assert_allclose(grads["db3"], db, rtol=1e-10)
    np.testing.assert_allclose(grads["dA2"], dA_prev, rtol=1e-10)


def test_gradients_stay_finite_when_the_output_saturates():
    rng = np.random.default_rng(4)
    params = initialize_parameters_deep([4, 5, 3, 1], rng=rng, scale=30.0)
    X, Y = rng.normal(size=(4, 20)) * 10, rng.integers(0, 2, (1, 20))
    AL, caches = L_model_forward(X, params)
    assert np.any(AL == 0.0) and np.any(AL == 1.0)  # saturated to exactly 0 and 1
    with np.errstate(divide="ignore", invalid="ignore"):  # what the course's start gives
        dAL = -(Y / AL - (1 - Y) / (1 - AL))
    assert not np.all(np.isfinite(dAL))
    grads = L_model_backward(AL, Y, caches)
    assert all(np.all(np.isfinite(g)) for g in grads.values())
    np.testing.assert_allclose(grads["db3"], np.mean(AL - Y, keepdims=True).reshape(1, 1))
    # and the training loop's cost stays finite
    _, costs = L_layer_model(X, Y, [4, 5, 3, 1], num_iterations=3, rng=4, scale=30.0,
                             learning_rate=0.001)
    assert all(np.isfinite(costs))


def test_relu_backward_is_zero_at_the_boundary():
    # relu'(0) is taken as 0: a unit sitting exactly at 0 passes no gradient
    dZ = relu_backward(np.array([[1.0, 1.0, 1.0]]), np.array([[-1.0, 0.0, 1.0]]))
    np.testing.assert_array_equal(dZ, [[0.0, 0.0, 1.0]])
    # in a network: a hidden unit whose Z is exactly 0 on every example gets no dW
    params = {"W1": np.array([[0.0], [1.0]]), "b1": np.zeros((2, 1)),
              "W2": np.array([[1.0, 1.0]]), "b2": np.zeros((1, 1))}
    X, Y = np.array([[1.0, 2.0]]), np.array([[0, 1]])
    AL, caches = L_model_forward(X, params)
    grads = L_model_backward(AL, Y, caches)
    np.testing.assert_array_equal(grads["dW1"][0], [0.0])
    np.testing.assert_array_equal(grads["db1"][0], [0.0])


# ---- training and prediction -------------------------------------------------------

@pytest.mark.parametrize("method", ["auto", "primal", "dual"])
def test_L_layer_model_records_costs_and_replays_by_hand(capsys, method):
    rng = np.random.default_rng(8)
    X, Y = rng.normal(size=(3, 30)), rng.integers(0, 2, (1, 30))
    params, costs = L_layer_model(X, Y, [3, 4, 2, 1], learning_rate=0.1, num_iterations=250,
                                  rng=R(1), scale="he", print_cost=True, method=method)
    assert len(costs) == 4  # iterations 0, 100, 200 and the last one, 249
    p = initialize_parameters_deep([3, 4, 2, 1], rng=R(1), scale="he")
    seen = []
    for i in range(250):
        AL, caches = L_model_forward(X, p)
        if i % 100 == 0 or i == 249:
            seen.append(compute_cost(AL, Y))
        p = update_parameters(p, L_model_backward(AL, Y, caches), 0.1)
    np.testing.assert_allclose(costs, seen, rtol=1e-12)
    for k in p:
        np.testing.assert_allclose(params[k], p[k], rtol=1e-12)
    out = capsys.readouterr().out
    assert "Cost after iteration 0:" in out and "Cost after iteration 249:" in out
    assert costs[-1] < costs[0]


def test_L_layer_model_with_zero_iterations_and_float32():
    X, Y = np.ones((2, 3), dtype=np.float32), np.array([[1, 0, 1]])
    params, costs = L_layer_model(X, Y, [2, 2, 1], num_iterations=0, rng=0)
    assert costs == [] and params["W1"].dtype == np.float32
    params, costs = L_layer_model(X, Y, [2, 2, 1], num_iterations=5, rng=0)
    assert params["W2"].dtype == np.float32 and len(costs) == 2
    AL, caches = L_model_forward(X, params)
    assert AL.dtype == np.float32
    assert L_model_backward(AL, Y, caches)["dW1"].dtype == np.float32


def test_predict_thresholds_the_output():
    params, X, _ = random_network(3, seed=9, m=50)
    AL, _ = L_model_forward(X, params)
    np.testing.assert_array_equal(predict(X, params), (AL > 0.5).astype(float))
    p = {"W1": np.zeros((1, 2)), "b1": np.zeros((1, 1))}  # a = 0.5 exactly: label 0
    np.testing.assert_array_equal(predict(np.ones((2, 3)), p), [[0.0, 0.0, 0.0]])


def test_deep_network_learns_digits():
    from nnlit.data import load_digits, standardize

    X_train, Y_train, X_test, Y_test = load_digits(classes=(1, 8))
    X_train, X_test = standardize(X_train, X_test)
    params, costs = L_layer_model(X_train, Y_train, [64, 16, 8, 1], learning_rate=0.05,
                                  num_iterations=600, rng=1, scale="he")
    assert costs[-1] < 0.05 < costs[0]
    assert np.mean(predict(X_test, params) == Y_test) > 0.95


def test_small_init_shrinks_relu_activations_layer_after_layer():
    rng = np.random.default_rng(2)
    X = rng.normal(size=(64, 500))
    spread = {}
    for scale in (0.01, "he"):
        params = initialize_parameters_deep([64, 64, 64, 64, 64, 1], rng=0, scale=scale)
        _, caches = L_model_forward(X, params)
        spread[scale] = [np.sqrt(np.mean(c[0][0] ** 2)) for c in caches]
    ratios = np.array(spread[0.01][1:]) / np.array(spread[0.01][:-1])
    np.testing.assert_allclose(ratios, np.sqrt(64 * 0.01 ** 2 / 2), rtol=0.2)  # (D5)
    he = np.array(spread["he"])
    assert np.all(np.abs(he[1:] / he[:-1] - 1) < 0.25)


# ---- bad input ---------------------------------------------------------------------

@pytest.mark.parametrize("dims, match", [
    ([5], "at least two sizes"),
    ([5, 0, 1], r"layer_dims\[1\] must be a positive integer"),
    ([5, 2.5, 1], "positive integer"),
    ("541", "list of positive integers"),
])
def test_bad_layer_dims(dims, match):
    with pytest.raises(ValueError, match=match):
        initialize_parameters_deep(dims)


@pytest.mark.parametrize("scale", ["lecun", 0.0, -1.0, np.nan, True, None])
def test_bad_scale_lists_the_choices(scale):
    with pytest.raises(ValueError, match=r"positive number .* one of: 'xavier', 'he'"):
        initialize_parameters_deep([3, 2, 1], scale=scale)


def test_unknown_activation_lists_the_valid_names():
    A, W, b = np.ones((2, 3)), np.ones((1, 2)), np.zeros((1, 1))
    msg = r"unknown activation 'softplus'; expected one of: 'relu', 'sigmoid', 'tanh'"
    with pytest.raises(ValueError, match=msg):
        linear_activation_forward(A, W, b, "softplus")
    with pytest.raises(ValueError, match=msg):
        linear_activation_backward(np.ones((1, 3)), ((A, W, b), np.ones((1, 3))), "softplus")
    with pytest.raises(ValueError, match=msg):
        L_model_forward(A, {"W1": W, "b1": b}, "softplus")


def test_shape_errors_name_the_layer_and_both_shapes():
    params = initialize_parameters_deep([4, 3, 2, 1], rng=0)
    with pytest.raises(ValueError, match=r"layer 1: W1 has shape \(3, 4\) and X has shape "
                                         r"\(5, 2\)"):
        L_model_forward(np.ones((5, 2)), params)
    bad = {**params, "W2": np.ones((2, 4))}
    with pytest.raises(ValueError, match=r"layer 2: W2 has shape \(2, 4\) and A1 has shape "
                                         r"\(3, 2\)"):
        L_model_forward(np.ones((4, 2)), bad)
    with pytest.raises(ValueError, match=r"layer 3: b3 has shape \(2, 1\) and W3 has shape"):
        predict(np.ones((4, 2)), {**params, "b3": np.zeros((2, 1))})
    with pytest.raises(ValueError, match=r"parameters is missing the key\(s\) \['b2'\]; "
                                         r"expected \['W1', 'b1', 'W2', 'b2', 'W3', 'b3'\]"):
        L_model_forward(np.ones((4, 2)), {k: v for k, v in params.items() if k != "b2"})
    with pytest.raises(ValueError, match=r"layers_dims\[0\] is 5 and X has shape \(4, 3\)"):
        L_layer_model(np.ones((4, 3)), np.ones((1, 3)), [5, 2, 1])
    with pytest.raises(ValueError, match="must end with 1"):
        L_layer_model(np.ones((4, 3)), np.ones((1, 3)), [4, 2, 2])
    with pytest.raises(ValueError, match=r"W has shape \(1, 2\) and A_prev has shape \(3, 2\)"):
        linear_forward(np.ones((3, 2)), np.ones((1, 2)), np.zeros((1, 1)))
    with pytest.raises(ValueError, match=r"dZ has shape \(2, 2\) and W has shape \(1, 3\)"):
        linear_backward(np.ones((2, 2)), (np.ones((3, 2)), np.ones((1, 3)), np.zeros((1, 1))))
    with pytest.raises(ValueError, match=r"dA has shape \(1, 3\) and Z has shape \(1, 2\)"):
        linear_activation_backward(np.ones((1, 3)), ((np.ones((3, 2)), np.ones((1, 3)),
                                                      np.zeros((1, 1))), np.ones((1, 2))),
                                   "relu")


def test_backward_rejects_caches_that_do_not_chain():
    params = initialize_parameters_deep([4, 3, 2, 1], rng=0)
    X, Y = np.ones((4, 5)), np.ones((1, 5))
    AL, caches = L_model_forward(X, params)
    with pytest.raises(ValueError, match=r"layer 2: the cached input has shape \(4, 5\) "
                                         r"and Z1 has shape \(3, 5\)"):
        L_model_backward(AL, Y, [caches[0], ((X, params["W1"], params["b1"]), caches[0][1]),
                                 caches[2]])
    with pytest.raises(ValueError, match=r"AL has shape \(1, 4\) and Z3 has shape \(1, 5\)"):
        L_model_backward(AL[:, :4], Y[:, :4], caches)
    with pytest.raises(ValueError, match=r"X has shape|AL has shape \(1, 5\) and Y has shape"):
        L_model_backward(AL, np.ones((1, 4)), caches)
    with pytest.raises(ValueError, match=r"\{0, 1\}"):
        L_model_backward(AL, np.full((1, 5), 0.5), caches)
    with pytest.raises(ValueError, match="caches must be"):
        L_model_backward(AL, Y, [])


def test_non_finite_and_bad_hyperparameters_are_rejected():
    params = initialize_parameters_deep([2, 2, 1], rng=0)
    X = np.array([[1.0, np.nan], [0.0, 1.0]])
    with pytest.raises(ValueError, match="X contains NaN"):
        L_model_forward(X, params)
    with pytest.raises(ValueError, match="learning_rate contains inf"):
        update_parameters(params, {"dW1": params["W1"], "db1": params["b1"],
                                   "dW2": params["W2"], "db2": params["b2"]}, np.inf)
    with pytest.raises(ValueError, match=r"layer 1: W1 has shape \(2, 2\) and dW1 has shape"):
        update_parameters(params, {"dW1": np.ones((1, 2)), "db1": params["b1"],
                                   "dW2": params["W2"], "db2": params["b2"]}, 0.1)
    with pytest.raises(ValueError, match=r"grads is missing the key\(s\) \['db2'\]"):
        update_parameters(params, {"dW1": params["W1"], "db1": params["b1"],
                                   "dW2": params["W2"]}, 0.1)
    with pytest.raises(ValueError, match="non-negative integer"):
        L_layer_model(np.ones((2, 3)), np.ones((1, 3)), [2, 1], num_iterations=-1)


def test_sigmoid_helper_is_the_output_activation():
    params = {"W1": np.array([[2.0, -1.0]]), "b1": np.array([[0.5]])}
    X = np.array([[1.0, 0.0], [0.0, 3.0]])
    AL, _ = L_model_forward(X, params)
    np.testing.assert_allclose(AL, sigmoid(params["W1"] @ X + 0.5))


# ---- the proofs notice a wrong nnlit -----------------------------------------------

def test_proofs_catch_planted_bugs(monkeypatch):
    import derivations.deep as proofs
    from derivations import load

    def run(name):
        return next(p for p in load() if p.name == name).run()[0]

    assert run("linear_backward_at_matrix_level") and run("backward_pass_of_a_three_layer_network")
    monkeypatch.setattr(proofs, "linear_backward",
                        lambda dZ, cache: (lambda r: (r[0], r[1] * cache[0].shape[1], r[2]))(
                            linear_backward(dZ, cache)))
    assert not run("linear_backward_at_matrix_level")  # dW without the 1/m
    monkeypatch.setattr(proofs, "L_model_backward",
                        lambda AL, Y, caches, h="relu": {
                            k: v * (1.01 if k.startswith("dW") else 1)
                            for k, v in L_model_backward(AL, Y, caches, h).items()})
    assert not run("backward_pass_of_a_three_layer_network")


# ---- the signal through depth, and the sawtooth -----------------------------------

from nnlit.deep import activation_rms, predicted_spread, sawtooth_parameters  # noqa: E402


@pytest.mark.parametrize("scale, factor", [
    (0.01, np.sqrt(100 * 1e-4 / 2)), ("xavier", np.sqrt(0.5)), ("he", 1.0),
    (0.3, np.sqrt(100 * 0.09 / 2))])
def test_predicted_spread_is_a_geometric_sequence_of_constant_width(scale, factor):
    rms = predicted_spread([100] * 8 + [1], scale, x_rms=3.0)
    assert rms.shape == (7,)
    np.testing.assert_allclose(rms, 3.0 * factor ** np.arange(1, 8), rtol=1e-12)


def test_predicted_spread_uses_each_layers_own_width():
    # n[l-1] of layer 2 is 8, not the input size 50
    np.testing.assert_allclose(predicted_spread([50, 8, 4, 1], 0.5),
                               np.cumprod([np.sqrt(50 * 0.25 / 2), np.sqrt(8 * 0.25 / 2)]))


@pytest.mark.parametrize("scale", [0.01, "xavier", "he", 0.3])
def test_measured_spread_follows_the_prediction_in_a_wide_network(scale):
    dims = [300, 300, 300, 300, 1]
    X = np.random.default_rng(30).normal(size=(300, 1500))
    measured = activation_rms(X, initialize_parameters_deep(dims, rng=31, scale=scale))
    np.testing.assert_allclose(measured, predicted_spread(dims, scale), rtol=0.1)


def test_activation_rms_reads_the_hidden_layers():
    p = initialize_parameters_deep([3, 4, 2, 1], rng=32, scale="he")
    X = np.random.default_rng(33).normal(size=(3, 7))
    A1 = np.maximum(0, p["W1"] @ X + p["b1"])
    A2 = np.maximum(0, p["W2"] @ A1 + p["b2"])
    np.testing.assert_allclose(activation_rms(X, p),
                               [np.sqrt(np.mean(A1 ** 2)), np.sqrt(np.mean(A2 ** 2))], rtol=1e-14)


@pytest.mark.parametrize("bad, match", [({"x_rms": -1.0}, "x_rms"), ({"scale": "glorot"}, "scale"),
                                        ({"layer_dims": [5]}, "at least two")])
def test_predicted_spread_rejects_bad_input(bad, match):
    kwargs = {"layer_dims": [5, 4, 1], "scale": "he", "x_rms": 1.0, **bad}
    with pytest.raises(ValueError, match=match):
        predicted_spread(**kwargs)


def sawtooth(x, k):
    """t^k in closed form: 1 - |(2^k x mod 2) - 1| on [0, 1]."""
    return 1 - np.abs(np.mod(2 ** k * x, 2) - 1)


@pytest.mark.parametrize("k", [1, 2, 3, 5, 7])
def test_sawtooth_network_computes_the_composed_tents(k):
    x = ((np.arange(4096) + 0.5) / 4096).reshape(1, -1)
    params = sawtooth_parameters(k, sharpness=2.0)
    assert len(params) == 2 * (k + 1)
    assert sum(v.size for v in params.values()) == 6 * k + 1
    _, caches = L_model_forward(x, params)
    np.testing.assert_allclose(caches[-1][1], 2.0 * (sawtooth(x, k) - 0.5), atol=1e-9)
    labels = predict(x, params)
    assert np.count_nonzero(np.diff(labels[0])) == 2 ** k


def test_a_shallow_network_of_the_same_size_changes_sign_at_most_n_plus_1_times():
    xs = np.linspace(-2, 2, 40001).reshape(1, -1)
    most = 0
    for seed in range(30):
        p = initialize_parameters_deep([1, 8, 1], rng=seed, scale=1.0)
        p["b1"] = np.random.default_rng(100 + seed).uniform(-2, 2, (8, 1))
        score = L_model_forward(xs, p)[1][-1][1][0]
        most = max(most, np.count_nonzero(np.diff(np.sign(score))))
    assert 0 < most <= 9


@pytest.mark.parametrize("k, sharpness, match", [(0, 1.0, "k"), (2.5, 1.0, "k"),
                                                  (2, 0.0, "sharpness"), (2, -1.0, "sharpness")])
def test_sawtooth_parameters_rejects_bad_input(k, sharpness, match):
    with pytest.raises(ValueError, match=match):
        sawtooth_parameters(k, sharpness)
