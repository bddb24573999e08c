"""Figures of chapter 2 (shallow network), drawn at build time by running nnlit.

Each function takes the build language ("en" or "zh_CN") and draws on new
matplotlib figures; the plot directive saves them.
"""

from functools import cache

import numpy as np
from figures import describe
from matplotlib import pyplot as plt
from matplotlib.colors import ListedColormap
from values import value

from derivations.memo import memoized

TEXT = {
    "en": {
        "class": "class {j}",
        "data_title": "The flower: {m} points, two classes",
        "logistic": "Logistic regression: {acc:.1f} %",
        "network": "Tanh network, 4 hidden units: {acc:.1f} %",
        "hidden": "{n} hidden unit{s}: {acc:.2f} %",
        "cost_title": "Cost of the 4-unit network",
        "iterations": "iteration",
        "cost": "cost J",
        "equal_start": "Equal start, 4 hidden units: {acc:.1f} %",
        "spread_title": "Spread between the hidden units",
        "spread": "largest difference",
        "random_start": "random start (the course's)",
        "equal_start_curve": "equal start",
        "functions": "The functions",
        "slopes": "Their slopes",
    },
    "zh_CN": {
        "class": "类别 {j}",
        "data_title": "花形数据：{m} 个点，两个类别",
        "logistic": "逻辑斯特回归：{acc:.1f} %",
        "network": "tanh 网络，4 个隐藏单元：{acc:.1f} %",
        "hidden": "{n} 个隐藏单元：{acc:.2f} %",
        "cost_title": "4 单元网络的代价",
        "iterations": "迭代次数",
        "cost": "代价 J",
        "equal_start": "相等的初始值，4 个隐藏单元：{acc:.1f} %",
        "spread_title": "隐藏单元之间的差距",
        "spread": "最大差值",
        "random_start": "随机初始值（课程的）",
        "equal_start_curve": "相等的初始值",
        "functions": "函数",
        "slopes": "斜率",
    },
}
COLOURS = ("#d7301f", "#2b8cbe")  # class 0, class 1
HIDDEN_SIZES = (1, 2, 3, 4, 5, 20, 50)
#: Training accuracies (%) the course publishes for these hidden sizes (5000
#: iterations); tests/test_shallow.py compares nnlit with the first five.
COURSE_ACCURACY = {1: 67.5, 2: 67.25, 3: 90.75, 4: 90.5, 5: 91.25, 20: 90.0, 50: 90.25}


@cache
def _flower():
    from nnlit.data import load_planar_dataset

    return load_planar_dataset(rng=np.random.RandomState(1))


def _accuracy(predictions, Y):
    return 100 * float(np.mean(predictions == Y))


def _scatter(ax, X, Y, t=None):
    for j in (0, 1):
        pts = X[:, Y[0] == j]
        ax.scatter(pts[0], pts[1], s=9, color=COLOURS[j], edgecolors="none",
                   label=None if t is None else t["class"].format(j=j))
    ax.set_aspect("equal")


def _boundary(ax, X, Y, classify, title):
    """Shade the plane by the predicted class; the edge is the decision boundary."""
    xs = np.linspace(X[0].min() - 1, X[0].max() + 1, 300)
    ys = np.linspace(X[1].min() - 1, X[1].max() + 1, 300)
    gx, gy = np.meshgrid(xs, ys)
    labels = classify(np.vstack([gx.ravel(), gy.ravel()])).reshape(gx.shape)
    ax.contourf(gx, gy, labels, levels=[-0.5, 0.5, 1.5], alpha=0.25,
                cmap=ListedColormap(COLOURS))
    ax.contour(gx, gy, labels, levels=[0.5], colors="k", linewidths=0.8)
    _scatter(ax, X, Y)
    ax.set_title(title, fontsize=10)
    ax.set_xticks([])
    ax.set_yticks([])


@describe(
    en=(
        "Scatter plot of the flower data set: 400 points in the plane (x1, x2) forming "
        "petals, coloured red or blue by their class, 0 or 1."
    ),
    zh_CN=(
        "花形数据集的散点图：平面 (x1, x2) 上组成花瓣形状的 400 个点，按类别 0 或 1 着成红色"
        "或蓝色。"
    ),
)
def planar_data(lang):
    """The data set alone."""
    t = TEXT.get(lang, TEXT["en"])
    X, Y = _flower()
    fig, ax = plt.subplots(figsize=(4.6, 4.2))
    _scatter(ax, X, Y, t)
    ax.set(xlabel="$x_1$", ylabel="$x_2$", title=t["data_title"].format(m=X.shape[1]))
    ax.legend(loc="upper right", fontsize=8)
    fig.tight_layout()


