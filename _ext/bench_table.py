"""``benchmark-table``: the speed page's table, from a short run of
``benchmarks/`` made by the build (kept in the disk memo while the code is
unchanged, so both languages show the same run)."""

from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import Directive

from derivations.memo import cached

WORDS = {
    "en": {
        "columns": ("network", "dtype", "GEMM floor", "nnlit auto", "nnlit primal",
                    "PyTorch eager", "scikit-learn", "auto vs PyTorch"),
        "faster": "{x}× as fast",
        "skipped": "not installed",
        "machine": "Measured on {when} while this version of the code was built: {machine}. "
                   "Milliseconds per iteration, median of {rounds} interleaved rounds, "
                   "one thread each; in brackets the time over the GEMM floor's, taken "
                   "within each round.",
    },
    "zh_CN": {
        "columns": ("网络", "数据类型", "GEMM 下限", "nnlit auto", "nnlit primal",
                    "PyTorch eager", "scikit-learn", "auto 对比 PyTorch"),
        "faster": "速度为其 {x} 倍",
        "skipped": "未安装",
        "machine": "{when} 构建当前版本的代码时测得，机器：{machine}。"
                   "每次迭代的毫秒数，取 {rounds} 轮交替测量的中位数，各方均用一个线程；"
                   "括号内是与 GEMM 下限之比，在每一轮内计算。",
    },
}
ROOT = Path(__file__).resolve().parent.parent
NAMES = ("floor", "nnlit auto", "nnlit primal", "pytorch", "sklearn")


def _cell(row, name, words):
    r = row[name]
    if "skipped" in r:
        return words["skipped"]
    return f"{r['ms']:.3g} ms ({r['x_floor']:.2f}×)"


def _times(x):
    return f"{x:.0f}" if x >= 10 else f"{x:.1f}"


class BenchmarkTable(Directive):
    def run(self):
        from benchmarks.speed import describe, measure

        env = self.state.document.settings.env
        words = WORDS.get(env.config.language, WORDS["en"])
        for pattern in ("benchmarks/*.py", "nnlit/*.py", "_ext/bench_table.py"):
            for path in ROOT.glob(pattern):  # re-read the page when the code changes
                env.note_dependency(str(path))
        report = cached("speed.benchmark", measure, rounds=3, scale=0.25)
        rows = []
        for row in report["results"]:
            speedup = row["nnlit auto"].get("x_pytorch")
            rows.append([f"{row['dims']}, m = {row['m']}", row["dtype"]]
                        + [_cell(row, name, words) for name in NAMES]
                        + [words["skipped"] if speedup is None
                           else words["faster"].format(x=_times(1 / speedup))])
        table = nodes.table(classes=["benchmark-table"])
        group = nodes.tgroup(cols=len(words["columns"]))
        table += group
        for _ in words["columns"]:
            group += nodes.colspec(colwidth=1)
        head, body = nodes.thead(), nodes.tbody()
        group += head
        group += body
        for cells, part in [(words["columns"], head)] + [(r, body) for r in rows]:
            line = nodes.row()
            for text in cells:
                entry = nodes.entry()
                entry += nodes.paragraph(text=text, translatable=False)
                line += entry
            part += line
        rounds = report["results"][0]["rounds"] if report["results"] else 0
        note = nodes.paragraph(translatable=False, text=words["machine"].format(
            when=report["machine"]["date"], machine=describe(report["machine"]), rounds=rounds))
        return [table, note]


def setup(app):
    app.add_directive("benchmark-table", BenchmarkTable)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
