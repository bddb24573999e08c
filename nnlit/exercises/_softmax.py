"""Exercises of chapter 3: the softmax and its cross-entropy."""

import numpy as np

from nnlit import softmax
from nnlit.exercises._i18n import N_
from nnlit.exercises._run import Case
from nnlit.exercises._spec import Exercise, formula, m_times, negated


def _scores(rng):
    """(label, Z, y, extreme): columns with different sums, so axis mistakes show."""
    yield N_("inputs of the course's shapes"), np.array([[1.0, 3.0, -1.0], [2.0, 4.0, 0.5],
                                                [3.0, 0.0, 2.0]]), np.array([2, 0, 1]), False
    yield N_("random inputs"), rng.normal(size=(5, 4)) * 2, np.array([0, 3, 1, 1]), False
    yield N_("random inputs"), rng.normal(size=(4, 7)), rng.integers(0, 4, 7), False
    yield N_("a single example (m = 1)"), rng.normal(size=(3, 1)), np.array([1]), False
    yield N_("extreme scores"), np.array([[1000.0, -1000.0], [0.0, -1001.0]]), \
        np.array([1, 0]), True


def _cases(rng, with_labels):
    return [Case(label, {"Z": Z, "y": y} if with_labels else {"Z": Z}, m=Z.shape[1],
                 edge=i >= 3, extreme=big)
            for i, (label, Z, y, big) in enumerate(_scores(rng))]


def _normalised(E, axis):
    return E / E.sum(axis=axis, keepdims=axis is not None)


SOFTMAX_MISTAKES = (
    formula(N_("The columns of your softmax do not each sum to 1: sum over axis 0, each "
               "column on its own, not over the whole matrix (erratum 6)."),
            lambda c: {"A": _normalised(np.exp(c.args["Z"]), None)}),
    formula(N_("Your softmax normalises each row: the examples are the columns, so sum over "
               "axis 0 (keepdims=True)."), lambda c: {"A": _normalised(np.exp(c.args["Z"]), 1)}),
    formula(N_("{q}: exponentiate Z, not −Z; the largest score gets the largest probability."),
            lambda c: {"A": _normalised(np.exp(-c.args["Z"]), 0)}),
    formula(N_("{q} is not normalised: divide np.exp(Z) by its column sums."),
            lambda c: {"A": np.exp(c.args["Z"])}),
)


def _picked(A, y):
    return float(-np.mean(np.log(A[y, np.arange(A.shape[1])])))


CROSS_ENTROPY_MISTAKES = (
    m_times("cost", hint=N_("{q} is m times too large: the cost is the mean over the "
                            "examples, (1/m) Σ (erratum 5).")),
    negated("cost", hint=N_("{q} has the wrong sign: J = −(1/m) Σ log a_y, never negative.")),
    formula(N_("Your cost uses a softmax normalised over the whole batch: each column must sum "
               "to 1 on its own, sum over axis 0 (erratum 6)."),
            lambda c: {"cost": _picked(_normalised(np.exp(c.args["Z"]), None), c.args["y"])}),
    formula(N_("Your cost picks A[example, label]: the scores are (C, m), so pick "
               "A[y, range(m)], the row of each label in its column."),
            lambda c: {"cost": _picked(softmax.softmax(c.args["Z"]).T, c.args["y"])}),
    formula(N_("Your cost takes the log of the scores: take the log of their softmax."),
            lambda c: {"cost": _picked(c.args["Z"], c.args["y"])}),
)

EXERCISES = (
    Exercise("softmax.softmax", softmax.softmax, ("Z",), ("A",),
             lambda rng: _cases(rng, False), SOFTMAX_MISTAKES,
             N_("At extreme scores your softmax gave NaN or inf or warned: subtract each "
                "column's own maximum first, np.exp(Z − Z.max(axis=0, keepdims=True)), which "
                "changes nothing else (equation (C3), erratum 7).")),
    Exercise("softmax.cross_entropy", softmax.cross_entropy, ("Z", "y"), ("cost",),
             lambda rng: _cases(rng, True), CROSS_ENTROPY_MISTAKES,
             N_("At extreme scores your cost is NaN or inf or warned: take the logarithm of "
                "the softmax by log-sum-exp, log a_j = z_j − max z − log Σ exp(z_k − max z), "
                "equation (C4) (erratum 9).")),
)
