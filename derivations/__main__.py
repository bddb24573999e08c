"""Run every proof and print a table: ``python -m derivations [--json FILE]``.

The table ends with a coverage summary: the labelled equations on the book's
pages, how many of them a passing proof claims, and how many a docstring of
nnlit cites with ``:eq:``. Exits with status 1 if any proof fails or any
equation lacks a proof or code. A proof that passed before on the very same
code (``derivations/``, ``nnlit/``) is not run again (``derivations/memo.py``); the
time shown is that of its run; ``--fresh`` runs every proof. The proofs run in
one process per core (``--jobs N`` to choose).
"""

import argparse
import functools
import importlib
import inspect
import json
import os
import pkgutil
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import nnlit
from derivations import load

DOCS = Path(__file__).resolve().parent.parent / "docs"
LABEL = re.compile(r"^\$\$ *\(([^()\s]+)\) *$", re.MULTILINE)
CITE = re.compile(r":eq:`([^`]+)`")


def page_equations(docs=DOCS):
    """label -> page for every labelled display equation of the book."""
    return {label: page.stem for page in sorted(docs.glob("*.md"))
            for label in LABEL.findall(page.read_text(encoding="utf-8"))}


def cited_in_code():
    """label -> names of the nnlit functions and classes whose docstrings cite it."""
    cited = {}
    for info in pkgutil.iter_modules(nnlit.__path__, "nnlit."):
        module = importlib.import_module(info.name)
        for name, obj in vars(module).items():
            if (inspect.isfunction(obj) or inspect.isclass(obj)) and \
                    obj.__module__ == module.__name__:
                for label in CITE.findall(obj.__doc__ or ""):
                    cited.setdefault(label, []).append(f"{module.__name__}.{name}")
    return cited


def coverage(rows):
    """Print the coverage summary; return the number of gaps found."""
    on_pages, code = page_equations(), cited_in_code()
    proven = {label for r in rows if r["ok"] for label in r["labels"]}
    claimed = {label for r in rows for label in r["labels"]}
    gaps = [f"  {label} ({page}.md): no passing proof claims it"
            for label, page in on_pages.items() if label not in proven]
    gaps += [f"  {label} ({page}.md): no nnlit docstring cites it (:eq:)"
             for label, page in on_pages.items() if label not in code]
    gaps += [f"  {label}: claimed by a proof but labelled on no page"
             for label in sorted(claimed - set(on_pages))]
    gaps += [f"  {label}: cited by {', '.join(code[label])} but labelled on no page"
             for label in sorted(set(code) - set(on_pages))]
    pages = len(set(on_pages.values()))
    print(f"coverage: {len(on_pages)} equations on {pages} pages, "
          f"{sum(label in proven for label in on_pages)} proven, "
          f"{sum(label in code for label in on_pages)} linked to code")
    print("\n".join(gaps) if gaps else "  every equation is proven and linked to code")
    return len(gaps)


def _judge(which, fresh=False):
    """(ok, message, seconds) of the proof named ``which`` = (chapter, name)."""
    proof = next(p for p in load() if (p.chapter, p.name) == which)
    return proof.run() if fresh else proof.verdict()


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m derivations", description=__doc__)
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--fresh", action="store_true",
                        help="run every proof, even one whose pass the memo holds for this code")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                        help="run the proofs in N processes (default: one per core)")
    args = parser.parse_args(argv)
    proofs = load()
    judge = functools.partial(_judge, fresh=args.fresh)
    if args.jobs > 1:
        with ProcessPoolExecutor(args.jobs, mp_context=get_context("fork")) as pool:
            verdicts = list(pool.map(judge, [(p.chapter, p.name) for p in proofs]))
    else:
        verdicts = [judge((p.chapter, p.name)) for p in proofs]
    rows = [{"proof": f"{proof.chapter}.{proof.name}", "labels": list(proof.labels),
             "ok": ok, "verdict": message, "seconds": round(seconds, 3)}
            for proof, (ok, message, seconds) in zip(proofs, verdicts, strict=True)]
    width = max(len(r["proof"]) for r in rows)
    lwidth = max(len(", ".join(r["labels"])) for r in rows)
    print(f"{'proof':<{width}}  {'equations':<{lwidth}}  {'seconds':>7}  verdict")
    for r in rows:
        print(f"{r['proof']:<{width}}  {', '.join(r['labels']):<{lwidth}}  "
              f"{r['seconds']:>7.2f}  {r['verdict']}")
    failed = sum(not r["ok"] for r in rows)
    total = sum(r["seconds"] for r in rows)
    print(f"{len(rows) - failed} proved, {failed} failed, in {total:.2f} s")
    gaps = coverage(rows)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(rows, fh, indent=1)
    return 1 if failed or gaps else 0


if __name__ == "__main__":
    sys.exit(main())
