"""Figures of the book, drawn at build time by running nnlit.

Each function takes the build language ("en" or "zh_CN") and draws on the
current matplotlib figure; the plot directive saves it.
"""

import numpy as np
from matplotlib import pyplot as plt
from values import value

from derivations.memo import memoized


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
        "graph_forward": "forward: values",
        "graph_backward": "backward: derivatives of L",
        "graph_title": "One example: x = {x}, w = {w}, b = {b}, y = {y}",
        "z_axis": "score z",
        "loss_axis": "loss for y = 1",
        "grad_axis": "|∂L/∂z| for y = 1",
        "ce": "cross-entropy (3)",
        "sq": "squared error ½(a − y)²",
        "loss_title": "Loss of one example labelled 1",
        "grad_title": "How hard the gradient pushes",
        "wrong": "confidently wrong",
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
        "graph_forward": "前向：数值",
        "graph_backward": "反向：L 的导数",
        "graph_title": "一个样本：x = {x}，w = {w}，b = {b}，y = {y}",
        "z_axis": "得分 z",
        "loss_axis": "y = 1 时的损失",
        "grad_axis": "y = 1 时的 |∂L/∂z|",
        "ce": "交叉熵 (3)",
        "sq": "平方误差 ½(a − y)²",
        "loss_title": "一个标签为 1 的样本的损失",
        "grad_title": "梯度推动的力度",
        "wrong": "自信地答错",
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


# Chapter 1, the why: the computation graph, saturation, vectorisation.

GRAPH_EXAMPLE = {"x": [[1.0], [-2.0]], "w": [[0.5], [1.0]], "b": 0.5, "y": 1}


def _graph_numbers():
    """Forward values and backward derivatives of the graph's example, by nnlit."""
    from nnlit.activations import sigmoid
    from nnlit.logistic import propagate
    from nnlit.losses import binary_cross_entropy, binary_cross_entropy_derivative

    g = GRAPH_EXAMPLE
    x, w, Y = np.array(g["x"]), np.array(g["w"]), np.array([[g["y"]]])
    z = float((w.T @ x)[0, 0] + g["b"])
    a = sigmoid(np.array([[z]]))
    grads, _ = propagate(w, g["b"], x, Y)
    return {"z": z, "a": float(a[0, 0]), "L": binary_cross_entropy(a, Y),
            "da": float(binary_cross_entropy_derivative(a, Y)[0, 0]),
            "dz": float(a[0, 0] - g["y"]), "dw": grads["dw"].ravel(), "db": grads["db"]}


def _box(ax, xy, text, color):
    ax.text(*xy, text, ha="center", va="center", fontsize=13,
            bbox={"boxstyle": "round,pad=0.5", "fc": color, "ec": "0.3"})


