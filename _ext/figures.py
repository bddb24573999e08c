"""Figures of the book, drawn at build time by running nnlit.

Each function takes the build language ("en" or "zh_CN") and draws on the
current matplotlib figure; the plot directive saves it.
"""

import numpy as np
from matplotlib import pyplot as plt

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
    },
}


def logistic_training(lang):
    """Cost curves for three learning rates and train/test accuracy."""
    from nnlit.data import load_breast_cancer
    from nnlit.logistic import initialize_with_zeros, model, optimize, predict

    t = TEXT.get(lang, TEXT["en"])
    X_train, Y_train, X_test, Y_test = load_breast_cancer(rng=0)
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.8))
    for lr in (0.5, 0.05, 0.005):
        costs = model(X_train, Y_train, X_test, Y_test, 2000, lr)["costs"]
        left.plot(np.arange(len(costs)) * 100, costs, marker="o", label=t["lr"].format(lr=lr))
    left.set(xlabel=t["iterations"], ylabel=t["cost"], title=t["cost_title"], yscale="log")
    left.legend()

    w, b = initialize_with_zeros(X_train.shape[0])
    steps, acc_train, acc_test = [], [], []
    for step in range(0, 2001, 20):
        if step:
            params, _, _ = optimize(w, b, X_train, Y_train, 20, 0.005)
            w, b = params["w"], params["b"]
        steps.append(step)
        acc_train.append(100 * np.mean(predict(w, b, X_train) == Y_train))
        acc_test.append(100 * np.mean(predict(w, b, X_test) == Y_test))
    right.plot(steps, acc_train, label=f"{t['train']} ({acc_train[-1]:.1f} %)")
    right.plot(steps, acc_test, label=f"{t['test']} ({acc_test[-1]:.1f} %)")
    right.set(xlabel=t["iterations"], ylabel=t["accuracy"], title=t["acc_title"])
    right.legend(loc="lower right")
    fig.tight_layout()
