r"""A deep L-layer network (chapter 4): [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID.

The functions follow the course's names, shapes and caches. ``X`` is
``(n_x, m)`` with one example per column, ``Y`` is ``(1, m)``; layer ``l``
has ``W{l}`` of shape ``(n[l], n[l-1])`` and ``b{l}`` of shape ``(n[l], 1)``.
A *linear cache* is ``(A_prev, W, b)``, an *activation cache* is ``Z`` and a
*layer cache* is ``(linear_cache, activation_cache)``. The public functions
check their inputs once (shapes are compared layer by layer and a mismatch
names the layer and both shapes); the training loop then calls the unchecked
helpers whose names start with an underscore.

The hidden activation is ReLU unless ``hidden_activation`` says otherwise
(``"relu"``, ``"sigmoid"`` or ``"tanh"``); the output layer is always a
sigmoid.
"""

import numbers

import numpy as np

from nnlit._checks import (
    as_binary_labels,
    as_entries,
    as_matrix,
    as_rng,
    as_scalar,
    non_negative_int,
    positive_int,
    standard_normal,
)
from nnlit._descent import choose_method, fit
from nnlit.activations import _UNCHECKED, _sigmoid, get_activation
from nnlit.losses import binary_cross_entropy

SCALES = ("xavier", "he")
"""Named initialisation scales besides a plain positive number: ``"xavier"``
is :math:`1/\\sqrt{n^{[l-1]}}` (the course's name for LeCun's scale),
``"he"`` is :math:`\\sqrt{2/n^{[l-1]}}`."""


# ---- checks ------------------------------------------------------------------

def _activation_name(name):
    get_activation(name)  # raises ValueError listing the valid names
    return name


def _layer_dims(layer_dims):
    if isinstance(layer_dims, (str, bytes)) or not hasattr(layer_dims, "__len__"):
        raise ValueError(f"layer_dims must be a list of positive integers, got {layer_dims!r}")
    dims = [positive_int(n, f"layer_dims[{i}]") for i, n in enumerate(layer_dims)]
    if len(dims) < 2:
        raise ValueError(
            f"layer_dims must hold at least two sizes (input and output), got {list(layer_dims)}"
        )
    return dims


def _scale_of(scale):
    if isinstance(scale, str) and scale in SCALES:
        return scale
    if isinstance(scale, numbers.Real) and not isinstance(scale, bool) \
            and np.isfinite(scale) and scale > 0:
        return float(scale)
    raise ValueError(
        f"unknown scale {scale!r}; expected a positive number (e.g. 0.01) "
        f"or one of: 'xavier', 'he'"
    )


def _check_shapes(W, b, a_shape, aname, layer=None):
    """Raise unless W fits an input of shape a_shape and b fits W."""
    where = f"layer {layer}: " if layer is not None else ""
    wname, bname = ("W", "b") if layer is None else (f"W{layer}", f"b{layer}")
    if W.shape[1] != a_shape[0]:
        raise ValueError(
            f"{where}{wname} has shape {W.shape} and {aname} has shape {a_shape}: "
            f"{wname} needs one column per row of {aname}"
        )
    if b.shape != (W.shape[0], 1):
        raise ValueError(
            f"{where}{bname} has shape {b.shape} and {wname} has shape {W.shape}: "
            f"{bname} must have shape ({W.shape[0]}, 1), one bias per row of {wname}"
        )


def _check_linear(A, W, b, layer=None):
    """Check the three arrays of one linear layer; return them as floats."""
    wname, bname = ("W", "b") if layer is None else (f"W{layer}", f"b{layer}")
    aname = "A_prev" if layer is None else ("X" if layer == 1 else f"A{layer - 1}")
    A, W = as_matrix(A, aname), as_matrix(W, wname)
    b = as_matrix(b, bname)
    _check_shapes(W, b, A.shape, aname, layer)
    return A, W, b


def _keys(L):
    return [f"{name}{layer}" for layer in range(1, L + 1) for name in ("W", "b")]


def _check_parameters(X, parameters):
    """Check X and parameters W1, b1, ..., WL, bL layer by layer; return X, L, params."""
    if not isinstance(parameters, dict):
        raise ValueError(f"parameters must be a dict with keys W1, b1, ..., got "
                         f"{type(parameters).__name__}")
    L = sum(1 for k in parameters if isinstance(k, str) and k[:1] == "W")
    if L == 0:
        raise ValueError("parameters holds no weights: expected keys W1, b1, ..., WL, bL")
    X = as_matrix(X, "X")
    checked, prev, prev_name = {}, X.shape, "X"
    entries = as_entries(parameters, _keys(L), "parameters")
    for layer in range(1, L + 1):
        W, b = entries[f"W{layer}"], entries[f"b{layer}"]
        _check_shapes(W, b, prev, prev_name, layer)
        checked[f"W{layer}"], checked[f"b{layer}"] = W, b
        prev, prev_name = (W.shape[0], X.shape[1]), f"A{layer}"
    if checked[f"W{L}"].shape[0] != 1:
        raise ValueError(
            f"layer {L}: W{L} has shape {checked[f'W{L}'].shape}: the output layer "
            f"of this binary classifier must have one unit"
        )
    return X, L, checked


