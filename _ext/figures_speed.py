"""The speed page's figure: time per iteration against n_x, both forms,
measured by the build (once per version of the code: the disk memo)."""

import numpy as np
from figures import describe
from matplotlib import pyplot as plt
from values import value

from derivations.memo import cached

N_XS = (48, 96, 192, 384, 768, 1536, 3072, 6144, 12288)  # 12288 = 64 x 64 x 3, the cats

TEXT = {
    "en": {"n_x": "features n_x (m = {m} examples)", "ms": "milliseconds per iteration",
           "primal": "primal: two products with X", "dual": "dual: the Gram matrix K",
           "m": "n_x = m", "title": "Network [n_x, 20, 7, 5, 1], float64, one thread"},
    "zh_CN": {"n_x": "特征数 n_x（m = {m} 个样本）", "ms": "每次迭代的毫秒数",
              "primal": "原始形式：两次与 X 相乘", "dual": "对偶形式：Gram 矩阵 K",
              "m": "n_x = m", "title": "网络 [n_x, 20, 7, 5, 1]，float64，单线程"},
}


@describe(
    en=("A log-log plot of milliseconds per training iteration against the number of "
        "features n_x, for the network [n_x, 20, 7, 5, 1] on m examples in float64: one curve "
        "for the primal form, which multiplies by X twice per iteration and grows with n_x, "
        "one for the dual form with the Gram matrix K, which stays flat; a dashed vertical "
        "line marks n_x = m."),
    zh_CN=("双对数坐标图：网络 [n_x, 20, 7, 5, 1] 在 m 个样本上（float64）每次训练迭代的毫秒数随"
           "特征数 n_x 的变化。一条曲线是原始形式，每次迭代与 X 相乘两次，随 n_x 增长；另一条是"
           "使用 Gram 矩阵 K 的对偶形式，基本保持平坦；竖直虚线标出 n_x = m。"),
)
def time_against_n_x(lang):
    from benchmarks.speed import sweep

    t = TEXT.get(lang, TEXT["en"])
    found = cached("speed.sweep", sweep, N_XS)
    fig, ax = plt.subplots(figsize=(7, 4))
    ax.loglog(found["n_x"], found["primal"], "o-", label=t["primal"])
    ax.loglog(found["n_x"], found["dual"], "s-", label=t["dual"])
    ax.axvline(found["m"], color="grey", lw=0.8, ls="--", label=t["m"])
    ax.set(xlabel=t["n_x"].format(m=found["m"]), ylabel=t["ms"], title=t["title"])
    ax.legend()
    fig.tight_layout()


# Figures of the prose ({value} role): the cost of one iteration of the cat
# network, from the page's own counts.

CAT = {"n_x": 12288, "n1": 20, "m": 209}  # the course's cat network, its first layer


@value("speed.cat_primal", en="{:.0f} million", zh_CN="{:.0f} 百万")
def _cat_primal():
    return 2 * CAT["n1"] * (CAT["n_x"] + 1) * CAT["m"] / 1e6


@value("speed.cat_dual", en="{:.2f} million", zh_CN="{:.2f} 百万")
def _cat_dual():
    return CAT["n1"] * CAT["m"] ** 2 / 1e6


@value("speed.cat_gram", en="{:.0f} kB")
def _cat_gram():
    return CAT["m"] ** 2 * np.dtype(np.float64).itemsize / 1e3
