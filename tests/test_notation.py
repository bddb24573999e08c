"""What the Notation page says about the gradients holds for the code: dZ and
dA (grads["dA..."]) are m times the gradient of the mean cost J, dW and db are
the gradients of J itself, and softmax's dZ already holds the 1/m."""

import numpy as np
import pytest

from nnlit import deep, shallow, softmax
from nnlit.gradcheck import numerical_gradients


@pytest.fixture
def data():
    rng = np.random.default_rng(0)
    return rng.standard_normal((3, 7)), (rng.random((1, 7)) > 0.5).astype(float)


def test_deep_dA_is_m_times_the_gradient_of_J_and_dW_db_are_the_gradient(data):
    X, Y = data
    m = X.shape[1]
    parameters = deep.initialize_parameters_deep([3, 4, 2, 1], rng=1, scale="he")
    for layer in (1, 2, 3):  # nonzero biases: no unit sits exactly on ReLU's kink
        parameters[f"b{layer}"] = np.full_like(parameters[f"b{layer}"], 0.1)
    AL, caches = deep.L_model_forward(X, parameters)
    grads = deep.L_model_backward(AL, Y, caches)
    for layer in (1, 2):  # J as a function of A[layer], the later layers fixed
        def cost(p, layer=layer):
            A = p["A"]
            for later in range(layer + 1, 4):
                Z = parameters[f"W{later}"] @ A + parameters[f"b{later}"]
                A = np.maximum(Z, 0) if later < 3 else 1 / (1 + np.exp(-Z))
            return deep.compute_cost(A, Y)

        A_layer = caches[layer][0][0]  # the cache of layer + 1 holds A[layer]
        dJ_dA = numerical_gradients(cost, {"A": A_layer.copy()})["dA"]
        np.testing.assert_allclose(grads[f"dA{layer}"], m * dJ_dA, rtol=1e-6, atol=1e-9)
    numeric = numerical_gradients(
        lambda p: deep.compute_cost(deep.L_model_forward(X, p)[0], Y),
        {k: v.copy() for k, v in parameters.items()})
    for key in ("dW1", "db1", "dW3", "db3"):
        np.testing.assert_allclose(grads[key], numeric[key], rtol=1e-6, atol=1e-9)


def test_shallow_dW_db_are_the_gradient_of_J(data):
    X, Y = data
    parameters = shallow.initialize_parameters(3, 4, 1, rng=2)
    A2, cache = shallow.forward_propagation(X, parameters)
    grads = shallow.backward_propagation(parameters, cache, X, Y)
    numeric = numerical_gradients(
        lambda p: shallow.compute_cost(shallow.forward_propagation(X, p)[0], Y),
        {k: v.copy() for k, v in parameters.items()})
    for key in grads:
        np.testing.assert_allclose(grads[key], numeric[key], rtol=1e-6, atol=1e-9)


def test_softmax_dZ_already_holds_the_1_over_m():
    rng = np.random.default_rng(1)
    Z, y = rng.standard_normal((4, 6)), rng.integers(0, 4, 6)
    dZ = softmax.delta_cross_entropy(Z, y)
    numeric = numerical_gradients(lambda p: softmax.cross_entropy(p["Z"], y), {"Z": Z.copy()})
    np.testing.assert_allclose(dZ, numeric["dZ"], rtol=1e-6, atol=1e-9)
