"""One Chinese terminology: every catalog renders each term of the glossary
(docs/glossary.toml) the one way the glossary gives, and never as one of its
forbidden variants."""

import json
import os
import re
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "locale" / "zh_CN" / "LC_MESSAGES"
HTML = Path(os.environ.get("NNLIT_HTML", ROOT / "_build" / "html"))
sys.path.insert(0, str(ROOT / "_ext"))
from glossary import forbidden_in, glossary_table, load_terms, without_asides  # noqa: E402

TERMS = load_terms()
HAN_WORD = re.compile(r"[\u4e00-\u9fff]+")


def messages(locale=LOCALE):
    """(catalog, English, Chinese) for every translated message."""
    found = []
    for path in sorted(locale.glob("*.po")):
        with open(path, "rb") as fh:
            found += [(path.stem, m.id, m.string) for m in read_po(fh) if m.id and m.string]
    return found


def misrenderings(catalog_messages, terms=TERMS):
    """Every place where a catalog renders a glossary term another way."""
    problems = []
    for page, en, zh in catalog_messages:
        for term in terms:
            if term["heading"]:
                if en == term["en"] and zh != term["zh"]:
                    problems.append(f"{page}: header {en!r} is {zh!r}, not {term['zh']!r}")
                continue
            for variant in forbidden_in(zh, term, terms):
                problems.append(f"{page}: {variant!r} for {term['en']!r} (use {term['zh']!r}) "
                                f"in {zh[:60]!r}")
            if term["en_match"] and re.search(term["en_match"], prose(en), re.I) \
                    and term["zh"] not in without_asides(zh):
                problems.append(f"{page}: {term['en']!r} in {en[:50]!r} but no "
                                f"{term['zh']!r} in {zh[:50]!r}")
    return problems


def prose(text):
    """The words of a message, without its roles and code (``{eq}`speed-weights```
    names an equation, not weights)."""
    return re.sub(r"\{[\w:-]+\}`[^`]*`|:[\w:-]+:`[^`]*`|``[^`]*``|`[^`]*`", " ", text)


def test_the_glossary_is_well_formed():
    pages = {p.stem for p in (ROOT / "docs").glob("*.md")}
    seen = set()
    for term in TERMS:
        assert term["en"] not in seen, f"{term['en']!r} twice in the glossary"
        seen.add(term["en"])
        assert term["page"] in pages, f"{term['en']!r}: no page {term['page']!r}"
        assert term["zh"] not in term["forbidden"], f"{term['en']!r} forbids its own rendering"
        for variant in term["forbidden"]:
            assert variant not in term["zh"], \
                f"{term['en']!r}: forbidden {variant!r} is inside the rendering {term['zh']!r}"


def test_the_glossary_page_ends_with_the_docstring_headers():
    """The page says its last rows are the section headers of the function
    descriptions: so they are, wherever the file lists them."""
    table = glossary_table("en", "glossary", TERMS)
    rows = [row.astext().split("\n")[0] for row in table.findall(lambda n: n.tagname == "row")]
    headers = [t["en"] for t in TERMS if t["heading"]]
    assert len(rows) == len(TERMS) + 1  # and the column titles
    assert rows[-len(headers):] == headers, rows[-len(headers) - 2:]


def test_every_catalog_uses_the_glossary_terms():
    problems = misrenderings(messages())
    assert not problems, "\n".join(problems[:40]) + f"\n({len(problems)} in all)"


def test_the_alternatives_are_named_where_the_term_is_defined():
    """A chapter that defines a term with alternatives names them (in an
    "（又称……）" aside) so that the Chinese search finds the chapter."""
    by_page = {}
    for page, _, zh in messages():
        by_page[page] = by_page.get(page, "") + zh
    missing = [f"{t['page']}: {alt!r} ({t['en']})" for t in TERMS if not t["heading"]
               for alt in t["forbidden"] if alt in t["alternatives"]
               and alt not in "".join(re.findall(r"（又称[^（）]*）", by_page.get(t["page"], "")))]
    assert not missing, "alternatives not named on their page:\n" + "\n".join(missing)


# The test of the test: plant each kind of misrendering in a copy of a real
# catalog entry and watch the check find it.

@pytest.mark.parametrize("planted, expected", [
    (("deep", "A deep network", "深层网络"), "'深层网络' for 'deep neural network'"),
    (("softmax", "The scores", "分数矩阵"), "'分数' for 'score"),
    (("deep", "Raises", "异常"), "header 'Raises' is '异常'"),
    (("softmax", "**costs** (*list of float*)", "**costs**（*list of float*）"),
     "'list of float'"),
    (("logistic", "Logistic regression", "逻辑回归"), "'逻辑回归' for 'logistic regression'"),
    (("deep", "the layer below", "传给下一层的梯度"), "'下一层' for 'next layer"),
])
def test_a_planted_misrendering_is_found(planted, expected):
    problems = misrenderings(messages() + [planted])
    assert any(expected in p for p in problems), problems


@pytest.mark.parametrize("zh", [
    "沿着边界划分数据",                      # 分数 inside 划分数据
    "逻辑斯特回归（又称逻辑回归、对数几率回归）",  # alternatives named in an aside
    "深度神经网络",                          # 深度网络 is not a substring of it
])
def test_fine_text_is_not_flagged(zh):
    assert not misrenderings([("x", "x", zh)])


@pytest.mark.browser
def test_the_chinese_search_finds_each_alternative_on_its_page():
    """A reader who types 逻辑回归 (or any other Chinese alternative of the
    glossary) into the Chinese search lands on the chapter that defines the
    term. Reads the search index of the built Chinese book (`make html-zh`)."""
    index = HTML / "zh_CN" / "searchindex.js"
    assert index.is_file(), f"{index} is missing: build the book first (make docs)"
    text = index.read_text(encoding="utf-8")
    data = json.loads(text[text.index("(") + 1:text.rindex(")")])

    def pages(word):
        found = []
        for table in ("terms", "titleterms"):
            hits = data[table].get(word, [])
            found += [data["docnames"][i] for i in ([hits] if isinstance(hits, int) else hits)]
        return found

    words = [(t, alt) for t in TERMS for alt in t["alternatives"] if HAN_WORD.fullmatch(alt)]
    assert ("logistic", "逻辑回归") in {(t["page"], alt) for t, alt in words}
    missing = [f"{alt} -> {t['page']} (found on {pages(alt)})" for t, alt in words
               if t["page"] not in pages(alt)]
    assert not missing, "the Chinese search does not find:\n" + "\n".join(missing)


def test_no_translation_starts_like_a_numbered_list():
    """A translation is re-parsed as MyST: "1. 逻辑斯特回归" becomes a list, the
    title is dropped and the Chinese page keeps the English one. Write "1\\. "."""
    lists = [f"{page}: {zh[:40]!r}" for page, _, zh in messages()
             if re.match(r"\d+\.\s", zh)]
    assert not lists, "escape the number (N\\.):\n" + "\n".join(lists)
