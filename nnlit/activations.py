r"""Activation functions and their derivatives, each derivative right below
the function it differentiates.

Every function here works elementwise on arrays of any shape, keeps float32
when it is given float32 (float64 otherwise) and never overflows: large
exponents are only ever taken of non-positive numbers.
"""

import numpy as np

from nnlit._checks import as_float


def _sigmoid(z):
    e = np.exp(-np.abs(z))  # in (0, 1]: no overflow for any finite z
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def sigmoid(z):
    r"""Logistic sigmoid, computed without overflow.

    .. math::

        \sigma(z) = \frac{1}{1 + e^{-z}}
        = \begin{cases} \dfrac{1}{1 + e^{-|z|}} & z \ge 0 \\[1ex]
                        \dfrac{e^{-|z|}}{1 + e^{-|z|}} & z < 0 \end{cases}

    The two branches are the definition :eq:`logistic-2` rewritten as in
    :eq:`logistic-sigmoid-stable`, so that :math:`e^{x}` is only taken of
    :math:`x \le 0`.

    Parameters
    ----------
    z : array_like of any shape, e.g. (1, m)
        Finite real numbers.

    Returns
    -------
    s : ndarray of the same shape as z
        Values in [0, 1]; float32 if z is float32, float64 otherwise.
        A scalar z gives a 0-d result that prints as a number.

    Raises
    ------
    ValueError
        If z contains NaN or inf.

    Examples
    --------
    >>> from nnlit.activations import sigmoid
    >>> print(sigmoid(np.array([-1e4, -1.0, 0.0, 1.0, 1e4])))
    [0.         0.26894142 0.5        0.73105858 1.        ]
    """
    return _sigmoid(as_float(z, "z"))[()]


def sigmoid_derivative(z):
    r"""Derivative of the sigmoid, from the sigmoid itself.

    .. math::

        \sigma'(z) = \sigma(z)\,\bigl(1 - \sigma(z)\bigr)

    This is :eq:`logistic-dsigmoid`, proven in ``derivations/logistic.py``.

    Parameters
    ----------
    z : array_like of any shape
        Finite real numbers (pre-activations).

    Returns
    -------
    ds : ndarray of the same shape as z
        Values in [0, 1/4].

    Examples
    --------
    >>> from nnlit.activations import sigmoid_derivative
    >>> print(sigmoid_derivative(np.array([0.0, 2.0, -2.0, 800.0])))
    [0.25       0.10499359 0.10499359 0.        ]
    """
    s = _sigmoid(as_float(z, "z"))
    return (s * (1 - s))[()]


def log_sigmoid(z):
    r"""Logarithm of the sigmoid, exact where :math:`\sigma(z)` underflows.

    .. math::

        \log \sigma(z) = -\log\bigl(1 + e^{-z}\bigr)

    computed as ``-np.logaddexp(0, -z)``; it is the building block of the
    stable cost :eq:`logistic-cost-logits`.

    Parameters
    ----------
    z : array_like of any shape
        Finite real numbers.

    Returns
    -------
    ls : ndarray of the same shape as z
        Values in (-inf, 0]; finite for every finite z.

    Examples
    --------
    >>> from nnlit.activations import log_sigmoid
    >>> [round(float(v), 6) for v in log_sigmoid(np.array([-1000.0, 0.0, 1000.0]))]
    [-1000.0, -0.693147, -0.0]
    """
    return (-np.logaddexp(0, -as_float(z, "z")))[()]


ACTIVATIONS = {
    "sigmoid": (sigmoid, sigmoid_derivative),
}
"""Activation name -> (function, derivative with respect to its input)."""


def get_activation(name):
    """Look up an activation and its derivative by name.

    For ``"sigmoid"`` the pair is :eq:`logistic-sigmoid-stable` and
    :eq:`logistic-dsigmoid`; the later chapters add their activations to the
    same table.

    Parameters
    ----------
    name : str
        One of the keys of ``ACTIVATIONS``.

    Returns
    -------
    (g, g_prime) : tuple of two functions
        The activation and its derivative, both elementwise.

    Raises
    ------
    ValueError
        If the name is unknown; the message lists the valid names.

    Examples
    --------
    >>> from nnlit.activations import get_activation
    >>> g, g_prime = get_activation("sigmoid")
    >>> print(g(0.0), g_prime(0.0))
    0.5 0.25
    >>> get_activation("softsign")
    Traceback (most recent call last):
    ...
    ValueError: unknown activation 'softsign'; expected one of: 'sigmoid'
    """
    try:
        return ACTIVATIONS[name]
    except (KeyError, TypeError):
        valid = ", ".join(repr(k) for k in ACTIVATIONS)
        raise ValueError(f"unknown activation {name!r}; expected one of: {valid}") from None