def _check_caches(AL, caches):
    if not isinstance(caches, (list, tuple)) or len(caches) == 0:
        raise ValueError("caches must be the non-empty list returned by L_model_forward")
    checked = []
    for layer, cache in enumerate(caches, start=1):
        try:
            (A_prev, W, b), Z = cache
        except (TypeError, ValueError):
            raise ValueError(
                f"layer {layer}: a cache must be ((A_prev, W, b), Z) as returned by "
                f"linear_activation_forward"
            ) from None
        A_prev, W, b = _check_linear(A_prev, W, b, layer=layer)
        Z = as_matrix(Z, f"Z{layer}")
        if Z.shape != (W.shape[0], A_prev.shape[1]):
            raise ValueError(
                f"layer {layer}: Z{layer} has shape {Z.shape} and W{layer} has shape {W.shape}: "
                f"Z{layer} must have shape ({W.shape[0]}, {A_prev.shape[1]})"
            )
        if checked and checked[-1][1].shape != A_prev.shape:
            raise ValueError(
                f"layer {layer}: the cached input has shape {A_prev.shape} and Z{layer - 1} "
                f"has shape {checked[-1][1].shape}: they must match"
            )
        checked.append(((A_prev, W, b), Z))
    if AL.shape != checked[-1][1].shape:
        raise ValueError(
            f"AL has shape {AL.shape} and Z{len(checked)} has shape "
            f"{checked[-1][1].shape}: they must match"
        )
    return checked


# ---- initialisation ------------------------------------------------------------

def initialize_parameters_deep(layer_dims, rng=None, scale=0.01, dtype=np.float64):
    r"""Random weights and zero biases for every layer.

    .. math::

        W^{[l]} = s_l\, N^{[l]}, \quad N^{[l]}_{ij} \sim \mathcal{N}(0, 1), \qquad
        b^{[l]} = 0, \qquad
        s_l \in \Bigl\{0.01,\ \tfrac{1}{\sqrt{n^{[l-1]}}},\ \sqrt{\tfrac{2}{n^{[l-1]}}}\Bigr\}

    This is :eq:`deep-init`; :eq:`deep-spread` says how each choice of
    :math:`s_l` scales the activations from one layer to the next.

    Parameters
    ----------
    layer_dims : list of int
        ``[n_x, n[1], ..., n[L]]``: the input size, then the size of each layer.
    rng : None, int, numpy.random.Generator or numpy.random.RandomState
        Source of the random numbers. ``np.random.RandomState(3)`` gives the
        very numbers of the course (``np.random.seed(3)``, then
        ``np.random.randn(n[l], n[l-1]) * 0.01`` for l = 1, 2, ...).
    scale : float or {"xavier", "he"}, default 0.01
        A positive number multiplies every weight (``0.01`` is the notes'
        choice); ``"xavier"`` divides layer l's weights by
        :math:`\sqrt{n^{[l-1]}}`, ``"he"`` multiplies them by
        :math:`\sqrt{2/n^{[l-1]}}`. The course calls the first "Xavier"
        initialisation; it is LeCun's scale, variance :math:`1/n^{[l-1]}`.
        Glorot and Bengio's (the literature's Xavier) has variance
        :math:`2/(n^{[l-1]} + n^{[l]})` and is not offered here.
    dtype : numpy float dtype, default float64

    Returns
    -------
    parameters : dict
        ``"W1"``, ``"b1"``, ..., ``"WL"``, ``"bL"`` with shapes
        ``(n[l], n[l-1])`` and ``(n[l], 1)``.

    Raises
    ------
    ValueError
        If a size is not a positive integer, fewer than two sizes are given
        or ``scale`` is not a positive number, ``"xavier"`` or ``"he"``.

    Examples
    --------
    >>> from nnlit.deep import initialize_parameters_deep
    >>> p = initialize_parameters_deep([5, 4, 3], rng=np.random.RandomState(3))
    >>> print(p["W1"].shape, p["b2"].shape)
    (4, 5) (3, 1)
    >>> print(p["W2"])
    [[-0.01185047 -0.0020565   0.01486148  0.00236716]
     [-0.01023785 -0.00712993  0.00625245 -0.00160513]
     [-0.00768836 -0.00230031  0.00745056  0.01976111]]
    """
    dims = _layer_dims(layer_dims)
    scale = _scale_of(scale)
    rng = as_rng(rng)
    parameters = {}
    for layer in range(1, len(dims)):
        N = standard_normal(rng, (dims[layer], dims[layer - 1]))
        if scale == "xavier":
            W = N / np.sqrt(dims[layer - 1])
        elif scale == "he":
            W = N * np.sqrt(2 / dims[layer - 1])
        else:
            W = N * scale
        parameters[f"W{layer}"] = W.astype(dtype, copy=False)
        parameters[f"b{layer}"] = np.zeros((dims[layer], 1), dtype=dtype)
    return parameters


# ---- forward -------------------------------------------------------------------

def _linear_forward(A, W, b):
    return W @ A + b, (A, W, b)


def linear_forward(A, W, b):
    r"""The linear part of one layer.

    .. math::

        Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}

    This is :eq:`deep-4`; ``b`` is broadcast over the ``m`` columns.

    Parameters
    ----------
    A : array_like, shape (n[l-1], m)
        Activations of the previous layer (``X`` for the first layer).
    W : array_like, shape (n[l], n[l-1])
    b : array_like, shape (n[l], 1)

    Returns
    -------
    Z : ndarray, shape (n[l], m)
    cache : tuple
        The linear cache ``(A, W, b)`` for :func:`~nnlit.deep.linear_backward`.

    Raises
    ------
    ValueError
        If the shapes do not fit; the message names both shapes.

    Examples
    --------
    >>> from nnlit.deep import linear_forward
    >>> Z, cache = linear_forward(np.array([[1.0, 2.0], [3.0, 4.0]]),
    ...                           np.array([[1.0, -1.0]]), np.array([[0.5]]))
    >>> print(Z)
    [[-1.5 -1.5]]
    """
    return _linear_forward(*_check_linear(A, W, b))


