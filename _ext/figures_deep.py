"""Figures of chapter 4 (deep network), drawn at build time by running nnlit.

Both functions train on the digits 1 and 8 of scikit-learn's bundled digits
and take the build language ("en" or "zh_CN").
"""

from functools import cache

import numpy as np
from figures import describe
from matplotlib import pyplot as plt
from memo import memoized
from values import value

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


@cache
def digits():
    """The digits 1 and 8, standardised with the training set's statistics."""
    from nnlit.data import load_digits, standardize

    X_train, Y_train, X_test, Y_test = load_digits(classes=PAIR)
    X_train, X_test = standardize(X_train, X_test)
    return X_train, Y_train, X_test, Y_test


@memoized("deep.train")
def train(dims, scale):
    """Train on the digits; return the costs and the train and test accuracy (%)."""
    from nnlit.deep import L_layer_model, predict

    X_train, Y_train, X_test, Y_test = digits()
    params, costs = L_layer_model(X_train, Y_train, dims, learning_rate=RATE,
                                  num_iterations=ITERATIONS, rng=1, scale=scale)
    return (costs, 100 * np.mean(predict(X_train, params) == Y_train),
            100 * np.mean(predict(X_test, params) == Y_test))


def steps(costs):
    """Iterations at which L_layer_model recorded its costs."""
    return [*range(0, ITERATIONS, 100), ITERATIONS - 1][:len(costs)]


@memoized("deep.spread")
def spread(scale):
    """Root mean square of A[1], ..., A[L-1] and of Z[L] on the training
    images, for the initial parameters of the deep network."""
    from nnlit.deep import L_model_forward, initialize_parameters_deep

    params = initialize_parameters_deep(DEEP, rng=1, scale=scale)
    _, caches = L_model_forward(digits()[0], params)
    # A[1], ..., A[L-1] are the inputs of layers 2..L; Z[L] is the output score
    rms = [np.sqrt(np.mean(c[0][0] ** 2)) for c in caches[1:]]
    rms.append(np.sqrt(np.mean(caches[-1][1] ** 2)))
    return rms


@describe(
    en=(
        "The cost J of a 2-layer and a 4-layer ReLU network telling the digits 1 and 8 apart,"
        " over 1500 iterations on a log scale, with initial scale 1/√n[l−1]; the legend gives"
        " each network's training and test accuracy."
    ),
    zh_CN=(
        "2 层与 4 层 ReLU 网络区分数字 1 和 8 时 1500 次迭代中的代价 J（对数刻度），初始尺度"
        "为 1/√n[l−1]；图例给出每个网络的训练集与测试集准确率。"
    ),
)
def deep_depth(lang):
    """Cost curves of a 2-layer and a 4-layer network, accuracies in the legend."""
    t = TEXT.get(lang, TEXT["en"])
    fig, ax = plt.subplots(figsize=(7, 3.8))
    for L, dims in DEPTHS.items():
        costs, acc_train, acc_test = train(tuple(dims), "xavier")
        ax.plot(steps(costs), costs, marker="o", label=t["layers"].format(
            L=L, tr=acc_train, te=acc_test))
    ax.set(xlabel=t["iterations"], ylabel=t["cost"], title=t["depth_title"], yscale="log")
    ax.legend()
    fig.tight_layout()


