"""The Chinese edition is complete: every message of the current pages and
docstrings has a translation, and none is fuzzy."""

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "locale" / "zh_CN" / "LC_MESSAGES"


@pytest.fixture(scope="module")
def templates(tmp_path_factory):
    """Message templates (.pot) extracted from the current sources.

    The doctrees are those of `make gettext`: Sphinx reads again every page
    whose source, or whose autodoc'd module, changed since, and writes the
    templates of all pages."""
    out = tmp_path_factory.mktemp("gettext")
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "gettext", "-q", "-c", str(ROOT),
         "-d", str(ROOT / "_build" / "cache" / "gettext" / "doctrees"), str(ROOT / "docs"),
         str(out / "pot")],
        capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    pots = {p.stem: p for p in (out / "pot").glob("*.pot")}
    assert pots, "the gettext build produced no templates"
    return pots


def _read(path):
    with open(path, "rb") as fh:
        return read_po(fh)


def test_every_page_has_a_catalog(templates):
    missing = sorted(set(templates) - {p.stem for p in LOCALE.glob("*.po")})
    assert not missing, f"no Chinese catalog for: {missing} (run `make gettext`)"


def test_every_current_message_is_translated_and_not_fuzzy(templates):
    problems = []
    for page, pot in sorted(templates.items()):
        po = _read(LOCALE / f"{page}.po") if (LOCALE / f"{page}.po").exists() else None
        for msg in _read(pot):
            if not msg.id:
                continue
            entry = po.get(msg.id) if po else None
            if entry is None or not entry.string:
                problems.append(f"{page}: untranslated: {msg.id[:70]!r}")
            elif entry.fuzzy:
                problems.append(f"{page}: fuzzy: {msg.id[:70]!r}")
    summary = f"\n({len(problems)} in all; run `make gettext`)"
    assert not problems, "\n".join(problems[:30]) + summary


def test_catalogs_hold_no_fuzzy_or_empty_entries():
    for po_path in LOCALE.glob("*.po"):
        # a fuzzy header makes msgfmt drop the header (and its charset)
        assert "\n#, fuzzy\nmsgid \"\"\n" not in "\n" + po_path.read_text("utf-8"), \
            f"{po_path.name}: the header is marked fuzzy"
        for msg in _read(po_path):
            if msg.id:
                assert msg.string, f"{po_path.name}: empty translation of {msg.id[:70]!r}"
                assert not msg.fuzzy, f"{po_path.name}: fuzzy entry {msg.id[:70]!r}"