def _linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = _linear_forward(A_prev, W, b)
    return _UNCHECKED[activation][0](Z), (linear_cache, Z)


def linear_activation_forward(A_prev, W, b, activation):
    r"""One whole layer: the linear part, then the activation.

    .. math::

        Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}, \qquad A^{[l]} = g^{[l]}\bigl(Z^{[l]}\bigr)

    The linear part is :eq:`deep-4`; :math:`g` is ReLU
    (:eq:`deep-relu`), the sigmoid or tanh.

    Parameters
    ----------
    A_prev : array_like, shape (n[l-1], m)
    W : array_like, shape (n[l], n[l-1])
    b : array_like, shape (n[l], 1)
    activation : {"relu", "sigmoid", "tanh"}

    Returns
    -------
    A : ndarray, shape (n[l], m)
    cache : tuple
        The layer cache ``(linear_cache, activation_cache)``, that is
        ``((A_prev, W, b), Z)``.

    Raises
    ------
    ValueError
        If the shapes do not fit or the activation is unknown (the message
        lists the valid names).

    Examples
    --------
    >>> from nnlit.deep import linear_activation_forward
    >>> A_prev = np.array([[1.0, -2.0]])
    >>> A, ((A0, W, b), Z) = linear_activation_forward(A_prev, np.array([[2.0]]),
    ...                                                np.array([[1.0]]), "relu")
    >>> print(Z, A)
    [[ 3. -3.]] [[3. 0.]]
    """
    activation = _activation_name(activation)
    return _linear_activation_forward(*_check_linear(A_prev, W, b), activation)


def _L_model_forward(X, parameters, L, hidden):
    caches, A = [], X
    for layer in range(1, L + 1):
        A, cache = _linear_activation_forward(
            A, parameters[f"W{layer}"], parameters[f"b{layer}"], hidden if layer < L else "sigmoid")
        caches.append(cache)
    return A, caches


def L_model_forward(X, parameters, hidden_activation="relu"):
    r"""Forward pass through all L layers.

    .. math::

        A^{[0]} = X, \quad
        Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}, \quad
        A^{[l]} = \begin{cases} \operatorname{relu}\bigl(Z^{[l]}\bigr) & l < L \\
                                \sigma\bigl(Z^{[L]}\bigr) & l = L \end{cases}

    that is :eq:`deep-4` for l = 1, ..., L, with :eq:`deep-relu` in the
    hidden layers and the sigmoid :eq:`logistic-2` at the output.

    Parameters
    ----------
    X : array_like, shape (n_x, m)
    parameters : dict
        ``"W1"``, ``"b1"``, ..., ``"WL"``, ``"bL"``; ``WL`` must have one row.
    hidden_activation : {"relu", "sigmoid", "tanh"}, default "relu"
        Activation of layers 1 to L-1.

    Returns
    -------
    AL : ndarray, shape (1, m)
        The predicted probabilities.
    caches : list of L layer caches
        ``caches[l - 1]`` is ``((A[l-1], W[l], b[l]), Z[l])``.

    Raises
    ------
    ValueError
        If a weight does not fit the previous layer's output (the message
        names the layer and both shapes), a key is missing or the activation
        is unknown.

    Examples
    --------
    >>> from nnlit.deep import L_model_forward
    >>> parameters = {"W1": np.array([[1.0], [-1.0]]), "b1": np.zeros((2, 1)),
    ...               "W2": np.array([[1.0, 1.0]]), "b2": np.array([[-1.0]])}
    >>> AL, caches = L_model_forward(np.array([[1.0, -2.0]]), parameters)
    >>> print(AL, len(caches))
    [[0.5        0.73105858]] 2
    """
    hidden = _activation_name(hidden_activation)
    X, L, parameters = _check_parameters(X, parameters)
    return _L_model_forward(X, parameters, L, hidden)


def compute_cost(AL, Y):
    r"""Cross-entropy cost of the predictions AL.

    .. math::

        J = -\frac{1}{m} \sum_{i=1}^{m} \Bigl( y^{(i)} \log a^{[L](i)}
            + \bigl(1 - y^{(i)}\bigr) \log\bigl(1 - a^{[L](i)}\bigr) \Bigr)

    This is :eq:`deep-7`, computed by
    :func:`~nnlit.losses.binary_cross_entropy`, which never takes
    :math:`\log 0`. The training loop :func:`~nnlit.deep.L_layer_model`
    computes the same cost from :math:`Z^{[L]}` instead, as in
    :eq:`logistic-cost-logits`.

    Parameters
    ----------
    AL : array_like, shape (1, m)
        Probabilities in [0, 1].
    Y : array_like, shape (1, m)
        Labels in {0, 1}.

    Returns
    -------
    cost : float

    Raises
    ------
    ValueError
        If the shapes differ, AL leaves [0, 1] or a label is not 0 or 1.

    Examples
    --------
    >>> from nnlit.deep import compute_cost
    >>> round(compute_cost(np.array([[0.8, 0.9, 0.4]]), np.array([[1, 1, 0]])), 8)
    0.27977656
    """
    return binary_cross_entropy(AL, Y)


# ---- backward ------------------------------------------------------------------

