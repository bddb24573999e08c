"""Preliminaries: broadcasting, flattening and standardisation."""

import numpy as np
import sympy as sp

from derivations import check_close, check_zero, proves, symbol_matrix
from nnlit.data import flatten, standardize


@proves("prelim-2", "prelim-3")
def broadcasting_adds_b_to_every_column():
    W, X, b = symbol_matrix("w", 3, 3), symbol_matrix("x", 3, 3), symbol_matrix("b", 3, 1)
    Z = W * X + b * sp.ones(1, 3)  # b copied into each of the three columns
    for i in range(3):
        for j in range(3):
            written_out = sum(W[i, k] * X[k, j] for k in range(3)) + b[i]
            check_zero(Z[i, j] - written_out, f"entry ({i + 1}, {j + 1})")
    # NumPy's broadcasting of a (3, 1) b over a (3, 3) product does the same
    rng = np.random.default_rng(2)
    Wv, Xv, bv = rng.normal(size=(3, 3)), rng.normal(size=(3, 3)), rng.normal(size=(3, 1))
    symbols = [*W, *X, *b]
    check_close(Wv @ Xv + bv, sp.lambdify(symbols, Z)(*Wv.ravel(), *Xv.ravel(), *bv.ravel()),
                "W @ X + b")


@proves("prelim-flatten")
def flatten_puts_each_image_in_a_column():
    # a numerical check of an index map: entry (r, c, k) of image i lands in
    # row (r * w + c) * ch + k of column i
    m, h, w, ch = 3, 4, 5, 3
    images = np.random.default_rng(3).normal(size=(m, h, w, ch))
    X = flatten(images)
    if X.shape != (h * w * ch, m):
        raise AssertionError(f"flatten gave shape {X.shape}")
    i, r, c, k = np.meshgrid(*map(np.arange, (m, h, w, ch)), indexing="ij")
    check_close(X[(r * w + c) * ch + k, i], images, "flatten index map", rtol=0, atol=0)


@proves("prelim-standardize")
def standardized_features_have_mean_0_and_variance_1():
    x = sp.symbols("x1:5", real=True)
    mu = sum(x) / 4
    s = sp.sqrt(sum((xi - mu) ** 2 for xi in x) / 4)
    t = [(xi - mu) / s for xi in x]
    check_zero(sum(t) / 4, "mean after standardising")
    check_zero(sum(ti**2 for ti in t) / 4 - 1, "variance after standardising")
    rng = np.random.default_rng(4)
    train, test = rng.normal(3, 2, (1, 4)), rng.normal(3, 2, (1, 2))
    mu_s = sp.lambdify(x, [mu, s])(*train.ravel())
    tr, te = standardize(train, test)
    check_close(tr, (train - mu_s[0]) / mu_s[1], "standardize on the training set")
    check_close(te, (test - mu_s[0]) / mu_s[1], "standardize with training statistics")
