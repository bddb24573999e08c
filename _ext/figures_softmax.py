"""Figures of the softmax chapter, drawn at build time by running nnlit.

Each function takes the build language ("en" or "zh_CN") and draws on the
current matplotlib figure; the plot directive saves it.
"""

import numpy as np
from figures import describe
from matplotlib import pyplot as plt
from values import value

from derivations.memo import memoized

TEXT = {
    "en": {
        "iterations": "iteration",
        "cost": "cost J",
        "cost_title": "Cost during training (learning rate 1.0)",
        "confusion_title": "Test set: {acc:.1f} % correct",
        "true": "true digit",
        "predicted": "predicted digit",
        "weights_title": "Weights of each class, as 8×8 images (red: positive, blue: negative)",
        "class": "digit {k}",
        "probability": "probability",
        "digit": "class (digit)",
        "temp_bars": "One test image (a {label}) at three temperatures",
        "temp_label": "T = {T:g}",
        "entropy": "mean entropy H (nats)",
        "temperature": "temperature T",
        "entropy_title": "Entropy over the test images",
        "log_c": "log 10 (uniform)",
    },
    "zh_CN": {
        "iterations": "迭代次数",
        "cost": "代价 J",
        "cost_title": "训练中的代价（学习率 1.0）",
        "confusion_title": "测试集：正确率 {acc:.1f} %",
        "true": "真实数字",
        "predicted": "预测数字",
        "weights_title": "每个类别的权重，画成 8×8 图像（红：正，蓝：负）",
        "class": "数字 {k}",
        "probability": "概率",
        "digit": "类别（数字）",
        "temp_bars": "一张测试图像（数字 {label}）在三个温度下",
        "temp_label": "T = {T:g}",
        "entropy": "平均熵 H（奈特）",
        "temperature": "温度 T",
        "entropy_title": "测试图像上的熵",
        "log_c": "log 10（均匀分布）",
    },
}


@memoized("softmax.trained")
def _trained():
    """Softmax regression on the digits, exactly as the page's doctest trains it."""
    from nnlit.data import load_digits
    from nnlit.softmax import model, predict

    X_train, Y_train, X_test, Y_test = load_digits(rng=0)
    params, costs = model(X_train, Y_train, num_iterations=3000, learning_rate=1.0)
    return params, costs, Y_test[0], predict(params, X_test)[0]


@describe(
    en=(
        "Two plots. Left: the cost J of softmax regression on the digits over 3000 iterations"
        " with learning rate 1.0, on a log scale. Right: the 10 by 10 confusion matrix on the"
        " test set, true digit by row and predicted digit by column, each cell showing its "
        "count, the share of correct answers in the title."
    ),
    zh_CN=(
        "两幅图。左：softmax 回归在手写数字上以学习率 1.0 训练 3000 次的代价 J（对数刻度）。"
        "右：测试集上 10×10 的混淆矩阵，行是真实数字，列是预测数字，每格标出计数，标题中给出"
        "正确率。"
    ),
)
def softmax_training(lang):
    """Cost curve and the confusion matrix on the held-out digits."""
    t = TEXT.get(lang, TEXT["en"])
    _, costs, y_true, y_pred = _trained()
    confusion = np.bincount(10 * y_true + y_pred, minlength=100).reshape(10, 10)
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4.2))
    left.plot(np.arange(len(costs)) * 100, costs, marker="o", markersize=3)
    left.set(xlabel=t["iterations"], ylabel=t["cost"], title=t["cost_title"], yscale="log")
    right.imshow(confusion, cmap="Blues")
    for i, j in np.ndindex(confusion.shape):
        if confusion[i, j]:
            colour = "white" if confusion[i, j] > confusion.max() / 2 else "black"
            right.text(j, i, str(confusion[i, j]), ha="center", va="center",
                       fontsize=8, color=colour)
    right.set(xticks=range(10), yticks=range(10), xlabel=t["predicted"], ylabel=t["true"],
              title=t["confusion_title"].format(acc=100 * np.mean(y_true == y_pred)))
    fig.tight_layout()