@describe(
    en=(
        "Two plots of a 5-layer ReLU network on the digits 1 and 8. Left: its cost J over "
        "1500 iterations on a log scale for the initial scales 0.01, 1/√n[l−1] and "
        "√(2/n[l−1]), accuracies in the legend. Right: the root mean square of the "
        "activations in each layer before training, on a log scale, for the same three "
        "scales."
    ),
    zh_CN=(
        "5 层 ReLU 网络在数字 1 和 8 上的两幅图。左：初始尺度为 0.01、1/√n[l−1]、√(2/n[l−1]) "
        "时 1500 次迭代中的代价 J（对数刻度），图例给出准确率。右：同样三种尺度下训练前各层激"
        "活值的均方根（对数刻度）。"
    ),
)
def deep_init(lang):
    """Cost curves of one deep network for three initial scales, and the size of
    its activations layer by layer before training."""
    t = TEXT.get(lang, TEXT["en"])
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
    for scale in SCALES:
        costs, acc_train, acc_test = train(tuple(DEEP), scale)
        left.plot(steps(costs), costs, marker="o", label=t["scale_acc"].format(
            s=t["scale"][scale], tr=acc_train, te=acc_test))
        rms = spread(scale)
        right.plot(range(1, len(DEEP)), rms, marker="o",
                   label=t["scale_only"].format(s=t["scale"][scale]))
    left.set(xlabel=t["iterations"], ylabel=t["cost"], title=t["init_title"], yscale="log")
    left.legend(fontsize="small")
    right.set(xlabel=t["layer"], ylabel=t["rms"], title=t["spread_title"], yscale="log",
              xticks=range(1, len(DEEP)))
    right.legend(fontsize="small")
    fig.tight_layout()


# Figures of the prose ({value} role), from the same runs as the figures.

@value("deep.pair_sizes", en="{train} training and {test} test images",
       zh_CN="{train} 张训练图像和 {test} 张测试图像")
def _pair_sizes():
    X_train, _, X_test, _ = digits()
    return {"train": X_train.shape[1], "test": X_test.shape[1]}


@memoized("deep.logistic")
def _logistic():
    """Logistic regression (chapter 1) on the same standardised pair."""
    from nnlit.logistic import model

    X_train, Y_train, X_test, Y_test = digits()
    d = model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5)
    return (100 * np.mean(d["Y_prediction_train"] == Y_train),
            int(np.sum(d["Y_prediction_test"] == Y_test)), Y_test.size)


@value("deep.logistic_train", en="{:.1f} %")
def _logistic_train():
    return _logistic()[0]


@value("deep.logistic_test", en="{correct} of the {total} test images right ({pct:.1f} %)",
       zh_CN="{total} 张测试图像中的 {correct} 张（{pct:.1f} %）")
def _logistic_test():
    _, correct, total = _logistic()
    return {"correct": correct, "total": total, "pct": 100 * correct / total}


def _register_depth(L, dims):
    value(f"deep.depth.{L}", en="train {tr:.1f} %, test {te:.1f} %",
          zh_CN="训练集 {tr:.1f} %，测试集 {te:.1f} %")(
        lambda: dict(zip(("tr", "te"), train(tuple(dims), "xavier")[1:], strict=True)))


def _register_scale(scale):
    value(f"deep.final_cost.{scale}", en="{:.3g}")(lambda: train(tuple(DEEP), scale)[0][-1])
    value(f"deep.measured_factors.{scale}", en="{}")(lambda: _factors(spread(scale)))


def _factors(rms):
    """How many times smaller each size of the spread figure is than the one
    before it, as "a, b, c"."""
    return ", ".join(f"{rms[i] / rms[i + 1]:.1f}" for i in range(len(rms) - 1))


for _L, _dims in DEPTHS.items():
    _register_depth(_L, _dims)
for _scale in SCALES:
    _register_scale(_scale)


@value("deep.predicted_factors", en="{}")
def _predicted_factors():
    """The same ratios predicted by (D5) for the scale 0.01: a ReLU layer with
    n inputs shrinks the root mean square by 1 / sqrt(n s^2 / 2), the output
    score Z[L] (no ReLU) by 1 / sqrt(n s^2)."""
    hidden = [np.sqrt(2 / (n * 0.01 ** 2)) for n in DEEP[1:-2]]
    return ", ".join(f"{f:.1f}" for f in [*hidden, np.sqrt(1 / (DEEP[-2] * 0.01 ** 2))])


@value("deep.log2", en="{:.3f}")
def _log2():
    return float(np.log(2))
