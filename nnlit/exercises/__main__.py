"""``python -m nnlit.exercises FILE.py [--lang zh_CN] [--timeout SECONDS]``: check
every function of FILE whose name is an exercise's; exit status 0 only if all pass."""

import argparse
import contextlib
import io
import runpy
import sys
import traceback
import warnings

from nnlit.exercises import EXERCISES, check
from nnlit.exercises._i18n import LANGS, N_, as_lang, tr


def load(path):
    """The functions defined in the learner's file (its prints and warnings are swallowed)."""
    sink = io.StringIO()
    with contextlib.redirect_stdout(sink), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return runpy.run_path(path, run_name="__learner__")


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m nnlit.exercises", description=__doc__)
    parser.add_argument("file", help="a Python file with your functions")
    parser.add_argument("--lang", choices=LANGS, default=None,
                        help="language of the reports (default: from the locale)")
    parser.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS",
                        help="stop a call of your function that runs longer (default: 10)")
    args = parser.parse_args(argv)
    lang = as_lang(args.lang)
    try:
        names = load(args.file)
    except Exception as exc:  # the learner's file: show where, not nnlit's traceback
        last = traceback.extract_tb(exc.__traceback__)[-1]
        print(tr(N_("{file} could not be run: {error} (line {line})."), lang, file=args.file,
                 error=f"{type(exc).__name__}: {exc}", line=last.lineno))
        return 1
    found = [(name, names[name.split(".")[1]]) for name in EXERCISES
             if callable(names.get(name.split(".")[1]))]
    if not found:
        print(tr(N_("{file} defines none of the exercises' functions: {names}."), lang,
                 file=args.file, names=", ".join(n.split(".")[1] for n in EXERCISES)))
        return 1
    results = [check(name, fn, lang, args.timeout) for name, fn in found]
    print("\n\n".join(map(str, results)))
    return 0 if all(r.passed for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
