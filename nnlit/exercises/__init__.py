r"""Check your own implementation of the course's functions against nnlit.

``check("logistic.propagate", my_propagate)`` runs the book's checks on a
function written by a learner and returns a report that names the wrong
quantity and the likely mistake, in English or Chinese.
"""

from nnlit.exercises import _deep, _logistic, _shallow, _skeletons, _softmax
from nnlit.exercises._check import run
from nnlit.exercises._i18n import as_lang

EXERCISES = {ex.name: ex for module in (_logistic, _shallow, _softmax, _deep)
             for ex in module.EXERCISES}
"""Exercise name (``module.function`` of nnlit) -> its checks."""


def check(name, function, lang=None, timeout=10.0):
    r"""Run the book's checks on your own version of an nnlit function.

    The checks run in this order and stop at the first failure: the
    function runs on the course's shapes; it returns the right types, keys
    and shapes; its values agree with nnlit on several random inputs (among
    them inputs where a per-column and a global sum differ, and ReLU inputs
    exactly 0); its gradients agree with centred differences of its own cost
    (:func:`~nnlit.gradcheck.gradient_check`, for ``logistic.propagate``,
    which returns one); edge cases (a single example, extreme inputs). A
    wrong value is compared with the typical mistakes of the exercise (a
    missing :math:`1/m`, a sign, a transpose, a wrong axis, a forgotten
    mask, the mistakes of the errata) and the report names the one it
    matches. NaN, inf or warnings at extreme inputs are reported as advice,
    not as failure: the plain textbook formulas pass.

    Parameters
    ----------
    name : str
        ``"module.function"`` of nnlit, e.g. ``"logistic.propagate"``; one
        of the keys of ``nnlit.exercises.EXERCISES``.
    function : callable
        Your function, with the course's name, arguments and return values.
        It is called on copies of the inputs; what it prints and the
        warnings it emits are captured.
    lang : {"en", "zh_CN"} or None, default None
        Language of the report; None takes it from the locale (``LANGUAGE``,
        ``LC_ALL``, ``LC_MESSAGES``, ``LANG``).
    timeout : float or None, default 10.0
        Seconds one call of your function may run: a call still running
        then (a loop that never ends) is stopped and reported as a failure.
        None for no limit. The limit takes a timer signal, so it holds on
        Linux and macOS in the main thread; elsewhere there is none.

    Returns
    -------
    CheckResult
        ``.passed`` (bool; the result is also truthy when passed) and a
        report as ``str()``; ``.report(lang)`` gives it in another language.

    Raises
    ------
    ValueError
        If the exercise name or the language is unknown.

    Examples
    --------
    >>> import numpy as np
    >>> from nnlit.exercises import check
    >>> def propagate(w, b, X, Y):
    ...     m = X.shape[1]
    ...     A = 1 / (1 + np.exp(-(w.T @ X + b)))
    ...     cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    ...     dw = X @ (A - Y).T               # the 1/m is missing
    ...     db = np.sum(A - Y) / m
    ...     return {"dw": dw, "db": db}, cost
    >>> result = check("logistic.propagate", propagate, lang="en")
    >>> result.passed
    False
    >>> print(result)
    logistic.propagate: FAILED at step 3 of 5 (values against nnlit on random inputs)
      ✓ runs on the course's shapes
      ✓ output types, keys and shapes
      ✗ values against nnlit on random inputs
          dw is wrong on the course's example (w (2, 1), X (2, 3), Y (1, 3)).
          dw[1, 0]: yours 7.18522, expected 2.39507.
          dw is m times too large: did you forget the 1/m?
      · gradients against centred differences of your own cost
      · edge cases
    """
    return run(_exercise(name), function, as_lang(lang), timeout)


def _exercise(name):
    if name not in EXERCISES:
        raise ValueError(f"unknown exercise {name!r}; expected one of: {', '.join(EXERCISES)}")
    return EXERCISES[name]


def skeleton(name, lang=None):
    r'''The source of an exercise's skeleton: the course's signature, the task, no body.

    The body raises ``NotImplementedError``, which
    :func:`~nnlit.exercises.check` reports as "not written yet"; an
    exercise notebook puts the skeleton in one cell and the call of
    :func:`~nnlit.exercises.check` in the next.

    Parameters
    ----------
    name : str
        ``"module.function"`` of nnlit, a key of ``nnlit.exercises.EXERCISES``.
    lang : {"en", "zh_CN"} or None, default None
        Language of the task and the comment; None takes it from the locale.

    Returns
    -------
    source : str
        A function definition, ready to be executed.

    Raises
    ------
    ValueError
        If the exercise name or the language is unknown.

    Examples
    --------
    >>> from nnlit.exercises import check, skeleton
    >>> print(skeleton("deep.linear_forward", lang="en"))
    def linear_forward(A, W, b):
        """The linear part of one layer: Z = W A + b. Return Z and the cache
        (A, W, b).
        """
        # your code here
        raise NotImplementedError
    <BLANKLINE>
    >>> namespace = {}
    >>> exec(skeleton("deep.linear_forward", lang="zh_CN"), namespace)
    >>> print(check("deep.linear_forward", namespace["linear_forward"], lang="zh_CN"))
    deep.linear_forward：未通过，第 1 步（共 4 步）：在课程的形状上运行
      ✗ 在课程的形状上运行
          在形状为 A (3, 2), W (1, 3), b (1, 1) 的输入上，你的函数抛出了 NotImplementedError。
          这个函数还没有写：把 NotImplementedError 换成你的代码。
      · 输出的类型、键和形状
      · 在随机输入上与 nnlit 比较数值
      · 边界情况
    '''
    return _skeletons.skeleton(_exercise(name), as_lang(lang))