@memoized("shallow.logistic")
def _logistic():
    """Logistic regression (chapter 1) on the flower."""
    from nnlit.logistic import model

    X, Y = _flower()
    return model(X, Y, X, Y, num_iterations=2000, learning_rate=0.5)


@memoized("shallow.network")
def _network(n_h=4, num_iterations=10000):
    """The course's tanh network on the flower: parameters and costs."""
    from nnlit.shallow import nn_model

    X, Y = _flower()
    return nn_model(X, Y, n_h, num_iterations=num_iterations,
                    rng=np.random.RandomState(2), return_costs=True)


def _network_accuracy(n_h=4, num_iterations=10000):
    from nnlit.shallow import predict

    X, Y = _flower()
    return _accuracy(predict(_network(n_h, num_iterations)[0], X), Y)


@describe(
    en=(
        "Three plots. Left: the straight decision boundary of logistic regression over the "
        "flower data, with its accuracy in the title. Middle: the curved decision regions of "
        "a tanh network with 4 hidden units over the same data, with its accuracy. Right: "
        "that network's cost J over 10000 iterations on a log scale."
    ),
    zh_CN=(
        "三幅图。左：逻辑斯特回归在花形数据上的直线决策边界，标题中给出其准确率。中：4 个隐藏"
        "单元的 tanh 网络在同一数据上的弯曲决策区域及其准确率。右：该网络 10000 次迭代中的代"
        "价 J（对数刻度）。"
    ),
)
def logistic_versus_network(lang):
    """Both decision boundaries side by side, and the network's cost curve."""
    from nnlit.logistic import predict as logistic_predict
    from nnlit.shallow import predict

    t = TEXT.get(lang, TEXT["en"])
    X, Y = _flower()
    d = _logistic()
    parameters, costs = _network()
    fig, (left, middle, right) = plt.subplots(1, 3, figsize=(12, 4))
    _boundary(left, X, Y, lambda P: logistic_predict(d["w"], d["b"], P),
              t["logistic"].format(acc=_accuracy(d["Y_prediction_train"], Y)))
    _boundary(middle, X, Y, lambda P: predict(parameters, P),
              t["network"].format(acc=_network_accuracy()))
    right.plot(np.arange(len(costs)) * 1000, costs, marker="o")
    right.set(xlabel=t["iterations"], ylabel=t["cost"], title=t["cost_title"], yscale="log")
    fig.tight_layout()


@describe(
    en=(
        "Seven small plots of the flower data, each with the decision regions of a tanh "
        "network with 1, 2, 3, 4, 5, 20 or 50 hidden units after 5000 iterations, its "
        "training accuracy in the title."
    ),
    zh_CN=(
        "七幅花形数据的小图，分别是隐藏单元数为 1、2、3、4、5、20、50 的 tanh 网络训练 5000 "
        "次后的决策区域，标题中给出训练准确率。"
    ),
)
def hidden_layer_sizes(lang):
    """Decision boundaries for 1 to 50 hidden units, 5000 iterations each."""
    from nnlit.shallow import predict

    t = TEXT.get(lang, TEXT["en"])
    X, Y = _flower()
    fig, axes = plt.subplots(2, 4, figsize=(12, 6.4))
    for ax, n in zip(axes.flat, HIDDEN_SIZES, strict=False):
        parameters = _network(n, 5000)[0]
        acc = _network_accuracy(n, 5000)
        title = t["hidden"].format(n=n, s="" if n == 1 else "s", acc=acc)
        _boundary(ax, X, Y, lambda P, p=parameters: predict(p, P), title)
    axes.flat[-1].axis("off")
    fig.tight_layout()


