r"""Binary cross-entropy, computed so that no saturated prediction can make
it NaN or infinite."""

import numpy as np

from nnlit._checks import as_binary_labels, as_matrix
from nnlit.activations import _sigmoid, _sigmoid_prime


def _mean_loss(losses):
    """Mean of non-negative losses without overflow, even when each is near
    the largest float: the losses are scaled by the largest one first."""
    top = np.max(losses)
    if top == 0:
        return 0.0
    return float(top * np.mean(losses / top))


def _cost_from_logits(Z, Y):
    # log(1 + e^z) - y z, with log(1 + e^z) = logaddexp(0, z): never overflows
    return _mean_loss(np.logaddexp(0, Z) - Y * Z)


def binary_cross_entropy_from_logits(Z, Y):
    r"""Mean binary cross-entropy of the predictions :math:`a = \sigma(z)`,
    computed from the scores :math:`z` themselves.

    .. math::

        J = \frac{1}{m} \sum_{i=1}^{m} \Bigl( \log\bigl(1 + e^{z^{(i)}}\bigr)
            - y^{(i)} z^{(i)} \Bigr)

    which is :eq:`logistic-6` with the loss :eq:`logistic-3` written as
    :eq:`logistic-cost-logits`. It never forms :math:`\log a` or
    :math:`\log(1 - a)`, so it stays finite however large :math:`|z|` is.

    Parameters
    ----------
    Z : array_like, shape (1, m)
        Scores :math:`z = w^T x + b`, one per example.
    Y : array_like, shape (1, m)
        True labels in {0, 1} (booleans are accepted).

    Returns
    -------
    cost : float

    Raises
    ------
    ValueError
        If the shapes differ, Z is not finite or Y holds other values than 0/1.

    Examples
    --------
    >>> from nnlit.losses import binary_cross_entropy_from_logits
    >>> Z = np.array([[0.0, 800.0, -800.0]])
    >>> Y = np.array([[1, 0, 0]])
    >>> round(binary_cross_entropy_from_logits(Z, Y), 6)   # (log 2 + 800 + 0) / 3
    266.897716
    """
    Z = as_matrix(Z, "Z", shape=(1, None))
    Y = as_binary_labels(Y, "Y", Z, "Z")
    return _cost_from_logits(Z, Y)


def binary_cross_entropy(A, Y):
    r"""Mean binary cross-entropy of probabilities :math:`a`, guarded against
    :math:`\log 0`.

    .. math::

        J = -\frac{1}{m} \sum_{i=1}^{m} \Bigl( y^{(i)} \log a^{(i)}
            + \bigl(1 - y^{(i)}\bigr) \log\bigl(1 - a^{(i)}\bigr) \Bigr)

    This is :eq:`logistic-6` with the loss :eq:`logistic-3`, for the course's
    functions that hand over probabilities rather than scores. It is the
    negative log-likelihood of the labels under the Bernoulli model
    :eq:`logistic-bernoulli`, divided by :math:`m`.

    Parameters
    ----------
    A : array_like, shape (1, m)
        Predicted probabilities in [0, 1].
    Y : array_like, shape (1, m)
        True labels in {0, 1} (booleans are accepted).

    Returns
    -------
    cost : float

    Raises
    ------
    ValueError
        If the shapes differ, A is not finite or outside [0, 1], or Y holds
        other values than 0/1.

    Notes
    -----
    Only the term that the label selects is evaluated (a label of 0 never
    multiplies :math:`\log a`), and its argument is clipped from below at
    ``np.finfo(A.dtype).tiny``: a probability that has rounded to exactly 0
    or 1 costs about 708 (float64) instead of inf, and ``0 * log 0`` never
    produces NaN. When the scores are at hand, prefer
    :func:`~nnlit.losses.binary_cross_entropy_from_logits`, which needs no clipping.

    Examples
    --------
    >>> from nnlit.losses import binary_cross_entropy
    >>> A = np.array([[0.5, 1.0, 0.0]])
    >>> Y = np.array([[1, 1, 0]])
    >>> round(binary_cross_entropy(A, Y), 6)   # (log 2 + 0 + 0) / 3
    0.231049
    """
    A = as_matrix(A, "A", shape=(1, None))
    if np.any((A < 0) | (A > 1)):
        raise ValueError("A must hold probabilities in [0, 1]")
    Y = as_binary_labels(Y, "Y", A, "A")
    tiny = np.finfo(A.dtype).tiny
    p = np.where(Y == 1, A, 1 - A)  # probability given to the true label
    return float(-np.mean(np.log(np.maximum(p, tiny))))


