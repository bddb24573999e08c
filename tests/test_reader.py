"""The book as a reader gets it: every page of both languages opened offline in
headless Chromium at a phone's width (390 px) and a desktop's (1280 px), in the
light and the dark colour scheme, and measured in the page (tests/reader.js).
Each page is loaded once per width, fresh in one scheme and then followed live
into the other (cdp.Book.page says which): every view is measured.

Run after the HTML is built (`make test` does both): `pytest -m browser`.
"""

import re

import pytest
from cdp import HTML, page_path
from conftest import selected_pages
from test_book import LANGS, PAGES

pytestmark = pytest.mark.browser

WIDTHS = (390, 1280)
MODES = ("light", "dark")
# The chapters, and the pages Sphinx adds: index of names, search, highlighted source.
EVERY_PAGE = (*PAGES, "genindex", "search", "_modules/nnlit/logistic")
HTML_LANG = {"en": "en", "zh_CN": "zh-CN"}
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(params=[(lang, page, width, mode) for lang in LANGS for page in EVERY_PAGE
                        for width in WIDTHS for mode in MODES],
                ids=lambda p: f"{p[0]}/{p[1]}/{p[2]}px/{p[3]}")
def seen(request, book):
    lang, page, width, mode = request.param
    book.measure(selected_pages(request))
    return request.param, book.page(lang, page)[width, mode]


def test_page_never_scrolls_sideways(seen):
    (lang, page, width, mode), got = seen
    assert got["page"][0] <= got["page"][1] == width, f"{lang}/{page}: page is {got['page']}"
    assert got["article"][0] <= got["article"][1], f"{lang}/{page}: article is {got['article']}"


def test_page_declares_its_language(seen):
    (lang, page, _, _), got = seen
    assert got["lang"] == HTML_LANG[lang]


def test_colour_mode_follows_the_reader_and_text_stays_legible(seen):
    (lang, page, _, mode), got = seen
    assert got["theme"] == mode
    if mode == "dark":
        assert got["background"] < 0.05 and got["text"] > 0.5, got
    else:
        assert got["background"] > 0.9 and got["text"] < 0.1, got
    assert got["checked"] > 3 and got["unparsed"] == 0
    assert not got["lowContrast"], f"{lang}/{page} ({mode}): contrast below 4.5: " + "; ".join(
        got["lowContrast"][:8])


def test_mathjax_typeset_without_errors(seen):
    (lang, page, _, _), got = seen
    assert got["math"] >= page_path(lang, page).read_text(encoding="utf-8").count('class="math')
    assert got["mathErrors"] == 0


def test_language_switcher_is_in_sight_and_leads_to_the_same_page(seen):
    (lang, page, width, _), got = seen
    other = "zh_CN" if lang == "en" else "en"
    link = got["switcher"]
    assert link is not None, f"{lang}/{page}: no language switcher"
    assert link["text"] == ("中文" if other == "zh_CN" else "English")
    assert link["width"] > 0 and 0 <= link["top"] and link["bottom"] <= link["height"], link
    assert 0 <= link["left"] and link["right"] <= width, link
    assert link["href"] == page_path(other, page).as_uri()


def test_every_code_block_has_a_copy_button(seen):
    (lang, page, _, _), got = seen
    assert got["withButton"] == got["blocks"], f"{lang}/{page}: {got}"


def test_figures_have_alt_text_in_the_page_language(seen):
    (lang, page, _, mode), got = seen
    for figure in got["figures"]:
        assert figure["loaded"], figure
        alt = figure["alt"]
        assert len(alt) >= 30, f"{lang}/{page}: alt text {alt!r}"
        assert bool(CJK.search(alt)) == (lang == "zh_CN"), f"{lang}/{page}: alt text {alt!r}"
        # dark mode dims the white figures instead of showing glaring boxes
        assert (figure["filter"] != "none") == (mode == "dark"), figure


def test_verification_table_cells_do_not_spill(seen):
    (lang, page, width, _), got = seen
    if page == "verification" and width == 1280:
        assert not got["spills"], f"{lang}: cells spill over: {got['spills'][:5]}"


def test_figures_exist_with_alt_text_on_the_figure_pages():
    for lang in LANGS:
        for page in ("logistic", "shallow", "softmax", "deep", "gradcheck"):
            text = page_path(lang, page).read_text(encoding="utf-8")
            images = re.findall(r'<img [^>]*class="plot-directive[ "][^>]*>', text)
            assert images, f"{lang}/{page}: no figure"
            assert all(re.search(r'alt="[^"]{30,}"', img) for img in images), images


def test_colour_switch_on_every_page_turns_it_dark_and_back(seen):
    (lang, page, width, mode), got = seen
    if width == 1280 and mode == "light":
        assert got["switched"] == ["dark", "light"], f"{lang}/{page}: {got['switched']}"
        assert got["switched_background"] < 0.05


def test_copy_button_copies_code_without_prompts_or_output(seen):
    (lang, page, width, mode), got = seen
    if width != 1280 or mode != "light":
        return
    blocks = got["copy"]
    if page in ("preliminaries", "logistic", "shallow", "softmax", "deep", "gradcheck", "errata"):
        assert blocks, f"{lang}/{page}: no code block"
    for block in blocks:
        copied = block["copied"]
        assert copied and copied.strip(), f"nothing copied from {block['text'][:80]!r}"
        lines = copied.split("\n")
        assert not any(line.startswith((">>>", "... ")) for line in lines), copied
        if block["prompts"]:
            # the code of the prompt lines, in order (blank lines between them may stay)
            assert [x for x in lines if x.strip()] == [x for x in block["prompts"] if x.strip()]
            for output in block["outputs"]:
                assert output not in lines, f"output {output!r} copied: {copied!r}"
        else:
            assert copied.strip() == block["text"].strip()


@pytest.mark.parametrize("lang", LANGS)
def test_theme_loads_nothing_from_the_network(lang):
    for page in PAGES:
        text = page_path(lang, page).read_text(encoding="utf-8")
        tags = re.findall(r"<(?:link|script|img)\b[^>]*>", text)
        assert not [t for t in tags if re.search(r'(?:src|href)="(?:https?:)?//', t)], page
    assert not list((HTML / lang / "_static").rglob("*.map")), "source maps are published"
    for css in (HTML / lang / "_static").rglob("*.css"):
        assert not re.search(r"""url\(\s*['"]?(?:https?:)?//""", css.read_text("utf-8")), css
