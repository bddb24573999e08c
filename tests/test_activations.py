import mpmath
import numpy as np
import pytest

from nnlit.activations import (
    ACTIVATIONS,
    get_activation,
    log_sigmoid,
    relu,
    relu_backward,
    relu_derivative,
    sigmoid,
    sigmoid_backward,
    sigmoid_derivative,
    tanh,
    tanh_backward,
    tanh_derivative,
)
from tests.conftest import central_difference

EXTREMES = np.array([-1e308, -1e4, -745.0, -709.8, -40.0, -1e-9, 0.0,
                     1e-9, 40.0, 709.8, 1e4, 1e308])


def mp_sigmoid(v):
    with mpmath.workdps(40):
        return float(1 / (1 + mpmath.exp(-mpmath.mpf(float(v)))))


def test_sigmoid_matches_40_digit_reference_everywhere():
    z = np.concatenate([np.linspace(-740, 740, 1481), EXTREMES])
    reference = np.array([mp_sigmoid(v) for v in z])
    np.testing.assert_allclose(sigmoid(z), reference, rtol=2e-15, atol=0)


def test_sigmoid_saturates_without_warning_nan_or_inf():
    # pytest turns every warning into an error (pyproject filterwarnings)
    s = sigmoid(EXTREMES)
    assert np.all(np.isfinite(s))
    assert s[0] == 0.0 and s[-1] == 1.0
    assert np.all(np.diff(s) >= 0)


def test_sigmoid_symmetry_and_midpoint():
    z = np.random.default_rng(0).normal(0, 10, 1000)
    np.testing.assert_allclose(sigmoid(z) + sigmoid(-z), 1.0, rtol=0, atol=1e-15)
    assert sigmoid(0.0) == 0.5


@pytest.mark.parametrize("func", [sigmoid, sigmoid_derivative, log_sigmoid])
def test_dtype_and_shape_are_kept(func):
    z32 = np.linspace(-5, 5, 12, dtype=np.float32).reshape(3, 4)
    assert func(z32).dtype == np.float32 and func(z32).shape == (3, 4)
    assert func(z32.astype(np.float64)).dtype == np.float64
    assert func(np.arange(3)).dtype == np.float64  # integers are promoted


@pytest.mark.parametrize("func", [sigmoid, sigmoid_derivative, log_sigmoid])
@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_non_finite_input_is_rejected(func, bad):
    with pytest.raises(ValueError, match="finite"):
        func(np.array([0.0, bad]))


def test_non_numeric_input_is_rejected():
    with pytest.raises(ValueError, match="real numbers"):
        sigmoid(np.array(["a", "b"]))


def test_log_sigmoid_matches_40_digit_reference():
    z = np.concatenate([np.linspace(-800, 800, 1601), EXTREMES[1:-1]])
    with mpmath.workdps(40):
        reference = [float(-mpmath.log1p(mpmath.exp(-mpmath.mpf(float(v))))) for v in z]
    np.testing.assert_allclose(log_sigmoid(z), reference, rtol=1e-14, atol=0)


def test_log_sigmoid_agrees_with_log_of_sigmoid_where_sigmoid_is_not_near_1():
    z = np.linspace(-700, 0, 701)
    np.testing.assert_allclose(log_sigmoid(z), np.log(sigmoid(z)), rtol=1e-13)


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_every_derivative_matches_central_differences(name):
    g, g_prime = get_activation(name)
    z = np.random.default_rng(1).normal(0, 3, (3, 5))
    numeric = central_difference(lambda v: float(np.sum(g(v))), z)
    np.testing.assert_allclose(g_prime(z), numeric, rtol=1e-7, atol=1e-9)


def test_sigmoid_derivative_at_known_points():
    assert sigmoid_derivative(0.0) == 0.25
    assert sigmoid_derivative(1e4) == 0.0 and sigmoid_derivative(-1e4) == 0.0


@pytest.mark.parametrize("name", ["softsign", "", None, "Sigmoid"])
def test_unknown_activation_lists_the_valid_names(name):
    with pytest.raises(ValueError, match="expected one of: 'relu', 'sigmoid', 'tanh'"):
        get_activation(name)


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_every_table_derivative_matches_central_differences(name):
    g, g_prime = ACTIVATIONS[name]
    z = np.array([-3.0, -0.7, -1e-3, 2e-3, 0.4, 2.5])  # away from relu's kink
    numeric = central_difference(lambda v: float(np.sum(g(v))), z)
    np.testing.assert_allclose(g_prime(z), numeric, rtol=1e-7, atol=1e-9)


def test_tanh_saturates_and_keeps_float32():
    t = tanh(EXTREMES)
    assert np.all(np.isfinite(t)) and t[0] == -1.0 and t[-1] == 1.0
    assert tanh(np.float32([0.5])).dtype == np.float32
    np.testing.assert_allclose(tanh_derivative(np.array([0.0, 1.0])),
                               [1.0, 1 - np.tanh(1.0) ** 2], rtol=1e-15)
    assert np.all(tanh_derivative(EXTREMES) >= 0)


def test_relu_returns_its_cache_and_is_zero_at_zero():
    Z = np.array([[-1e308, -2.0, 0.0], [1e-300, 3.0, 1e308]])
    A, cache = relu(Z)
    np.testing.assert_array_equal(A, [[0, 0, 0], [1e-300, 3.0, 1e308]])
    np.testing.assert_array_equal(cache, Z)
    # the convention at the kink: relu'(0) = 0
    np.testing.assert_array_equal(relu_derivative(Z), [[0, 0, 0], [1, 1, 1]])
    assert relu(np.float32([[1.0]]))[0].dtype == np.float32


@pytest.mark.parametrize(
    ("backward", "g_prime"),
    [(relu_backward, relu_derivative), (sigmoid_backward, sigmoid_derivative),
     (tanh_backward, tanh_derivative)],
)
def test_backward_is_dA_times_derivative_at_the_cache(backward, g_prime):
    rng = np.random.default_rng(1)
    Z, dA = rng.normal(size=(3, 4)), rng.normal(size=(3, 4))
    np.testing.assert_allclose(backward(dA, Z), dA * g_prime(Z), rtol=1e-15)
    expected = r"dA has shape \(3, 4\) and cache \(Z\) has shape \(4, 3\)"
    with pytest.raises(ValueError, match=expected):
        backward(dA, Z.T)
    with pytest.raises(ValueError, match="NaN"):
        backward(dA, np.full((3, 4), np.nan))


def test_backward_values_by_hand():
    Z = np.array([[-1.0, 0.0, 2.0]])
    dA = np.array([[10.0, 10.0, 10.0]])
    np.testing.assert_array_equal(relu_backward(dA, Z), [[0, 0, 10]])
    np.testing.assert_allclose(sigmoid_backward(dA, Z)[0, 1], 2.5)
    np.testing.assert_allclose(tanh_backward(dA, Z)[0, 1], 10.0)