@describe(
    en=(
        "The computation graph of one example: boxes for x, w and b feed z = wᵀx + b, then a "
        "= σ(z), then the loss L(a, y), joined by arrows. Above each box in blue, its value "
        "in the forward pass; below it in red, the derivative of L in the backward pass (dz ="
        " a − y, da, and dw = x dz, db = dz at the bottom); the example's x, w, b and y are "
        "in the title."
    ),
    zh_CN=(
        "一个样本的计算图：x、w、b 三个方框经箭头连到 z = wᵀx + b，再到 a = σ(z)，再到损失 L("
        "a, y)。每个方框上方的蓝字是前向传播中的数值，下方的红字是反向传播中 L 的导数（dz = a"
        " − y、da，底部为 dw = x dz、db = dz）；标题给出该样本的 x、w、b 和 y。"
    ),
)
def logistic_graph(lang):
    """The computation graph of one example, with its numbers forward and back."""
    t = TEXT.get(lang, TEXT["en"])
    v, g = _graph_numbers(), GRAPH_EXAMPLE
    fig, ax = plt.subplots(figsize=(10, 4))
    ax.set(xlim=(0, 10), ylim=(0, 4))
    ax.axis("off")
    nodes = {"x": (0.9, 3.1), "w": (0.9, 2.0), "b": (0.9, 0.9), "z": (4.0, 2.0),
             "a": (6.6, 2.0), "L": (9.0, 2.0)}
    labels = {"x": "$x$", "w": "$w$", "b": "$b$", "z": "$z = w^Tx + b$",
              "a": r"$a = \sigma(z)$", "L": "$L(a, y)$"}
    for name, xy in nodes.items():
        _box(ax, xy, labels[name], "#dde8f6" if name in "xwb" else "#f3f3f3")
    for start, end in (("x", "z"), ("w", "z"), ("b", "z"), ("z", "a"), ("a", "L")):
        (x0, y0), (x1, y1) = nodes[start], nodes[end]
        ax.annotate("", (x1 - 1.0 if end == "z" else x1 - 0.8, y1),
                    (x0 + 0.4 if start in "xwb" else x0 + 1.0, y0),
                    arrowprops={"arrowstyle": "->", "color": "0.3"})
    fwd = {"z": f"$z = {v['z']:.2f}$", "a": f"$a = {v['a']:.3f}$", "L": f"$L = {v['L']:.3f}$"}
    back = {"z": f"$dz = a - y = {v['dz']:.3f}$",
            "a": f"$da = -y/a + (1-y)/(1-a) = {v['da']:.3f}$",
            "L": r"$\partial L / \partial L = 1$"}
    for name in ("z", "a", "L"):
        x0, y0 = nodes[name]
        ax.text(x0, y0 + 0.75, fwd[name], ha="center", color="tab:blue", fontsize=12)
        ax.text(x0, y0 - 0.85, back[name], ha="center", color="tab:red", fontsize=11)
    dw = ", ".join(f"{d:.3f}" for d in v["dw"])
    ax.text(2.4, 0.15, f"$dw = x\\,dz = ({dw})$,   $db = dz = {v['db']:.3f}$",
            ha="center", color="tab:red", fontsize=12)
    ax.text(0.0, 3.85, t["graph_forward"], color="tab:blue", fontsize=12)
    ax.text(3.0, 3.85, t["graph_backward"], color="tab:red", fontsize=12)
    x_shown = "(" + ", ".join(f"{c[0]:g}" for c in g["x"]).replace("-", "\N{MINUS SIGN}") + ")"
    w_shown = "(" + ", ".join(f"{c[0]:g}" for c in g["w"]) + ")"
    ax.set_title(t["graph_title"].format(x=x_shown, w=w_shown, b=g["b"], y=g["y"]))
    fig.tight_layout()


SATURATED_Z = -10.0


def _saturation_curves():
    """Loss and |dL/dz| of both losses for one example labelled 1, by nnlit."""
    from nnlit.activations import sigmoid
    from nnlit.losses import binary_cross_entropy_derivative, squared_error_dz

    Z = np.linspace(-12, 12, 241).reshape(1, -1)
    Y = np.ones_like(Z)
    A = sigmoid(Z)
    ce_dz = binary_cross_entropy_derivative(A, Y) * A * (1 - A)  # (L8): a - y
    return {"z": Z.ravel(), "ce": np.logaddexp(0, -Z).ravel(), "sq": (0.5 * (A - Y) ** 2).ravel(),
            "ce_dz": np.abs(ce_dz).ravel(), "sq_dz": np.abs(squared_error_dz(Z, Y)).ravel()}


@describe(
    en=(
        "Two plots for one example labelled 1, against the score z from -12 to 12. Left: the "
        "cross-entropy loss and the squared error ½(a − y)² (dashed). Right: the size of "
        "their slopes dL/dz on a log scale, |a − y| for cross-entropy and |a − y| a(1 − a) "
        "for the squared error (dashed), which all but vanishes for a confidently wrong "
        "score; a vertical line marks z = -10."
    ),
    zh_CN=(
        "两幅图，针对一个标签为 1 的样本，横轴为得分 z（-12 到 12）。左：交叉熵损失与平方误差"
        " ½(a − y)²（虚线）。右：它们的斜率 dL/dz 的大小（对数刻度），交叉熵为 |a − y|，平方"
        "误差为 |a − y| a(1 − a)（虚线），后者在自信而错误的得分处几乎消失；竖线标出 z = -10"
        "。"
    ),
)
def logistic_saturation(lang):
    """Cross-entropy against squared error for a label 1: the loss and its slope."""
    t = TEXT.get(lang, TEXT["en"])
    c = _saturation_curves()
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.8))
    left.plot(c["z"], c["ce"], label=t["ce"])
    left.plot(c["z"], c["sq"], "--", label=t["sq"])
    left.set(xlabel=t["z_axis"], ylabel=t["loss_axis"], title=t["loss_title"])
    left.legend()
    right.semilogy(c["z"], c["ce_dz"], label=t["ce"] + ": |a − y|")
    right.semilogy(c["z"], c["sq_dz"], "--", label=t["sq"] + ": |a − y| a(1 − a)")
    right.axvline(SATURATED_Z, color="grey", lw=0.8)
    right.annotate(t["wrong"], (SATURATED_Z, 1e-5), (SATURATED_Z + 1.5, 1e-6),
                   arrowprops={"arrowstyle": "->", "color": "grey"})
    right.set(xlabel=t["z_axis"], ylabel=t["grad_axis"], title=t["grad_title"])
    right.legend(loc="lower left", fontsize=8)
    fig.tight_layout()


