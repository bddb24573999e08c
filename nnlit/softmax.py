r"""Softmax classification: C classes instead of two (chapter 3).

Scores come as a matrix ``Z`` of shape ``(C, m)``, one column per example,
and every column is turned into a probability distribution over the C
classes on its own. Labels are either integers ``0..C-1`` (shape ``(1, m)``
or ``(m,)``) or one-hot columns (shape ``(C, m)``). The softmax-regression
model has ``W`` of shape ``(C, n_x)`` and ``b`` of shape ``(C, 1)``.

Public functions check their inputs once; the training loop then calls the
unchecked helpers whose names start with an underscore.
"""

import numpy as np

from nnlit._checks import (
    as_entries,
    as_float,
    as_matrix,
    as_rng,
    as_scalar,
    non_negative_int,
    positive_int,
    standard_normal,
)
from nnlit.losses import _mean_loss

# ---- input checks particular to this chapter --------------------------------


def _class_indices(y, C, Z, y_name="y", z_name="Z"):
    """Integer labels of shape (1, m) or (m,) -> int array (m,), values 0..C-1."""
    arr = as_float(y, y_name)
    if arr.ndim == 2 and arr.shape[0] == 1:
        arr = arr[0]
    if arr.ndim != 1:
        raise ValueError(
            f"{y_name} has shape {arr.shape}, expected (1, m) or (m,): one integer "
            f"class label per example"
        )
    if arr.shape[0] != Z.shape[1]:
        raise ValueError(
            f"{z_name} has shape {Z.shape} and {y_name} has shape {np.shape(y)}: "
            f"{y_name} must hold one label per column (example) of {z_name}, "
            f"that is {Z.shape[1]} labels"
        )
    bad = arr[(arr != np.round(arr)) | (arr < 0) | (arr > C - 1)]
    if bad.size:
        want = f"0..{C - 1} (C = {C} rows of {z_name})" if np.isfinite(C) else ">= 0"
        raise ValueError(
            f"{y_name} must hold integer class labels {want}, "
            f"found {np.unique(bad)[:5].tolist()}"
        )
    return arr.astype(np.intp)


def _one_hot_indices(Y, Z, y_name="Y", z_name="Z"):
    """One-hot labels of the shape of Z -> int array (m,) of the classes."""
    Y = as_matrix(Y, y_name)
    if Y.shape != Z.shape:
        raise ValueError(
            f"{z_name} has shape {Z.shape} and {y_name} has shape {Y.shape}: one-hot "
            f"labels must have the shape (C, m) of the scores"
        )
    if not np.all((Y == 0) | (Y == 1)):
        bad = np.unique(Y[(Y != 0) & (Y != 1)])[:5]
        raise ValueError(f"{y_name} must be one-hot, with entries 0 or 1, found {bad.tolist()}")
    sums = Y.sum(axis=0)
    if not np.all(sums == 1):
        cols = np.flatnonzero(sums != 1)[:5]
        raise ValueError(
            f"{y_name} must be one-hot: each column must sum to 1, but columns "
            f"{cols.tolist()} sum to {sums[cols].tolist()}"
        )
    return np.argmax(Y, axis=0)


def _labels(Y, Z, y_name="Y", z_name="Z"):
    """Either kind of labels -> int array (m,): (C, m) with C > 1 is one-hot."""
    shape = np.shape(Y)
    if len(shape) == 2 and shape[0] == Z.shape[0] and Z.shape[0] > 1:
        return _one_hot_indices(Y, Z, y_name, z_name)
    return _class_indices(Y, Z.shape[0], Z, y_name, z_name)


# ---- softmax and its logarithm ----------------------------------------------


def _shifted(Z):
    # z - max over the column: every entry <= 0, the largest exactly 0, so
    # exp() cannot overflow and the column sum is at least 1. A difference
    # beyond the float range rounds to -inf, whose exp is exactly 0: no warning.
    with np.errstate(over="ignore"):
        return Z - Z.max(axis=0, keepdims=True)


def _softmax(Z):
    E = np.exp(_shifted(Z))
    return E / E.sum(axis=0, keepdims=True)


def _log_softmax(Z):
    S = _shifted(Z)
    return S - np.log(np.exp(S).sum(axis=0, keepdims=True))


