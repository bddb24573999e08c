"""Figures of chapter 4 (deep network), drawn at build time by running nnlit.

Both functions train on the digits 1 and 8 of scikit-learn's bundled digits
and take the build language ("en" or "zh_CN").
"""

import numpy as np
from matplotlib import pyplot as plt
from memo import cached

PAIR = (1, 8)
DEPTHS = {"2": [64, 16, 1], "4": [64, 16, 8, 4, 1]}
DEEP = [64, 16, 16, 8, 4, 1]
SCALES = (0.01, "xavier", "he")
ITERATIONS, RATE = 1500, 0.05

TEXT = {
    "en": {
        "iterations": "iteration",
        "cost": "cost J",
        "layers": "{L}-layer network, train {tr:.1f} %, test {te:.1f} %",
        "scale": {0.01: "0.01", "xavier": "1/√n[l−1]", "he": "√(2/n[l−1])"},
        "scale_acc": "scale {s}: train {tr:.1f} %, test {te:.1f} %",
        "depth_title": "Digits 1 vs 8, initial scale 1/√n[l−1]",
        "init_title": "5-layer network, three initial scales",
        "spread_title": "Size of the activations at the start",
        "layer": "layer l",
        "rms": "root mean square of A[l] (Z[L] at l = L)",
        "scale_only": "scale {s}",
    },
    "zh_CN": {
        "iterations": "迭代次数",
        "cost": "代价 J",
        "layers": "{L} 层网络，训练集 {tr:.1f} %，测试集 {te:.1f} %",
        "scale": {0.01: "0.01", "xavier": "1/√n[l−1]", "he": "√(2/n[l−1])"},
        "scale_acc": "尺度 {s}：训练集 {tr:.1f} %，测试集 {te:.1f} %",
        "depth_title": "数字 1 与 8，初始尺度 1/√n[l−1]",
        "init_title": "5 层网络，三种初始尺度",
        "spread_title": "初始时激活值的大小",
        "layer": "第 l 层",
        "rms": "A[l] 的均方根（l = L 时为 Z[L]）",
        "scale_only": "尺度 {s}",
    },
}


def digits():
    """The digits 1 and 8, standardised with the training set's statistics."""
    from nnlit.data import load_digits, standardize

    X_train, Y_train, X_test, Y_test = load_digits(classes=PAIR)
    X_train, X_test = standardize(X_train, X_test)
    return X_train, Y_train, X_test, Y_test


def train(dims, scale):
    """Train on the digits; return the costs and the train and test accuracy (%),
    once for both languages (the disk memo)."""
    return cached("deep.train", _train, dims, scale)


def _train(dims, scale):
    from nnlit.deep import L_layer_model, predict

    X_train, Y_train, X_test, Y_test = digits()
    params, costs = L_layer_model(X_train, Y_train, dims, learning_rate=RATE,
                                  num_iterations=ITERATIONS, rng=1, scale=scale)
    return (costs, 100 * np.mean(predict(X_train, params) == Y_train),
            100 * np.mean(predict(X_test, params) == Y_test))


def steps(costs):
    """Iterations at which L_layer_model recorded its costs."""
    return [*range(0, ITERATIONS, 100), ITERATIONS - 1][:len(costs)]


def deep_depth(lang):
    """Cost curves of a 2-layer and a 4-layer network, accuracies in the legend."""
    t = TEXT.get(lang, TEXT["en"])
    fig, ax = plt.subplots(figsize=(7, 3.8))
    for L, dims in DEPTHS.items():
        costs, acc_train, acc_test = train(dims, "xavier")
        ax.plot(steps(costs), costs, marker="o", label=t["layers"].format(
            L=L, tr=acc_train, te=acc_test))
    ax.set(xlabel=t["iterations"], ylabel=t["cost"], title=t["depth_title"], yscale="log")
    ax.legend()
    fig.tight_layout()


def deep_init(lang):
    """Cost curves of one deep network for three initial scales, and the size of
    its activations layer by layer before training."""
    from nnlit.deep import L_model_forward, initialize_parameters_deep

    t = TEXT.get(lang, TEXT["en"])
    X_train = digits()[0]
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
    for scale in SCALES:
        costs, acc_train, acc_test = train(DEEP, scale)
        left.plot(steps(costs), costs, marker="o", label=t["scale_acc"].format(
            s=t["scale"][scale], tr=acc_train, te=acc_test))
        params = initialize_parameters_deep(DEEP, rng=1, scale=scale)
        _, caches = L_model_forward(X_train, params)
        # A[1], ..., A[L-1] are the inputs of layers 2..L; Z[L] is the output score
        rms = [np.sqrt(np.mean(c[0][0] ** 2)) for c in caches[1:]]
        rms.append(np.sqrt(np.mean(caches[-1][1] ** 2)))
        right.plot(range(1, len(DEEP)), rms, marker="o",
                   label=t["scale_only"].format(s=t["scale"][scale]))
    left.set(xlabel=t["iterations"], ylabel=t["cost"], title=t["init_title"], yscale="log")
    left.legend(fontsize="small")
    right.set(xlabel=t["layer"], ylabel=t["rms"], title=t["spread_title"], yscale="log",
              xticks=range(1, len(DEEP)))
    right.legend(fontsize="small")
    fig.tight_layout()
