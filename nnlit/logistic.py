r"""Logistic regression as a one-neuron network (chapter 1).

The functions follow the course's names and shapes: ``X`` is ``(n_x, m)``
with one example per column, ``Y`` is ``(1, m)``, ``w`` is ``(n_x, 1)`` and
``b`` a scalar. The public functions check their inputs once; the training
loop then calls the unchecked ``_propagate``.
"""

import numpy as np

from nnlit._checks import (
    as_binary_labels,
    as_matrix,
    as_scalar,
    non_negative_int,
    positive_int,
)
from nnlit._descent import choose_method, fit
from nnlit.activations import _sigmoid, _sigmoid_prime, sigmoid
from nnlit.losses import _cost_from_logits


def _check_params(w, b, X):
    X = as_matrix(X, "X")
    w = as_matrix(w, "w")
    if w.shape != (X.shape[0], 1):
        raise ValueError(
            f"w has shape {w.shape} and X has shape {X.shape}: w must have "
            f"shape ({X.shape[0]}, 1), one weight per row (feature) of X"
        )
    return w, as_scalar(b, "b"), X


def initialize_with_zeros(dim, dtype=np.float64):
    r"""Start the parameters of :eq:`logistic-1` at zero.

    .. math::

        w = \mathbf{0} \in \mathbb{R}^{n_x \times 1}, \qquad b = 0

    Parameters
    ----------
    dim : int
        Number of features :math:`n_x`.
    dtype : numpy float dtype, default float64
        Type of ``w``; pass ``np.float32`` to train in single precision.

    Returns
    -------
    w : ndarray, shape (dim, 1)
        Zeros.
    b : float
        0.0.

    Examples
    --------
    >>> from nnlit.logistic import initialize_with_zeros
    >>> w, b = initialize_with_zeros(2)
    >>> print(w.shape, w.ravel(), b)
    (2, 1) [0. 0.] 0.0
    """
    return np.zeros((positive_int(dim, "dim"), 1), dtype=dtype), 0.0


def _propagate(w, b, X, Y):
    m = X.shape[1]
    Z = w.T @ X + b
    dZ = _sigmoid(Z) - Y
    # (1/m) X (A - Y)^T with the 1/m on the short factor: no overflow for huge X
    grads = {"dw": X @ (dZ.T / m), "db": float(np.sum(dZ) / m)}
    return grads, _cost_from_logits(Z, Y)


