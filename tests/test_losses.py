import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from nnlit.activations import sigmoid
from nnlit.losses import binary_cross_entropy, binary_cross_entropy_from_logits


def naive_cost(A, Y):
    return float(-np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A)))


def test_both_costs_equal_the_naive_formula_in_the_safe_range():
    rng = np.random.default_rng(0)
    Z = rng.normal(0, 3, (1, 200))
    Y = rng.integers(0, 2, (1, 200))
    expected = naive_cost(sigmoid(Z), Y)
    assert binary_cross_entropy_from_logits(Z, Y) == pytest.approx(expected, rel=1e-12)
    assert binary_cross_entropy(sigmoid(Z), Y) == pytest.approx(expected, rel=1e-12)


def test_hand_computed_values():
    # one example each: -log(0.5) = log 2; a confident right answer costs ~0
    assert binary_cross_entropy_from_logits([[0.0]], [[1]]) == pytest.approx(np.log(2), rel=1e-15)
    assert binary_cross_entropy([[0.25, 0.75]], [[0, 1]]) == pytest.approx(-np.log(0.75), rel=1e-15)


@pytest.mark.parametrize("z", [40.0, 800.0, 1e4, 1e300])
def test_saturated_wrong_predictions_cost_exactly_z(z):
    # label 0 scored +z, label 1 scored -z: each loss is log(1 + e^z) = z (to rounding)
    cost = binary_cross_entropy_from_logits([[z, -z]], [[0, 1]])
    assert np.isfinite(cost) and cost == pytest.approx(z, rel=1e-15)


def test_saturated_right_predictions_cost_nothing():
    assert binary_cross_entropy_from_logits([[1e4, -1e4]], [[1, 0]]) == 0.0
    assert binary_cross_entropy([[1.0, 0.0]], [[1, 0]]) == 0.0


def test_probabilities_of_exactly_0_or_1_give_finite_cost():
    cost = binary_cross_entropy([[0.0, 1.0]], [[1, 0]])
    assert np.isfinite(cost) and cost > 700


def test_boolean_labels_are_read_as_0_and_1():
    Z = np.array([[0.3, -1.2, 2.0]])
    assert binary_cross_entropy_from_logits(Z, Z > 0) == binary_cross_entropy_from_logits(
        Z, (Z > 0).astype(float))


def test_float32_cost_is_computed():
    Z = np.array([[0.5, -0.5]], dtype=np.float32)
    assert binary_cross_entropy_from_logits(Z, [[1, 0]]) == pytest.approx(
        np.log1p(np.exp(-0.5)), rel=1e-6)


@pytest.mark.parametrize("func", [binary_cross_entropy_from_logits, binary_cross_entropy])
def test_shape_mismatch_names_both_shapes(func):
    with pytest.raises(ValueError, match=r"\(1, 3\).*\(1, 4\)"):
        func(np.full((1, 3), 0.5), np.ones((1, 4)))
    with pytest.raises(ValueError, match=r"expected \(1, m\)"):
        func(np.full((1, 3), 0.5), np.ones((3, 1)))
    with pytest.raises(ValueError, match=r"shape \(3,\)"):
        func(np.full(3, 0.5), np.ones((1, 3)))


@pytest.mark.parametrize("func", [binary_cross_entropy_from_logits, binary_cross_entropy])
@pytest.mark.parametrize("labels", [[[0, 2]], [[0, -1]], [[0.5, 1]]])
def test_labels_outside_0_1_are_rejected(func, labels):
    with pytest.raises(ValueError, match=r"labels in \{0, 1\}"):
        func([[0.5, 0.5]], labels)


def test_nan_and_out_of_range_probabilities_are_rejected():
    with pytest.raises(ValueError, match="NaN"):
        binary_cross_entropy([[np.nan]], [[1]])
    with pytest.raises(ValueError, match=r"probabilities in \[0, 1\]"):
        binary_cross_entropy([[1.5]], [[1]])
    with pytest.raises(ValueError, match="NaN"):
        binary_cross_entropy_from_logits([[0.0]], [[np.nan]])


finite = st.floats(allow_nan=False, allow_infinity=False, width=64)


@given(arrays(np.float64, st.integers(1, 30), elements=finite),
       st.data())
def test_cost_from_logits_is_finite_and_non_negative_for_any_finite_scores(z, data):
    y = data.draw(arrays(np.int64, z.shape, elements=st.integers(0, 1)))
    cost = binary_cross_entropy_from_logits(z.reshape(1, -1), y.reshape(1, -1))
    assert np.isfinite(cost) and cost >= 0


@given(arrays(np.float64, st.integers(1, 30), elements=finite))
def test_sigmoid_is_a_finite_probability_for_any_finite_score(z):
    s = sigmoid(z)
    assert np.all((s >= 0) & (s <= 1))
    order = np.argsort(z, kind="stable")
    assert np.all(np.diff(s[order]) >= 0)


def test_mean_of_losses_near_the_largest_float_does_not_overflow():
    # found by hypothesis: 20 losses of 1.8e308 each, whose mean is 1.8e308
    big = np.finfo(np.float64).max
    z = np.full((1, 20), big)
    cost = binary_cross_entropy_from_logits(z, np.zeros((1, 20)))
    assert cost == big
    cost = binary_cross_entropy_from_logits(np.array([[big, 0.0]]), np.array([[0, 1]]))
    assert cost == pytest.approx(big / 2, rel=1e-15)
