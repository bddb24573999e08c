"""The dual (Gram-matrix) form trains exactly as the primal one; the auto rule
picks the cheaper; the proofs of the speed page catch planted bugs."""

import numpy as np
import pytest

import derivations.speed
import nnlit._descent
from derivations import load
from nnlit._descent import GRAM_BYTES, choose_method
from nnlit.deep import L_layer_model
from nnlit.logistic import model, optimize


def problem(n_x, m, dtype=np.float64, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n_x, m)).astype(dtype)
    return X, (rng.random((1, m)) < 0.5).astype(dtype)


def relative(a, b):
    return np.linalg.norm(a - b) / np.linalg.norm(b)


def both(X, Y, dims, hidden, iterations=100, rate=0.05):
    return [L_layer_model(X, Y, dims, rate, iterations, rng=3, scale="he",
                          hidden_activation=hidden, method=method)
            for method in ("primal", "dual")]


@pytest.mark.parametrize("dims", [[60, 1], [60, 5, 1], [80, 6, 4, 1], [40, 3, 3, 3, 1],
                                  [12, 4, 1]])
@pytest.mark.parametrize("hidden", ["relu", "tanh", "sigmoid"])
def test_dual_and_primal_agree_after_100_iterations(dims, hidden):
    X, Y = problem(dims[0], 20)  # [12, 4, 1]: more examples than features
    (p, costs), (d, costs_d) = both(X, Y, dims, hidden)
    for key in p:
        assert relative(d[key], p[key]) < 1e-9, key
    np.testing.assert_allclose(costs_d, costs, rtol=1e-12)
    assert costs[-1] < costs[0]  # it trained


def test_float32_stays_float32_and_agrees_to_float32_precision():
    X, Y = problem(50, 16)
    (p64, _), _ = both(X, Y, [50, 6, 3, 1], "relu")
    (p, costs), (d, costs_d) = both(X.astype(np.float32), Y.astype(np.float32),
                                    [50, 6, 3, 1], "relu")
    for key in p:
        assert p[key].dtype == d[key].dtype == np.float32
        assert relative(d[key], p[key]) < 1e-5 and relative(d[key], p64[key]) < 1e-5
    assert all(isinstance(c, float) for c in costs_d)


def test_logistic_dual_and_primal_agree_and_keep_the_course_outputs(capsys):
    X, Y = problem(200, 30)
    runs = [optimize(np.zeros((200, 1)), 0.5, X, Y, 250, 0.01, print_cost=True, method=method)
            for method in ("primal", "dual")]
    (p, g, costs), (pd, gd, costs_d) = runs
    assert relative(pd["w"], p["w"]) < 1e-9 and pd["b"] == pytest.approx(p["b"], rel=1e-9)
    assert relative(gd["dw"], g["dw"]) < 1e-9 and gd["db"] == pytest.approx(g["db"], rel=1e-9)
    np.testing.assert_allclose(costs_d, costs, rtol=1e-12)
    out = capsys.readouterr().out.splitlines()
    assert out[:3] == out[3:] and out[0].startswith("Cost after iteration 0:")
    d, dd = (model(X, Y, X, Y, 300, 0.01, method=method) for method in ("primal", "dual"))
    np.testing.assert_array_equal(dd["Y_prediction_train"], d["Y_prediction_train"])


def test_logistic_float32_stays_float32_in_both_forms():
    X, Y = problem(40, 10, np.float32)
    for method in ("primal", "dual"):
        params, grads, _ = optimize(np.zeros((40, 1), np.float32), 0.0, X, Y, 20, 0.1,
                                    method=method)
        assert params["w"].dtype == grads["dw"].dtype == np.float32


def test_auto_takes_the_dual_form_for_wide_data_and_long_runs():
    assert choose_method("auto", 12288, 209, 20, 2500, 8) == "dual"
    assert choose_method("auto", 64, 1797, 32, 2500, 8) == "primal"  # tall
    assert choose_method("auto", 12288, 209, 20, 1, 8) == "primal"  # K costs more than 1 step
    assert choose_method("auto", 10**6, 6000, 20, 10**4, 8) == "primal"  # K over 256 MiB
    assert 6000**2 * 8 > GRAM_BYTES >= 5792**2 * 8
    assert choose_method("primal", 12288, 209, 20, 2500, 8) == "primal"


def test_auto_is_what_L_layer_model_runs(monkeypatch):
    used = []
    real = nnlit._descent.fit
    monkeypatch.setattr(nnlit.deep, "fit", lambda *a, **k: used.append(a[6]) or real(*a, **k))
    X, Y = problem(300, 20)
    L_layer_model(X, Y, [300, 4, 1], 0.1, 50, rng=0)
    L_layer_model(X[:5], Y, [5, 4, 1], 0.1, 50, rng=0)  # m = 20 > 2 (n_x + 1)
    assert used == ["dual", "primal"]


def test_an_unknown_method_is_rejected():
    X, Y = problem(5, 4)
    with pytest.raises(ValueError, match="'auto', 'primal', 'dual'"):
        L_layer_model(X, Y, [5, 1], method="gram")
    with pytest.raises(ValueError, match="unknown method"):
        optimize(np.zeros((5, 1)), 0.0, X, Y, method="Dual")


def test_the_dual_form_never_multiplies_by_X_inside_the_loop(monkeypatch):
    # count the products whose operand is X (or [X; 1]): primal 2 per iteration, dual 3 in all
    X, Y = problem(100, 10)
    real, seen = np.matmul, []

    def counting(a, b, *args, **kw):
        seen.append(any(max(x.shape) >= 100 for x in (a, b)))
        return real(a, b, *args, **kw)

    monkeypatch.setattr(nnlit._descent.np, "matmul", counting)
    for method, expected in (("primal", 2 * 30), ("dual", 0)):
        seen.clear()
        L_layer_model(X, Y, [100, 3, 1], 0.1, 30, rng=0, method=method)
        assert sum(seen) == expected, method


def _run(name):
    proof = next(p for p in load() if p.name == name)
    return proof.run()


def test_proofs_catch_a_gram_matrix_without_the_bias(monkeypatch):
    monkeypatch.setattr(derivations.speed, "gram", lambda X: X.T * X)
    ok, message, _ = _run("first_layer_stays_in_the_span_of_the_examples")
    assert not ok and "S3" in message


def test_proofs_catch_a_dual_loop_that_forgets_the_bias(monkeypatch):
    real = nnlit._descent.fit

    def no_bias(X, Y, Wbs, *args, **kw):
        out = real(X, Y, Wbs, *args, **kw)
        if args[3] == "dual":
            Wbs[0][:, -1] = 0.0
        return out

    monkeypatch.setattr(nnlit.deep, "fit", no_bias)
    monkeypatch.setattr(nnlit.logistic, "fit", no_bias)
    for name in ("first_layer_stays_in_the_span_of_the_examples",
                 "first_layer_weights_from_the_sum_of_the_steps",
                 "logistic_regression_in_the_span"):
        ok, message, _ = _run(name)
        assert not ok and "b" in message, name
