"""The built book, opened offline in headless Chromium, in both languages.

Run after the HTML is built (`make test` does both): `pytest -m browser`.
"""

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
from cdp import HTML, page_path
from conftest import selected_pages

from derivations import load

pytestmark = pytest.mark.browser

LANGS = ("en", "zh_CN")
PAGES = ("index", "preliminaries", "logistic", "shallow", "softmax", "deep", "gradcheck",
         "speed", "checker", "errata", "glossary", "notation", "verification")
RAW_TEX = re.compile(r"\\\[|\\\]|\\\(|\\\)|\$\$|\\frac|\\sigma|\\begin|\\tag")
# Sphinx's search has answered: it writes its summary line once every result is shown.
SEARCHED = """new Promise(resolve => {
  const start = performance.now();
  const summary = () => document.querySelector("#search-results .search-summary");
  const poll = () => (summary() && summary().textContent.trim())
      || performance.now() - start > 10000
    ? resolve(document.documentElement.outerHTML) : setTimeout(poll, 20);
  poll();
})"""


class Text(HTMLParser):
    """Visible text outside math output, scripts, styles and code blocks."""

    SKIP = {"script", "style", "pre", "mjx-container", "mjx-assistive-mml"}

    def __init__(self):
        super().__init__()
        self.depth, self.chunks, self.errors, self.math = 0, [], 0, 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "mjx-container":
            self.math += 1
        if "data-mjx-error" in attrs or tag == "mjx-merror":
            self.errors += 1
        if tag in self.SKIP:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.depth -= 1

    def handle_data(self, data):
        if not self.depth:
            self.chunks.append(data)


def math_in_source(html):
    """Inline and display math elements that Sphinx wrote for MathJax."""
    return html.count('class="math')


@pytest.fixture(scope="module", params=[(lang, page) for lang in LANGS for page in PAGES],
                ids=lambda p: f"{p[0]}/{p[1]}")
def typeset(request, book):
    """The page's DOM once MathJax is done, as loaded offline (cdp.Book.page)."""
    lang, page = request.param
    book.measure(selected_pages(request))
    source = page_path(lang, page).read_text(encoding="utf-8")
    parser = Text()
    parser.feed(book.page(lang, page)["dom"])
    return lang, page, source, parser


def test_equations_are_typeset_offline(typeset):
    lang, page, source, dom = typeset
    expected = math_in_source(source)
    assert expected > 0 or page == "glossary"
    assert dom.math >= expected, f"{lang}/{page}: {dom.math} typeset of {expected} equations"


def test_no_mathjax_error_and_no_raw_tex_left(typeset):
    lang, page, _, dom = typeset
    assert dom.errors == 0, f"{lang}/{page}: MathJax reported {dom.errors} errors"
    text = "".join(dom.chunks)
    left = RAW_TEX.findall(text)
    assert not left, f"{lang}/{page}: raw TeX left in the page: {left[:5]}"


def test_mathjax_is_served_from_the_build_itself():
    for lang in LANGS:
        assert (HTML / lang / "_static" / "mathjax" / "tex-chtml.js").is_file()
        page = (HTML / lang / "logistic.html").read_text(encoding="utf-8")
        assert "_static/mathjax/tex-chtml.js" in page
        assert not re.search(r'src="https?://', page), "a script is loaded from the network"


def test_both_languages_show_identical_equations():
    def blocks(lang, page):
        text = (HTML / lang / f"{page}.html").read_text(encoding="utf-8")
        return re.findall(r'<div class="math[^"]*"([^>]*)>\s*(<span class="eqno">\([^<]*)?'
                          r'.*?(\\\[.*?\\\])</div>', text, re.S)

    for page in [p for p in PAGES if p not in ("index", "checker", "errata", "glossary",
                                                 "notation", "verification")]:
        en, zh = blocks("en", page), blocks("zh_CN", page)
        assert len(en) >= 4 and en == zh, page


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_language_switcher_reaches_the_same_page(lang, page):
    other = "zh_CN" if lang == "en" else "en"
    text = (HTML / lang / f"{page}.html").read_text(encoding="utf-8")
    link = f'href="../{other}/{page}.html"'
    assert link in text
    assert (HTML / other / f"{page}.html").is_file()


