"""Figures of the book, drawn at build time by running nnlit.

Each function takes the build language ("en" or "zh_CN") and draws on the
current matplotlib figure; the plot directive saves it.
"""

import numpy as np
from matplotlib import pyplot as plt
from memo import memoized
from values import value


def describe(**alt):
    """Register what a figure shows, per build language ("en", "zh_CN"): the book
    extension (_ext/theme.py) makes it the alt text of the figure's image."""
    def mark(draw):
        draw.alt = alt
        return draw
    return mark


TEXT = {
    "en": {
        "iterations": "iteration",
        "cost": "cost J",
        "accuracy": "accuracy (%)",
        "lr": "learning rate {lr}",
        "train": "training set",
        "test": "test set",
        "cost_title": "Cost during training",
        "acc_title": "Accuracy, learning rate 0.005",
        "epsilon": "step ε",
        "relerr": "relative error (G3)",
        "centred": "centred, float64",
        "one_sided": "one-sided, float64",
        "centred32": "centred, float32",
        "eps_title": "Gradient check of logistic regression",
    },
    "zh_CN": {
        "iterations": "迭代次数",
        "cost": "代价 J",
        "accuracy": "准确率（%）",
        "lr": "学习率 {lr}",
        "train": "训练集",
        "test": "测试集",
        "cost_title": "训练中的代价",
        "acc_title": "准确率（学习率 0.005）",
        "epsilon": "步长 ε",
        "relerr": "相对误差 (G3)",
        "centred": "中心差分，float64",
        "one_sided": "单侧差分，float64",
        "centred32": "中心差分，float32",
        "eps_title": "逻辑斯特回归的梯度检验",
    },
}


@memoized("logistic.accuracy_curve")
def _accuracy_curve(rate=0.005, every=20, iterations=2000):
    """Train and test accuracy (%) every 20 iterations of training at rate 0.005."""
    from nnlit.data import load_breast_cancer
    from nnlit.logistic import initialize_with_zeros, optimize, predict

    X_train, Y_train, X_test, Y_test = load_breast_cancer(rng=0)
    w, b = initialize_with_zeros(X_train.shape[0])
    steps, acc_train, acc_test = [], [], []
    for step in range(0, iterations + 1, every):
        if step:
            params, _, _ = optimize(w, b, X_train, Y_train, every, rate)
            w, b = params["w"], params["b"]
        steps.append(step)
        acc_train.append(100 * np.mean(predict(w, b, X_train) == Y_train))
        acc_test.append(100 * np.mean(predict(w, b, X_test) == Y_test))
    return steps, acc_train, acc_test


@memoized("logistic.costs")
def _costs(rate):
    """The costs of chapter 1's model on the breast-cancer data at one rate."""
    from nnlit.data import load_breast_cancer
    from nnlit.logistic import model

    X_train, Y_train, X_test, Y_test = load_breast_cancer(rng=0)
    return model(X_train, Y_train, X_test, Y_test, 2000, rate)["costs"]


@describe(
    en=(
        "Two plots. Left: the cost J of logistic regression on the breast-cancer data over "
        "2000 iterations, on a log scale, one curve for each learning rate 0.5, 0.05 and "
        "0.005. Right: training-set and test-set accuracy in percent during training with "
        "learning rate 0.005, the final values in the legend."
    ),
    zh_CN=(
        "两幅图。左：逻辑斯特回归在乳腺癌数据上 2000 次迭代中的代价 J（对数刻度），学习率 0.5"
        "、0.05、0.005 各一条曲线。右：学习率 0.005 训练时训练集与测试集的准确率（%），图例中"
        "给出最终值。"
    ),
)
def logistic_training(lang):
    """Cost curves for three learning rates and train/test accuracy."""
    t = TEXT.get(lang, TEXT["en"])
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.8))
    for lr in (0.5, 0.05, 0.005):
        costs = _costs(lr)
        left.plot(np.arange(len(costs)) * 100, costs, marker="o", label=t["lr"].format(lr=lr))
    left.set(xlabel=t["iterations"], ylabel=t["cost"], title=t["cost_title"], yscale="log")
    left.legend()

    steps, acc_train, acc_test = _accuracy_curve()
    right.plot(steps, acc_train, label=f"{t['train']} ({acc_train[-1]:.1f} %)")
    right.plot(steps, acc_test, label=f"{t['test']} ({acc_test[-1]:.1f} %)")
    right.set(xlabel=t["iterations"], ylabel=t["accuracy"], title=t["acc_title"])
    right.legend(loc="lower right")
    fig.tight_layout()


