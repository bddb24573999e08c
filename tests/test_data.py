import numpy as np
import pytest

from nnlit._checks import as_rng, standard_normal
from nnlit.data import flatten, load_breast_cancer, standardize, train_test_split


def test_flatten_keeps_each_image_in_one_column():
    images = np.random.default_rng(0).normal(size=(5, 4, 3, 3))
    X = flatten(images)
    assert X.shape == (36, 5)
    for i in range(5):
        np.testing.assert_array_equal(X[:, i], images[i].ravel())
    # the wrong reshape has the same shape but mixes images: flatten is not that
    assert not np.array_equal(X, images.reshape(-1, 5))


def test_flatten_accepts_grayscale_and_keeps_float32():
    assert flatten(np.zeros((7, 8, 8))).shape == (64, 7)
    assert flatten(np.zeros((2, 3, 3, 3), dtype=np.float32)).dtype == np.float32
    with pytest.raises(ValueError, match=r"got shape \(5,\)"):
        flatten(np.zeros(5))


def test_standardize_uses_training_statistics_for_both_sets():
    rng = np.random.default_rng(1)
    train = rng.normal([[5.0], [-2.0], [100.0]], [[2.0], [0.1], [30.0]], (3, 200))
    test = rng.normal(0, 1, (3, 50))
    tr, te = standardize(train, test)
    np.testing.assert_allclose(tr.mean(axis=1), 0, atol=1e-12)
    np.testing.assert_allclose(tr.std(axis=1), 1, rtol=1e-12)
    mu, s = train.mean(axis=1, keepdims=True), train.std(axis=1, keepdims=True)
    np.testing.assert_allclose(te, (test - mu) / s, rtol=1e-12)
    assert not np.allclose(te.mean(axis=1), 0, atol=0.1)  # test stats are not its own


def test_standardize_leaves_constant_features_centred_not_nan():
    tr, te = standardize(np.array([[3.0, 3.0, 3.0]]), np.array([[4.0]]))
    np.testing.assert_array_equal(tr, [[0.0, 0.0, 0.0]])
    np.testing.assert_array_equal(te, [[1.0]])


def test_standardize_rejects_mismatched_features():
    with pytest.raises(ValueError, match=r"X_train has shape \(3, 4\) and X_test has shape"):
        standardize(np.ones((3, 4)), np.ones((2, 4)))


def test_train_test_split_is_a_partition_that_keeps_pairs():
    X = np.arange(20.0).reshape(1, 20)
    Y = (X % 2 == 1)
    X_tr, Y_tr, X_te, Y_te = train_test_split(X, Y, test_fraction=0.25, rng=3)
    assert X_tr.shape == (1, 15) and X_te.shape == (1, 5)
    np.testing.assert_array_equal(np.sort(np.concatenate([X_tr, X_te], axis=1)), X)
    np.testing.assert_array_equal(Y_tr, X_tr % 2)
    np.testing.assert_array_equal(Y_te, X_te % 2)


def test_train_test_split_with_randomstate_matches_the_legacy_global_stream():
    X = np.arange(30.0).reshape(1, 30)
    _, _, X_te, _ = train_test_split(X, X > 10, 0.2, rng=np.random.RandomState(7))
    np.random.seed(7)  # noqa: NPY002 - the legacy stream is the point
    np.testing.assert_array_equal(X_te.ravel(), np.random.permutation(30)[:6])  # noqa: NPY002


@pytest.mark.parametrize("fraction", [0.0, 1.0, -0.1, 0.001])
def test_train_test_split_rejects_empty_sets(fraction):
    with pytest.raises(ValueError, match="test_fraction"):
        train_test_split(np.ones((1, 10)), np.ones((1, 10)), fraction)


def test_as_rng_accepts_the_documented_kinds_only():
    assert isinstance(as_rng(None), np.random.Generator)
    a, b = as_rng(5), as_rng(5)
    assert a.integers(1 << 30) == b.integers(1 << 30)
    g = np.random.default_rng(0)
    assert as_rng(g) is g
    rs = np.random.RandomState(0)
    assert as_rng(rs) is rs
    for bad in ("seed", 1.5, True, object()):
        with pytest.raises(ValueError, match="rng must be None, an int seed"):
            as_rng(bad)


def test_standard_normal_with_randomstate_reproduces_np_random_randn():
    draws = standard_normal(as_rng(np.random.RandomState(1)), (3, 4))
    np.random.seed(1)  # noqa: NPY002 - the legacy stream is the point
    np.testing.assert_array_equal(draws, np.random.randn(3, 4))  # noqa: NPY002
    gen = standard_normal(as_rng(1), (3, 4))
    np.testing.assert_array_equal(gen, np.random.default_rng(1).standard_normal((3, 4)))


def test_load_breast_cancer_is_split_and_standardised():
    X_train, Y_train, X_test, Y_test = load_breast_cancer(rng=0)
    assert X_train.shape == (30, 427) and Y_train.shape == (1, 427)
    assert X_test.shape == (30, 142) and Y_test.shape == (1, 142)
    np.testing.assert_allclose(X_train.mean(axis=1), 0, atol=1e-12)
    assert set(np.unique(Y_train)) == {0.0, 1.0}
    assert Y_train.sum() + Y_test.sum() == 357  # benign tumours in the data set
    again = load_breast_cancer(rng=0)
    np.testing.assert_array_equal(again[2], X_test)


def test_load_digits_all_classes_and_a_pair():
    from nnlit.data import load_digits

    X_train, Y_train, X_test, Y_test = load_digits(rng=0)
    assert X_train.shape[1] + X_test.shape[1] == 1797
    assert X_train.min() >= 0 and X_train.max() == 1.0
    assert set(np.unique(np.hstack([Y_train, Y_test]))) == set(range(10))
    X_train, Y_train, X_test, Y_test = load_digits(classes=(3, 8), rng=0)
    m = X_train.shape[1] + X_test.shape[1]
    assert m == 183 + 174  # threes and eights in the bundled set
    assert Y_train.dtype == np.float64 and set(np.unique(Y_train)) == {0.0, 1.0}
    # the split is a permutation: a different seed changes it, same seed repeats it
    assert not np.array_equal(load_digits(classes=(3, 8), rng=1)[0], X_train)
    np.testing.assert_array_equal(load_digits(classes=(3, 8), rng=0)[0], X_train)


@pytest.mark.parametrize("classes", [(3,), (3, 3), (3, 10), "38", (3.0, 8)])
def test_load_digits_rejects_bad_classes(classes):
    from nnlit.data import load_digits

    with pytest.raises(ValueError, match="pair of distinct digits"):
        load_digits(classes=classes)
