"""``python -m benchmarks [--rounds N] [--scale S] [--json FILE]``: print the table."""

import argparse
import json
import sys

from benchmarks.speed import describe, measure, table


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds (median)")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="multiply the iterations per run (0.2: a short run)")
    parser.add_argument("--threads", type=int, default=1,
                        help="threads for NumPy's BLAS and for PyTorch alike (default 1)")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    args = parser.parse_args(argv)
    report = measure(rounds=args.rounds, scale=args.scale, threads=args.threads)
    print(describe(report["machine"]))
    print(table(report))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(report, fh, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