@memoized("gradcheck.epsilon_curves")
def _epsilon_curves():
    """Relative error of three numerical gradients of logistic regression's
    cost (100 examples, random parameters) for 23 steps from 1e-12 to 0.1."""
    from nnlit.data import load_breast_cancer
    from nnlit.gradcheck import numerical_gradients, relative_error
    from nnlit.logistic import propagate

    X, Y = (a[:, :100] for a in load_breast_cancer(rng=0)[:2])
    rng = np.random.default_rng(0)
    theta = {"w": rng.normal(0, 0.3, (X.shape[0], 1)), "b": 0.1}
    grads, _ = propagate(theta["w"], theta["b"], X, Y)
    exact = np.append(grads["dw"], grads["db"])

    def cost(p, dtype=np.float64):
        w, b = p["w"].astype(dtype), dtype(p["b"])
        return propagate(w, b, X.astype(dtype), Y.astype(dtype))[1]

    def one_sided(eps):
        base = np.append(theta["w"], theta["b"])
        j0 = cost(theta)
        out = np.empty_like(base)
        for i in range(base.size):
            step = base.copy()
            step[i] += eps
            out[i] = (cost({"w": step[:-1].reshape(-1, 1), "b": step[-1]}) - j0) / eps
        return out

    epsilons = np.logspace(-12, -1, 23)
    curves = {"centred": [], "one_sided": [], "centred32": []}
    for eps in epsilons:
        for name, f in (("centred", cost), ("centred32", lambda p: cost(p, np.float32))):
            g = numerical_gradients(f, theta, eps)
            curves[name].append(relative_error(exact, np.append(g["dw"], g["db"])))
        curves["one_sided"].append(relative_error(exact, one_sided(eps)))
    return epsilons, curves


@describe(
    en=(
        "Log-log plot of the relative error between numerical and backpropagated gradients of"
        " logistic regression against the step ε from 1e-12 to 0.1, for centred differences "
        "in float64, one-sided differences in float64 and centred differences in float32; a "
        "horizontal line marks the threshold 1e-7 and a dashed vertical line the step 1e-6."
    ),
    zh_CN=(
        "双对数图：逻辑斯特回归的数值梯度与反向传播梯度之间的相对误差随步长 ε（1e-12 到 0.1）"
        "的变化，三条曲线分别为 float64 中心差分、float64 单侧差分和 float32 中心差分；水平线"
        "标出阈值 1e-7，竖直虚线标出步长 1e-6。"
    ),
)
def gradcheck_epsilon(lang):
    """Relative error of numerical gradients against epsilon, three ways."""
    t = TEXT.get(lang, TEXT["en"])
    epsilons, curves = _epsilon_curves()
    fig, ax = plt.subplots(figsize=(7, 4))
    for name, style in (("centred", "o-"), ("one_sided", "s--"), ("centred32", "^:")):
        ax.loglog(epsilons, np.maximum(curves[name], 1e-17), style, label=t[name], ms=4)
    ax.axhline(1e-7, color="grey", lw=0.8)
    ax.axvline(1e-6, color="grey", lw=0.8, ls="--")
    ax.set(xlabel=t["epsilon"], ylabel=t["relerr"], title=t["eps_title"])
    ax.legend()
    fig.tight_layout()


# Figures of the prose ({value} role), from the same runs as the figures.

@value("logistic.data_size", en="{m} tumours by {n} measurements",
       zh_CN="{m} 个肿瘤，每个有 {n} 项测量")
def _data_size():
    from nnlit.data import load_breast_cancer

    X_train, _, X_test, _ = load_breast_cancer(rng=0)
    return {"m": X_train.shape[1] + X_test.shape[1], "n": X_train.shape[0]}


@value("logistic.parameters_and_examples", en="{p} parameters and {m} training examples",
       zh_CN="{p} 个参数、{m} 个训练样本")
def _parameters_and_examples():
    from nnlit.data import load_breast_cancer

    X_train = load_breast_cancer(rng=0)[0]
    return {"p": X_train.shape[0] + 1, "m": X_train.shape[1]}


@value("logistic.slow_accuracy", en="{tr:.1f} % on the training set and {te:.1f} % on the test set",
       zh_CN="训练集 {tr:.1f} %，测试集 {te:.1f} %")
def _slow_accuracy():
    _, acc_train, acc_test = _accuracy_curve()
    return {"tr": acc_train[-1], "te": acc_test[-1]}


def _best(name):
    epsilons, curves = _epsilon_curves()
    i = int(np.argmin(curves[name]))
    return {"err": curves[name][i], "eps": epsilons[i]}


@value("gradcheck.best_centred", en="{err:.0e} (at ε = {eps:.0e})",
       zh_CN="{err:.0e}（ε = {eps:.0e}）")
def _best_centred():
    return _best("centred")


@value("gradcheck.best_one_sided", en="{err:.0e} (at ε = {eps:.0e})",
       zh_CN="{err:.0e}（ε = {eps:.0e}）")
def _best_one_sided():
    return _best("one_sided")


@value("gradcheck.at_default", en="{:.0e}")
def _at_default():
    epsilons, curves = _epsilon_curves()
    return float(np.interp(-6, np.log10(epsilons), curves["centred"]))
