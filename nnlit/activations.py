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


def _sigmoid_prime(z):
    s = _sigmoid(z)
    return s * (1 - s)


def _tanh_prime(z):
    return 1 - np.tanh(z) ** 2


def _relu(z):
    return np.maximum(z, 0)


def _relu_prime(z):
    return (z > 0).astype(z.dtype)


_UNCHECKED = {
    "relu": (_relu, _relu_prime),
    "sigmoid": (_sigmoid, _sigmoid_prime),
    "tanh": (np.tanh, _tanh_prime),
}
"""name -> (g, g') on arrays already checked: what the public functions and
the training loops call."""


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
        Values in [0, 1/4]; the largest, 1/4, at :math:`z = 0`
        (:eq:`shallow-slopes`).

    Examples
    --------
    >>> from nnlit.activations import sigmoid_derivative
    >>> print(sigmoid_derivative(np.array([0.0, 2.0, -2.0, 800.0])))
    [0.25       0.10499359 0.10499359 0.        ]
    """
    return _sigmoid_prime(as_float(z, "z"))[()]


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


def tanh(z):
    r"""Hyperbolic tangent, the hidden activation of the shallow network.

    .. math::

        \tanh(z) = \frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}

    NumPy's ``np.tanh`` is already stable (it saturates to :math:`\pm 1`
    without overflow); this wrapper adds the input checks and the dtype rule.

    It is the hidden activation :eq:`shallow-2` of the shallow network. It is
    odd, :math:`\tanh(-z) = -\tanh(z)`, so its outputs are centred on 0,
    where the sigmoid's are centred on 1/2: :eq:`shallow-centred`.

    Parameters
    ----------
    z : array_like of any shape
        Finite real numbers.

    Returns
    -------
    t : ndarray of the same shape as z
        Values in [-1, 1].

    Examples
    --------
    >>> from nnlit.activations import tanh
    >>> print(tanh(np.array([-1e4, -1.0, 0.0, 1.0, 1e4])))
    [-1.         -0.76159416  0.          0.76159416  1.        ]
    """
    return np.tanh(as_float(z, "z"))[()]


def tanh_derivative(z):
    r"""Derivative of tanh, from tanh itself.

    .. math::

        \tanh'(z) = 1 - \tanh^2(z)

    This is :eq:`shallow-dtanh`, proven in ``derivations/shallow.py``.

    Parameters
    ----------
    z : array_like of any shape
        Finite real numbers (pre-activations).

    Returns
    -------
    dt : ndarray of the same shape as z
        Values in [0, 1]; the largest, 1, at :math:`z = 0`
        (:eq:`shallow-slopes`), four times the sigmoid's.

    Examples
    --------
    >>> from nnlit.activations import tanh_derivative
    >>> print(tanh_derivative(np.array([0.0, 1.0, -1.0, 800.0])))
    [1.         0.41997434 0.41997434 0.        ]
    """
    return _tanh_prime(as_float(z, "z"))[()]


def relu(Z):
    r"""Rectified linear unit, returning the cache the backward pass needs.

    .. math::

        \operatorname{relu}(z) = \max(0, z)

    This is the hidden activation :eq:`deep-relu` of the deep network. As in
    the course's helper, the result is a pair: the activation and the
    cache, which is ``Z`` itself (the backward pass needs to know where
    :math:`z > 0`).

    Parameters
    ----------
    Z : array_like of any shape
        Finite real numbers (pre-activations).

    Returns
    -------
    A : ndarray of the same shape as Z
    cache : ndarray
        ``Z`` as a float array, for :func:`~nnlit.activations.relu_backward`.

    Examples
    --------
    >>> from nnlit.activations import relu
    >>> A, cache = relu(np.array([[-2.0, 0.0, 3.0]]))
    >>> print(A, cache)
    [[0. 0. 3.]] [[-2.  0.  3.]]
    """
    Z = as_float(Z, "Z")
    return _relu(Z), Z


def relu_derivative(z):
    r"""Derivative of ReLU: the Heaviside step, taken as 0 at :math:`z = 0`.

    .. math::

        \operatorname{relu}'(z) = \begin{cases} 1 & z > 0 \\ 0 & z \le 0 \end{cases}

    This is the step of :eq:`deep-relu`. ReLU has no derivative at 0 (its
    left and right slopes are 0 and 1); like the course, nnlit uses 0 there.
    Any value in [0, 1] is a valid subgradient; the choice only matters for
    inputs exactly at 0.

    Parameters
    ----------
    z : array_like of any shape
        Finite real numbers (pre-activations).

    Returns
    -------
    dr : ndarray of the same shape as z
        Zeros and ones.

    Examples
    --------
    >>> from nnlit.activations import relu_derivative
    >>> print(relu_derivative(np.array([-1.0, 0.0, 1e-300, 5.0])))
    [0. 0. 1. 1.]
    """
    return _relu_prime(as_float(z, "z"))[()]


ACTIVATIONS = {
    "relu": (_relu, relu_derivative),
    "sigmoid": (sigmoid, sigmoid_derivative),
    "tanh": (tanh, tanh_derivative),
}
"""Activation name -> (function, derivative with respect to its input).