def softmax(Z):
    r"""Softmax of every column of a score matrix, computed stably.

    .. math::

        a_j = \frac{e^{z_j - \max_k z_k}}{\sum_{k=1}^{C} e^{z_k - \max_k z_k}}
            = \frac{e^{z_j}}{\sum_{k=1}^{C} e^{z_k}}

    The definition is :eq:`softmax-softmax`; the code evaluates it as
    :eq:`softmax-stable`, which is allowed by the shift invariance
    :eq:`softmax-shift`.

    Parameters
    ----------
    Z : array_like, shape (C, m)
        Scores, one column per example.

    Returns
    -------
    A : ndarray, shape (C, m)
        Probabilities; each column sums to 1. float32 if Z is float32.

    Raises
    ------
    ValueError
        If Z is not 2-D or holds NaN or inf.

    Notes
    -----
    Both the maximum and the sum are taken **per column** (``axis=0``). A
    global sum would mix the examples, and a global maximum would make a
    column whose scores all lie far below another column's underflow to
    :math:`0/0`. After the shift every exponent is at most 0, so nothing
    overflows, and each sum holds a term equal to 1, so nothing divides by 0.

    Examples
    --------
    >>> from nnlit.softmax import softmax
    >>> Z = np.array([[1.0, 1000.0], [2.0, 0.0], [3.0, -1000.0]])
    >>> A = softmax(Z)
    >>> print(A)
    [[0.09003057 1.        ]
     [0.24472847 0.        ]
     [0.66524096 0.        ]]
    >>> print(A.sum(axis=0))
    [1. 1.]
    """
    return _softmax(as_matrix(Z, "Z"))


def stable_softmax(Z):
    r"""The notes' name for the stable softmax: the same as :func:`~nnlit.softmax.softmax`.

    The notes have a naive ``softmax`` and a ``stable_softmax`` that shifts
    the scores first, :eq:`softmax-stable`. In nnlit there is only the stable
    one, shifted by each column's own maximum; this name is kept so that code
    written after the notes runs unchanged.

    Parameters
    ----------
    Z : array_like, shape (C, m)
        Scores, one column per example.

    Returns
    -------
    A : ndarray, shape (C, m)
        Each column sums to 1.

    Examples
    --------
    >>> from nnlit.softmax import softmax, stable_softmax
    >>> Z = np.array([[1000.0, -5.0], [1001.0, -1000.0]])
    >>> print(stable_softmax(Z))
    [[0.26894142 1.        ]
     [0.73105858 0.        ]]
    >>> bool(np.array_equal(stable_softmax(Z), softmax(Z)))
    True
    """
    return softmax(Z)


def log_softmax(Z):
    r"""Logarithm of the softmax of every column, by log-sum-exp.

    .. math::

        \log a_j = (z_j - \max_k z_k)
                   - \log \sum_{k=1}^{C} e^{z_k - \max_k z_k}

    This is :eq:`softmax-log`. It never takes the logarithm of a probability,
    so a class whose probability underflows to 0 gets a large negative but
    finite value instead of :math:`-\infty`.

    Parameters
    ----------
    Z : array_like, shape (C, m)
        Scores, one column per example.

    Returns
    -------
    logA : ndarray, shape (C, m)
        Log-probabilities, all :math:`\le 0`; float32 if Z is float32.

    Raises
    ------
    ValueError
        If Z is not 2-D or holds NaN or inf.

    Examples
    --------
    >>> from nnlit.softmax import log_softmax
    >>> print(log_softmax(np.array([[0.0, 1000.0], [0.0, 0.0]])))
    [[-6.93147181e-01  0.00000000e+00]
     [-6.93147181e-01 -1.00000000e+03]]
    """
    return _log_softmax(as_matrix(Z, "Z"))


def one_hot(y, C):
    r"""One-hot columns from integer class labels.

    .. math::

        Y_{ji} = \begin{cases} 1 & j = y^{(i)} \\ 0 & j \ne y^{(i)}
                 \end{cases}, \qquad \sum_{j=1}^{C} Y_{ji} = 1

    The columns satisfy the constraint that :eq:`softmax-dz` relies on.

    Parameters
    ----------
    y : array_like, shape (1, m) or (m,)
        Integer labels 0..C-1 (floats such as ``3.0`` are accepted, ``2.5`` is not).
    C : int
        Number of classes.

    Returns
    -------
    Y : ndarray, shape (C, m)
        float64 zeros and ones, one 1 per column.

    Raises
    ------
    ValueError
        If a label is not an integer in 0..C-1 or C is not a positive integer.

    Examples
    --------
    >>> from nnlit.softmax import one_hot
    >>> print(one_hot([2, 0, 1, 2], 3))
    [[0. 1. 0. 0.]
     [0. 0. 1. 0.]
     [1. 0. 0. 1.]]
    """
    C = positive_int(C, "C")
    m = np.size(y)
    idx = _class_indices(y, C, np.empty((C, m)), "y", "a (C, m) one-hot matrix")
    Y = np.zeros((C, m))
    Y[idx, np.arange(m)] = 1.0
    return Y


