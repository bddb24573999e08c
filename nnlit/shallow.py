r"""A network with one hidden tanh layer and a sigmoid output (chapter 2).

Names, shapes and dictionary keys are the course's: ``X`` is ``(n_x, m)``,
``Y`` is ``(1, m)``, ``parameters`` holds ``"W1"`` ``(n_h, n_x)``, ``"b1"``
``(n_h, 1)``, ``"W2"`` ``(n_y, n_h)`` and ``"b2"`` ``(n_y, 1)``, the cache
holds ``"Z1"``, ``"A1"``, ``"Z2"``, ``"A2"`` and the gradients ``"dW1"``,
``"db1"``, ``"dW2"``, ``"db2"``. The public functions check their inputs
once; :func:`~nnlit.shallow.nn_model` then loops over the unchecked helpers.
"""

import numpy as np

from nnlit._checks import (
    as_binary_labels,
    as_entries,
    as_matrix,
    as_rng,
    as_scalar,
    non_negative_int,
    positive_int,
    same_examples,
    standard_normal,
)
from nnlit.activations import _sigmoid
from nnlit.losses import _cost_from_logits, binary_cross_entropy

PARAMETER_KEYS = ("W1", "b1", "W2", "b2")
CACHE_KEYS = ("Z1", "A1", "Z2", "A2")
GRAD_KEYS = ("dW1", "db1", "dW2", "db2")


def _check_parameters(parameters, x_shape=None):
    """Check keys and shapes; ``x_shape`` is the shape of X when X is known."""
    p = as_entries(parameters, PARAMETER_KEYS, "parameters")
    n_h, n_x_w = p["W1"].shape
    n_y = p["W2"].shape[0]
    want = {"W1": (n_h, n_x_w if x_shape is None else x_shape[0]), "b1": (n_h, 1),
            "W2": (n_y, n_h), "b2": (n_y, 1)}
    for key, shape in want.items():
        if p[key].shape != shape:
            raise ValueError(
                f'parameters["{key}"] has shape {p[key].shape}, expected {shape} '
                f"(W1 is {p['W1'].shape}, W2 is {p['W2'].shape}"
                + ("" if x_shape is None else f", X is {x_shape}") + ")"
            )
    return p


def _check_data(X, Y, parameters=None):
    X = as_matrix(X, "X")
    Y = as_binary_labels(Y, "Y", X, "X")
    p = None if parameters is None else _check_parameters(parameters, X.shape)
    if p is not None and p["W2"].shape[0] != 1:
        raise ValueError(
            f'parameters["W2"] has shape {p["W2"].shape} and Y has shape {Y.shape}: '
            f"a binary output needs n_y = 1"
        )
    return X, Y, p


def layer_sizes(X, Y, n_h=4):
    r"""The three layer sizes of the network, read from the data.

    Parameters
    ----------
    X : array_like, shape (n_x, m)
        Examples, one per column.
    Y : array_like, shape (n_y, m)
        Labels, one column per example.
    n_h : int, default 4
        Number of hidden units (the course fixes it at 4).

    Returns
    -------
    (n_x, n_h, n_y) : tuple of int

    Raises
    ------
    ValueError
        If X and Y have different numbers of columns.

    Examples
    --------
    >>> from nnlit.shallow import layer_sizes
    >>> layer_sizes(np.zeros((5, 3)), np.zeros((2, 3)))
    (5, 4, 2)
    """
    X, Y = as_matrix(X, "X"), as_matrix(Y, "Y")
    same_examples(X, Y)
    return X.shape[0], positive_int(n_h, "n_h"), Y.shape[0]