def _linear_backward(dZ, cache):
    A_prev, W, _ = cache
    m = A_prev.shape[1]
    dW = (dZ / m) @ A_prev.T  # the 1/m on the short factor: no overflow
    db = np.sum(dZ / m, axis=1, keepdims=True)
    return W.T @ dZ, dW, db


def linear_backward(dZ, cache):
    r"""Gradients of the linear part of one layer.

    .. math::

        dW^{[l]} = \frac{1}{m}\, dZ^{[l]} A^{[l-1]T}, \qquad
        db^{[l]} = \frac{1}{m} \sum_{i=1}^{m} dZ^{[l](i)}, \qquad
        dA^{[l-1]} = W^{[l]T} dZ^{[l]}

    These are :eq:`deep-8`, :eq:`deep-9` and :eq:`deep-10`. The third output
    is the gradient for the **previous** layer's activation
    :math:`A^{[l-1]}`, not for :math:`A^{[l]}`.

    Parameters
    ----------
    dZ : array_like, shape (n[l], m)
        Gradient with respect to :math:`Z^{[l]}` (per example, without the
        :math:`1/m`).
    cache : tuple
        The linear cache ``(A_prev, W, b)`` of the layer.

    Returns
    -------
    dA_prev : ndarray, shape (n[l-1], m)
    dW : ndarray, shape (n[l], n[l-1])
    db : ndarray, shape (n[l], 1)

    Raises
    ------
    ValueError
        If dZ or the cache have shapes that do not fit; the message names both.

    Examples
    --------
    >>> from nnlit.deep import linear_backward
    >>> A_prev, W, b = np.array([[1.0, 3.0]]), np.array([[2.0]]), np.array([[0.0]])
    >>> dA_prev, dW, db = linear_backward(np.array([[1.0, -1.0]]), (A_prev, W, b))
    >>> print(dA_prev, dW, db)
    [[ 2. -2.]] [[-1.]] [[0.]]
    """
    try:
        A_prev, W, b = cache
    except (TypeError, ValueError):
        raise ValueError("cache must be the linear cache (A_prev, W, b)") from None
    A_prev, W, b = _check_linear(A_prev, W, b)
    dZ = as_matrix(dZ, "dZ")
    if dZ.shape != (W.shape[0], A_prev.shape[1]):
        raise ValueError(
            f"dZ has shape {dZ.shape} and W has shape {W.shape} (A_prev {A_prev.shape}): "
            f"dZ must have shape ({W.shape[0]}, {A_prev.shape[1]})"
        )
    return _linear_backward(dZ, (A_prev, W, b))


def _linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    return _linear_backward(dA * _UNCHECKED[activation][1](Z), linear_cache)


def linear_activation_backward(dA, cache, activation):
    r"""Gradients of one whole layer: through the activation, then the linear part.

    .. math::

        dZ^{[l]} = dA^{[l]} \odot g'\bigl(Z^{[l]}\bigr), \qquad
        \bigl(dA^{[l-1]}, dW^{[l]}, db^{[l]}\bigr) = \text{linear\_backward}\bigl(dZ^{[l]}\bigr)

    The first step is :eq:`deep-11` (by
    :func:`~nnlit.activations.relu_backward`,
    :func:`~nnlit.activations.sigmoid_backward` or
    :func:`~nnlit.activations.tanh_backward`), the second
    :eq:`deep-8`, :eq:`deep-9` and :eq:`deep-10`.

    Parameters
    ----------
    dA : array_like, shape (n[l], m)
        Gradient with respect to the layer's output :math:`A^{[l]}`.
    cache : tuple
        The layer cache ``((A_prev, W, b), Z)``.
    activation : {"relu", "sigmoid", "tanh"}

    Returns
    -------
    dA_prev : ndarray, shape (n[l-1], m)
        Gradient with respect to :math:`A^{[l-1]}`, the previous layer's output.
    dW : ndarray, shape (n[l], n[l-1])
    db : ndarray, shape (n[l], 1)

    Raises
    ------
    ValueError
        If the shapes do not fit or the activation is unknown.

    Examples
    --------
    >>> from nnlit.deep import linear_activation_backward
    >>> cache = ((np.array([[1.0, 3.0]]), np.array([[2.0]]), np.array([[0.0]])),
    ...          np.array([[-1.0, 2.0]]))
    >>> dA_prev, dW, db = linear_activation_backward(np.array([[5.0, 5.0]]), cache, "relu")
    >>> print(dA_prev, dW, db)
    [[ 0. 10.]] [[7.5]] [[2.5]]
    """
    activation = _activation_name(activation)
    try:
        linear_cache, Z = cache
    except (TypeError, ValueError):
        raise ValueError("cache must be the layer cache ((A_prev, W, b), Z)") from None
    dA, Z = as_matrix(dA, "dA"), as_matrix(Z, "Z")
    if dA.shape != Z.shape:
        raise ValueError(f"dA has shape {dA.shape} and Z has shape {Z.shape}: they must match")
    return linear_backward(dA * _UNCHECKED[activation][1](Z), linear_cache)


def _start_dZL(AL, Y, s):
    """dAL * sigma'(ZL) without ever forming dAL, which is inf when AL is 0 or 1.

    With s = sigma(ZL), dAL * s (1 - s) = (1 - Y) s (1 - s)/(1 - AL) - Y s (1 - s)/AL.
    Where AL is sigma(ZL) itself, the two ratios are exactly 1 and the result
    is AL - Y (D4); any other AL (a hand-made test case) gets the plain formula.
    """
    one = np.ones_like(s)
    # where a denominator is 0, its term is multiplied by a zero label (the
    # public function has rejected the other case)
    up = np.divide(1 - s, 1 - AL, out=one.copy(), where=((1 - AL) != (1 - s)) & (AL != 1))
    down = np.divide(s, AL, out=one.copy(), where=(AL != s) & (AL != 0))
    return (1 - Y) * s * up - Y * (1 - s) * down