# ---- cross-entropy and its gradient -----------------------------------------


def _cost(Z, idx):
    # minus the log-softmax of the true class of each column
    return _mean_loss(-_log_softmax(Z)[idx, np.arange(Z.shape[1])])


def _delta(Z, idx):
    m = Z.shape[1]
    dZ = _softmax(Z)
    dZ[idx, np.arange(m)] -= 1
    return dZ / m


def cross_entropy(Z, y):
    r"""Mean cross-entropy of the softmax of the scores, for integer labels.

    .. math::

        J = \frac{1}{m} \sum_{i=1}^{m} \Bigl( \log \sum_{k=1}^{C}
            e^{z_k^{(i)}} - z_{y^{(i)}}^{(i)} \Bigr)
          = -\frac{1}{m} \sum_{i=1}^{m} \log a_{y^{(i)}}^{(i)}

    This is the cost :eq:`softmax-cost` of the loss :eq:`softmax-loss`,
    evaluated as :eq:`softmax-cost-logits` through
    :func:`~nnlit.softmax.log_softmax`, the cross-entropy :eq:`softmax-h` of
    the label distribution and the predicted one.

    Parameters
    ----------
    Z : array_like, shape (C, m)
        Scores, one column per example.
    y : array_like, shape (1, m) or (m,)
        Class labels 0..C-1 (integral floats such as 3.0 are accepted).

    Returns
    -------
    cost : float
        Finite for any scores whose spread within a column is a finite
        float, however confident and wrong the prediction is.

    Raises
    ------
    ValueError
        If the number of labels differs from the number of columns of Z, a
        label is not an integer in 0..C-1, or Z holds NaN or inf.

    Examples
    --------
    >>> from nnlit.softmax import cross_entropy
    >>> Z = np.array([[0.0, 2000.0], [0.0, 0.0]])
    >>> round(cross_entropy(Z, [0, 1]), 6)      # (log 2 + 2000) / 2
    1000.346574
    """
    Z = as_matrix(Z, "Z")
    return _cost(Z, _class_indices(y, Z.shape[0], Z))


def cross_entropy_one_hot(Z, Y):
    r"""Mean cross-entropy of the softmax of the scores, for one-hot labels.

    .. math::

        J = -\frac{1}{m} \sum_{i=1}^{m} \sum_{j=1}^{C} y_j^{(i)} \log a_j^{(i)}

    This is :eq:`softmax-cost` with :eq:`softmax-loss`, evaluated as
    :eq:`softmax-cost-logits`: the log-probability is taken from
    :func:`~nnlit.softmax.log_softmax` and only for the class each column
    marks, so no :math:`0 \cdot \log 0` is ever formed. A one-hot column has
    entropy 0, so by :eq:`softmax-kl` this cost is also the mean KL
    divergence between labels and predictions.

    Parameters
    ----------
    Z : array_like, shape (C, m)
        Scores, one column per example.
    Y : array_like, shape (C, m)
        One-hot labels: entries 0 or 1, each column summing to 1.

    Returns
    -------
    cost : float

    Raises
    ------
    ValueError
        If Y and Z differ in shape, Y is not one-hot, or an input holds NaN
        or inf.

    Examples
    --------
    >>> from nnlit.softmax import cross_entropy_one_hot
    >>> Z = np.array([[0.0, 2000.0], [0.0, 0.0]])
    >>> Y = np.array([[1, 0], [0, 1]])
    >>> round(cross_entropy_one_hot(Z, Y), 6)
    1000.346574
    """
    Z = as_matrix(Z, "Z")
    return _cost(Z, _one_hot_indices(Y, Z))


