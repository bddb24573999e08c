"""Time per full-batch gradient-descent iteration: nnlit against the GEMM floor,
PyTorch CPU eager and scikit-learn's MLPClassifier, measured in one process.

Every contestant trains the same network (ReLU hidden layers, a sigmoid
output, cross-entropy, plain gradient descent: no momentum, no L2) on the
same random data, once for n and once for n/4 iterations (n is larger for a
contestant faster than the floor, so that each run takes about as long); the
difference of the two times over the 3n/4 extra iterations is its time per iteration (what
a run spends once, such as the dual form's Gram matrix, cancels; it is kept
in the JSON as ``setup_ms``). Rounds are interleaved
(every contestant once per round) and each figure is the median over rounds;
each ratio is taken within a round, then its median: the machine's drift
between rounds cancels.

The GEMM floor runs only the matrix products one iteration needs
(``W[l] A[l-1]`` and ``dZ[l] A[l-1]^T`` for every layer, ``W[l]^T dZ[l]`` for
l >= 2) with NumPy's own BLAS into preallocated arrays: no bias, no
activation, no cost, no update.
"""

import os
import platform
import statistics
import time
import warnings

import numpy as np

CASES = {  # name: (layer sizes, examples, iterations per run)
    "wide": ([12288, 20, 7, 5, 1], 209, 40),
    "tall": ([64, 32, 16, 1], 1797, 400),
}
RATE = 0.0075
NAMES = ("floor", "nnlit auto", "nnlit primal", "pytorch", "sklearn")


def data(dims, m, dtype, seed=0):
    """Features uniform in [0, 1) (like pixel values), labels 0/1, both (n, m)."""
    rng = np.random.default_rng(seed)
    X = rng.random((dims[0], m)).astype(dtype)
    return X, (rng.random((1, m)) < 0.5).astype(dtype)


def floor(dims, X, Y, iterations):
    """Only the matrix products of ``iterations`` iterations."""
    rng = np.random.default_rng(1)
    m, dtype = X.shape[1], X.dtype
    pairs = zip(dims, dims[1:], strict=False)
    Ws = [rng.standard_normal((n, p)).astype(dtype) * 0.1 for p, n in pairs]
    As = [X] + [np.empty((n, m), dtype) for n in dims[1:]]
    dZs = [rng.standard_normal((n, m)).astype(dtype) for n in dims[1:]]
    dWs = [np.empty_like(W) for W in Ws]
    dAs = [np.empty((n, m), dtype) for n in dims[1:-1]]
    for _ in range(iterations):
        for k, W in enumerate(Ws):
            np.matmul(W, As[k], out=As[k + 1])
        for k in range(len(Ws) - 1, -1, -1):
            np.matmul(dZs[k], As[k].T, out=dWs[k])
            if k:
                np.matmul(Ws[k].T, dZs[k], out=dAs[k - 1])


def nnlit(method):
    def run(dims, X, Y, iterations):
        from nnlit.deep import L_layer_model

        L_layer_model(X, Y, dims, RATE, iterations, rng=0, scale="he", method=method)
    return run


def pytorch(dims, X, Y, iterations):
    import torch

    dtype = {np.float32: torch.float32, np.float64: torch.float64}[X.dtype.type]
    torch.manual_seed(0)
    layers = []
    for p, n in zip(dims, dims[1:], strict=False):
        layers += [torch.nn.Linear(p, n, dtype=dtype), torch.nn.ReLU()]
    net = torch.nn.Sequential(*layers[:-1])
    x, y = torch.from_numpy(X.T.copy()), torch.from_numpy(Y.T.copy())
    opt = torch.optim.SGD(net.parameters(), lr=RATE)
    loss = torch.nn.BCEWithLogitsLoss()
    for _ in range(iterations):
        opt.zero_grad(set_to_none=True)
        loss(net(x), y).backward()
        opt.step()