def propagate(w, b, X, Y):
    r"""Forward pass, cost and gradients of logistic regression.

    .. math::

        A = \sigma(w^T X + b), \qquad
        J = \frac{1}{m} \sum_{i=1}^{m} L\bigl(a^{(i)}, y^{(i)}\bigr),

        \frac{\partial J}{\partial w} = \frac{1}{m} X (A - Y)^T, \qquad
        \frac{\partial J}{\partial b} = \frac{1}{m} \sum_{i=1}^{m} \bigl(a^{(i)} - y^{(i)}\bigr)

    The forward pass is :eq:`logistic-forward` (that is :eq:`logistic-1` and
    :eq:`logistic-2` for all columns at once: the product of
    :eq:`prelim-2` and ``b`` broadcast as in :eq:`prelim-3` of the
    preliminaries), the cost is :eq:`logistic-6` evaluated stably as
    :eq:`logistic-cost-logits`, and the gradients are :eq:`logistic-7` and
    :eq:`logistic-8`, built on :eq:`logistic-dz`.

    Parameters
    ----------
    w : array_like, shape (n_x, 1)
        Weights.
    b : float
        Bias.
    X : array_like, shape (n_x, m)
        Examples, one per column.
    Y : array_like, shape (1, m)
        Labels in {0, 1} (booleans are accepted).

    Returns
    -------
    grads : dict
        ``"dw"``: ndarray of shape (n_x, 1), the gradient of J with respect
        to w; ``"db"``: float, the gradient with respect to b.
    cost : float
        J, finite even when a prediction saturates to 0 or 1.

    Raises
    ------
    ValueError
        If the shapes of w, X and Y do not fit, any input is NaN or inf, or a
        label is not 0 or 1.

    Examples
    --------
    >>> from nnlit.logistic import propagate
    >>> w, b = np.array([[1.0], [2.0]]), 2.0
    >>> X = np.array([[1.0, 2.0, -1.0], [3.0, 4.0, -3.2]])
    >>> Y = np.array([[1, 0, 1]])
    >>> grads, cost = propagate(w, b, X, Y)
    >>> print(grads["dw"].ravel(), round(grads["db"], 8), round(cost, 8))
    [0.99845601 2.39507239] 0.00145558 5.80154532
    """
    w, b, X = _check_params(w, b, X)
    return _propagate(w, b, X, as_binary_labels(Y, "Y", X, "X"))


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False,
             method="auto"):
    r"""Gradient descent on the cost :eq:`logistic-6`.

    Each iteration runs :func:`~nnlit.logistic.propagate` and then takes the step
    :eq:`logistic-update`:

    .. math::

        w \leftarrow w - \alpha \frac{\partial J}{\partial w}, \qquad
        b \leftarrow b - \alpha \frac{\partial J}{\partial b}

    With ``method="dual"`` the loop never multiplies by X: w stays
    :math:`w_0 + X c` and the scores move through the Gram matrix
    :math:`K = X^T X + \mathbf{1}\mathbf{1}^T` (:eq:`speed-gram`,
    :eq:`speed-logistic`); w and b are formed once, at the end.

    Parameters
    ----------
    w : array_like, shape (n_x, 1)
        Starting weights (not modified).
    b : float
        Starting bias.
    X : array_like, shape (n_x, m)
        Training examples, one per column.
    Y : array_like, shape (1, m)
        Labels in {0, 1}.
    num_iterations : int, default 100
        Number of gradient steps.
    learning_rate : float, default 0.009
        Step size :math:`\alpha`.
    print_cost : bool, default False
        Print the cost every 100 iterations.
    method : {"auto", "primal", "dual"}, default "auto"
        As for :func:`~nnlit.deep.L_layer_model` with one unit: ``"auto"``
        takes the dual form exactly when it needs fewer multiply-adds for this
        run and its m x m Gram matrix takes at most 256 MiB.

    Returns
    -------
    params : dict
        ``"w"`` (n_x, 1) and ``"b"`` (float) after the last step.
    grads : dict
        ``"dw"`` and ``"db"`` of the last iteration, computed before its step.
    costs : list of float
        The cost at iterations 0, 100, 200, ..., each taken before that
        iteration's step.

    Examples
    --------
    >>> from nnlit.logistic import optimize
    >>> w, b = np.array([[1.0], [2.0]]), 2.0
    >>> X = np.array([[1.0, 2.0, -1.0], [3.0, 4.0, -3.2]])
    >>> Y = np.array([[1, 0, 1]])
    >>> params, grads, costs = optimize(w, b, X, Y, num_iterations=100,
    ...                                 learning_rate=0.009)
    >>> print(params["w"].ravel(), round(params["b"], 8))
    [0.19033591 0.12259159] 1.92535983
    >>> print(grads["dw"].ravel(), round(grads["db"], 8), [round(c, 6) for c in costs])
    [0.67752042 1.41625495] 0.2191945 [5.801545]
    """
    w, b, X = _check_params(w, b, X)
    Y = as_binary_labels(Y, "Y", X, "X")
    num_iterations = non_negative_int(num_iterations, "num_iterations")
    learning_rate = as_scalar(learning_rate, "learning_rate")
    dtype = np.result_type(w, X)
    X, Y = X.astype(dtype, copy=False), Y.astype(dtype, copy=False)
    method = choose_method(method, X.shape[0], X.shape[1], 1, num_iterations, dtype.itemsize)
    Wb = np.append(w.T, b).astype(dtype).reshape(1, -1)
    costs, last = fit(X, Y, [Wb], None, learning_rate, num_iterations, method,
                      record_last=False, print_cost=print_cost)
    if last is None:
        grads = {"dw": np.zeros_like(w), "db": 0.0}
    else:  # the last iteration's gradients, before its step, as _propagate has them
        grads = {"dw": X @ (last.T / X.shape[1]), "db": float(np.sum(last) / X.shape[1])}
    return {"w": Wb[0, :-1].reshape(-1, 1), "b": float(Wb[0, -1])}, grads, costs