def delta_cross_entropy(Z, y):
    r"""Gradient of the mean cross-entropy with respect to the scores,
    integer labels.

    .. math::

        \frac{\partial J}{\partial Z} = \frac{1}{m} (A - Y),
        \qquad A = \mathrm{softmax}(Z), \quad Y_{ji} = [\, j = y^{(i)} ]

    This is :eq:`softmax-delta`, a :math:`C \times m` matrix whose column
    :math:`i` is :eq:`softmax-dz` for example :math:`i`, divided by
    :math:`m`. The one-hot matrix is never built: 1 is subtracted
    from the probability of each column's true class.

    Parameters
    ----------
    Z : array_like, shape (C, m)
    y : array_like, shape (1, m) or (m,)
        Class labels 0..C-1.

    Returns
    -------
    dZ : ndarray, shape (C, m)
        Each column sums to 0. float32 if Z is float32.

    Raises
    ------
    ValueError
        As :func:`~nnlit.softmax.cross_entropy`.

    Examples
    --------
    >>> from nnlit.softmax import delta_cross_entropy
    >>> print(delta_cross_entropy(np.zeros((2, 2)), [0, 1]))
    [[-0.25  0.25]
     [ 0.25 -0.25]]
    """
    Z = as_matrix(Z, "Z")
    return _delta(Z, _class_indices(y, Z.shape[0], Z))


def delta_cross_entropy_one_hot(Z, Y):
    r"""Gradient of the mean cross-entropy with respect to the scores,
    one-hot labels.

    .. math::

        \frac{\partial J}{\partial Z} = \frac{1}{m} (A - Y),
        \qquad A = \mathrm{softmax}(Z)

    This is :eq:`softmax-delta`; the notes leave its body empty.

    Parameters
    ----------
    Z : array_like, shape (C, m)
    Y : array_like, shape (C, m)
        One-hot labels.

    Returns
    -------
    dZ : ndarray, shape (C, m)

    Raises
    ------
    ValueError
        As :func:`~nnlit.softmax.cross_entropy_one_hot`.

    Examples
    --------
    >>> from nnlit.softmax import delta_cross_entropy_one_hot
    >>> Z = np.array([[0.0, 0.0], [0.0, 0.0]])
    >>> print(delta_cross_entropy_one_hot(Z, [[1, 0], [0, 1]]))
    [[-0.25  0.25]
     [ 0.25 -0.25]]
    """
    Z = as_matrix(Z, "Z")
    return _delta(Z, _one_hot_indices(Y, Z))


def softmax_jacobian(z):
    r"""Jacobian of the softmax of one column of scores.

    .. math::

        \frac{\partial a_i}{\partial z_j} = a_i (\delta_{ij} - a_j),
        \qquad J = \operatorname{diag}(a) - a a^T

    This is :eq:`softmax-jacobian`.

    Parameters
    ----------
    z : array_like, shape (C,) or (C, 1)
        The scores of one example.

    Returns
    -------
    J : ndarray, shape (C, C)
        Symmetric; each row and column sums to 0.

    Raises
    ------
    ValueError
        If z is not one column or holds NaN or inf.

    Examples
    --------
    >>> from nnlit.softmax import softmax_jacobian
    >>> print(softmax_jacobian([0.0, 0.0]))
    [[ 0.25 -0.25]
     [-0.25  0.25]]
    """
    z = as_float(z, "z")
    if not (z.ndim == 1 or (z.ndim == 2 and z.shape[1] == 1)) or z.size == 0:
        raise ValueError(f"z must be one column of scores, shape (C,) or (C, 1), got {z.shape}")
    a = _softmax(z.reshape(-1, 1))
    return np.diagflat(a) - a @ a.T


# ---- softmax regression -----------------------------------------------------


def _check_params(parameters, X):
    X = as_matrix(X, "X")
    W, b = as_entries(parameters, ("W", "b"), "parameters").values()
    if W.shape[1] != X.shape[0]:
        raise ValueError(
            f'parameters["W"] has shape {W.shape} and X has shape {X.shape}: W '
            f"must have one column per row (feature) of X, shape (C, {X.shape[0]})"
        )
    as_matrix(b, 'parameters["b"]', shape=(W.shape[0], 1))
    return W, b, X


def initialize_parameters(n_x, n_y, rng=0, dtype=np.float64):
    r"""Small random weights and zero biases for softmax regression.

    .. math::

        W_{jk} \sim 0.01 \cdot \mathcal{N}(0, 1), \qquad b = \mathbf{0}

    with :math:`W` of shape :math:`(C, n_x)` and :math:`b` of shape
    :math:`(C, 1)`, ready for the forward pass :eq:`softmax-forward`. (With a
    single layer, zeros would work too: the cost is convex.)

    Parameters
    ----------
    n_x : int
        Number of features.
    n_y : int
        Number of classes C.
    rng : None, int, numpy.random.Generator or numpy.random.RandomState, default 0
        Source of the weights; ``RandomState(seed)`` draws as the course's
        ``np.random.seed(seed); np.random.randn(n_y, n_x)``.
    dtype : numpy float dtype, default float64

    Returns
    -------
    parameters : dict
        ``"W"`` (n_y, n_x) and ``"b"`` (n_y, 1).

    Examples
    --------
    >>> from nnlit.softmax import initialize_parameters
    >>> p = initialize_parameters(64, 10, rng=np.random.RandomState(1))
    >>> p["W"].shape, p["b"].shape, round(float(p["W"][0, 0]), 8)
    ((10, 64), (10, 1), 0.01624345)
    """
    n_x, n_y = positive_int(n_x, "n_x"), positive_int(n_y, "n_y")
    W = (standard_normal(as_rng(rng), (n_y, n_x)) * 0.01).astype(dtype)
    return {"W": W, "b": np.zeros((n_y, 1), dtype=dtype)}