def _L_model_backward(dZ, caches, hidden):
    """Backward pass from dZL (the start value times sigma'(ZL))."""
    grads, L = {}, len(caches)
    dA_prev, grads[f"dW{L}"], grads[f"db{L}"] = _linear_backward(dZ, caches[L - 1][0])
    grads[f"dA{L - 1}"] = dA_prev
    for layer in range(L - 1, 0, -1):
        dA_prev, grads[f"dW{layer}"], grads[f"db{layer}"] = _linear_activation_backward(
            dA_prev, caches[layer - 1], hidden)
        grads[f"dA{layer - 1}"] = dA_prev
    return grads


def L_model_backward(AL, Y, caches, hidden_activation="relu"):
    r"""Backward pass through all L layers: the gradients of the cost.

    .. math::

        dZ^{[L]} = A^{[L]} - Y, \qquad
        dZ^{[l]} = dA^{[l]} \odot g'\bigl(Z^{[l]}\bigr) \ (l < L),

        dW^{[l]} = \frac{1}{m} dZ^{[l]} A^{[l-1]T}, \quad
        db^{[l]} = \frac{1}{m} \sum_{i=1}^{m} dZ^{[l](i)}, \quad
        dA^{[l-1]} = W^{[l]T} dZ^{[l]}

    The course starts from :eq:`deep-dAL` and multiplies it by
    :math:`\sigma'(Z^{[L]})`; for the ``AL`` of a forward pass the product is
    :eq:`deep-dZL`, which nnlit uses directly. The start value itself is
    infinite when a probability has rounded to exactly 0 or 1, the product
    never is. (An ``AL`` that is not the sigmoid of the cached
    :math:`Z^{[L]}`, as in hand-made test cases, gets the product computed
    term by term.) Each layer then
    applies :eq:`deep-11`, :eq:`deep-8`, :eq:`deep-9` and :eq:`deep-10`,
    and stores the results under the keys of :eq:`deep-15`.

    As in the notes, ``dZ`` and ``dA`` (and the entries ``grads["dA…"]``)
    are :math:`m` times the derivatives of the cost :math:`J`: the pass
    starts from each example's loss, and the :math:`1/m` enters only in
    ``dW`` and ``db``, which are the gradients of :math:`J` itself.

    Parameters
    ----------
    AL : array_like, shape (1, m)
        Output of :func:`~nnlit.deep.L_model_forward`, in [0, 1].
    Y : array_like, shape (1, m)
        Labels in {0, 1}.
    caches : list of L layer caches
        As returned by :func:`~nnlit.deep.L_model_forward`.
    hidden_activation : {"relu", "sigmoid", "tanh"}, default "relu"
        The hidden activation the forward pass used.

    Returns
    -------
    grads : dict
        ``"dA0"``, ..., ``"dA{L-1}"``, ``"dW1"``, ..., ``"dWL"``,
        ``"db1"``, ..., ``"dbL"``; every entry is finite for finite inputs,
        however saturated the output.

    Raises
    ------
    ValueError
        If the caches do not chain (the message names the layer and both
        shapes), AL is exactly 0 or 1 where the sigmoid of the cached
        :math:`Z^{[L]}` is not (the start value would be infinite), a label is
        not 0 or 1 or the activation is unknown.

    Examples
    --------
    >>> from nnlit.deep import L_model_backward, L_model_forward
    >>> parameters = {"W1": np.array([[1.0], [-1.0]]), "b1": np.zeros((2, 1)),
    ...               "W2": np.array([[1.0, 1.0]]), "b2": np.array([[-1.0]])}
    >>> AL, caches = L_model_forward(np.array([[1.0, -2.0]]), parameters)
    >>> grads = L_model_backward(AL, np.array([[1, 0]]), caches)
    >>> sorted(grads)
    ['dA0', 'dA1', 'dW1', 'dW2', 'db1', 'db2']
    >>> print(grads["dW2"], grads["db2"])
    [[-0.25        0.73105858]] [[0.11552929]]
    """
    hidden = _activation_name(hidden_activation)
    AL = as_matrix(AL, "AL", shape=(1, None))
    Y = as_binary_labels(Y, "Y", AL, "AL")
    caches = _check_caches(AL, caches)
    ZL = caches[-1][1]
    s = _sigmoid(ZL)
    if np.any(((AL == 0) & (s != 0) & (Y == 1)) | ((AL == 1) & (s != 1) & (Y == 0))):
        raise ValueError(
            "AL is exactly 0 (or 1) where sigmoid(ZL) of the cache is not, so the start "
            "value dAL of the backward pass is infinite: pass the AL that L_model_forward "
            "returned with these caches"
        )
    return _L_model_backward(_start_dZL(AL, Y, s), caches, hidden)


# ---- learning ------------------------------------------------------------------

def _update_parameters(parameters, grads, learning_rate, L):
    new = {}
    for layer in range(1, L + 1):
        new[f"W{layer}"] = parameters[f"W{layer}"] - learning_rate * grads[f"dW{layer}"]
        new[f"b{layer}"] = parameters[f"b{layer}"] - learning_rate * grads[f"db{layer}"]
    return new