@describe(
    en=(
        "Two plots over z from -5 to 5. Left: tanh, rising from -1 to 1 through 0, and the "
        "sigmoid σ (dashed), rising from 0 to 1 through one half. Right: their slopes tanh' "
        "and σ' (dashed), both largest at z = 0 (1 for tanh, 0.25 for σ) and near 0 far from "
        "it."
    ),
    zh_CN=(
        "两幅图，z 从 -5 到 5。左：tanh 从 -1 经过 0 升到 1，sigmoid σ（虚线）从 0 经过二分之"
        "一升到 1。右：它们的斜率 tanh' 与 σ'（虚线），都在 z = 0 处最大（tanh 为 1，σ 为 0.2"
        "5），远离 0 时趋近 0。"
    ),
)
def tanh_and_sigmoid(lang):
    """tanh and the sigmoid (left) and their slopes (right), from nnlit."""
    from nnlit.activations import sigmoid, sigmoid_derivative, tanh, tanh_derivative

    t = TEXT.get(lang, TEXT["en"])
    z = np.linspace(-5, 5, 401)
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.4))
    for ax, pair, title in ((left, (tanh, sigmoid), "functions"),
                            (right, (tanh_derivative, sigmoid_derivative), "slopes")):
        for f, name, style in zip(pair, (r"$\tanh$", r"$\sigma$"), ("-", "--"), strict=True):
            label = name if ax is left else name.replace("$", "") + "'"
            ax.plot(z, f(z), style, label=label if ax is left else f"${label}$")
        ax.axhline(0, color="0.6", linewidth=0.6)
        ax.axvline(0, color="0.6", linewidth=0.6)
        ax.set(xlabel="$z$", title=t[title])
        ax.legend(fontsize=9)
    right.set_yticks([0, 0.25, 0.5, 0.75, 1])
    fig.tight_layout()


@memoized("shallow.symmetry")
def _symmetry_runs(num_iterations=10000, every=250):
    """Train from equal units and from the course's random start with nnlit's
    public steps; record the spread between hidden units every ``every`` steps."""
    from nnlit.shallow import (
        backward_propagation,
        forward_propagation,
        hidden_unit_spread,
        initialize_parameters,
        update_parameters,
    )

    X, Y = _flower()
    random_start = initialize_parameters(2, 4, 1, rng=np.random.RandomState(2))
    equal_start = {"W1": np.tile(random_start["W1"][:1], (4, 1)), "b1": np.zeros((4, 1)),
                   "W2": np.full((1, 4), random_start["W2"][0, 0]), "b2": np.zeros((1, 1))}
    runs = {}
    for name, p in (("equal", equal_start), ("random", random_start)):
        spreads = []
        for i in range(num_iterations + 1):
            if i % every == 0:
                spreads.append(hidden_unit_spread(p))
            if i < num_iterations:
                grads = backward_propagation(p, forward_propagation(X, p)[1], X, Y)
                p = update_parameters(p, grads)
        runs[name] = {"parameters": p, "spreads": spreads, "every": every}
    return runs


@describe(
    en=(
        "Two plots. Left: the decision regions over the flower data of a 4-unit tanh network "
        "trained from equal hidden units, its accuracy in the title. Right: the largest "
        "difference between its hidden units during 10000 iterations of training, for the "
        "equal start (dashed) and for the course's random start."
    ),
    zh_CN=(
        "两幅图。左：从相等的隐藏单元开始训练的 4 单元 tanh 网络在花形数据上的决策区域，标题"
        "中给出准确率。右：训练 10000 次迭代中隐藏单元之间的最大差值，虚线为相等的初始值，实"
        "线为课程的随机初始值。"
    ),
)
def symmetry(lang):
    """Left: the network trained from equal hidden units; right: the spread
    between its units against that of the course's random start."""
    from nnlit.shallow import predict

    t = TEXT.get(lang, TEXT["en"])
    X, Y = _flower()
    runs = _symmetry_runs()
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 4))
    equal = runs["equal"]["parameters"]
    _boundary(left, X, Y, lambda P: predict(equal, P),
              t["equal_start"].format(acc=_accuracy(predict(equal, X), Y)))
    curves = (("random", "random_start", "-"), ("equal", "equal_start_curve", "--"))
    for name, label, style in curves:
        spreads = runs[name]["spreads"]
        right.plot(np.arange(len(spreads)) * runs[name]["every"], spreads, style, label=t[label])
    right.set(xlabel=t["iterations"], ylabel=t["spread"], title=t["spread_title"])
    right.legend(fontsize=8)
    fig.tight_layout()