def _forward(W, b, X):
    Z = W @ X + b
    return _softmax(Z), {"Z": Z}


def forward_propagation(X, parameters):
    r"""Scores and class probabilities of softmax regression.

    .. math::

        Z = W X + b, \qquad A = \mathrm{softmax}(Z)

    This is :eq:`softmax-forward`, with ``b`` broadcast over the columns.

    Parameters
    ----------
    X : array_like, shape (n_x, m)
    parameters : dict
        ``"W"`` (C, n_x), ``"b"`` (C, 1).

    Returns
    -------
    A : ndarray, shape (C, m)
        Probabilities, columns summing to 1.
    cache : dict
        ``"Z"``: the scores (C, m), which the cost and the backward pass use.

    Raises
    ------
    ValueError
        If the shapes of W, b and X do not fit or an input holds NaN or inf.

    Examples
    --------
    >>> from nnlit.softmax import forward_propagation
    >>> params = {"W": np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]]), "b": np.zeros((3, 1))}
    >>> A, cache = forward_propagation(np.array([[2.0], [0.0]]), params)
    >>> print(A.ravel(), cache["Z"].ravel())
    [0.78698604 0.10650698 0.10650698] [2. 0. 0.]
    """
    return _forward(*_check_params(parameters, X))


def compute_cost(Z, Y):
    r"""Mean cross-entropy of softmax regression, from the scores.

    .. math::

        J = -\frac{1}{m} \sum_{i=1}^{m} \sum_{j=1}^{C} y_j^{(i)} \log a_j^{(i)}

    The cost :eq:`softmax-cost`, evaluated stably as
    :eq:`softmax-cost-logits` by :func:`~nnlit.softmax.cross_entropy` or
    :func:`~nnlit.softmax.cross_entropy_one_hot`. Pass the scores
    ``cache["Z"]``, not the probabilities.

    Parameters
    ----------
    Z : array_like, shape (C, m)
        Scores from :func:`~nnlit.softmax.forward_propagation`.
    Y : array_like, shape (1, m), (m,) or (C, m)
        Integer labels 0..C-1, or one-hot columns (a ``(C, m)`` array with
        C > 1 is read as one-hot).

    Returns
    -------
    cost : float

    Examples
    --------
    >>> from nnlit.softmax import compute_cost
    >>> Z = np.zeros((4, 3))
    >>> round(compute_cost(Z, [[0, 3, 1]]), 6) == round(float(np.log(4)), 6)
    True
    """
    Z = as_matrix(Z, "Z")
    return _cost(Z, _labels(Y, Z))


def _backward(X, idx, Z):
    dZ = _delta(Z, idx)  # (A - Y) / m: the 1/m sits on the short factor
    return {"dW": dZ @ X.T, "db": dZ.sum(axis=1, keepdims=True)}


def backward_propagation(X, Y, cache):
    r"""Gradients of the cost of softmax regression.

    .. math::

        dZ = \frac{1}{m} (A - Y), \qquad
        \frac{\partial J}{\partial W} = dZ\, X^T, \qquad
        \frac{\partial J}{\partial b} = \sum_{i=1}^{m} dZ^{(i)}

    These are :eq:`softmax-grads`, built on :eq:`softmax-delta`. Unlike
    chapter 2's code, ``dZ`` here already holds the :math:`1/m`; the
    products are the same.

    Parameters
    ----------
    X : array_like, shape (n_x, m)
    Y : array_like, shape (1, m), (m,) or (C, m)
        Integer labels or one-hot columns, as for
        :func:`~nnlit.softmax.compute_cost`.
    cache : dict
        ``"Z"`` (C, m) from :func:`~nnlit.softmax.forward_propagation`.

    Returns
    -------
    grads : dict
        ``"dW"`` (C, n_x) and ``"db"`` (C, 1).

    Examples
    --------
    >>> from nnlit.softmax import backward_propagation
    >>> X = np.array([[1.0, 2.0]])
    >>> grads = backward_propagation(X, [0, 1], {"Z": np.zeros((2, 2))})
    >>> print(grads["dW"].ravel(), grads["db"].ravel())
    [ 0.25 -0.25] [0. 0.]
    """
    X = as_matrix(X, "X")
    (Z,) = as_entries(cache, ("Z",), "cache").values()
    if Z.shape[1] != X.shape[1]:
        raise ValueError(
            f'X has shape {X.shape} and cache["Z"] has shape {Z.shape}: they must '
            f"have the same number of columns (examples)"
        )
    return _backward(X, _labels(Y, Z, "Y", 'cache["Z"]'), Z)