def sklearn(dims, X, Y, iterations):
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    clf = MLPClassifier(tuple(dims[1:-1]), solver="sgd", batch_size=X.shape[1],
                        learning_rate_init=RATE, momentum=0.0, nesterovs_momentum=False,
                        alpha=0.0, max_iter=iterations, shuffle=False, tol=0.0,
                        n_iter_no_change=iterations + 1, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        clf.fit(X.T, Y[0])


CONTESTANTS = {"floor": floor, "nnlit auto": nnlit("auto"), "nnlit primal": nnlit("primal"),
               "nnlit dual": nnlit("dual"), "pytorch": pytorch, "sklearn": sklearn}


def sweep(n_xs, m=209, hidden=(20, 7, 5), rounds=5, threads=1):
    """Milliseconds per iteration of the primal and the dual form against n_x.

    Each form runs k and k/4 iterations ``rounds`` times (k = 40 primal, 200
    dual); the time per iteration is the difference of the fastest run of
    each length over 3k/4: on a shared machine other work only ever adds time.
    """
    import threadpoolctl

    out = {"n_x": list(n_xs), "m": m, "primal": [], "dual": []}
    with threadpoolctl.threadpool_limits(threads):
        for n_x in n_xs:
            dims = [n_x, *hidden, 1]
            X, Y = data(dims, m, np.dtype("float64"))
            for method, k in (("primal", 40), ("dual", 200)):
                name = f"nnlit {method}"
                _run(name, dims, X, Y, 4)  # warm-up
                full, short = [], []
                for _ in range(rounds):
                    short.append(_run(name, dims, X, Y, k // 4))
                    full.append(_run(name, dims, X, Y, k))
                per = (min(full) - min(short)) / (k - k // 4)
                out[method].append(1e3 * (per if per > 0 else min(full) / k))
    return out


def available():
    """Contestant -> None if it can run here, else why not."""
    why = dict.fromkeys(NAMES)
    for name, module in (("pytorch", "torch"), ("sklearn", "sklearn")):
        try:
            __import__(module)
        except ImportError:
            why[name] = "not installed (pip install -e .[bench])"
    return why


def machine():
    """What the figures were measured on."""
    import threadpoolctl

    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            cpu = next(line.split(":", 1)[1].strip() for line in fh
                       if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    blas = [f"{i['internal_api']} {i['version']} ({i.get('architecture')} kernel, "
            f"{i['num_threads']} threads)"
            for i in threadpoolctl.threadpool_info() if i["user_api"] == "blas"]
    info = {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(),
            "numpy": np.__version__, "numpy_blas": ", ".join(blas),
            "load_before": os.getloadavg()[0],
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    for name, module in (("pytorch", "torch"), ("sklearn", "sklearn")):
        try:
            mod = __import__(module)
            info[name] = mod.__version__
            if module == "torch":
                info["pytorch_threads"] = mod.get_num_threads()
        except ImportError:
            info[name] = None
    return info


def measure(rounds=5, cases=CASES, dtypes=("float64", "float32"), scale=1.0, threads=1):
    """Run the interleaved rounds; return {"machine": ..., "results": [...]}.

    ``scale`` multiplies the iterations per run (a short run: ``scale=0.2``);
    ``threads`` is given to NumPy's BLAS and to PyTorch alike.
    """
    import threadpoolctl

    why = available()  # imports them: their BLAS libraries are loaded before the limit
    with threadpoolctl.threadpool_limits(threads):
        if why["pytorch"] is None:
            import torch

            torch.set_num_threads(threads)
        return _measure(rounds, cases, dtypes, scale, why)


def _measure(rounds, cases, dtypes, scale, why):
    info = machine()
    results = []
    for case, (dims, m, iterations) in cases.items():
        n = max(32, round(iterations * scale))  # n/4 >= 8: auto's choice is n's
        for dtype in dtypes:
            X, Y = data(dims, m, np.dtype(dtype))
            names = [name for name in NAMES if why[name] is None]
            # warm-up (imports, thread pools, first allocations) and calibration: a
            # contestant faster than the floor runs more iterations (up to 50 n), so
            # that its extra iterations take about as long as the floor's
            for name in names:
                _run(name, dims, X, Y, 2)
            warm = {name: _per_iteration(name, dims, X, Y, n) for name in names}
            warm = {name: per if per > 0 else (per * n + setup) / n  # noise: the run's mean
                    for name, (per, setup) in warm.items()}
            its = {name: min(50 * n, max(n, round(n * warm["floor"] / warm[name])))
                   for name in names}
            times = {name: [] for name in names}
            setups = {name: [] for name in names}
            for _ in range(rounds):
                for name in names:
                    per, setup = _per_iteration(name, dims, X, Y, its[name])
                    times[name].append(per)
                    setups[name].append(setup)
            row = {"case": case, "dims": dims, "m": m, "dtype": dtype, "rounds": rounds,
                   "iterations": {name: its.get(name) for name in NAMES}}
            for name in NAMES:
                if why[name]:
                    row[name] = {"skipped": why[name]}
                    continue
                ratios = [t / f for t, f in zip(times[name], times["floor"], strict=True)]
                row[name] = {"ms": 1e3 * statistics.median(times[name]),
                             "setup_ms": 1e3 * statistics.median(setups[name]),
                             "ms_min": 1e3 * min(times[name]), "ms_max": 1e3 * max(times[name]),
                             "x_floor": statistics.median(ratios)}
            if "pytorch" in times:
                for name in ("nnlit auto", "nnlit primal"):
                    row[name]["x_pytorch"] = statistics.median(
                        t / p for t, p in zip(times[name], times["pytorch"], strict=True))
            results.append(row)
    info["load_after"] = os.getloadavg()[0]
    return {"machine": info, "results": results}


def _run(name, dims, X, Y, iterations):
    start = time.perf_counter()
    CONTESTANTS[name](dims, X, Y, iterations)
    return time.perf_counter() - start


def _per_iteration(name, dims, X, Y, k):
    """(seconds per iteration, seconds of setup) from runs of k // 4 and k iterations."""
    short, full = _run(name, dims, X, Y, k // 4), _run(name, dims, X, Y, k)
    per = (full - short) / (k - k // 4)
    return per, full - k * per


def table(report):
    """The results as a plain-text table (Markdown pipe syntax)."""
    head = ["case", "dtype"] + [f"{name} ms (x floor)" for name in NAMES] + \
           ["auto vs pytorch"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in report["results"]:
        cells = [f"{row['case']} {row['dims']} m={row['m']}", row["dtype"]]
        for name in NAMES:
            r = row[name]
            cells.append("n/a" if "skipped" in r else f"{r['ms']:.3g} ({r['x_floor']:.2f}x)")
        speedup = row["nnlit auto"].get("x_pytorch")
        cells.append("n/a" if speedup is None else f"{1 / speedup:.1f}x faster")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def describe(info):
    """One line saying what machine the figures come from."""
    text = (f"{info['cpu']}, {info['cores']} cores, load average {info['load_before']:.1f} "
            f"-> {info['load_after']:.1f}; Python {info['python']}, NumPy {info['numpy']} "
            f"with {info['numpy_blas']}")
    if info.get("pytorch"):
        text += f"; PyTorch {info['pytorch']} ({info['pytorch_threads']} threads)"
    if info.get("sklearn"):
        text += f"; scikit-learn {info['sklearn']}"
    return text