@value("logistic.saturated_ratio", en="{ratio:,.0f} times", zh_CN="{ratio:,.0f} 倍")
def _saturated_ratio():
    """How many times smaller the squared-error slope is at z = -10, y = 1."""
    from nnlit.activations import sigmoid
    from nnlit.losses import squared_error_dz

    Z, Y = np.array([[SATURATED_Z]]), np.array([[1.0]])
    return {"ratio": float((sigmoid(Z) - Y)[0, 0] / squared_error_dz(Z, Y)[0, 0])}


@value("logistic.saturated_z", en="{}")
def _saturated_z():
    return f"{SATURATED_Z:g}".replace("-", "\N{MINUS SIGN}")


def loop_propagate(w, b, X, Y):
    """Teaching code: propagate's cost and gradients, one example at a time.

    Every example goes through (1), (2) and the loss (3) on its own, and its
    contribution to the cost, dw and db is added up; only the sum over the
    features of w^T x is left to NumPy.
    """
    n_x, m = X.shape
    cost, dw, db = 0.0, np.zeros((n_x, 1)), 0.0
    for i in range(m):
        x, y = X[:, i], Y[0, i]
        z = float(w[:, 0] @ x) + b
        a = 1 / (1 + np.exp(-z)) if z >= 0 else np.exp(z) / (1 + np.exp(z))
        cost += np.logaddexp(0, z) - y * z  # (L3)
        dw[:, 0] += x * (a - y)
        db += a - y
    return {"dw": dw / m, "db": db / m}, cost / m


TIMING_SHAPE = (30, 20_000)


@memoized("logistic.vectorisation_timing")
def _vectorisation_timing():
    """The shortest of several wall-clock times (timeit, one call each) of the
    loop and of propagate, on random data of shape TIMING_SHAPE, and the
    machine they ran on. The minimum is the time least disturbed by other
    work on the machine. Both run on one thread: NumPy's BLAS is limited to
    one (threadpoolctl, which scikit-learn brings), so that on a busy machine
    the matrix form does not wait for a second thread that is not running."""
    import os
    import platform
    import timeit

    from threadpoolctl import threadpool_limits

    from nnlit.logistic import propagate

    rng = np.random.default_rng(0)
    n_x, m = TIMING_SHAPE
    X, Y = rng.normal(size=(n_x, m)), rng.integers(0, 2, (1, m)).astype(float)
    w, b = rng.normal(0, 0.1, (n_x, 1)), 0.1

    def best(f, repeat):
        with threadpool_limits(limits=1):
            return min(timeit.repeat(lambda: f(w, b, X, Y), number=1, repeat=repeat))

    return {"loop": best(loop_propagate, 7), "matrix": best(propagate, 50),
            "machine": platform.machine(), "cores": os.cpu_count(),
            "python": platform.python_version(), "numpy": np.__version__}


@value("logistic.vector_speedup", en="{:.0f} times", zh_CN="{:.0f} 倍")
def _vector_speedup():
    timing = _vectorisation_timing()
    return timing["loop"] / timing["matrix"]


@value("logistic.vector_times",
       en="{loop:.0f} ms for the loop, {matrix:.2f} ms for the matrix form",
       zh_CN="循环 {loop:.0f} 毫秒，矩阵形式 {matrix:.2f} 毫秒")
def _vector_times():
    timing = _vectorisation_timing()
    return {"loop": 1e3 * timing["loop"], "matrix": 1e3 * timing["matrix"]}


@value("logistic.timing_machine",
       en="an {machine} machine with {cores} CPU cores, Python {python}, NumPy {numpy}",
       zh_CN="{machine} 架构、{cores} 个 CPU 核心的机器（Python {python}，NumPy {numpy}）")
def _timing_machine():
    return _vectorisation_timing()


@value("logistic.timing_shape", en="{n} features and {m:,} examples",
       zh_CN="{n} 个特征、{m:,} 个样本")
def _timing_shape():
    return {"n": TIMING_SHAPE[0], "m": TIMING_SHAPE[1]}
