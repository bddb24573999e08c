r"""Gradient checking: compare a backward pass with centred finite differences.

A backward pass is easy to get almost right. Gradient checking recomputes
every partial derivative from the cost alone, by nudging one parameter entry
at a time, and measures how far the two gradients are apart.
"""

from dataclasses import dataclass

import numpy as np

from nnlit._checks import as_float


def _cost_value(cost, parameters):
    value = np.asarray(cost(parameters), dtype=np.float64)
    if value.size != 1 or not np.isfinite(value).all():
        raise ValueError(f"cost must return one finite number, got {value!r}")
    return float(value.reshape(()))


def _as_parameters(parameters):
    if not isinstance(parameters, dict) or not parameters:
        raise ValueError("parameters must be a non-empty dict of name -> array")
    return {key: as_float(value, f"parameters[{key!r}]").astype(np.float64)
            for key, value in parameters.items()}


def numerical_gradients(cost, parameters, epsilon=1e-6):
    r"""Centred finite differences of ``cost`` for every parameter entry.

    .. math::

        \frac{\partial J}{\partial \theta_i} \approx
        \frac{J(\theta + \varepsilon e_i) - J(\theta - \varepsilon e_i)}{2\varepsilon}

    This is :eq:`gradcheck-centred`; its error shrinks like
    :math:`\varepsilon^2`, as :eq:`gradcheck-taylor` shows. The parameters
    are copied to float64 first, whatever their dtype.

    Parameters
    ----------
    cost : callable
        ``cost(parameters) -> float``: the cost J for a dict of parameters.
    parameters : dict of str -> array_like
        The point :math:`\theta` at which to differentiate; not modified.
    epsilon : float, default 1e-6
        The step :math:`\varepsilon`, positive.

    Returns
    -------
    gradients : dict of str -> ndarray
        ``"d" + key`` for every key of ``parameters``, each of the shape of
        that parameter (the course's naming: ``"W1"`` gives ``"dW1"``).

    Raises
    ------
    ValueError
        If epsilon is not positive, a parameter is not finite, or the cost
        does not return one finite number.

    Examples
    --------
    >>> from nnlit.gradcheck import numerical_gradients
    >>> cost = lambda p: float(np.sum(p["w"] ** 3))
    >>> g = numerical_gradients(cost, {"w": np.array([1.0, 2.0])}, epsilon=1e-3)
    >>> print(g["dw"])  # 3 w^2 + epsilon^2, exactly as (G2) predicts for a cubic
    [ 3.000001 12.000001]
    """
    epsilon = float(epsilon)
    if not (np.isfinite(epsilon) and epsilon > 0):
        raise ValueError(f"epsilon must be a positive number, got {epsilon!r}")
    theta = _as_parameters(parameters)
    _cost_value(cost, theta)  # fail early on a bad cost function
    gradients = {}
    for key, value in theta.items():
        flat = value.reshape(-1)  # a view: nudging it nudges theta[key]
        grad = np.empty_like(flat)
        for i in range(flat.size):
            keep = flat[i]
            flat[i] = keep + epsilon
            plus = _cost_value(cost, theta)
            flat[i] = keep - epsilon
            minus = _cost_value(cost, theta)
            flat[i] = keep
            grad[i] = (plus - minus) / (2 * epsilon)
        gradients["d" + key] = grad.reshape(value.shape)
    return gradients


def relative_error(g, g_num):
    r"""Relative distance between two gradients, a number in [0, 1].

    .. math::

        \frac{\lVert g - g_{\mathrm{num}} \rVert_2}
             {\lVert g \rVert_2 + \lVert g_{\mathrm{num}} \rVert_2}

    This is :eq:`gradcheck-relative-error`. It does not depend on the scale
    of the gradients, and it is 0 when both are zero.

    Parameters
    ----------
    g, g_num : array_like of the same shape
        The analytic and the numerical gradient (any shapes, flattened).

    Returns
    -------
    error : float

    Raises
    ------
    ValueError
        If the shapes differ or an entry is not finite.

    Examples
    --------
    >>> from nnlit.gradcheck import relative_error
    >>> relative_error([3.0, 4.0], [3.0, 4.0])
    0.0
    >>> round(relative_error([1.0, 0.0], [0.0, 1.0]), 6)
    0.707107
    >>> relative_error([1e-300, 0.0], [-1e-300, 0.0])
    1.0
    """
    g, g_num = as_float(g, "g"), as_float(g_num, "g_num")
    if g.shape != g_num.shape:
        raise ValueError(f"g has shape {g.shape} and g_num has shape {g_num.shape}: "
                         "they must have the same shape")
    scale = max(np.max(np.abs(g), initial=0.0), np.max(np.abs(g_num), initial=0.0))
    if scale == 0:
        return 0.0
    g, g_num = g / scale, g_num / scale  # norms without overflow or underflow
    denominator = np.linalg.norm(g) + np.linalg.norm(g_num)
    return float(np.linalg.norm(g - g_num) / denominator)


