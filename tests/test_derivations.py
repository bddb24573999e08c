"""The proofs pass, and they would notice if nnlit were wrong."""

import re

import numpy as np
import pytest

import derivations
import derivations.logistic
import derivations.preliminaries
from derivations import CHAPTERS, load
from derivations.__main__ import main
from nnlit.activations import sigmoid
from nnlit.logistic import _propagate

PROOFS = load()


def test_every_chapter_has_proofs():
    assert {p.chapter for p in PROOFS} == set(CHAPTERS)


@pytest.mark.parametrize("proof", PROOFS, ids=lambda p: f"{p.chapter}.{p.name}")
def test_proof_holds(proof):
    ok, message, _ = proof.verdict()
    assert ok, message


def _run(name):
    proof = next(p for p in PROOFS if p.name == name)
    return proof.run()


def test_matrix_level_proof_catches_a_missing_one_over_m(monkeypatch):
    def propagate_without_1_over_m(w, b, X, Y):
        grads, cost = _propagate(w, b, X, Y)
        return {"dw": grads["dw"] * X.shape[1], "db": grads["db"]}, cost

    monkeypatch.setattr(derivations.logistic, "propagate", propagate_without_1_over_m)
    ok, message, _ = _run("gradients_at_matrix_level")
    assert not ok and "dw" in message


def test_sigmoid_proofs_catch_a_wrong_sigmoid(monkeypatch):
    monkeypatch.setattr(derivations.logistic, "sigmoid", lambda z: sigmoid(z * 1.001))
    ok, message, _ = _run("stable_sigmoid_equals_definition")
    assert not ok and "sigmoid" in message
    monkeypatch.setattr(derivations.logistic, "sigmoid_derivative", lambda z: np.full_like(z, 0.25))
    ok, _, _ = _run("sigmoid_derivative_is_s_times_one_minus_s")
    assert not ok


def test_symbolic_check_rejects_a_wrong_identity():
    import sympy as sp

    z = sp.Symbol("z")
    with pytest.raises(AssertionError, match="residual"):
        derivations.check_zero(sp.diff(1 / (1 + sp.exp(-z)), z) - 1 / (1 + sp.exp(-z)), "wrong")


def test_standardize_proof_catches_test_set_statistics(monkeypatch):
    def leaky(train, test):
        return ((train - train.mean()) / train.std(), (test - test.mean()) / test.std())

    monkeypatch.setattr(derivations.preliminaries, "standardize", leaky)
    ok, message, _ = _run("standardized_features_have_mean_0_and_variance_1")
    assert not ok and "training statistics" in message


def test_command_line_prints_a_table_and_exit_status(capsys, monkeypatch, tmp_path):
    out = tmp_path / "proofs.json"
    assert main(["--json", str(out)]) == 0
    text = capsys.readouterr().out
    assert "logistic.gradients_at_matrix_level" in text and "logistic-7" in text
    assert f"{len(PROOFS)} proved, 0 failed" in text
    assert out.read_text().count('"ok": true') == len(PROOFS)
    monkeypatch.setattr(derivations.logistic, "sigmoid_derivative", lambda z: 0 * z)
    # run only logistic regression's proofs again (the others' passes come from the memo)
    fresh = [p for p in PROOFS if p.chapter == "logistic"]
    for p in fresh:
        monkeypatch.setattr(p, "verdict", p.run)
    assert main([]) == 1
    text = capsys.readouterr().out
    assert f"{len(PROOFS) - 1} proved, 1 failed" in text
    assert re.search(r"sigmoid_derivative_is_s_times_one_minus_s .*FAILED", text)


def test_fresh_runs_every_proof_instead_of_asking_the_memo(monkeypatch, capsys):
    ran = []
    monkeypatch.setattr(derivations.Proof, "run", lambda self: ran.append(self) or (True, "", 0))
    monkeypatch.setattr(derivations.Proof, "verdict", lambda self: pytest.fail("memo asked"))
    assert main(["--fresh", "--jobs", "1"]) == 0  # in this process, where `ran` is
    assert len(ran) == len(PROOFS)


def test_coverage_summary_counts_every_page_equation(capsys):
    from derivations.__main__ import page_equations

    assert main([]) == 0
    out = capsys.readouterr().out
    n = len(page_equations())
    assert n >= 21
    assert f"coverage: {n} equations on" in out and f"{n} proven, {n} linked to code" in out


def test_coverage_names_an_equation_whose_proof_claim_is_removed(monkeypatch, capsys):
    proof = next(p for p in PROOFS if "logistic-dz" in p.labels)
    monkeypatch.setattr(proof, "labels", tuple(x for x in proof.labels if x != "logistic-dz"))
    assert main([]) == 1
    assert "logistic-dz (logistic.md): no passing proof claims it" in capsys.readouterr().out


def test_coverage_names_an_equation_no_docstring_cites(monkeypatch, capsys):
    import importlib

    from derivations.__main__ import cited_in_code, page_equations

    # an equation cited by exactly one docstring: remove that one citation
    label, (name,) = next((lab, names) for lab, names in sorted(cited_in_code().items())
                          if len(names) == 1)
    module, func = name.rsplit(".", 1)
    f = getattr(importlib.import_module(module), func)
    monkeypatch.setattr(f, "__doc__", f.__doc__.replace(f":eq:`{label}`", "the rule"))
    assert main([]) == 1
    page = page_equations()[label]
    assert f"{label} ({page}.md): no nnlit docstring cites it" in capsys.readouterr().out