@describe(
    en=(
        "Ten small 8 by 8 images, one per digit 0 to 9: the weights of that class's row of W "
        "laid out on the pixel grid they multiply, red for positive and blue for negative "
        "weights."
    ),
    zh_CN=(
        "十幅 8×8 的小图，每个数字 0 到 9 一幅：该类别在 W 中那一行的权重，按其所乘的像素位置"
        "排列，红色为正权重，蓝色为负权重。"
    ),
)
def softmax_weights(lang):
    """Each row of W reshaped to the 8x8 pixel grid it multiplies."""
    t = TEXT.get(lang, TEXT["en"])
    params, _, _, _ = _trained()
    W = params["W"]
    limit = np.abs(W).max()
    fig, axes = plt.subplots(2, 5, figsize=(10, 5.2))
    for k, ax in enumerate(axes.flat):
        ax.imshow(W[k].reshape(8, 8), cmap="RdBu_r", vmin=-limit, vmax=limit)
        ax.set(xticks=[], yticks=[], title=t["class"].format(k=k))
    fig.suptitle(t["weights_title"])
    fig.tight_layout()


# Figures of the prose ({value} role), from the same run as the figures.

def _confusion():
    _, _, y_true, y_pred = _trained()
    return np.bincount(10 * y_true + y_pred, minlength=100).reshape(10, 10)


@value("softmax.initial_cost", en="{:.2f}")
def _initial_cost():
    return _trained()[1][0]


@value("softmax.test_accuracy", en="{:.1f} %")
def _test_accuracy():
    _, _, y_true, y_pred = _trained()
    return 100 * np.mean(y_true == y_pred)


@value("softmax.test_correct", en="{correct} of {total}", zh_CN="{total} 张中的 {correct} 张")
def _test_correct():
    _, _, y_true, y_pred = _trained()
    return {"correct": int(np.sum(y_true == y_pred)), "total": y_true.size}


@value("softmax.test_errors", en="{}")
def _test_errors():
    confusion = _confusion()
    return int(confusion.sum() - np.trace(confusion))


@value("softmax.top_confusion", en="the digit {true} taken for {pred} ({count} times)",
       zh_CN="把 {true} 认成 {pred}（{count} 次）")
def _top_confusion():
    confusion = _confusion()
    off = confusion - np.diag(np.diag(confusion))
    true, pred = np.unravel_index(np.argmax(off), off.shape)
    return {"true": int(true), "pred": int(pred), "count": int(off[true, pred])}


@value("softmax.zero_template", en="{centre:+.2f} in its central 2×2 pixels, {ring:+.2f} on the "
       "ring around them", zh_CN="中央 2×2 个像素为 {centre:+.2f}，其外一圈为 {ring:+.2f}")
def _zero_template():
    W0 = _trained()[0]["W"][0].reshape(8, 8)
    return {"centre": W0[3:5, 3:5].mean(),
            "ring": (W0[2:6, 2:6].sum() - W0[3:5, 3:5].sum()) / 12}


# Two classes: softmax regression is logistic regression (C17)-(C19).

PAIR, PAIR_ITERATIONS, PAIR_RATE = (1, 8), 1000, 0.5


@memoized("softmax.two_classes")
def _two_classes():
    """Softmax regression (C = 2, rate alpha) and logistic regression (rate 2 alpha,
    from the same start) on the digits 1 and 8: parameters, test probabilities."""
    from nnlit.activations import sigmoid
    from nnlit.data import load_digits
    from nnlit.logistic import optimize
    from nnlit.softmax import as_logistic, initialize_parameters, model, softmax

    X_train, Y_train, X_test, Y_test = load_digits(classes=PAIR)
    soft, _ = model(X_train, Y_train, n_y=2, num_iterations=PAIR_ITERATIONS,
                    learning_rate=PAIR_RATE, rng=0)
    w0, b0 = as_logistic(initialize_parameters(X_train.shape[0], 2, rng=0))
    logi, _, _ = optimize(w0, b0, X_train, Y_train, num_iterations=PAIR_ITERATIONS,
                          learning_rate=2 * PAIR_RATE)
    w, b = as_logistic(soft)
    p_soft = softmax(soft["W"] @ X_test + soft["b"])[1]
    p_logi = sigmoid(logi["w"].T @ X_test + logi["b"])[0]
    return {"w_gap": max(np.abs(w - logi["w"]).max(), abs(b - logi["b"])),
            "p_gap": np.abs(p_soft - p_logi).max(), "y": Y_test[0],
            "soft": 100 * np.mean((p_soft > 0.5) == Y_test[0]),
            "logi": 100 * np.mean((p_logi > 0.5) == Y_test[0])}