def update_parameters(parameters, grads, learning_rate):
    r"""One step of gradient descent on every layer.

    .. math::

        W^{[l]} \leftarrow W^{[l]} - \alpha\, dW^{[l]}, \qquad
        b^{[l]} \leftarrow b^{[l]} - \alpha\, db^{[l]}

    These are :eq:`deep-16` and :eq:`deep-17`, for l = 1, ..., L.

    Parameters
    ----------
    parameters : dict
        ``"W1"``, ``"b1"``, ..., ``"WL"``, ``"bL"`` (not modified).
    grads : dict
        ``"dW1"``, ``"db1"``, ... of the same shapes.
    learning_rate : float
        The step size :math:`\alpha`.

    Returns
    -------
    parameters : dict
        New arrays after the step.

    Raises
    ------
    ValueError
        If a gradient is missing or differs in shape from its parameter.

    Examples
    --------
    >>> from nnlit.deep import update_parameters
    >>> p = {"W1": np.array([[1.0, 2.0]]), "b1": np.array([[0.5]])}
    >>> g = {"dW1": np.array([[10.0, -10.0]]), "db1": np.array([[1.0]])}
    >>> new = update_parameters(p, g, 0.1)
    >>> print(new["W1"], new["b1"])
    [[0. 3.]] [[0.4]]
    """
    learning_rate = as_scalar(learning_rate, "learning_rate")
    if not isinstance(parameters, dict) or not isinstance(grads, dict):
        raise ValueError("parameters and grads must be dicts (W1, b1, ... and dW1, db1, ...)")
    L = sum(1 for k in parameters if isinstance(k, str) and k[:1] == "W")
    keys = _keys(L)
    checked_p = as_entries(parameters, keys, "parameters")
    checked_g = as_entries(grads, ["d" + key for key in keys], "grads")
    for key in keys:
        p, g = checked_p[key], checked_g["d" + key]
        if p.shape != g.shape:
            raise ValueError(
                f"layer {key[1:]}: {key} has shape {p.shape} and d{key} has shape "
                f"{g.shape}: they must match"
            )
    return _update_parameters(checked_p, checked_g, learning_rate, L)


def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000,
                  print_cost=False, rng=None, scale=0.01, hidden_activation="relu",
                  method="auto"):
    r"""Train an L-layer network by gradient descent.

    Each iteration runs the forward pass :eq:`deep-4`, the cost :eq:`deep-7`
    (from :math:`Z^{[L]}`, as in :eq:`logistic-cost-logits`, so it is finite
    even for saturated outputs), the backward pass of
    :func:`~nnlit.deep.L_model_backward` and the step :eq:`deep-16`,
    :eq:`deep-17`. The weights start as in :eq:`deep-init`.

    With ``method="dual"`` the loop never multiplies by X: the first layer's
    weights stay :math:`W^{[1]}_0 + C_t X^T` (:eq:`speed-span`), so its scores
    take the same steps through the Gram matrix (:eq:`speed-gram`,
    :eq:`speed-scores`), and its weights are formed once, at the end
    (:eq:`speed-weights`):

    .. math::

        K = X^T X + \mathbf{1}\mathbf{1}^T, \qquad
        Z^{[1]} \leftarrow Z^{[1]} - \frac{\alpha}{m}\, dZ^{[1]} K

    Parameters
    ----------
    X : array_like, shape (n_x, m)
        Training examples, one per column.
    Y : array_like, shape (1, m)
        Labels in {0, 1}.
    layers_dims : list of int
        ``[n_x, n[1], ..., 1]``; ``layers_dims[0]`` must equal the number of
        rows of X and the last size must be 1.
    learning_rate : float, default 0.0075
    num_iterations : int, default 3000
    print_cost : bool, default False
        Print the cost every 100 iterations and after the last one.
    rng : None, int, numpy.random.Generator or numpy.random.RandomState
        Source of the initial weights.
    scale : float or {"xavier", "he"}, default 0.01
        Initialisation scale, see :func:`~nnlit.deep.initialize_parameters_deep`.
        The default is the notes' choice, under which a deep ReLU network
        stalls; by :eq:`deep-spread` only ``"he"`` keeps the spread of ReLU
        layers constant (``"xavier"`` halves it at every layer).
    hidden_activation : {"relu", "sigmoid", "tanh"}, default "relu"
    method : {"auto", "primal", "dual"}, default "auto"
        ``"primal"`` multiplies by X twice per iteration, ``"dual"`` uses the
        m x m Gram matrix instead. ``"auto"`` takes the dual form exactly when
        it needs fewer multiply-adds for this run,
        :math:`(n_x + 1)\, m\, (m + 2 n^{[1]}) + T n^{[1]} m^2 < 2 T n^{[1]} (n_x + 1)\, m`
        for T iterations (roughly: m below 2 n_x), and the Gram matrix takes
        at most 256 MiB. Both give the same costs and parameters up to
        rounding.

    Returns
    -------
    parameters : dict
        The trained ``"W1"``, ``"b1"``, ..., ``"WL"``, ``"bL"``.
    costs : list of float
        The cost at iterations 0, 100, 200, ... and at the last iteration,
        each taken before that iteration's step.

    Raises
    ------
    ValueError
        If ``layers_dims`` does not fit X (the message names both shapes),
        the labels are not 0/1, a hyperparameter is invalid or the method is
        not one of "auto", "primal", "dual".

    Examples
    --------
    >>> from nnlit.deep import L_layer_model, predict
    >>> X = np.array([[-2.0, -1.0, 1.0, 2.0], [1.0, -1.0, 1.0, -1.0]])
    >>> Y = np.array([[0, 0, 1, 1]])
    >>> parameters, costs = L_layer_model(X, Y, [2, 3, 1], learning_rate=0.5,
    ...                                   num_iterations=250, rng=0, scale="he")
    >>> print(predict(X, parameters), len(costs))
    [[0. 0. 1. 1.]] 4
    """
    X = as_matrix(X, "X")
    Y = as_binary_labels(Y, "Y", X, "X")
    dims = _layer_dims(layers_dims)
    if dims[0] != X.shape[0]:
        raise ValueError(
            f"layers_dims[0] is {dims[0]} and X has shape {X.shape}: the input "
            f"size must be the number of rows of X"
        )
    if dims[-1] != 1:
        raise ValueError(f"layers_dims must end with 1 (one sigmoid output unit), got {dims}")
    hidden = _activation_name(hidden_activation)
    learning_rate = as_scalar(learning_rate, "learning_rate")
    num_iterations = non_negative_int(num_iterations, "num_iterations")
    parameters = initialize_parameters_deep(dims, rng=rng, scale=scale, dtype=X.dtype)
    L = len(dims) - 1
    method = choose_method(method, dims[0], X.shape[1], dims[1], num_iterations,
                           X.dtype.itemsize)
    Wbs = [np.hstack([parameters[f"W{k}"], parameters[f"b{k}"]]) for k in range(1, L + 1)]
    costs, _ = fit(X, Y, Wbs, hidden, learning_rate, num_iterations, method,
                   print_cost=print_cost)
    for k, Wb in enumerate(Wbs, start=1):
        parameters[f"W{k}"], parameters[f"b{k}"] = Wb[:, :-1].copy(), Wb[:, -1:].copy()
    return parameters, costs


