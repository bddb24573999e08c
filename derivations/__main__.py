"""Run every proof and print a table: ``python -m derivations [--json FILE]``.

Exits with status 1 if any proof fails.
"""

import argparse
import json
import sys

from derivations import load


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m derivations", description=__doc__)
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    args = parser.parse_args(argv)
    rows = []
    for proof in load():
        ok, message, seconds = proof.run()
        rows.append({"proof": f"{proof.chapter}.{proof.name}", "labels": list(proof.labels),
                     "ok": ok, "verdict": message, "seconds": round(seconds, 3)})
    width = max(len(r["proof"]) for r in rows)
    lwidth = max(len(", ".join(r["labels"])) for r in rows)
    print(f"{'proof':<{width}}  {'equations':<{lwidth}}  {'seconds':>7}  verdict")
    for r in rows:
        print(f"{r['proof']:<{width}}  {', '.join(r['labels']):<{lwidth}}  "
              f"{r['seconds']:>7.2f}  {r['verdict']}")
    failed = sum(not r["ok"] for r in rows)
    total = sum(r["seconds"] for r in rows)
    print(f"{len(rows) - failed} proved, {failed} failed, in {total:.2f} s")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(rows, fh, indent=1)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