def initialize_parameters(n_x, n_h, n_y, rng=None, dtype=np.float64):
    r"""Small random weights and zero biases.

    .. math::

        W^{[1]} = 0.01\,\mathcal{N}(0, 1)^{n_h \times n_x}, \quad
        b^{[1]} = \mathbf{0}^{n_h \times 1}, \quad
        W^{[2]} = 0.01\,\mathcal{N}(0, 1)^{n_y \times n_h}, \quad
        b^{[2]} = \mathbf{0}^{n_y \times 1}

    ``W1`` is drawn before ``W2``, each row by row, so
    ``rng=np.random.RandomState(2)`` gives the course's values (its
    ``np.random.seed(2)``). Random weights make the hidden units differ from
    the start; with equal weights, every unit of :eq:`shallow-forward` would
    compute the same thing and receive the same gradient :eq:`shallow-dw1`
    for ever: :eq:`shallow-symmetry`.

    Parameters
    ----------
    n_x, n_h, n_y : int
        Sizes of the input, hidden and output layers.
    rng : None, int, numpy.random.Generator or numpy.random.RandomState
        Source of the weights.
    dtype : numpy float dtype, default float64

    Returns
    -------
    parameters : dict
        ``"W1"`` (n_h, n_x), ``"b1"`` (n_h, 1), ``"W2"`` (n_y, n_h),
        ``"b2"`` (n_y, 1).

    Examples
    --------
    >>> from nnlit.shallow import initialize_parameters
    >>> p = initialize_parameters(2, 4, 1, rng=np.random.RandomState(2))
    >>> print(p["W1"])
    [[-0.00416758 -0.00056267]
     [-0.02136196  0.01640271]
     [-0.01793436 -0.00841747]
     [ 0.00502881 -0.01245288]]
    >>> print(p["W2"], p["b1"].ravel(), p["b2"].ravel())
    [[-0.01057952 -0.00909008  0.00551454  0.02292208]] [0. 0. 0. 0.] [0.]
    """
    n_x, n_h, n_y = (positive_int(n, name) for n, name in
                     ((n_x, "n_x"), (n_h, "n_h"), (n_y, "n_y")))
    rng = as_rng(rng)
    W1 = (standard_normal(rng, (n_h, n_x)) * 0.01).astype(dtype)
    W2 = (standard_normal(rng, (n_y, n_h)) * 0.01).astype(dtype)
    return {"W1": W1, "b1": np.zeros((n_h, 1), dtype), "W2": W2, "b2": np.zeros((n_y, 1), dtype)}


HIDDEN = {"tanh": (np.tanh, lambda A1: 1 - A1 ** 2), "identity": (lambda Z1: Z1, lambda A1: 1)}
"""hidden activation -> (g, g' written in terms of A1 = g(Z1)), for nn_model."""


