"""Figures of the softmax chapter, drawn at build time by running nnlit.

Each function takes the build language ("en" or "zh_CN") and draws on the
current matplotlib figure; the plot directive saves it.
"""

import numpy as np
from figures import describe
from matplotlib import pyplot as plt
from memo import memoized
from values import value

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
    off = _confusion() - np.diag(np.diag(_confusion()))
    true, pred = np.unravel_index(np.argmax(off), off.shape)
    return {"true": int(true), "pred": int(pred), "count": int(off[true, pred])}


@value("softmax.zero_template", en="{centre:+.2f} in its central 2×2 pixels, {ring:+.2f} on the "
       "ring around them", zh_CN="中央 2×2 个像素为 {centre:+.2f}，其外一圈为 {ring:+.2f}")
def _zero_template():
    W0 = _trained()[0]["W"][0].reshape(8, 8)
    return {"centre": W0[3:5, 3:5].mean(),
            "ring": (W0[2:6, 2:6].sum() - W0[3:5, 3:5].sum()) / 12}