def binary_cross_entropy_derivative(A, Y):
    r"""Derivative of the loss :eq:`logistic-3` with respect to the prediction.

    .. math::

        \frac{\partial L}{\partial a} = -\frac{y}{a} + \frac{1 - y}{1 - a}

    This is the first line of :eq:`logistic-chain`; multiplied by the
    sigmoid's slope :math:`a(1 - a)` (the second line) it becomes
    :eq:`logistic-dz`. The deep chapter starts its backward pass from it.

    Parameters
    ----------
    A : array_like, shape (1, m)
        Predicted probabilities, strictly between 0 and 1.
    Y : array_like, shape (1, m)
        True labels in {0, 1} (booleans are accepted).

    Returns
    -------
    dA : ndarray, shape (1, m)

    Raises
    ------
    ValueError
        If the shapes differ, A is not strictly inside (0, 1) (the derivative
        is infinite there), or Y holds other values than 0/1.

    Examples
    --------
    >>> from nnlit.losses import binary_cross_entropy_derivative
    >>> A = np.array([[0.8, 0.8, 0.5]])
    >>> Y = np.array([[1, 0, 1]])
    >>> print(binary_cross_entropy_derivative(A, Y))      # -1/0.8, 1/0.2, -1/0.5
    [[-1.25  5.   -2.  ]]
    >>> print(binary_cross_entropy_derivative(A, Y) * A * (1 - A))   # a - y
    [[-0.2  0.8 -0.5]]
    """
    A = as_matrix(A, "A", shape=(1, None))
    if np.any((A <= 0) | (A >= 1)):
        raise ValueError("A must hold probabilities strictly between 0 and 1: "
                         "dL/da is infinite at 0 and 1 (start from the scores instead)")
    Y = as_binary_labels(Y, "Y", A, "A")
    return -Y / A + (1 - Y) / (1 - A)


def squared_error_dz(Z, Y):
    r"""Derivative with respect to the score of the squared error of a sigmoid,
    the loss logistic regression does *not* use.

    .. math::

        L_{\text{sq}} = \tfrac{1}{2}(a - y)^2, \qquad
        \frac{\partial L_{\text{sq}}}{\partial z} = (a - y)\,a\,(1 - a),
        \qquad a = \sigma(z)

    This is :eq:`logistic-squared-dz`. Against the cross-entropy's
    :math:`a - y` it carries the extra factor :math:`a(1 - a)`, which tends
    to 0 when the sigmoid saturates, even on a wrong answer; and its own
    derivative can be negative, so the cost is not convex, as
    :eq:`logistic-squared-not-convex` shows.

    Parameters
    ----------
    Z : array_like, shape (1, m)
        Scores :math:`z = w^T x + b`.
    Y : array_like, shape (1, m)
        True labels in {0, 1} (booleans are accepted).

    Returns
    -------
    dZ : ndarray, shape (1, m)

    Raises
    ------
    ValueError
        If the shapes differ, Z is not finite or Y holds other values than 0/1.

    Examples
    --------
    >>> from nnlit.losses import squared_error_dz
    >>> Z = np.array([[-10.0, 0.0]])
    >>> Y = np.array([[1, 1]])
    >>> print(squared_error_dz(Z, Y))   # a wrong, confident answer barely moves
    [[-4.53937469e-05 -1.25000000e-01]]
    """
    Z = as_matrix(Z, "Z", shape=(1, None))
    Y = as_binary_labels(Y, "Y", Z, "Z")
    A = _sigmoid(Z)
    return (A - Y) * _sigmoid_prime(Z)
