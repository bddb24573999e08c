"""Figures of chapter 4 (deep network), drawn at build time by running nnlit.

Both functions train on the digits 1 and 8 of scikit-learn's bundled digits
and take the build language ("en" or "zh_CN").
"""

from functools import cache

import numpy as np
from figures import describe
from matplotlib import pyplot as plt
from values import value

from derivations.memo import memoized

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
        "scale": {0.01: "0.01", "xavier": "1/√n[l−1]", "he": "√(2/n[l−1])", 0.3: "0.3"},
        "scale_acc": "scale {s}: train {tr:.1f} %, test {te:.1f} %",
        "depth_title": "Digits 1 vs 8, initial scale 1/√n[l−1]",
        "init_title": "5-layer network, three initial scales",
        "spread_title": "Size of the activations at the start",
        "layer": "layer l",
        "rms": "root mean square of A[l] (Z[L] at l = L)",
        "scale_only": "scale {s}",
        "signal_title": "15-layer network (14 hidden layers of 100 units), at the start",
        "signal_rms": "root mean square of A[l]",
        "signal_label": "scale {s}: measured",
        "predicted": "predicted by (D6)",
        "x": "input x",
        "saw_title": "Deep and narrow, built by hand: {acc:.0f} % correct",
        "saw_score": "t(t(t(t(x)))), the score of [1, 2, 2, 2, 2, 1]",
        "saw_labels": "label y",
        "trained_title": "Trained by gradient descent (best of {n} starts)",
        "trained_prob": "output probability",
        "shallow": "[1, 8, 1]: {acc:.1f} % correct",
        "deep_trained": "[1, 2, 2, 2, 2, 1]: {acc:.1f} % correct",
    },
    "zh_CN": {
        "iterations": "迭代次数",
        "cost": "代价 J",
        "layers": "{L} 层网络，训练集 {tr:.1f} %，测试集 {te:.1f} %",
        "scale": {0.01: "0.01", "xavier": "1/√n[l−1]", "he": "√(2/n[l−1])", 0.3: "0.3"},
        "scale_acc": "尺度 {s}：训练集 {tr:.1f} %，测试集 {te:.1f} %",
        "depth_title": "数字 1 与 8，初始尺度 1/√n[l−1]",
        "init_title": "5 层网络，三种初始尺度",
        "spread_title": "初始时激活值的大小",
        "layer": "第 l 层",
        "rms": "A[l] 的均方根（l = L 时为 Z[L]）",
        "scale_only": "尺度 {s}",
        "signal_title": "15 层网络（14 个 100 单元的隐藏层），初始时",
        "signal_rms": "A[l] 的均方根",
        "signal_label": "尺度 {s}：实测",
        "predicted": "(D6) 的预测",
        "x": "输入 x",
        "saw_title": "又深又窄、手工构造：准确率 {acc:.0f} %",
        "saw_score": "t(t(t(t(x))))，即 [1, 2, 2, 2, 2, 1] 的得分",
        "saw_labels": "标签 y",
        "trained_title": "用梯度下降训练（{n} 个起点中最好的）",
        "trained_prob": "输出概率",
        "shallow": "[1, 8, 1]：准确率 {acc:.1f} %",
        "deep_trained": "[1, 2, 2, 2, 2, 1]：准确率 {acc:.1f} %",
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


# The signal through depth (D6): a 15-layer network at its start.

SIGNAL = [64, *[100] * 14, 1]
SIGNAL_SCALES = (0.01, "xavier", "he", 0.3)


@memoized("deep.signal")
def signal(scale):
    """Measured and predicted root mean square of A[1], ..., A[14] on the
    standardised training images, for the initial parameters."""
    from nnlit.deep import activation_rms, initialize_parameters_deep, predicted_spread

    X = digits()[0]
    params = initialize_parameters_deep(SIGNAL, rng=2, scale=scale)
    x_rms = np.sqrt(np.mean(X ** 2))
    return activation_rms(X, params), predicted_spread(SIGNAL, scale, x_rms=x_rms)


@describe(
    en=(
        "Log-scale plot of the root mean square of the activations in each layer of a "
        "15-layer network (14 hidden layers of 100 units) before training, for four initial "
        "scales (0.01, 1/√n[l−1], √(2/n[l−1]) and 0.3): measured values as dots, the values "
        "predicted by (D6) as dashed lines of the same colour."
    ),
    zh_CN=(
        "对数刻度图：15 层网络（14 个 100 单元的隐藏层）在训练前各层激活值的均方根，四种初始"
        "尺度（0.01、1/√n[l−1]、√(2/n[l−1])、0.3）各一组：圆点为实测值，同色虚线为 (D6) 的预"
        "测值。"
    ),
)
def deep_signal(lang):
    """Root mean square of the activations layer by layer: measured (dots) and
    predicted by (D6) (dashed), for four initial scales."""
    t = TEXT.get(lang, TEXT["en"])
    fig, ax = plt.subplots(figsize=(8, 4.5))
    layers = np.arange(1, len(SIGNAL) - 1)
    for scale in SIGNAL_SCALES:
        measured, predicted = signal(scale)
        line, = ax.plot(layers, measured, "o", label=t["signal_label"].format(s=t["scale"][scale]))
        ax.plot(layers, predicted, "--", color=line.get_color())
    ax.plot([], [], "--", color="grey", label=t["predicted"])
    ax.set(yscale="log", xlabel=t["layer"], ylabel=t["signal_rms"], title=t["signal_title"],
           xticks=layers)
    ax.legend(fontsize="small", loc="lower left")
    fig.tight_layout()


def _per_layer(rms):
    """Geometric mean of the factor from one layer to the next over the layers of
    equal width (2 to 14), where (D6) predicts one constant factor."""
    return (rms[-1] / rms[0]) ** (1 / (len(rms) - 1))


def _register_signal(scale):
    value(f"deep.signal_factor.{scale}", en="{measured:.3f} (predicted {predicted:.3f})",
          zh_CN="{measured:.3f}（预测值 {predicted:.3f}）")(
        lambda: {"measured": _per_layer(signal(scale)[0]),
                 "predicted": _per_layer(signal(scale)[1])})
    value(f"deep.signal_end.{scale}", en="{measured} (predicted {predicted})",
          zh_CN="{measured}（预测值 {predicted}）")(
        lambda: {"measured": _short(signal(scale)[0][-1]),
                 "predicted": _short(signal(scale)[1][-1])})


def _short(v):
    """Two significant digits; a power of ten written out when far from 1."""
    mantissa, exponent = f"{v:.1e}".split("e")
    return f"{v:.2g}" if -3 <= int(exponent) <= 3 else f"{mantissa}e{int(exponent)}"


for _scale in SIGNAL_SCALES:
    _register_signal(_scale)


@value("deep.signal_x_rms", en="{:.2f}")
def _signal_x_rms():
    return float(np.sqrt(np.mean(digits()[0] ** 2)))


# What depth buys: a sawtooth with 2^K pieces (D7), (D8).

K, SAW_M, SAW_SEEDS, SAW_ITERATIONS, SAW_RATE = 4, 256, 4, 10000, 0.5
SHALLOW, NARROW = [1, 8, 1], [1, *[2] * K, 1]


def sawtooth_task():
    """x on a grid of [0, 1] and the labels 1 where t^K(x) > 1/2 (closed form)."""
    x = ((np.arange(SAW_M) + 0.5) / SAW_M).reshape(1, -1)
    return x, (1 - np.abs(np.mod(2 ** K * x, 2) - 1) > 0.5).astype(float)


@memoized("deep.sawtooth")
def sawtooth_trained(dims):
    """Train on 2x - 1 (so that the kinks of the initial units, at 0, lie inside
    the interval) from SAW_SEEDS starts; return, for every start, the accuracy
    (%), the output probabilities and the number of dead units in each hidden
    layer (units whose ReLU gives 0 for every x)."""
    from nnlit.deep import L_layer_model, L_model_forward, predict

    x, y = sawtooth_task()
    runs = []
    for seed in range(SAW_SEEDS):
        params, _ = L_layer_model(2 * x - 1, y, list(dims), learning_rate=SAW_RATE,
                                  num_iterations=SAW_ITERATIONS, rng=seed, scale="he")
        AL, caches = L_model_forward(2 * x - 1, params)
        dead = [int(np.sum(np.all(c[0][0] <= 0, axis=1))) for c in caches[1:]]
        runs.append((100 * np.mean(predict(2 * x - 1, params) == y), AL[0], dead))
    return runs


def _best(dims):
    return max(sawtooth_trained(tuple(dims)), key=lambda run: run[0])


def _built():
    from nnlit.deep import L_model_forward, predict, sawtooth_parameters

    x, y = sawtooth_task()
    params = sawtooth_parameters(K)
    z = L_model_forward(x, params)[1][-1][1][0]
    return 100 * np.mean(predict(x, params) == y), z / 10 + 0.5  # t^K(x) from the score


@describe(
    en=(
        "Two plots over x from 0 to 1, the sawtooth labels shaded grey behind both. Left: the"
        " score t(t(t(t(x)))) of a deep narrow network [1, 2, 2, 2, 2, 1] built by hand, its "
        "accuracy in the title. Right: the output probabilities of a shallow network [1, 8, "
        "1] and of the deep narrow network trained by gradient descent (best of several "
        "starts), their accuracies in the legend."
    ),
    zh_CN=(
        "两幅图，横轴 x 从 0 到 1，背后灰色阴影为锯齿形的标签。左：手工构造的又深又窄网络 [1,"
        " 2, 2, 2, 2, 1] 的得分 t(t(t(t(x))))，标题中给出准确率。右：浅层网络 [1, 8, 1] 与用"
        "梯度下降训练的又深又窄网络（多个起点中最好的）输出的概率，图例中给出准确率。"
    ),
)
def deep_sawtooth(lang):
    """Left: the hand-built deep narrow network's t^K(x) and the labels; right:
    the trained shallow and deep networks' output probabilities."""
    t = TEXT.get(lang, TEXT["en"])
    x, y = sawtooth_task()
    acc, tk = _built()
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 3.8), sharey=True)
    left.fill_between(x[0], 0, y[0], color="0.85", step="mid", label=t["saw_labels"])
    left.plot(x[0], tk, label=t["saw_score"])
    left.set(xlabel=t["x"], title=t["saw_title"].format(acc=acc))
    left.legend(fontsize="small", loc="lower right")
    right.fill_between(x[0], 0, y[0], color="0.85", step="mid", label=t["saw_labels"])
    for dims, key in ((SHALLOW, "shallow"), (NARROW, "deep_trained")):
        best, prob, _ = _best(dims)
        right.plot(x[0], prob, label=t[key].format(acc=best))
    right.set(xlabel=t["x"], ylabel=t["trained_prob"], title=t["trained_title"].format(
        n=SAW_SEEDS))
    right.legend(fontsize="small", loc="lower right")
    fig.tight_layout()


