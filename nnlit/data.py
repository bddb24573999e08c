r"""Getting data into the course's shape: one example per column.

Image batches arrive as ``(m, height, width, channels)``; the models want a
matrix ``(n_x, m)``. The loaders return real data sets bundled with
scikit-learn, so nothing is downloaded at run time.
"""

import numpy as np

from nnlit._checks import (
    as_binary_labels,
    as_float,
    as_matrix,
    as_rng,
    positive_int,
    standard_normal,
)


def flatten(images):
    r"""Turn a batch of images into a matrix with one image per column.

    .. math::

        (m, h, w, c) \;\longmapsto\; (h \cdot w \cdot c,\; m)

    This is :eq:`prelim-flatten`, the course's ``X.reshape(X.shape[0], -1).T``.

    Parameters
    ----------
    images : array_like, shape (m, h, w, c) or (m, h, w)
        A batch of m images; any number of trailing axes is accepted.

    Returns
    -------
    X : ndarray, shape (h*w*c, m)
        Column i holds the pixels of image i in row-major (C) order.

    Raises
    ------
    ValueError
        If ``images`` has fewer than 2 axes or holds NaN or inf.

    Examples
    --------
    >>> from nnlit.data import flatten
    >>> batch = np.arange(2 * 2 * 2 * 3).reshape(2, 2, 2, 3)   # m=2, 2x2 RGB
    >>> X = flatten(batch)
    >>> X.shape
    (12, 2)
    >>> print(X[:4].T)
    [[ 0.  1.  2.  3.]
     [12. 13. 14. 15.]]
    """
    arr = as_float(images, "images")
    if arr.ndim < 2:
        raise ValueError(
            f"images must have shape (m, h, w, c) or at least (m, n), got shape {arr.shape}"
        )
    return arr.reshape(arr.shape[0], -1).T


def standardize(X_train, X_test):
    r"""Centre and scale each feature with statistics of the training set.

    .. math::

        \mu_j = \frac{1}{m_{\text{train}}} \sum_{i=1}^{m_{\text{train}}} x_j^{(i)},
        \quad
        s_j = \sqrt{\frac{1}{m_{\text{train}}} \sum_{i=1}^{m_{\text{train}}}
              \bigl(x_j^{(i)} - \mu_j\bigr)^2},
        \quad
        x_j \leftarrow \frac{x_j - \mu_j}{s_j}

    This is :eq:`prelim-standardize`. The test set is transformed with the
    training set's :math:`\mu_j` and :math:`s_j`, never its own: the model
    must not see the test data while it is being fitted.

    Parameters
    ----------
    X_train : array_like, shape (n_x, m_train)
    X_test : array_like, shape (n_x, m_test)

    Returns
    -------
    X_train_std, X_test_std : ndarrays of the input shapes
        A feature that is constant on the training set is only centred
        (:math:`s_j` is taken as 1), so no division by zero occurs.

    Raises
    ------
    ValueError
        If the row counts (features) of the two sets differ.

    Examples
    --------
    >>> from nnlit.data import standardize
    >>> X_train = np.array([[1.0, 2.0, 3.0], [5.0, 5.0, 5.0]])
    >>> X_test = np.array([[4.0], [6.0]])
    >>> tr, te = standardize(X_train, X_test)
    >>> print(tr.mean(axis=1), round(float(tr[0].std()), 12), te.ravel())
    [0. 0.] 1.0 [2.44948974 1.        ]
    """
    X_train = as_matrix(X_train, "X_train")
    X_test = as_matrix(X_test, "X_test")
    if X_test.shape[0] != X_train.shape[0]:
        raise ValueError(
            f"X_train has shape {X_train.shape} and X_test has shape {X_test.shape}: "
            f"they must have the same number of rows (features)"
        )
    mu = X_train.mean(axis=1, keepdims=True)
    s = X_train.std(axis=1, keepdims=True)
    s = np.where(s > 0, s, 1)
    return (X_train - mu) / s, (X_test - mu) / s