def update_parameters(parameters, grads, learning_rate=0.5):
    r"""One step of gradient descent.

    .. math::

        W \leftarrow W - \alpha \frac{\partial J}{\partial W}, \qquad
        b \leftarrow b - \alpha \frac{\partial J}{\partial b}

    This is :eq:`softmax-update`. The inputs are not modified.

    Parameters
    ----------
    parameters : dict
        ``"W"`` (C, n_x), ``"b"`` (C, 1).
    grads : dict
        ``"dW"`` and ``"db"`` of the same shapes.
    learning_rate : float, default 0.5

    Returns
    -------
    parameters : dict
        A new dictionary with the stepped ``"W"`` and ``"b"``.

    Examples
    --------
    >>> from nnlit.softmax import update_parameters
    >>> p = update_parameters({"W": np.ones((2, 1)), "b": np.zeros((2, 1))},
    ...                       {"dW": np.array([[1.0], [-1.0]]), "db": np.ones((2, 1))}, 0.1)
    >>> print(p["W"].ravel(), p["b"].ravel())
    [0.9 1.1] [-0.1 -0.1]
    """
    W, b = as_entries(parameters, ("W", "b"), "parameters").values()
    dW, db = as_entries(grads, ("dW", "db"), "grads").values()
    as_matrix(b, 'parameters["b"]', shape=(W.shape[0], 1))
    as_matrix(dW, 'grads["dW"]', shape=W.shape)
    as_matrix(db, 'grads["db"]', shape=b.shape)
    lr = as_scalar(learning_rate, "learning_rate")
    return {"W": W - lr * dW, "b": b - lr * db}


def model(X, Y, n_y=None, num_iterations=1000, learning_rate=0.5, print_cost=False, rng=0):
    r"""Train softmax regression by gradient descent.

    Starts from :func:`~nnlit.softmax.initialize_parameters`, then repeats
    the forward pass :eq:`softmax-forward`, the gradients
    :eq:`softmax-grads` and the step :eq:`softmax-update`, recording the
    cost :eq:`softmax-cost` every 100 iterations.

    Parameters
    ----------
    X : array_like, shape (n_x, m)
        Training examples, one per column.
    Y : array_like, shape (1, m), (m,) or (C, m)
        Integer labels 0..C-1 or one-hot columns.
    n_y : int, optional
        Number of classes C. Defaults to the number of rows of a one-hot
        ``Y``, or the largest integer label + 1.
    num_iterations : int, default 1000
    learning_rate : float, default 0.5
    print_cost : bool, default False
        Print the cost every 100 iterations.
    rng : None, int, numpy.random.Generator or numpy.random.RandomState, default 0
        Source of the initial weights.

    Returns
    -------
    parameters : dict
        ``"W"`` (C, n_x) and ``"b"`` (C, 1) after the last step.
    costs : list of float
        The cost at iterations 0, 100, 200, ..., each before that iteration's
        step.

    Examples
    --------
    >>> from nnlit.softmax import model, predict
    >>> X = np.array([[0.0, 0.0, 4.0, 4.0, 8.0, 8.0], [0.0, 1.0, 0.0, 1.0, 0.0, 1.0]])
    >>> y = np.array([[0, 0, 1, 1, 2, 2]])
    >>> params, costs = model(X, y, num_iterations=300, learning_rate=0.5)
    >>> print(predict(params, X), len(costs), costs[-1] < costs[0])
    [[0 0 1 1 2 2]] 3 True
    """
    X = as_matrix(X, "X")
    shape = np.shape(Y)
    if n_y is None:
        if len(shape) == 2 and shape[0] > 1:
            n_y = shape[0]
        else:
            n_y = int(np.max(_class_indices(Y, np.inf, X, "Y", "X"))) + 1
    n_y = positive_int(n_y, "n_y")
    num_iterations = non_negative_int(num_iterations, "num_iterations")
    lr = as_scalar(learning_rate, "learning_rate")
    parameters = initialize_parameters(X.shape[0], n_y, rng, dtype=X.dtype)
    W, b = parameters["W"], parameters["b"]
    idx = _labels(Y, np.empty((n_y, X.shape[1])), "Y", f"a ({n_y}, m) score matrix")
    costs = []
    for i in range(num_iterations):
        Z = W @ X + b  # the softmax itself is formed once, inside _backward
        if i % 100 == 0:
            costs.append(_cost(Z, idx))
            if print_cost:
                print(f"Cost after iteration {i}: {costs[-1]:f}")
        grads = _backward(X, idx, Z)
        W, b = W - lr * grads["dW"], b - lr * grads["db"]
    return {"W": W, "b": b}, costs