def _forward(X, p, hidden="tanh"):
    Z1 = p["W1"] @ X + p["b1"]
    A1 = HIDDEN[hidden][0](Z1)
    Z2 = p["W2"] @ A1 + p["b2"]
    A2 = _sigmoid(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


def forward_propagation(X, parameters):
    r"""Forward pass for all examples at once.

    .. math::

        Z^{[1]} = W^{[1]} X + b^{[1]}, \quad A^{[1]} = \tanh\bigl(Z^{[1]}\bigr), \quad
        Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}, \quad A^{[2]} = \sigma\bigl(Z^{[2]}\bigr)

    This is :eq:`shallow-forward`: equations :eq:`shallow-1`,
    :eq:`shallow-2`, :eq:`shallow-3` and :eq:`shallow-4` for every column of
    X, the biases broadcast across the columns. The sigmoid is the stable one
    of chapter 1.

    Parameters
    ----------
    X : array_like, shape (n_x, m)
        Examples, one per column.
    parameters : dict
        ``"W1"`` (n_h, n_x), ``"b1"`` (n_h, 1), ``"W2"`` (n_y, n_h),
        ``"b2"`` (n_y, 1).

    Returns
    -------
    A2 : ndarray, shape (n_y, m)
        Output probabilities.
    cache : dict
        ``"Z1"``, ``"A1"`` (n_h, m), ``"Z2"``, ``"A2"`` (n_y, m), for
        :func:`~nnlit.shallow.backward_propagation`.

    Raises
    ------
    ValueError
        If a key is missing or a shape does not fit.

    Examples
    --------
    >>> from nnlit.shallow import forward_propagation
    >>> p = {"W1": np.array([[1.0, 0.0], [0.0, -1.0]]), "b1": np.zeros((2, 1)),
    ...      "W2": np.array([[2.0, 2.0]]), "b2": np.array([[0.0]])}
    >>> A2, cache = forward_propagation(np.array([[0.0, 1.0], [0.0, 1.0]]), p)
    >>> print(cache["A1"])      # tanh(1) = 0.76159416, tanh(-1) = -0.76159416
    [[ 0.          0.76159416]
     [ 0.         -0.76159416]]
    >>> print(A2)               # sigma(0) twice: the two units cancel
    [[0.5 0.5]]
    """
    X = as_matrix(X, "X")
    return _forward(X, _check_parameters(parameters, X.shape))


def compute_cost(A2, Y):
    r"""Cross-entropy cost of the output probabilities.

    .. math::

        J = -\frac{1}{m} \sum_{i=1}^{m} \Bigl( y^{(i)} \log a^{[2](i)}
            + \bigl(1 - y^{(i)}\bigr) \log\bigl(1 - a^{[2](i)}\bigr) \Bigr)

    This is :eq:`shallow-6`, computed by
    :func:`~nnlit.losses.binary_cross_entropy` (never :math:`\log 0`).
    :func:`~nnlit.shallow.nn_model` evaluates the same cost from ``Z2``
    instead, which needs no guard at all.

    Parameters
    ----------
    A2 : array_like, shape (1, m)
        Probabilities from :func:`~nnlit.shallow.forward_propagation`.
    Y : array_like, shape (1, m)
        Labels in {0, 1}.

    Returns
    -------
    cost : float

    Raises
    ------
    ValueError
        If the shapes differ, A2 is outside [0, 1] or Y is not 0/1.

    Examples
    --------
    >>> from nnlit.shallow import compute_cost
    >>> round(compute_cost(np.array([[0.5, 0.5]]), np.array([[1, 0]])), 8)  # log 2
    0.69314718
    """
    return binary_cross_entropy(A2, Y)


def _backward(p, cache, X, Y, hidden="tanh"):
    m = X.shape[1]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dZ1 = (p["W2"].T @ dZ2) * HIDDEN[hidden][1](A1)
    # 1/m on the short factor first: the products cannot overflow
    return {"dW1": (dZ1 / m) @ X.T, "db1": np.sum(dZ1 / m, axis=1, keepdims=True),
            "dW2": (dZ2 / m) @ A1.T, "db2": np.sum(dZ2 / m, axis=1, keepdims=True)}


def backward_propagation(parameters, cache, X, Y):
    r"""Gradients of the cost with respect to all four parameters.

    .. math::

        dZ^{[2]} = A^{[2]} - Y, \qquad
        dW^{[2]} = \frac{1}{m}\, dZ^{[2]} A^{[1]T}, \qquad
        db^{[2]} = \frac{1}{m} \sum_{i=1}^{m} dZ^{[2](i)},

        dZ^{[1]} = W^{[2]T} dZ^{[2]} \odot \bigl(1 - A^{[1]} \odot A^{[1]}\bigr), \qquad
        dW^{[1]} = \frac{1}{m}\, dZ^{[1]} X^T, \qquad
        db^{[1]} = \frac{1}{m} \sum_{i=1}^{m} dZ^{[1](i)}

    These are :eq:`shallow-dz2`, :eq:`shallow-dw2`, :eq:`shallow-db2`,
    :eq:`shallow-dz1` (with :eq:`shallow-dtanh`), :eq:`shallow-dw1` and
    :eq:`shallow-db1`: the code convention with :math:`1/m` in dW and db.
    The other convention :eq:`shallow-convention` gives the very same
    numbers.

    Parameters
    ----------
    parameters : dict
        ``"W1"``, ``"b1"``, ``"W2"`` (1, n_h), ``"b2"``.
    cache : dict
        ``"Z1"``, ``"A1"`` (n_h, m), ``"Z2"``, ``"A2"`` (1, m) from
        :func:`~nnlit.shallow.forward_propagation`.
    X : array_like, shape (n_x, m)
    Y : array_like, shape (1, m)
        Labels in {0, 1}.

    Returns
    -------
    grads : dict
        ``"dW1"`` (n_h, n_x), ``"db1"`` (n_h, 1), ``"dW2"`` (1, n_h),
        ``"db2"`` (1, 1): each of the shape of its parameter.

    Raises
    ------
    ValueError
        If a key is missing or a shape does not fit.

    Examples
    --------
    >>> from nnlit.shallow import backward_propagation, forward_propagation
    >>> p = {"W1": np.zeros((2, 2)), "b1": np.zeros((2, 1)),
    ...      "W2": np.ones((1, 2)), "b2": np.zeros((1, 1))}
    >>> X, Y = np.array([[1.0, 3.0], [2.0, 4.0]]), np.array([[1, 0]])
    >>> A2, cache = forward_propagation(X, p)   # A1 = 0, A2 = 1/2 everywhere
    >>> grads = backward_propagation(p, cache, X, Y)
    >>> print(grads["db2"], grads["dW2"])       # mean of A2 - Y = (-1/2 + 1/2) / 2
    [[0.]] [[0. 0.]]
    >>> print(grads["dW1"])                     # rows: (-1/2 * x1 + 1/2 * x2) / 2
    [[0.5 0.5]
     [0.5 0.5]]
    """
    X, Y, p = _check_data(X, Y, parameters)
    c = as_entries(cache, CACHE_KEYS, "cache")
    n_h, m = p["W1"].shape[0], X.shape[1]
    for key, shape in (("Z1", (n_h, m)), ("A1", (n_h, m)), ("Z2", (1, m)), ("A2", (1, m))):
        if c[key].shape != shape:
            raise ValueError(f'cache["{key}"] has shape {c[key].shape}, expected {shape} '
                             f"(W1 is {p['W1'].shape}, X is {X.shape})")
    return _backward(p, c, X, Y)


def _update(p, grads, learning_rate):
    return {k: p[k] - learning_rate * grads["d" + k] for k in PARAMETER_KEYS}


def update_parameters(parameters, grads, learning_rate=1.2):
    r"""One gradient-descent step on both layers.

    .. math::

        W^{[l]} \leftarrow W^{[l]} - \alpha\, dW^{[l]}, \qquad
        b^{[l]} \leftarrow b^{[l]} - \alpha\, db^{[l]}, \qquad l = 1, 2

    which is :eq:`shallow-update`.

    Parameters
    ----------
    parameters : dict
        ``"W1"``, ``"b1"``, ``"W2"``, ``"b2"`` (not modified).
    grads : dict
        ``"dW1"``, ``"db1"``, ``"dW2"``, ``"db2"``, each of the shape of its
        parameter.
    learning_rate : float, default 1.2
        Step size :math:`\alpha`.

    Returns
    -------
    parameters : dict
        New arrays after the step.

    Raises
    ------
    ValueError
        If a key is missing or a gradient's shape differs from its parameter's.

    Examples
    --------
    >>> from nnlit.shallow import update_parameters
    >>> p = {"W1": np.ones((1, 1)), "b1": np.zeros((1, 1)),
    ...      "W2": np.ones((1, 1)), "b2": np.zeros((1, 1))}
    >>> g = {"dW1": np.full((1, 1), 0.5), "db1": np.ones((1, 1)),
    ...      "dW2": np.zeros((1, 1)), "db2": np.full((1, 1), -1.0)}
    >>> new = update_parameters(p, g, learning_rate=0.1)
    >>> print(new["W1"], new["b1"], new["W2"], new["b2"])
    [[0.95]] [[-0.1]] [[1.]] [[0.1]]
    """
    p = _check_parameters(parameters)
    g = as_entries(grads, GRAD_KEYS, "grads")
    for k in PARAMETER_KEYS:
        if g["d" + k].shape != p[k].shape:
            raise ValueError(f'grads["d{k}"] has shape {g["d" + k].shape} and '
                             f'parameters["{k}"] has shape {p[k].shape}: they must be equal')
    return _update(p, g, as_scalar(learning_rate, "learning_rate"))


def nn_model(X, Y, n_h=4, num_iterations=10000, print_cost=False, rng=None,
             learning_rate=1.2, return_costs=False, hidden_activation="tanh"):
    r"""Train the shallow network by gradient descent.

    Starts from :func:`~nnlit.shallow.initialize_parameters`, then repeats
    the forward pass :eq:`shallow-forward`, the cost :eq:`shallow-6`, the
    backward pass :eq:`shallow-dz2` to :eq:`shallow-db1` and the step
    :eq:`shallow-update`.

    Parameters
    ----------
    X : array_like, shape (n_x, m)
        Training examples, one per column.
    Y : array_like, shape (1, m)
        Labels in {0, 1}.
    n_h : int, default 4
        Number of hidden units.
    num_iterations : int, default 10000
        Number of gradient steps.
    print_cost : bool, default False
        Print the cost every 1000 iterations.
    rng : None, int, numpy.random.Generator or numpy.random.RandomState
        Source of the initial weights; ``np.random.RandomState(2)`` is the
        course's start.
    learning_rate : float, default 1.2
    return_costs : bool, default False
        Also return the recorded costs.
    hidden_activation : {"tanh", "identity"}, default "tanh"
        The function of the hidden layer. ``"identity"`` makes it linear,
        :math:`A^{[1]} = Z^{[1]}` with slope 1 in :eq:`shallow-dz1`: by
        :eq:`shallow-collapse` the trained network is then logistic
        regression, and :func:`~nnlit.shallow.collapse_linear_layers` gives
        its weights (:func:`~nnlit.shallow.predict` assumes tanh).

    Returns
    -------
    parameters : dict
        ``"W1"``, ``"b1"``, ``"W2"``, ``"b2"`` after the last step.
    costs : list of float
        Only if ``return_costs``: the cost at iterations 0, 1000, 2000, ...,
        each taken before that iteration's step. ``parameters = nn_model(...)``
        works as in the course; ``parameters, costs = nn_model(...,
        return_costs=True)`` also hands back the curve.

    Examples
    --------
    >>> from nnlit.shallow import nn_model, predict
    >>> X = np.array([[-2.0, -1.0, 1.0, 2.5]])
    >>> Y = np.array([[1, 0, 0, 1]])            # no single threshold separates these
    >>> params, costs = nn_model(X, Y, n_h=2, num_iterations=3000,
    ...                          rng=np.random.RandomState(2), return_costs=True)
    >>> print(predict(params, X), [round(c, 4) for c in costs])
    [[1. 0. 0. 1.]] [0.6931, 0.003, 0.0014]
    >>> parameters = nn_model(X, Y, n_h=2, num_iterations=10)   # the course's call
    >>> sorted(parameters)
    ['W1', 'W2', 'b1', 'b2']
    """
    X, Y, _ = _check_data(X, Y)
    num_iterations = non_negative_int(num_iterations, "num_iterations")
    learning_rate = as_scalar(learning_rate, "learning_rate")
    if hidden_activation not in HIDDEN:
        raise ValueError(f"unknown hidden_activation {hidden_activation!r}; "
                         f"expected one of: {', '.join(map(repr, HIDDEN))}")
    n_x, n_h, n_y = layer_sizes(X, Y, n_h)
    p = initialize_parameters(n_x, n_h, n_y, rng=rng, dtype=X.dtype)
    costs = []
    for i in range(num_iterations):
        _, cache = _forward(X, p, hidden_activation)
        if i % 1000 == 0:
            costs.append(_cost_from_logits(cache["Z2"], Y))
            if print_cost:
                print(f"Cost after iteration {i}: {costs[-1]:f}")
        p = _update(p, _backward(p, cache, X, Y, hidden_activation), learning_rate)
    return (p, costs) if return_costs else p


def predict(parameters, X):
    r"""Predict labels 0/1 with a trained network.

    .. math::

        \hat{y}^{(i)} = \begin{cases} 1 & a^{[2](i)} > 0.5 \\
        0 & a^{[2](i)} \le 0.5 \end{cases}

    which is :eq:`shallow-5` applied to the forward pass :eq:`shallow-forward`.

    Parameters
    ----------
    parameters : dict
        ``"W1"``, ``"b1"``, ``"W2"``, ``"b2"``.
    X : array_like, shape (n_x, m)

    Returns
    -------
    predictions : ndarray, shape (n_y, m)
        Entries 0.0 or 1.0.

    Examples
    --------
    >>> from nnlit.shallow import predict
    >>> p = {"W1": np.array([[1.0]]), "b1": np.array([[0.0]]),
    ...      "W2": np.array([[3.0]]), "b2": np.array([[-1.0]])}
    >>> print(predict(p, np.array([[-1.0, 0.0, 1.0]])))   # 3 tanh(x) - 1 > 0
    [[0. 0. 1.]]
    """
    A2, _ = forward_propagation(X, parameters)
    return (A2 > 0.5).astype(A2.dtype)


def collapse_linear_layers(parameters):
    r"""The one linear layer that two linear layers amount to.

    .. math::

        W = W^{[2]} W^{[1]}, \qquad b = W^{[2]} b^{[1]} + b^{[2]}

    so that :math:`W^{[2]}\bigl(W^{[1]} X + b^{[1]}\bigr) + b^{[2]} = W X + b`
    for every X: this is :eq:`shallow-collapse`. A hidden layer without its
    non-linearity adds nothing: the network computes :math:`\sigma(W X + b)`,
    logistic regression with weights ``W.T`` and bias ``b``.

    Parameters
    ----------
    parameters : dict
        ``"W1"`` (n_h, n_x), ``"b1"`` (n_h, 1), ``"W2"`` (n_y, n_h),
        ``"b2"`` (n_y, 1).

    Returns
    -------
    W : ndarray, shape (n_y, n_x)
    b : ndarray, shape (n_y, 1)

    Raises
    ------
    ValueError
        If a key is missing or a shape does not fit.

    Examples
    --------
    >>> from nnlit.shallow import collapse_linear_layers
    >>> p = {"W1": np.array([[1.0, 2.0], [0.0, 1.0]]),
    ...      "b1": np.array([[1.0], [-1.0]]),
    ...      "W2": np.array([[3.0, -1.0]]), "b2": np.array([[0.5]])}
    >>> W, b = collapse_linear_layers(p)
    >>> print(W, b)     # W = [3, 6] - [0, 1], b = 3 + 1 + 0.5
    [[3. 5.]] [[4.5]]
    >>> X = np.array([[1.0, -2.0], [0.5, 4.0]])
    >>> print(p["W2"] @ (p["W1"] @ X + p["b1"]) + p["b2"], W @ X + b)
    [[10.  18.5]] [[10.  18.5]]
    """
    p = _check_parameters(parameters)
    return p["W2"] @ p["W1"], p["W2"] @ p["b1"] + p["b2"]


def hidden_unit_spread(parameters):
    r"""How far apart the hidden units are: 0 when they are all the same unit.

    .. math::

        \max_{j, k} \max\Bigl( \max_i \bigl|W^{[1]}_{ji} - W^{[1]}_{ki}\bigr|,\;
        \bigl|b^{[1]}_j - b^{[1]}_k\bigr|,\;
        \max_i \bigl|W^{[2]}_{ij} - W^{[2]}_{ik}\bigr| \Bigr)

    Unit :math:`j` is row :math:`j` of :math:`W^{[1]}`, entry :math:`j` of
    :math:`b^{[1]}` and column :math:`j` of :math:`W^{[2]}`. By
    :eq:`shallow-symmetry`, units that start equal stay equal under the
    step :eq:`shallow-update`: the spread of such a network stays 0 however
    long it trains.

    Parameters
    ----------
    parameters : dict
        ``"W1"`` (n_h, n_x), ``"b1"`` (n_h, 1), ``"W2"`` (n_y, n_h),
        ``"b2"`` (n_y, 1).

    Returns
    -------
    spread : float
        The largest difference between two hidden units' parameters.

    Raises
    ------
    ValueError
        If a key is missing or a shape does not fit.

    Examples
    --------
    >>> from nnlit.shallow import hidden_unit_spread
    >>> p = {"W1": np.array([[1.0, 2.0], [1.0, 2.5]]),
    ...      "b1": np.zeros((2, 1)),
    ...      "W2": np.array([[3.0, 3.0]]), "b2": np.zeros((1, 1))}
    >>> hidden_unit_spread(p)   # 2.5 - 2.0 in the second column of W1
    0.5
    """
    p = _check_parameters(parameters)
    units = np.hstack([p["W1"], p["b1"], p["W2"].T])  # one row per hidden unit
    return float(np.max(units.max(axis=0) - units.min(axis=0)))


__all__ = ["layer_sizes", "initialize_parameters", "forward_propagation", "compute_cost",
           "backward_propagation", "update_parameters", "nn_model", "predict",
           "collapse_linear_layers", "hidden_unit_spread"]
