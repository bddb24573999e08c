r"""The full-batch gradient-descent loop of :mod:`nnlit.logistic` and :mod:`nnlit.deep`.

A network [LINEAR -> g] x (L-1) -> LINEAR -> SIGMOID is trained on ``X``
``(n_x, m)``; logistic regression is the case L = 1. The loop computes what
the course's functions compute, nothing more, in place and in the dtype of
``X`` (float32 stays float32):

- each layer keeps ``Wb = [W | b]`` and each layer's input a last row of
  ones, so :math:`Z = W A + b` is one matrix product and so is the step
  :math:`\alpha\,[dW \mid db] = dZ\,[A; 1]^T`;
- :math:`dZ^{[L]} = (\alpha/m)(A^{[L]} - Y)` carries the step size and the
  :math:`1/m`, so the products that follow are the step itself;
- a hidden layer keeps only :math:`A = g(Z)`: ReLU's slope is
  :math:`[A > 0]`, tanh's :math:`1 - A^2`, the sigmoid's :math:`A(1 - A)`;
- no :math:`dA^{[0]}` is formed.

``method="dual"`` never multiplies by ``X`` inside the loop: gradient descent
keeps :math:`W^{[1]}` in :math:`W^{[1](0)} + C X^T`, so the first layer's
scores move by :math:`Z^{[1]} \leftarrow Z^{[1]} - (\alpha/m)\, dZ^{[1]} K`
with the Gram matrix :math:`K = X^T X + \mathbf{1}\mathbf{1}^T` (the ones
carry the bias), and :math:`[W^{[1]} \mid b^{[1]}]` is formed once at the end
from the sum of the steps (equations ``speed-scores`` and ``speed-weights`` of
the speed page, proven in ``derivations/speed.py``).
"""

import numpy as np

from nnlit.activations import _sigmoid
from nnlit.losses import _cost_from_logits

METHODS = ("auto", "primal", "dual")
GRAM_BYTES = 2**28
"""The largest Gram matrix ``method="auto"`` builds: 256 MiB (m = 5792 in float64)."""


def choose_method(method, n_x, m, n1, iterations, itemsize):
    """Resolve ``"auto"``: the dual form exactly when it needs fewer multiply-adds
    and its m x m Gram matrix takes at most ``GRAM_BYTES``."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; expected one of: "
                         + ", ".join(repr(x) for x in METHODS))
    if method != "auto":
        return method
    primal = iterations * 2 * n1 * (n_x + 1) * m
    dual = (n_x + 1) * m * (m + 2 * n1) + iterations * n1 * m * m
    return "dual" if dual < primal and m * m * itemsize <= GRAM_BYTES else "primal"


def with_ones(A):
    """``[A; 1]``: A with a last row of ones (a new array)."""
    out = np.empty((A.shape[0] + 1, A.shape[1]), dtype=A.dtype)
    out[:-1] = A
    out[-1] = 1
    return out


def _activate(name, Z, out):
    """out = g(Z); out may be Z itself."""
    if name == "relu":
        np.maximum(Z, 0, out=out)
    elif name == "tanh":
        np.tanh(Z, out=out)
    else:
        out[...] = _sigmoid(Z)


def _times_slope(name, dA, A):
    """dA *= g'(Z), written with A = g(Z)."""
    if name == "relu":
        np.multiply(dA, A > 0, out=dA)
    elif name == "tanh":
        dA *= 1 - A * A
    else:
        dA *= A * (1 - A)


def fit(X, Y, Wbs, hidden, alpha, iterations, method, record_last=True, print_cost=False):
    """Train the layers ``Wbs = [[W1 | b1], ..., [WL | bL]]`` in place.

    Returns the costs (iterations 0, 100, ... and the last one when
    ``record_last``) and the last iteration's ``A[L] - Y`` (None if no
    iteration ran). ``method`` is ``"primal"`` or ``"dual"``.
    """
    L, m, dtype = len(Wbs), X.shape[1], X.dtype
    step = alpha / m
    dual = method == "dual"
    acts = [None if dual else with_ones(X)]
    acts += [np.ones((W.shape[0] + 1, m), dtype) for W in Wbs[:-1]]  # [A; 1] per hidden layer
    dAs = [np.empty((W.shape[0], m), dtype) for W in Wbs[:-1]]
    steps = [np.empty_like(W) for W in Wbs]
    if dual:
        K = X.T @ X
        K += 1
        Z1 = Wbs[0][:, :-1] @ X
        Z1 += Wbs[0][:, -1:]
        moved, total = np.empty_like(Z1), np.zeros_like(Z1)
    ZL = np.empty((1, m), dtype) if L > 1 or not dual else Z1
    costs, last = [], None
    for i in range(iterations):
        if dual and L > 1:
            _activate(hidden, Z1, acts[1][:-1])
        for k in range(1 if dual else 0, L - 1):
            z = acts[k + 1][:-1]
            np.matmul(Wbs[k], acts[k], out=z)
            _activate(hidden, z, z)
        if L > 1 or not dual:
            np.matmul(Wbs[-1], acts[-1], out=ZL)
        if i % 100 == 0 or (record_last and i == iterations - 1):
            costs.append(_cost_from_logits(ZL, Y))
            if print_cost:
                print(f"Cost after iteration {i}: {costs[-1]:f}")
        dZ = _sigmoid(ZL)
        dZ -= Y  # A[L] - Y: dAL times sigma'(ZL), (D4)
        if i == iterations - 1:
            last = dZ.copy()
        dZ *= step
        for k in range(L - 1, -1, -1):
            if k:  # dA[k] = W[k+1]^T dZ[k+1], before W[k+1] moves
                np.matmul(Wbs[k][:, :-1].T, dZ, out=dAs[k - 1])
                _times_slope(hidden, dAs[k - 1], acts[k][:-1])
            if dual and k == 0:
                np.matmul(dZ, K, out=moved)
                Z1 -= moved
                total += dZ
            else:
                np.matmul(dZ, acts[k].T, out=steps[k])
                Wbs[k] -= steps[k]
            dZ = dAs[k - 1] if k else None
    if dual and iterations:
        Wbs[0][:, :-1] -= total @ X.T
        Wbs[0][:, -1] -= total.sum(axis=1)
    return costs, last