def predict(parameters, X):
    r"""Predict the class of every column: the one with the highest score.

    .. math::

        \hat{y}^{(i)} = \arg\max_j a_j^{(i)} = \arg\max_j z_j^{(i)}

    This is :eq:`softmax-predict`; since softmax keeps the order of the
    scores, the probabilities need not be computed.

    Parameters
    ----------
    parameters : dict
        ``"W"`` (C, n_x), ``"b"`` (C, 1).
    X : array_like, shape (n_x, m)

    Returns
    -------
    y_pred : ndarray of int, shape (1, m)
        Class indices 0..C-1 (the first one on ties).

    Examples
    --------
    >>> from nnlit.softmax import predict
    >>> params = {"W": np.array([[1.0], [-1.0], [0.0]]), "b": np.array([[0.0], [0.0], [0.5]])}
    >>> print(predict(params, np.array([[2.0, -2.0, 0.0]])))
    [[0 1 2]]
    """
    W, b, X = _check_params(parameters, X)
    return np.argmax(W @ X + b, axis=0).reshape(1, -1)


__all__ = ["softmax", "stable_softmax", "log_softmax", "one_hot", "cross_entropy",
           "cross_entropy_one_hot",
           "delta_cross_entropy", "delta_cross_entropy_one_hot", "softmax_jacobian",
           "initialize_parameters", "forward_propagation", "compute_cost",
           "backward_propagation", "update_parameters", "model", "predict"]


# ---- two classes and the temperature (the why of this chapter) ---------------


def as_logistic(parameters):
    r"""The logistic regression that a two-class softmax regression is.

    .. math::

        w = w_2 - w_1, \qquad b = b_2 - b_1, \qquad
        a_2^{(i)} = \frac{e^{z_2^{(i)}}}{e^{z_1^{(i)}} + e^{z_2^{(i)}}}
                  = \sigma\bigl(w^T x^{(i)} + b\bigr)

    where :math:`w_1^T, w_2^T` are the rows of ``W``. With :math:`C = 2` the
    softmax is the sigmoid of the score difference :eq:`softmax-two-classes`,
    so softmax regression predicts, costs and learns exactly as chapter 1's
    logistic regression with these parameters :eq:`softmax-as-logistic`,
    one step with rate :math:`\alpha` being a logistic step with rate
    :math:`2\alpha` :eq:`softmax-two-class-step`. Class 1 of the softmax
    model (the second row) is the label 1 of the logistic one.

    Parameters
    ----------
    parameters : dict
        ``"W"`` of shape (2, n_x) and ``"b"`` of shape (2, 1).

    Returns
    -------
    w : ndarray, shape (n_x, 1)
    b : float

    Raises
    ------
    ValueError
        If ``W`` or ``b`` is missing, or their shapes are not (2, n_x) and (2, 1).

    Examples
    --------
    >>> from nnlit.softmax import as_logistic, softmax
    >>> from nnlit.activations import sigmoid
    >>> params = {"W": np.array([[1.0, -2.0], [0.5, 1.0]]), "b": np.array([[0.25], [-1.0]])}
    >>> w, b = as_logistic(params)
    >>> print(w.ravel(), b)
    [-0.5  3. ] -1.25
    >>> X = np.array([[1.0, -1.0, 0.0], [2.0, 0.0, -3.0]])
    >>> bool(np.allclose(softmax(params["W"] @ X + params["b"])[1], sigmoid(w.T @ X + b)))
    True
    """
    W, b = as_entries(parameters, ("W", "b"), "parameters").values()
    if W.shape[0] != 2 or b.shape != (2, 1):
        raise ValueError(
            f'parameters["W"] has shape {W.shape} and parameters["b"] has shape {b.shape}: '
            f"a two-class softmax regression needs W of shape (2, n_x) and b of shape (2, 1)"
        )
    return (W[1] - W[0]).reshape(-1, 1), float(b[1, 0] - b[0, 0])


