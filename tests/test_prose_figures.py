"""No figure of the prose is typed by hand (README, "Figures in prose").

A *figure* is a number a reader could reproduce by running nnlit: an
accuracy, a count of correct answers, a cost, a ratio, a factor, an error, a
time. In prose (outside math, code, doctests and roles) it may appear only
through the ``{value}`` role, which the build computes. The rule the test
enforces: a number in prose is a figure when it

- carries a percent sign (``97 %``, ``97%``, ``97％``) or a time unit (``s``,
  ``ms``, ``µs``, seconds, 秒, 毫秒);
- has a decimal point (``0.693``, ``2.3``) or an exponent (``1e-8``);
- is a multiple or a factor (``35-fold``, ``35 times``, ``×35``, ``35 倍``);
- is a count out of a total (``86 of 89``, ``86 out of 89``, ``86/89``,
  ``89 张中的 86 张``, ``89 个中的 86 个``).

Plain integers stay free: equation and chapter numbers, sizes that define a
task (``[12288, 20, 7, 5, 1]``, 5000 iterations). So do a section number of
the notes (section 3.1), a documented default (``default 0.5``, 默认 0.5) and
whole-number decimals such as the labels 0.0 and 1.0. Every other input of a
run is written as code or math (`learning_rate=0.005`, $\\alpha = 1.2$).
"""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
DOCS = sorted((ROOT / "docs").glob("*.md"))
CATALOGS = sorted((ROOT / "locale" / "zh_CN" / "LC_MESSAGES").glob("*.po"))

NUM = r"(?<![\w.])\d+(?:[.,]\d+)*"
FIGURE = re.compile("|".join([
    NUM + r"\s*(?:%|％|percent\b|per cent\b)",
    r"百分之",
    NUM + r"\s*(?:s|ms|µs|seconds?|minutes?|秒|毫秒|分钟)(?![\w])",
    r"(?<![\w.])\d+\.(?!0+(?![\w]|\.\d))\d+(?![\w]|\.\d)",
    r"(?<![\w.])\d+(?:\.\d+)?e[-+]?\d+",
    NUM + r"\s*(?:-fold|-times|\s+times\b|倍)",
    r"(?<![\d\s])\s?×\s*" + NUM,
    NUM + r"\s*×(?!\s*\d)",
    NUM + r"\s+(?:out\s+)?of\s+(?:the\s+)?" + NUM,
    r"(?<![\w.])\d{2,}\s*/\s*\d{2,}(?![\w.])",
    NUM + r"\s*[个张幅][^\d。，；]{0,12}中的\s*" + NUM,
]))
#: Words after which a number is a reference or an input, not a figure.
FREE_AFTER = re.compile(r"(?:section|sections|§|第|default|默认)\s*$", re.I)

STRIP = [
    re.compile(r"^(`{3,}|~{3,}).*?^\1\s*$", re.S | re.M),  # fenced blocks (code, directives)
    re.compile(r"\$\$.*?\$\$", re.S),                       # display math
    re.compile(r"(?<!\\)\$[^$\n]+?\$"),                     # inline math
    re.compile(r"\{[\w:-]+\}`[^`]*`"),                      # roles, {value} included
    re.compile(r"``.*?``|`[^`\n]*`"),                       # code spans
    re.compile(r"\]\([^)]*\)"),                             # link targets
    re.compile(r"<!--.*?-->", re.S),                        # comments
    re.compile(r"^\([\w-]+\)=\s*$", re.M),                  # MyST targets
    re.compile(r"^\s*:[\w-]+:.*$", re.M),                   # directive options
]


def prose(text):
    for pattern in STRIP:
        text = pattern.sub(" ", text)
    return text


def figures(text):
    text = prose(text)
    return [m.group(0) for m in FIGURE.finditer(text)
            if not FREE_AFTER.search(text[max(0, m.start() - 12):m.start()])]


def msgstrs(po):
    """The translations of a catalog, one string per message (header excluded)."""
    with po.open("rb") as fh:
        return [m.string for m in read_po(fh) if m.id and m.string]


@pytest.mark.parametrize("page", DOCS, ids=lambda p: p.name)
def test_no_hand_typed_figure_on_a_page(page):
    assert figures(page.read_text(encoding="utf-8")) == [], (
        f"{page.name} states figures by hand; compute them with {{value}}`name` (_ext/values.py)")


@pytest.mark.parametrize("po", CATALOGS, ids=lambda p: p.name)
def test_no_hand_typed_figure_in_a_catalog(po):
    found = [(f, s[:80]) for s in msgstrs(po) for f in figures(s)]
    assert found == [], f"{po.name}: {found}"


@pytest.mark.parametrize("sentence", [
    "With this network we reach 97 % on the test set.",
    "we reach 97% here",
    "测试集上达到 97％。",
    "It gets 86 of the 89 test images right.",
    "It gets 86 out of 89 right.",
    "training takes 0.44 s",
    "the cost falls to 0.2175",
    "the activations shrink about 35-fold per layer",
    "the dual form is 20 times faster",
    "对偶形式快 20 倍",
    "89 张测试图像中的 86 张",
    "the error is 1e-11",
    "weights times 0.01.",
    "a speed-up of ×35 here",
])
def test_the_rule_catches_a_typed_figure(sentence, tmp_path):
    page = tmp_path / "throwaway.md"
    page.write_text(f"# A page\n\nSome prose. {sentence}\n")
    assert figures(page.read_text())


@pytest.mark.parametrize("sentence", [
    "We reach {value}`softmax.test_accuracy` on the test set.",
    "Equation (7) of chapter 4, and (D5).",
    "The course's cat network `[12288, 20, 7, 5, 1]` trains for 2500 iterations.",
    "With $\\alpha = 1.2$ and `learning_rate=0.005`, the 4 hidden units of layer 2.",
    "See {eq}`deep-spread` and {ref}`erratum 6 <erratum-6>`.",
    "$$\nx = 0.5 \\tag{L7}\n$$ (logistic-predict)",
    "```{doctest}\n>>> print(0.5)\n0.5\n\n```",
    "第 4 章的公式 (7)。",
    "digits as 8 × 8 images, or 8×8",
    "labels 0.0 and 1.0.",
])
def test_the_rule_leaves_the_rest_alone(sentence):
    assert figures(f"# A page\n\n{sentence}\n") == []