def predict(X, parameters, hidden_activation="relu"):
    r"""Predict labels 0/1 with a trained network.

    .. math::

        \hat{y}^{(i)} = \begin{cases} 1 & a^{[L](i)} > 0.5 \\ 0 & a^{[L](i)} \le 0.5 \end{cases}

    the rule :eq:`logistic-predict` applied to the forward pass
    :eq:`deep-4`. As in chapter 1, :math:`a > 0.5` exactly when
    :math:`z^{[L]} > 0`, so the score is compared with 0.

    Parameters
    ----------
    X : array_like, shape (n_x, m)
    parameters : dict
        ``"W1"``, ``"b1"``, ..., ``"WL"``, ``"bL"``.
    hidden_activation : {"relu", "sigmoid", "tanh"}, default "relu"

    Returns
    -------
    Y_prediction : ndarray, shape (1, m)
        Entries 0.0 or 1.0.

    Raises
    ------
    ValueError
        If the parameters do not fit X (the message names the layer and both shapes).

    Examples
    --------
    >>> from nnlit.deep import predict
    >>> parameters = {"W1": np.array([[1.0], [-1.0]]), "b1": np.zeros((2, 1)),
    ...               "W2": np.array([[1.0, 1.0]]), "b2": np.array([[-1.0]])}
    >>> print(predict(np.array([[0.5, 3.0, -3.0]]), parameters))
    [[0. 1. 1.]]
    """
    hidden = _activation_name(hidden_activation)
    X, L, parameters = _check_parameters(X, parameters)
    _, caches = _L_model_forward(X, parameters, L, hidden)
    ZL = caches[-1][1]
    return (ZL > 0).astype(ZL.dtype)


__all__ = ["initialize_parameters_deep", "linear_forward", "linear_activation_forward",
           "L_model_forward", "compute_cost", "linear_backward",
           "linear_activation_backward", "L_model_backward", "update_parameters",
           "L_layer_model", "predict", "SCALES"]


# ---- the why of depth: the signal through many layers, and what depth buys ------


def _scales(dims, scale):
    """The scale s_l of every layer l = 1..L, as (D1) draws it."""
    n_prev = np.asarray(dims[:-1], dtype=float)
    if scale == "xavier":
        return 1 / np.sqrt(n_prev)
    if scale == "he":
        return np.sqrt(2 / n_prev)
    return np.full(n_prev.shape, scale)


def predicted_spread(layer_dims, scale=0.01, x_rms=1.0):
    r"""Root mean square of every hidden layer's activations, as (D5) predicts it.

    .. math::

        \operatorname{rms}\bigl(a^{[l]}\bigr) = \operatorname{rms}(x)
        \prod_{k=1}^{l} \sqrt{\frac{n^{[k-1]} s_k^2}{2}},
        \qquad l = 1, \dots, L-1

    This is :eq:`deep-spread-depth`, the factor :eq:`deep-spread` applied
    layer after layer to weights drawn as in :eq:`deep-init`. A factor below 1
    makes the activations vanish geometrically with depth, one above 1 makes
    them explode; only He's scale gives exactly 1. It is an average over the
    random weights: :func:`~nnlit.deep.activation_rms` measures one network.

    Parameters
    ----------
    layer_dims : list of int
        ``[n_x, n[1], ..., n[L]]``.
    scale : float or {"xavier", "he"}, default 0.01
        As in :func:`~nnlit.deep.initialize_parameters_deep`.
    x_rms : float, default 1.0
        Root mean square of the inputs, :math:`\sqrt{\mathbb{E}[x^2]}`.

    Returns
    -------
    rms : ndarray, shape (L-1,)
        The predicted root mean square of :math:`A^{[1]}, \dots, A^{[L-1]}`.

    Raises
    ------
    ValueError
        If a size is not a positive integer, the scale is unknown or
        ``x_rms`` is negative.

    Examples
    --------
    >>> from nnlit.deep import predicted_spread
    >>> print(predicted_spread([100, 100, 100, 100, 1], scale="he"))
    [1. 1. 1.]
    >>> print(predicted_spread([100, 100, 100, 100, 1], scale="xavier").round(4))
    [0.7071 0.5    0.3536]
    """
    dims, scale = _layer_dims(layer_dims), _scale_of(scale)
    x_rms = as_scalar(x_rms, "x_rms")
    if x_rms < 0:
        raise ValueError(f"x_rms must be a root mean square, at least 0, got {x_rms}")
    n_prev, s = np.asarray(dims[:-1], dtype=float), _scales(dims, scale)
    return x_rms * np.cumprod(np.sqrt(n_prev * s ** 2 / 2))[:-1]


