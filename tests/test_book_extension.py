"""The book's Sphinx extension, on tiny throw-away books: tags become the
numbers, and a broken chain (equation -> code -> proof) fails a -W build."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONF = f"""
import sys
sys.path[:0] = [{str(ROOT)!r}, {str(ROOT / "_ext")!r}]
extensions = ["myst_parser", "sphinx.ext.autodoc", "sphinx.ext.napoleon", "book"]
myst_enable_extensions = ["dollarmath", "amsmath"]
math_eqref_format = "({{number}})"
mathjax_path = "mathjax/tex-chtml.js"
"""


def build(tmp_path, page):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "conf.py").write_text(CONF)
    (tmp_path / "src" / "index.md").write_text(page)
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html",
         str(tmp_path / "src"), str(tmp_path / "out")],
        capture_output=True, text=True)
    html = tmp_path / "out" / "index.html"
    return done.returncode, done.stderr, html.read_text() if html.exists() else ""


def test_a_complete_chain_builds_and_shows_the_tag_as_number(tmp_path):
    status, err, html = build(tmp_path, """# t

$$ A = \\sigma(w^T X + b) \\tag{L4} $$ (logistic-forward)

$$ \\hat y = [a > 0.5] \\tag{L7} $$ (logistic-predict)

See {eq}`logistic-predict`.

```{eval-rst}
.. autofunction:: nnlit.logistic.predict
```
""")
    assert status == 0, err
    assert 'class="eqno">(L7)' in html and "\\tag" not in html
    assert ">(L7)</a>" in html  # the reference uses the tag too
    assert 'class="equation-chain"' in html and "threshold_one_half_is_the_sign_of_z" in html


def test_an_equation_without_code_or_proof_fails_the_build(tmp_path):
    status, err, _ = build(tmp_path, "# t\n\n$$ x = 1 \\tag{9} $$ (orphan-eq)\n")
    assert status != 0
    assert "'orphan-eq' is cited (:eq:) by no documented function" in err
    assert "'orphan-eq' is claimed by no proof in derivations/" in err


def test_a_labelled_equation_needs_one_tag(tmp_path):
    status, err, _ = build(tmp_path, "# t\n\n$$ x = 1 $$ (logistic-predict)\n")
    assert status != 0 and "needs exactly one \\tag" in err


def test_an_unknown_proof_name_fails_the_build(tmp_path):
    status, err, _ = build(tmp_path, "# t\n\n```{proof-verdict} logistic.no_such_proof\n```\n")
    assert status != 0 and "no proof named 'logistic.no_such_proof'" in err


def test_the_ledger_lists_each_equation_and_proof_refs_link_verdicts(tmp_path):
    status, err, html = build(tmp_path, """# t

$$ A = \\sigma(w^T X + b) \\tag{L4} $$ (logistic-forward)

$$ \\hat y = [a > 0.5] \\tag{L7} $$ (logistic-predict)

```{eval-rst}
.. autofunction:: nnlit.logistic.predict
```

```{proof-verdict} logistic.threshold_one_half_is_the_sign_of_z
```

Demonstrated by {proof}`logistic.threshold_one_half_is_the_sign_of_z`.

```{equation-ledger}
```
""")
    assert status == 0, err
    table = html[html.index('class="equation-ledger'):html.index("</table>")]
    assert table.count("<tr") == 3  # header + two equations
    assert "(L4)" in table and "(L7)" in table and "threshold_one_half_is_the_sign_of_z ✓" in table
    assert "2 equations on 1 pages: 2 proven and 2 linked to code" in html
    assert 'href="#proof-logistic-threshold-one-half-is-the-sign-of-z"' in html


def test_a_proof_ref_to_an_unknown_proof_fails_the_build(tmp_path):
    status, err, _ = build(tmp_path, "# t\n\nSee {proof}`logistic.nothing_here`.\n")
    assert status != 0 and "no proof named 'logistic.nothing_here'" in err


def build_with_values(tmp_path, page, langs=("en", "zh_CN")):
    """A throw-away book whose conf.py registers three values of its own."""
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "conf.py").write_text(CONF + """
from values import value
value("t.ratio", en="{:.1f} %", zh_CN="{:.1f}％")(lambda: 96.66)
value("t.count", en="{c} of {n}", zh_CN="{n} 个中的 {c} 个")(lambda: {"c": 3, "n": 4})
value("t.boom", en="{}")(lambda: 1 / 0)
""")
    (tmp_path / "src" / "index.md").write_text(page)
    outs = {}
    for lang in langs:
        done = subprocess.run(
            [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html",
             "-D", f"language={lang}", str(tmp_path / "src"), str(tmp_path / lang)],
            capture_output=True, text=True)
        html = tmp_path / lang / "index.html"
        outs[lang] = (done.returncode, done.stderr, html.read_text() if html.exists() else "")
    return outs


def test_a_value_is_computed_and_formatted_per_language(tmp_path):
    outs = build_with_values(tmp_path, "# t\n\nWe reach {value}`t.ratio`, {value}`t.count`.\n")
    assert outs["en"][0] == 0, outs["en"][1]
    assert "We reach <span class=\"computed-value\">96.7 %</span>" in outs["en"][2]
    assert ">3 of 4<" in outs["en"][2]
    assert outs["zh_CN"][0] == 0 and ">96.7％<" in outs["zh_CN"][2] and ">4 个中的 3 个<" in outs[
        "zh_CN"][2]


def test_a_value_that_raises_or_is_unknown_fails_the_build(tmp_path):
    outs = build_with_values(tmp_path, "# t\n\nSee {value}`t.boom` and {value}`t.nothing`.\n",
                             langs=("en",))
    status, err, _ = outs["en"]
    assert status != 0
    assert "computing 't.boom' raised ZeroDivisionError" in err
    assert "no value named 't.nothing'" in err


def test_an_answer_is_folded_away_until_opened(tmp_path):
    status, err, html = build(tmp_path, "# t\n\nWhy?\n\n```{answer}\nBecause $a - y$.\n```\n")
    assert status == 0, err
    start = html.index('<details class="answer"><summary>Answer</summary>')
    assert "Because" in html[start:html.index("</details>", start)]