Both entries are elementwise functions from arrays to arrays (the ``relu``
entry is the plain :math:`\\max(0, z)`, without the cache of
:func:`~nnlit.activations.relu`).
"""


def _backward(dA, cache, name):
    """dZ = dA * g'(Z) for the activation ``name``; ``cache`` is Z."""
    dA = as_float(dA, "dA")
    Z = as_float(cache, "cache (Z)")
    if dA.shape != Z.shape:
        raise ValueError(
            f"dA has shape {dA.shape} and cache (Z) has shape {Z.shape}: "
            f"they must have the same shape"
        )
    return dA * _UNCHECKED[name][1](Z)


def relu_backward(dA, cache):
    r"""Backward pass through a ReLU unit.

    .. math::

        dZ = dA \odot \operatorname{relu}'(Z)

    This is :eq:`deep-11` with the step function of :eq:`deep-relu`, which
    is 0 at :math:`z = 0`.

    Parameters
    ----------
    dA : array_like
        Gradient with respect to the activation A, in the course's
        convention: :math:`m` times :math:`\partial J / \partial A` (the
        derivative of the summed losses; the :math:`1/m` comes in dW and db).
    cache : array_like, same shape as dA
        ``Z``, as returned by :func:`~nnlit.activations.relu`.

    Returns
    -------
    dZ : ndarray of the shape of dA
        Zero wherever :math:`Z \le 0`.

    Raises
    ------
    ValueError
        If dA and the cache differ in shape.

    Examples
    --------
    >>> from nnlit.activations import relu, relu_backward
    >>> A, cache = relu(np.array([[-2.0, 0.0, 3.0]]))
    >>> print(relu_backward(np.array([[5.0, 5.0, 5.0]]), cache))
    [[0. 0. 5.]]
    """
    return _backward(dA, cache, "relu")


def sigmoid_backward(dA, cache):
    r"""Backward pass through a sigmoid unit.

    .. math::

        dZ = dA \odot \sigma(Z)\,\bigl(1 - \sigma(Z)\bigr)

    This is :eq:`deep-11` with the slope :eq:`logistic-dsigmoid`.

    Parameters
    ----------
    dA : array_like
        Gradient with respect to the activation A, in the course's
        convention: :math:`m` times :math:`\partial J / \partial A` (the
        derivative of the summed losses; the :math:`1/m` comes in dW and db).
    cache : array_like, same shape as dA
        ``Z``, the pre-activation.

    Returns
    -------
    dZ : ndarray of the shape of dA

    Raises
    ------
    ValueError
        If dA and the cache differ in shape.

    Examples
    --------
    >>> from nnlit.activations import sigmoid_backward
    >>> print(sigmoid_backward(np.array([[1.0, 2.0]]), np.array([[0.0, 0.0]])))
    [[0.25 0.5 ]]
    """
    return _backward(dA, cache, "sigmoid")


def tanh_backward(dA, cache):
    r"""Backward pass through a tanh unit.

    .. math::

        dZ = dA \odot \bigl(1 - \tanh^2(Z)\bigr)

    With :math:`dA = W^{[2]T} dZ^{[2]}` this is :eq:`shallow-dz1`, the
    factor being :eq:`shallow-dtanh`.

    Parameters
    ----------
    dA : array_like
        Gradient with respect to the activation A, in the course's
        convention: :math:`m` times :math:`\partial J / \partial A` (the
        derivative of the summed losses; the :math:`1/m` comes in dW and db).
    cache : array_like, same shape as dA
        ``Z``, the pre-activation.

    Returns
    -------
    dZ : ndarray of the shape of dA

    Raises
    ------
    ValueError
        If dA and the cache differ in shape.

    Examples
    --------
    >>> from nnlit.activations import tanh_backward
    >>> print(tanh_backward(np.array([[1.0, 2.0]]), np.array([[0.0, 0.0]])))
    [[1. 2.]]
    """
    return _backward(dA, cache, "tanh")


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
    ValueError: unknown activation 'softsign'; expected one of: 'relu', 'sigmoid', 'tanh'
    """
    try:
        return ACTIVATIONS[name]
    except (KeyError, TypeError):
        valid = ", ".join(repr(k) for k in ACTIVATIONS)
        raise ValueError(f"unknown activation {name!r}; expected one of: {valid}") from None