def activation_rms(X, parameters, hidden_activation="relu"):
    r"""Root mean square of every hidden layer's activations, measured.

    .. math::

        \operatorname{rms}\bigl(A^{[l]}\bigr) = \sqrt{\frac{1}{n^{[l]} m}
        \sum_{j=1}^{n^{[l]}} \sum_{i=1}^{m} \bigl(A^{[l]}_{ji}\bigr)^2},
        \qquad l = 1, \dots, L-1

    from a forward pass :eq:`deep-4` on ``X``: what
    :func:`~nnlit.deep.predicted_spread` predicts with :eq:`deep-spread-depth`.

    Parameters
    ----------
    X : array_like, shape (n_x, m)
    parameters : dict
        ``"W1"``, ``"b1"``, ..., ``"WL"``, ``"bL"``.
    hidden_activation : {"relu", "sigmoid", "tanh"}, default "relu"

    Returns
    -------
    rms : ndarray, shape (L-1,)

    Raises
    ------
    ValueError
        As :func:`~nnlit.deep.L_model_forward`.

    Examples
    --------
    >>> from nnlit.deep import activation_rms, initialize_parameters_deep, predicted_spread
    >>> X = np.random.default_rng(0).normal(size=(500, 2000))
    >>> p = initialize_parameters_deep([500, 500, 500, 1], rng=0, scale="xavier")
    >>> predicted = predicted_spread([500, 500, 500, 1], "xavier")
    >>> print(activation_rms(X, p).round(2), predicted.round(2))
    [0.71 0.52] [0.71 0.5 ]
    """
    _, caches = L_model_forward(X, parameters, hidden_activation)
    # the cache of layer l + 1 starts with its input A[l]
    return np.array([np.sqrt(np.mean(c[0][0] ** 2)) for c in caches[1:]])


def sawtooth_parameters(k, sharpness=10.0):
    r"""A deep, narrow ReLU network whose score is a sawtooth with 2^k pieces.

    .. math::

        t(u) = 2 \operatorname{relu}(u) - 4 \operatorname{relu}\bigl(u - \tfrac{1}{2}\bigr),
        \qquad z^{[L]} = c \Bigl( t^{\circ k}(x) - \tfrac{1}{2} \Bigr)

    for :math:`x \in [0, 1]`, with :math:`L = k + 1` layers of sizes
    ``[1, 2, ..., 2, 1]`` and :math:`6k + 1` parameters. Each hidden layer
    computes the two units of one tent map :math:`t` :eq:`deep-tent` of the
    previous tent's value, so the score changes sign :math:`2^k` times on
    :math:`[0, 1]`. A network with one hidden layer of N units changes sign at
    most :math:`N + 1` times :eq:`deep-shallow-pieces`: it needs
    :math:`2^k - 1` units to do the same.

    Parameters
    ----------
    k : int
        Number of hidden layers (tents composed), at least 1.
    sharpness : float, default 10.0
        The factor c of the output score; :func:`~nnlit.deep.predict` labels
        1 where :math:`t^{\circ k}(x) > 1/2` whatever its value.

    Returns
    -------
    parameters : dict
        ``"W1"``, ``"b1"``, ..., ``"W{k+1}"``, ``"b{k+1}"`` for
        :func:`~nnlit.deep.L_model_forward` with ReLU hidden layers.

    Raises
    ------
    ValueError
        If k is not a positive integer or the sharpness is not positive.

    Examples
    --------
    >>> from nnlit.deep import predict, sawtooth_parameters
    >>> x = np.array([[0.05, 0.2, 0.3, 0.45, 0.55, 0.7, 0.8, 0.95]])
    >>> print(predict(x, sawtooth_parameters(2)))
    [[0. 1. 1. 0. 0. 1. 1. 0.]]
    """
    k = positive_int(k, "k")
    c = as_scalar(sharpness, "sharpness")
    if not c > 0:
        raise ValueError(f"sharpness must be a positive number, got {c}")
    tent = np.array([[2.0, -4.0]])  # t = 2 relu(u) - 4 relu(u - 1/2)
    halves = np.array([[0.0], [-0.5]])
    parameters = {"W1": np.ones((2, 1)), "b1": halves.copy()}
    for layer in range(2, k + 1):  # the two units of t, applied to the previous t
        parameters[f"W{layer}"], parameters[f"b{layer}"] = np.vstack([tent, tent]), halves.copy()
    parameters[f"W{k + 1}"], parameters[f"b{k + 1}"] = c * tent, np.array([[-c / 2]])
    return parameters


__all__ += ["predicted_spread", "activation_rms", "sawtooth_parameters"]