@pytest.mark.parametrize("lang", LANGS)
def test_equations_are_followed_by_code_proofs_and_figures(lang):
    text = (HTML / lang / "logistic.html").read_text(encoding="utf-8")
    for label, number in (("logistic-7", "7"), ("logistic-8", "8"), ("logistic-dz", "L5")):
        assert f'id="equation-{label}"' in text and f'class="eqno">({number})' in text
    assert 'id="nnlit.logistic.propagate"' in text and "viewcode-link" in text
    verdicts = re.findall(r'class="proof-verdict (\w+)"', text)
    chapter_proofs = [p for p in load() if p.chapter == "logistic"]
    assert len(verdicts) == len(chapter_proofs) and set(verdicts) == {"proved"}
    chains = re.findall(r'<p class="equation-chain">(.*?)</p>', text, re.S)
    assert len(chains) == text.count('class="eqno"')
    assert all("propagate" in c or "sigmoid" in c or "cross_entropy" in c or "optimize" in c
               or "predict" in c for c in chains)
    assert not any(">none<" in c or ">无<" in c for c in chains), "an equation lacks code or proof"
    images = re.findall(r'<img[^>]+src="([^"]+\.png)"', text)
    assert images, "no figure on the logistic page"
    for src in images:
        assert (HTML / lang / src).is_file(), src


def test_chinese_edition_is_translated_and_searchable():
    text = (HTML / "zh_CN" / "logistic.html").read_text(encoding="utf-8")
    assert 'lang="zh-CN"' in text or 'lang="zh_CN"' in text
    assert "逻辑斯特回归" in text
    index = (HTML / "zh_CN" / "searchindex.js").read_text(encoding="utf-8")
    terms = json.loads(index[index.index("(") + 1:index.rindex(")")])["terms"]
    for word in ("权重", "梯度", "广播"):  # body words, not only title words
        assert word in terms, f"{word} is not indexed: is jieba installed?"


def test_screenshot_of_the_chinese_page_is_not_blank(tmp_path, book):
    shot = tmp_path / "logistic.png"
    book.browser.open(page_path("zh_CN", "logistic"), width=1200, height=1600).screenshot(shot)
    assert shot.is_file() and shot.stat().st_size > 20_000


@pytest.mark.parametrize("lang, word", [("zh_CN", "权重"), ("zh_CN", "交叉熵"), ("en", "gradient"),
                                       ("zh_CN", "逻辑回归")])
def test_search_finds_body_words_offline(lang, word, book):
    book.browser.open(page_path(lang, "search"), query=f"?q={quote(word)}")
    dom = book.browser.evaluate(SEARCHED)
    results = re.search(r'<ul[^>]*class="search"[^>]*>(.*?)</ul>', dom, re.S)
    assert results and 'href="logistic.html' in results.group(1), f"{lang}: no hit for {word}"


def test_matplotlib_finds_the_chinese_font():
    from matplotlib import font_manager

    path = font_manager.findfont("Noto Sans CJK SC", fallback_to_default=False)
    assert "NotoSansCJK" in Path(path).name.replace("-", "")


@pytest.mark.parametrize("lang", LANGS)
def test_verification_page_lists_every_equation_with_a_verdict(lang):
    numbered = {}
    for page in PAGES:
        text = (HTML / lang / f"{page}.html").read_text(encoding="utf-8")
        for label in re.findall(r'id="equation-([^"]+)"', text):
            numbered[label] = page
    assert len(numbered) >= 20
    text = (HTML / lang / "verification.html").read_text(encoding="utf-8")
    table = text[text.index('class="equation-ledger'):]
    table = table[:table.index("</table>")]
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)[1:]  # skip the header
    assert len(rows) == len(numbered)
    for label, page in numbered.items():
        row = next((r for r in rows if f'href="{page}.html#equation-{label}"' in r), None)
        assert row is not None, f"{label} of {page} is not on the verification page"
        assert "✓" in row and "✗" not in row and 'class="math' in row, label
        assert re.search(r"\(\d+\.\d\d s\)", row), f"{label}: no proof time"
    summary = re.search(r'class="ledger-summary">(.*?)</p>', text, re.S).group(1)
    n = str(len(numbered))
    assert summary.count(n) >= 3, summary  # equations, proven, linked


@pytest.mark.parametrize("lang", LANGS)
def test_errata_page_has_fifteen_items_each_with_proof_and_equation(lang):
    text = (HTML / lang / "errata.html").read_text(encoding="utf-8")
    article = text[text.index("<article"):text.index("</article>")]
    body = article[article.index("<h2>"):]
    sections = body.split("<h2>")[1:]
    assert len(sections) == 15
    for number, section in enumerate(sections, start=1):
        assert section.lstrip().startswith(f"{number}."), f"item {number}: {section[:60]}"
        assert 'class="proof-ref reference internal"' in section and " ✓" in section, number
        assert re.search(r'href="[a-z]+\.html#equation-[^"]+"', section), number
        assert 'class="doctest' in section or "highlight-" in section, number