def predict(w, b, X):
    r"""Predict labels 0/1 with learned parameters.

    .. math::

        \hat{y}^{(i)} = \begin{cases} 1 & a^{(i)} > 0.5 \\ 0 & a^{(i)} \le 0.5
        \end{cases}, \qquad A = \sigma(w^T X + b)

    which is :eq:`logistic-predict` applied to :eq:`logistic-forward`.

    Parameters
    ----------
    w : array_like, shape (n_x, 1)
        Weights.
    b : float
        Bias.
    X : array_like, shape (n_x, m)
        Examples, one per column.

    Returns
    -------
    Y_prediction : ndarray, shape (1, m)
        Entries 0.0 or 1.0 (in the dtype of the scores).

    Examples
    --------
    >>> from nnlit.logistic import predict
    >>> w, b = np.array([[0.1124579], [0.23106775]]), -0.3
    >>> X = np.array([[1.0, -1.1, -3.2], [1.2, 2.0, 0.1]])
    >>> print(predict(w, b, X))
    [[1. 1. 0.]]
    """
    w, b, X = _check_params(w, b, X)
    A = _sigmoid(w.T @ X + b)
    return (A > 0.5).astype(A.dtype)


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000,
          learning_rate=0.5, print_cost=False, method="auto"):
    r"""Train logistic regression from zeros and predict on both sets.

    Puts :func:`~nnlit.logistic.initialize_with_zeros`,
    :func:`~nnlit.logistic.optimize` and :func:`~nnlit.logistic.predict`
    together: the whole algorithm of :eq:`logistic-forward` to
    :eq:`logistic-update`.

    Parameters
    ----------
    X_train : array_like, shape (n_x, m_train)
    Y_train : array_like, shape (1, m_train)
        Labels in {0, 1}.
    X_test : array_like, shape (n_x, m_test)
    Y_test : array_like, shape (1, m_test)
        Labels in {0, 1}.
    num_iterations : int, default 2000
    learning_rate : float, default 0.5
    print_cost : bool, default False
        Print the cost every 100 iterations and both accuracies at the end.
    method : {"auto", "primal", "dual"}, default "auto"
        How :func:`~nnlit.logistic.optimize` trains.

    Returns
    -------
    d : dict
        ``"costs"`` (list of float), ``"Y_prediction_test"`` (1, m_test),
        ``"Y_prediction_train"`` (1, m_train), ``"w"`` (n_x, 1), ``"b"``
        (float), ``"learning_rate"``, ``"num_iterations"``.

    Examples
    --------
    >>> from nnlit.logistic import model
    >>> X = np.array([[-2.0, -1.0, 1.0, 2.0]])
    >>> Y = np.array([[0, 0, 1, 1]])
    >>> d = model(X, Y, X, Y, num_iterations=200, learning_rate=0.5)
    >>> print(d["Y_prediction_test"], len(d["costs"]))
    [[0. 0. 1. 1.]] 2
    """
    X_train = as_matrix(X_train, "X_train")
    X_test = as_matrix(X_test, "X_test", shape=(X_train.shape[0], None))
    Y_test = as_binary_labels(Y_test, "Y_test", X_test, "X_test")
    w, b = initialize_with_zeros(X_train.shape[0], dtype=X_train.dtype)
    params, _, costs = optimize(w, b, X_train, Y_train, num_iterations,
                                learning_rate, print_cost, method)
    w, b = params["w"], params["b"]
    Y_prediction_train = predict(w, b, X_train)
    Y_prediction_test = predict(w, b, X_test)
    if print_cost:
        for name, pred, Y in (("train", Y_prediction_train, Y_train),
                              ("test", Y_prediction_test, Y_test)):
            print(f"{name} accuracy: {100 * np.mean(pred == Y):.2f} %")
    return {
        "costs": costs,
        "Y_prediction_test": Y_prediction_test,
        "Y_prediction_train": Y_prediction_train,
        "w": w,
        "b": b,
        "learning_rate": learning_rate,
        "num_iterations": num_iterations,
    }


__all__ = ["sigmoid", "initialize_with_zeros", "propagate", "optimize",
           "predict", "model"]


def cost_hessian(w, b, X):
    r"""Second derivatives of the cost :eq:`logistic-6` with respect to
    :math:`(w, b)`: the Hessian, which shows that the cost is convex.

    .. math::

        \nabla^2 J = \frac{1}{m}\, \tilde{X}\,
            \operatorname{diag}\bigl(a^{(i)}(1 - a^{(i)})\bigr)\, \tilde{X}^T,
        \qquad \tilde{X} = \begin{pmatrix} X \\ 1 \cdots 1 \end{pmatrix}

    This is :eq:`logistic-hessian`. The labels do not appear in it, and it
    is positive semi-definite for every :math:`(w, b)`, by :eq:`logistic-convex`,
    so the cost has no local minimum that is not a global one.

    Parameters
    ----------
    w : array_like, shape (n_x, 1)
        Weights.
    b : float
        Bias.
    X : array_like, shape (n_x, m)
        Examples, one per column.

    Returns
    -------
    H : ndarray, shape (n_x + 1, n_x + 1)
        Rows and columns in the order :math:`w_1, \dots, w_{n_x}, b`.

    Raises
    ------
    ValueError
        If w does not have shape (n_x, 1) for X's n_x, or an input is not finite.

    Examples
    --------
    >>> from nnlit.logistic import cost_hessian
    >>> X = np.array([[1.0, -1.0]])
    >>> H = cost_hessian(np.zeros((1, 1)), 0.0, X)   # a = 1/2, a (1 - a) = 1/4
    >>> print(H)
    [[0.25 0.  ]
     [0.   0.25]]
    >>> X = np.random.default_rng(0).normal(size=(2, 50))
    >>> H = cost_hessian(np.array([[3.0], [-2.0]]), 1.0, X)
    >>> bool(np.linalg.eigvalsh(H).min() >= 0)
    True
    """
    w, b, X = _check_params(w, b, X)
    m = X.shape[1]
    X_tilde = np.vstack([X, np.ones((1, m), dtype=X.dtype)])
    curvature = _sigmoid_prime(w.T @ X + b)  # a (1 - a), one per example
    return (X_tilde * (curvature / m)) @ X_tilde.T


__all__ += ["cost_hessian"]