@memoized("shallow.linear_hidden")
def _linear_hidden():
    """The 4-unit network of the course with a linear (identity) hidden layer."""
    from nnlit.shallow import nn_model

    X, Y = _flower()
    return nn_model(X, Y, 4, num_iterations=10000, rng=np.random.RandomState(2),
                    hidden_activation="identity")


# Figures of the prose ({value} role), from the same runs as the figures.

@value("shallow.points", en="{}")
def _points():
    return _flower()[0].shape[1]


@value("shallow.logistic_accuracy", en="{:.1f} %")
def _logistic_accuracy():
    X, Y = _flower()
    return _accuracy(_logistic()["Y_prediction_train"], Y)


@value("shallow.network_accuracy", en="{:.2f} %")
def _network_accuracy_10000():
    return _network_accuracy()


@value("shallow.misclassified_radius", en="{wrong:.2f} against {all:.2f}",
       zh_CN="{wrong:.2f}，而全部点为 {all:.2f}")
def _misclassified_radius():
    from nnlit.shallow import predict

    X, Y = _flower()
    radius = np.hypot(X[0], X[1])
    wrong = (predict(_network()[0], X) != Y)[0]
    return {"wrong": float(np.median(radius[wrong])), "all": float(np.median(radius))}


@value("shallow.cost_7000_8000", en="from {c7:.4f} at iteration 7000 to {c8:.4f} at 8000",
       zh_CN="从第 7000 次迭代的 {c7:.4f} 升到第 8000 次的 {c8:.4f}")
def _cost_rise():
    costs = _network()[1]
    return {"c7": costs[7], "c8": costs[8]}


def _register_hidden(n):
    value(f"shallow.hidden_accuracy.{n}", en="{:.2f} %")(lambda: _network_accuracy(n, 5000))
    value(f"shallow.course_accuracy.{n}", en="{:.2f} %")(lambda: COURSE_ACCURACY[n])


for _n in HIDDEN_SIZES:
    _register_hidden(_n)


@value("shallow.linear_accuracy", en="{:.1f} %")
def _linear_accuracy():
    from nnlit.shallow import collapse_linear_layers

    X, Y = _flower()
    W, b = collapse_linear_layers(_linear_hidden())
    return _accuracy((W @ X + b > 0).astype(float), Y)


@value("shallow.linear_vs_logistic", en="{:.0e}")
def _linear_vs_logistic():
    """Largest difference between the collapsed (W, b) and logistic regression's (w, b)."""
    from nnlit.shallow import collapse_linear_layers

    W, b = collapse_linear_layers(_linear_hidden())
    d = _logistic()
    return float(max(np.max(np.abs(W - d["w"].T)), abs(b.item() - float(d["b"]))))


@value("shallow.linear_same_predictions", en="{same} of {total}", zh_CN="{total} 个中的 {same} 个")
def _linear_same_predictions():
    from nnlit.shallow import collapse_linear_layers

    X, _ = _flower()
    W, b = collapse_linear_layers(_linear_hidden())
    same = (W @ X + b > 0).astype(float) == _logistic()["Y_prediction_train"]
    return {"same": int(same.sum()), "total": same.size}


@value("shallow.symmetric_spread", en="{:g}")
def _symmetric_spread():
    return max(_symmetry_runs()["equal"]["spreads"])


@value("shallow.random_spread_start", en="{:.3f}")
def _random_spread_start():
    return _symmetry_runs()["random"]["spreads"][0]


@value("shallow.initial_slope", en="{:.4f}")
def _initial_slope():
    """The smallest tanh slope 1 - A1**2 at the course's start, over the flower."""
    from nnlit.shallow import forward_propagation, initialize_parameters

    X, _ = _flower()
    start = initialize_parameters(2, 4, 1, rng=np.random.RandomState(2))
    A1 = forward_propagation(X, start)[1]["A1"]
    return float(np.min(1 - A1 ** 2))


@value("shallow.random_spread", en="{:.2f}")
def _random_spread():
    return _symmetry_runs()["random"]["spreads"][-1]


@value("shallow.symmetric_accuracy", en="{:.1f} %")
def _symmetric_accuracy():
    from nnlit.shallow import predict

    X, Y = _flower()
    return _accuracy(predict(_symmetry_runs()["equal"]["parameters"], X), Y)
