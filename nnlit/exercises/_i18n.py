"""One set of English messages, translated through a gettext catalog.

The catalog is the plain-text ``.po`` file shipped with the package, read
here directly: no compiled ``.mo`` is needed (and none is committed).
"""

import ast
import locale
import os
from functools import cache
from pathlib import Path

LOCALE = Path(__file__).parent / "locale"
LANGS = ("en", "zh_CN")


class Text(str):
    """A message id: translated when a report is shown, also inside another message."""


def N_(msgid):
    """Mark a message for translation where it is written; translate later."""
    return Text(msgid)


def read_po(path):
    """msgid -> msgstr of a .po file; fuzzy and untranslated entries are left out."""
    entries = {}
    for block in Path(path).read_text(encoding="utf-8").split("\n\n"):
        fields, field = {}, None
        for line in block.strip().splitlines():
            if line.startswith("#"):
                fields["fuzzy"] = fields.get("fuzzy") or ("fuzzy" in line and line.startswith("#,"))
                continue
            if line.startswith(("msgid ", "msgstr ")):
                field, _, line = line.partition(" ")
                fields[field] = ""
            fields[field] += ast.literal_eval(line)
        if fields.get("msgid") and fields.get("msgstr") and not fields.get("fuzzy"):
            entries[fields["msgid"]] = fields["msgstr"]
    return entries


@cache
def messages():
    """Every message id of the package: the literal arguments of N_() and tr()."""
    found = set()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("N_", "tr") \
                    and node.args and isinstance(node.args[0], ast.Constant):
                found.add(node.args[0].value)
    return found


@cache
def catalog(lang):
    if lang == "en":
        return {}
    return read_po(LOCALE / lang / "LC_MESSAGES" / "nnlit.po")


def default_lang():
    """zh_CN if the locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) is Chinese, else en."""
    names = [os.environ.get(v, "") for v in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")]
    names.append(locale.getlocale()[0] or "")
    first = next((n for n in names if n), "")
    return "zh_CN" if first.lower().startswith("zh") else "en"


def as_lang(lang):
    if lang is None:
        return default_lang()
    if lang in ("zh", "zh-CN"):
        return "zh_CN"
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of: {', '.join(LANGS)}")
    return lang


def tr(msgid, lang, **fmt):
    """The message in ``lang``, its ``{placeholders}`` filled in (if any are given: a
    message without arguments may show braces, such as a dict literal)."""
    text = catalog(lang).get(msgid, msgid)
    if not fmt:
        return text
    return text.format(**{k: tr(v, lang) if isinstance(v, Text) else v for k, v in fmt.items()})