@dataclass(frozen=True)
class GradientCheck:
    """The outcome of :func:`~nnlit.gradcheck.gradient_check`.

    ``error`` is the relative error over all parameters at once, ``errors``
    the same per gradient name, and ``worst`` the entry where the two
    gradients differ most: ``(name, index, analytic, numerical)``. The check
    passes when ``error < threshold``; the report is then truthy.
    ``str()`` gives a readable report.

    Examples
    --------
    >>> from nnlit.gradcheck import gradient_check
    >>> report = gradient_check(lambda p: float(p["b"] ** 2), {"b": 3.0}, {"db": 6.0})
    >>> report.passed, report.worst[0], report.errors["db"] < 1e-9
    (True, 'db', True)
    """

    error: float
    errors: dict
    worst: tuple
    threshold: float
    epsilon: float

    @property
    def passed(self):
        return self.error < self.threshold

    def __bool__(self):
        return self.passed

    def __str__(self):
        name, index, analytic, numeric = self.worst
        verdict = "passed" if self.passed else "FAILED"
        lines = [f"gradient check {verdict}: relative error {self.error:.3e} "
                 f"(threshold {self.threshold:.0e}, epsilon {self.epsilon:.0e})"]
        lines += [f"  {key}: {err:.3e}" for key, err in self.errors.items()]
        lines.append(f"  worst entry: {name}{list(index)} analytic {analytic:.9g}, "
                     f"numerical {numeric:.9g}")
        return "\n".join(lines)


def gradient_check(cost, parameters, grads, epsilon=1e-6, threshold=1e-7):
    r"""Check a backward pass against centred finite differences.

    Every entry of every parameter is nudged by :math:`\pm\varepsilon`
    (:eq:`gradcheck-centred`); the analytic gradients ``grads`` and the
    numerical ones are then compared with the relative error
    :eq:`gradcheck-relative-error`, over all parameters at once and per
    parameter. In float64, with :math:`\varepsilon = 10^{-6}` (see
    :eq:`gradcheck-epsilon`), a correct backward pass of a smooth cost gives
    about :math:`10^{-9}` or less; a wrong one gives :math:`10^{-3}` or more.

    Parameters
    ----------
    cost : callable
        ``cost(parameters) -> float``.
    parameters : dict of str -> array_like
        Where to check; not modified.
    grads : dict of str -> array_like
        The analytic gradients, ``"d" + key`` for each parameter key (extra
        keys such as ``"dA0"`` are ignored).
    epsilon : float, default 1e-6
    threshold : float, default 1e-7
        The check passes when the relative error is below it.

    Returns
    -------
    GradientCheck
        Truthy when passed; ``print()`` it for a report naming the worst entry.

    Raises
    ------
    ValueError
        If a gradient is missing or its shape differs from its parameter's.

    Examples
    --------
    >>> from nnlit.gradcheck import gradient_check
    >>> cost = lambda p: float(np.sum(p["w"] ** 2))          # J = sum of w^2
    >>> w = np.array([[1.0, -2.0]])
    >>> bool(gradient_check(cost, {"w": w}, {"dw": 2 * w}))  # right: 2 w
    True
    >>> print(gradient_check(cost, {"w": w}, {"dw": w}))     # wrong: w
    gradient check FAILED: relative error 3.333e-01 (threshold 1e-07, epsilon 1e-06)
      dw: 3.333e-01
      worst entry: dw[0, 1] analytic -2, numerical -4
    """
    theta = _as_parameters(parameters)
    numeric = numerical_gradients(cost, theta, epsilon)
    analytic = {}
    for key, g_num in numeric.items():
        if key not in grads:
            raise ValueError(f"grads has no {key!r}; expected one gradient 'd' + name "
                             f"for each parameter: {sorted(numeric)}")
        g = as_float(grads[key], f"grads[{key!r}]")
        if g.shape != g_num.shape:
            name = key[1:]
            raise ValueError(f"grads[{key!r}] has shape {g.shape} and parameters[{name!r}] "
                             f"has shape {g_num.shape}: they must have the same shape")
        analytic[key] = g.astype(np.float64)
    keys = list(numeric)
    error = relative_error(np.concatenate([analytic[k].ravel() for k in keys]),
                           np.concatenate([numeric[k].ravel() for k in keys]))
    gaps = {k: np.abs(analytic[k] - numeric[k]) for k in keys}
    name = max(keys, key=lambda k: np.max(gaps[k], initial=-1.0))
    index = np.unravel_index(np.argmax(gaps[name]), gaps[name].shape)
    worst = (name, tuple(int(i) for i in index), float(analytic[name][index]),
             float(numeric[name][index]))
    errors = {k: relative_error(analytic[k], numeric[k]) for k in keys}
    return GradientCheck(error, errors, worst, float(threshold), float(epsilon))