def train_test_split(X, Y, test_fraction=0.25, rng=0):
    r"""Shuffle the columns of ``X`` and ``Y`` together and split them.

    Parameters
    ----------
    X : array_like, shape (n_x, m)
    Y : array_like, shape (1, m)
        Labels in {0, 1}.
    test_fraction : float, default 0.25
        Share of the examples held out, strictly between 0 and 1.
    rng : None, int, numpy.random.Generator or numpy.random.RandomState
        Source of the shuffle; an int seeds ``np.random.default_rng``.

    Returns
    -------
    X_train, Y_train, X_test, Y_test : ndarrays
        Shapes (n_x, m_train), (1, m_train), (n_x, m_test), (1, m_test) with
        m_test = round(test_fraction * m).

    Examples
    --------
    >>> from nnlit.data import train_test_split
    >>> X = np.arange(10.0).reshape(1, 10)
    >>> X_tr, Y_tr, X_te, Y_te = train_test_split(X, X % 2, rng=0)
    >>> X_tr.shape, X_te.shape, bool(np.all(X_te % 2 == Y_te))
    ((1, 8), (1, 2), True)
    """
    X = as_matrix(X, "X")
    Y = as_binary_labels(Y, "Y", X, "X")
    return _shuffle_split(X, Y, test_fraction, rng)


def _shuffle_split(X, Y, test_fraction, rng):
    if not 0 < test_fraction < 1:
        raise ValueError(f"test_fraction must be strictly between 0 and 1, got {test_fraction!r}")
    m = X.shape[1]
    m_test = int(round(test_fraction * m))
    if not 0 < m_test < m:
        raise ValueError(f"test_fraction={test_fraction} of m={m} examples leaves an empty set")
    order = as_rng(rng).permutation(m)
    test, train = order[:m_test], order[m_test:]
    return X[:, train], Y[:, train], X[:, test], Y[:, test]


def _bundled(loader):
    """A data set bundled with scikit-learn, by the name of its loader."""
    try:
        from sklearn import datasets
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ImportError(f"{loader} needs scikit-learn: pip install 'nnlit[data]'") from exc
    return getattr(datasets, loader)()


def load_breast_cancer(test_fraction=0.25, rng=0):
    r"""The Wisconsin breast-cancer data set, split and standardised.

    569 tumours described by 30 measurements each, bundled with
    scikit-learn (no download). Label 1 means benign, 0 malignant, as in
    scikit-learn. The split is :func:`~nnlit.data.train_test_split` and the
    features are then scaled with :func:`~nnlit.data.standardize`, that is
    :eq:`prelim-standardize` with the training set's statistics.

    Parameters
    ----------
    test_fraction : float, default 0.25
    rng : None, int, numpy.random.Generator or numpy.random.RandomState
        Source of the shuffle.

    Returns
    -------
    X_train, Y_train, X_test, Y_test : ndarrays
        Shapes (30, m_train), (1, m_train), (30, m_test), (1, m_test).

    Examples
    --------
    >>> from nnlit.data import load_breast_cancer
    >>> X_train, Y_train, X_test, Y_test = load_breast_cancer()
    >>> X_train.shape, Y_train.shape, X_test.shape, Y_test.shape
    ((30, 427), (1, 427), (30, 142), (1, 142))
    """
    bunch = _bundled("load_breast_cancer")
    X_train, Y_train, X_test, Y_test = train_test_split(
        bunch.data.T, bunch.target.reshape(1, -1), test_fraction, rng
    )
    X_train, X_test = standardize(X_train, X_test)
    return X_train, Y_train, X_test, Y_test