@value("deep.saw_built", en="{:.1f} %")
def _saw_built():
    return _built()[0]


@value("deep.saw_shallow", en="{:.1f} %")
def _saw_shallow():
    return _best(SHALLOW)[0]


@value("deep.saw_narrow", en="{:.1f} %")
def _saw_narrow():
    return _best(NARROW)[0]


@value("deep.saw_shallow_runs", en="{}", zh_CN="{}")
def _saw_shallow_runs():
    return ", ".join(f"{run[0]:.1f} %" for run in sawtooth_trained(tuple(SHALLOW)))


@value("deep.saw_narrow_runs", en="{}", zh_CN="{}")
def _saw_narrow_runs():
    return ", ".join(f"{run[0]:.1f} %" for run in sawtooth_trained(tuple(NARROW)))


def best_with_sign_changes(y, changes):
    """The largest fraction of the labels y that any sequence of answers with at
    most ``changes`` changes along the grid gets right (dynamic programming)."""
    best = np.full((changes + 1, 2), -np.inf)
    best[0] = [y[0] == 0, y[0] == 1]
    for label in y[1:]:
        stay = best
        switch = np.vstack([np.full((1, 2), -np.inf), best[:-1, ::-1]])
        best = np.maximum(stay, switch) + [label == 0, label == 1]
    return best.max() / len(y)


@value("deep.saw_shallow_bound", en="{:.1f} %")
def _saw_shallow_bound():
    """(D7): a [1, N, 1] network changes its answer at most N + 1 times."""
    return 100 * best_with_sign_changes(sawtooth_task()[1][0], SHALLOW[1] + 1)


@value("deep.saw_dead", en="{dead} hidden units out of 8 in the four starts",
       zh_CN="四个起点中分别有 {dead} 个隐藏单元（共 8 个）")
def _saw_dead():
    return {"dead": ", ".join(str(sum(run[2])) for run in sawtooth_trained(tuple(NARROW)))}


@value("deep.saw_dead_layer", en="{n} of the {total} starts",
       zh_CN="有 {n} 个起点（共 {total} 个）")
def _saw_dead_layer():
    runs = sawtooth_trained(tuple(NARROW))
    return {"n": sum(max(run[2]) == 2 for run in runs), "total": len(runs)}