def _tempered(Z, temperature):
    Z = as_matrix(Z, "Z")
    T = as_scalar(temperature, "temperature")
    if not T > 0:
        raise ValueError(f"temperature must be a positive number, got {T}")
    with np.errstate(over="ignore"):  # a huge Z / T overflows to inf: see _shifted
        return np.nan_to_num(Z / T, posinf=np.finfo(Z.dtype).max)


def softmax_with_temperature(Z, temperature=1.0):
    r"""Softmax of the scores divided by a temperature T.

    .. math::

        a_j(T) = \frac{e^{z_j / T}}{\sum_{k=1}^{C} e^{z_k / T}}, \qquad T > 0

    This is :eq:`softmax-temperature`: :math:`T = 1` is
    :func:`~nnlit.softmax.softmax`; as :math:`T \to 0^+` each column tends to
    the one-hot column of its largest score, as :math:`T \to \infty` to the
    uniform column :math:`1/C`, and in between the entropy grows with
    :math:`T` :eq:`softmax-entropy-temperature`. The order of the
    probabilities, hence the prediction :eq:`softmax-predict`, does not
    depend on T.

    Parameters
    ----------
    Z : array_like, shape (C, m)
        Scores, one column per example.
    temperature : float, default 1.0
        T, a positive number.

    Returns
    -------
    A : ndarray, shape (C, m)
        Probabilities; each column sums to 1.

    Raises
    ------
    ValueError
        If Z is not a finite 2-D array or the temperature is not positive.

    Examples
    --------
    >>> from nnlit.softmax import softmax_with_temperature
    >>> Z = np.array([[2.0], [1.0], [0.0]])
    >>> for T in (0.1, 1.0, 100.0):
    ...     print(T, softmax_with_temperature(Z, T).ravel().round(3))
    0.1 [1. 0. 0.]
    1.0 [0.665 0.245 0.09 ]
    100.0 [0.337 0.333 0.33 ]
    """
    return _softmax(_tempered(Z, temperature))


def softmax_entropy(Z, temperature=1.0):
    r"""Entropy of the softmax of every column at a temperature T.

    .. math::

        H\bigl(a(T)\bigr) = -\sum_{j=1}^{C} a_j(T) \log a_j(T),
        \qquad
        \frac{dH}{dT} = \frac{1}{T^3} \sum_{j=1}^{C} a_j
        \Bigl(z_j - \sum_{k=1}^{C} a_k z_k\Bigr)^2 \ge 0

    This is :eq:`softmax-entropy-temperature`. It lies between 0 (one class
    certain) and :math:`\log C` (all classes equally likely), the limits of
    :eq:`softmax-temperature` as :math:`T \to 0^+` and :math:`T \to \infty`.

    Parameters
    ----------
    Z : array_like, shape (C, m)
        Scores, one column per example.
    temperature : float, default 1.0
        T, a positive number.

    Returns
    -------
    H : ndarray, shape (1, m)
        The entropy of each column, in nats.

    Raises
    ------
    ValueError
        If Z is not a finite 2-D array or the temperature is not positive.

    Notes
    -----
    Computed as :math:`-\sum_j a_j \log a_j` with :math:`\log a_j` from
    :func:`~nnlit.softmax.log_softmax`; a probability that is exactly 0
    contributes exactly 0 (the limit of :math:`t \log t`), never NaN.

    Examples
    --------
    >>> from nnlit.softmax import softmax_entropy
    >>> Z = np.array([[2.0], [1.0], [0.0]])
    >>> print([round(float(softmax_entropy(Z, T)[0, 0]), 4) for T in (0.1, 1.0, 100.0)])
    [0.0005, 0.8324, 1.0986]
    """
    S = _tempered(Z, temperature)
    A, logA = _softmax(S), _log_softmax(S)
    # a gap beyond the float range gives log a = -inf with a = 0: the term is 0
    terms = np.multiply(A, logA, out=np.zeros_like(A), where=A > 0)
    return -np.sum(terms, axis=0, keepdims=True)


__all__ += ["as_logistic", "softmax_with_temperature", "softmax_entropy"]