def load_digits(classes=None, test_fraction=0.25, rng=0):
    r"""Handwritten digits as 8x8 images, one flattened image per column.

    1797 digits bundled with scikit-learn (no download), pixel intensities
    0..16 divided by 16, so that :math:`X \in [0, 1]^{64 \times m}`, the
    image scaling of the preliminaries. Standardise further with
    :func:`~nnlit.data.standardize` if a chapter needs it.

    Parameters
    ----------
    classes : None or pair of distinct ints in 0..9, default None
        None keeps all ten digits with their integer labels 0..9. A pair
        ``(a, b)`` keeps only those two digits and labels them 0 (for ``a``)
        and 1 (for ``b``): a binary task.
    test_fraction : float, default 0.25
        Share of the examples held out, strictly between 0 and 1.
    rng : None, int, numpy.random.Generator or numpy.random.RandomState
        Source of the shuffle.

    Returns
    -------
    X_train, Y_train, X_test, Y_test : ndarrays
        Shapes (64, m_train), (1, m_train), (64, m_test), (1, m_test).
        Labels are integers 0..9 (``classes=None``) or floats 0/1 (a pair).

    Raises
    ------
    ValueError
        If ``classes`` is not None or a pair of distinct digits.

    Examples
    --------
    >>> from nnlit.data import load_digits
    >>> X_train, Y_train, X_test, Y_test = load_digits()
    >>> X_train.shape, Y_test.shape, sorted(set(Y_train.ravel().tolist())) == list(range(10))
    ((64, 1348), (1, 449), True)
    >>> X_train, Y_train, X_test, Y_test = load_digits(classes=(3, 8))
    >>> X_train.shape, sorted(set(Y_train.ravel().tolist()))
    ((64, 268), [0.0, 1.0])
    """
    bunch = _bundled("load_digits")
    X, y = bunch.data.T / 16.0, bunch.target.reshape(1, -1)
    if classes is not None:
        pair = tuple(classes) if isinstance(classes, (tuple, list)) else ()
        if (len(pair) != 2 or pair[0] == pair[1]
                or not all(isinstance(c, int) and 0 <= c <= 9 for c in pair)):
            raise ValueError(
                f"classes must be None or a pair of distinct digits 0..9, got {classes!r}"
            )
        keep = np.isin(y[0], pair)
        X, y = X[:, keep], (y[:, keep] == pair[1]).astype(np.float64)
    return _shuffle_split(X, y, test_fraction, rng)


def load_planar_dataset(m=400, rng=None):
    r"""The two-class "flower" in the plane: petals of alternating colour.

    For class :math:`j \in \{0, 1\}` (class 0 first), :math:`N = m/2` points
    are drawn along the curve

    .. math::

        t = \operatorname{linspace}(3.12\,j,\; 3.12\,(j + 1),\; N) + 0.2\,\varepsilon_t,
        \qquad
        r = 4 \sin(4 t) + 0.2\,\varepsilon_r,
        \qquad
        x = \begin{pmatrix} r \sin t \\ r \cos t \end{pmatrix}

    with :math:`\varepsilon_t, \varepsilon_r` standard normal, N at a time,
    the noise of t before that of r. The radius :math:`4 \sin 4t` changes
    sign eight times around the circle, so each class forms four petals that
    interleave with those of the other: no straight line separates them.

    Parameters
    ----------
    m : int, default 400
        Number of points, positive and even (half of them in each class).
    rng : None, int, numpy.random.Generator or numpy.random.RandomState
        Source of the noise. ``np.random.RandomState(1)`` gives the course's
        published data set (its ``np.random.seed(1)``); None draws a fresh
        flower.

    Returns
    -------
    X : ndarray, shape (2, m)
        The points, one per column: class 0 in the first m/2 columns.
    Y : ndarray, shape (1, m)
        Labels 0.0 and 1.0.

    Raises
    ------
    ValueError
        If m is not a positive even integer.

    Examples
    --------
    >>> from nnlit.data import load_planar_dataset
    >>> X, Y = load_planar_dataset(rng=np.random.RandomState(1))
    >>> X.shape, Y.shape, int(Y.sum())
    ((2, 400), (1, 400), 200)
    >>> print(X[:, :2])
    [[ 1.20444229  0.1587099 ]
     [ 3.57611415 -1.4821709 ]]
    """
    m = positive_int(m, "m")
    if m % 2:
        raise ValueError(f"m must be even (half of the points in each class), got {m}")
    rng = as_rng(rng)
    N = m // 2
    X, Y = np.empty((2, m)), np.repeat([[0.0, 1.0]], N, axis=1)
    for j in (0, 1):
        t = np.linspace(3.12 * j, 3.12 * (j + 1), N) + 0.2 * standard_normal(rng, (N,))
        r = 4 * np.sin(4 * t) + 0.2 * standard_normal(rng, (N,))
        X[:, j * N:(j + 1) * N] = r * np.sin(t), r * np.cos(t)
    return X, Y