@value("softmax.two_class_weight_gap", en="{:.1e}")
def _two_class_weight_gap():
    return _two_classes()["w_gap"]


@value("softmax.two_class_probability_gap", en="{:.1e}")
def _two_class_probability_gap():
    return _two_classes()["p_gap"]


@value("softmax.two_class_accuracy", en="{soft:.1f} % and {logi:.1f} %",
       zh_CN="{soft:.1f} % 和 {logi:.1f} %")
def _two_class_accuracy():
    return _two_classes()


@value("softmax.two_class_test_size", en="{}")
def _two_class_test_size():
    return _two_classes()["y"].size


# The temperature (C20)-(C21), on the scores of the trained digit model.

TEMPERATURES = (0.25, 1.0, 4.0)


def _test_scores():
    from nnlit.data import load_digits

    params = _trained()[0]
    X_test = load_digits(rng=0)[2]
    return params["W"] @ X_test + params["b"]


def _least_certain():
    """Index of the test image whose largest probability (T = 1) is smallest."""
    from nnlit.softmax import softmax

    return int(np.argmin(softmax(_test_scores()).max(axis=0)))


def _entropy_curve():
    from nnlit.softmax import softmax_entropy

    Z = _test_scores()
    temperatures = np.geomspace(0.05, 100, 60)
    return temperatures, np.array([softmax_entropy(Z, T).mean() for T in temperatures])


@describe(
    en=(
        "Two plots. Left: bar chart of the probabilities the trained softmax model gives the "
        "ten digits for one test image, at temperatures 0.25, 1 and 4, the image's true digit"
        " in the title. Right: the mean entropy of the test images' probabilities against the"
        " temperature on a log scale, between the dotted line at 0 and the dashed line at log"
        " 10."
    ),
    zh_CN=(
        "两幅图。左：训练好的 softmax 模型对一张测试图像给出的十个数字的概率柱状图，温度为 0."
        "25、1、4，标题中给出该图像的真实数字。右：测试图像概率分布的平均熵随温度（对数刻度）"
        "的变化，介于 0 处的点线与 log 10 处的虚线之间。"
    ),
)
def softmax_temperature(lang):
    """Left: the probabilities of one test image at three temperatures; right:
    the mean entropy of the test images against the temperature."""
    from nnlit.softmax import softmax_with_temperature

    t = TEXT.get(lang, TEXT["en"])
    i = _least_certain()
    z = _test_scores()[:, [i]]
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
    width = 0.8 / len(TEMPERATURES)
    for k, T in enumerate(TEMPERATURES):
        left.bar(np.arange(10) + (k - 1) * width, softmax_with_temperature(z, T)[:, 0],
                 width, label=t["temp_label"].format(T=T))
    left.set(xticks=range(10), xlabel=t["digit"], ylabel=t["probability"],
             title=t["temp_bars"].format(label=int(_trained()[2][i])))
    left.legend()
    temperatures, entropy = _entropy_curve()
    right.plot(temperatures, entropy)
    right.axhline(np.log(10), ls="--", color="grey", label=t["log_c"])
    right.axhline(0, ls=":", color="grey")
    right.set(xscale="log", xlabel=t["temperature"], ylabel=t["entropy"],
              title=t["entropy_title"])
    right.legend(loc="center right")
    fig.tight_layout()


@value("softmax.temperature_top", en="{p0:.2f} at T = 0.25, {p1:.2f} at T = 1 and {p2:.2f} "
       "at T = 4", zh_CN="T = 0.25 时为 {p0:.2f}，T = 1 时为 {p1:.2f}，T = 4 时为 {p2:.2f}")
def _temperature_top():
    from nnlit.softmax import softmax_with_temperature

    z = _test_scores()[:, [_least_certain()]]
    return {f"p{k}": softmax_with_temperature(z, T).max() for k, T in enumerate(TEMPERATURES)}


@value("softmax.temperature_label", en="{true}, with the highest probability on {pred}",
       zh_CN="{true}，概率最高的是 {pred}")
def _temperature_label():
    i = _least_certain()
    return {"true": int(_trained()[2][i]), "pred": int(_trained()[3][i])}


@value("softmax.mean_entropy", en="{:.2f}")
def _mean_entropy():
    from nnlit.softmax import softmax_entropy

    return softmax_entropy(_test_scores()).mean()


@value("softmax.log10", en="{:.2f}")
def _log10():
    return float(np.log(10))
