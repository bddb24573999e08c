"""The disk memo (derivations/memo.py) returns what it stored only while the code it
depends on is unchanged, and a proof's verdict is kept only when it passed."""

import multiprocessing
import time

import numpy as np
import pytest

import derivations.logistic
from derivations import load, memo

CALLS = []


def _square(x):
    CALLS.append(x)
    return x * x


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """A throw-away repository root with nnlit/ and derivations/ sources."""
    for folder in ("nnlit", "derivations", "_ext"):
        (tmp_path / folder).mkdir()
    (tmp_path / "nnlit" / "a.py").write_text("x = 1\n")
    (tmp_path / "derivations" / "b.py").write_text("y = 1\n")
    (tmp_path / "derivations" / "memo.py").write_text("# memo\n")
    monkeypatch.setattr(memo, "ROOT", tmp_path)
    monkeypatch.setattr(memo, "DIR", tmp_path / "memo")
    monkeypatch.delenv("NNLIT_MEMO", raising=False)
    CALLS.clear()
    return tmp_path


def test_a_second_call_is_loaded_not_computed(tree):
    assert memo.cached("sq", _square, 3) == 9
    assert memo.cached("sq", _square, 3) == 9
    assert CALLS == [3]
    assert len(list((tree / "memo").glob("sq-*.pkl"))) == 1


@pytest.mark.parametrize("path", ["nnlit/a.py", "derivations/b.py", "derivations/memo.py"])
def test_any_change_of_the_code_computes_afresh(tree, path):
    memo.cached("sq", _square, 3)
    (tree / path).write_text((tree / path).read_text())  # the same bytes again
    memo.cached("sq", _square, 3)
    assert CALLS == [3]
    (tree / path).write_text((tree / path).read_text() + "# edited\n")
    memo.cached("sq", _square, 3)
    assert CALLS == [3, 3]


def test_a_new_module_computes_afresh(tree):
    memo.cached("sq", _square, 3)
    (tree / "nnlit" / "new.py").write_text("")
    memo.cached("sq", _square, 3)
    assert CALLS == [3, 3]


def test_an_edit_of_the_same_size_is_seen(tree):
    memo.cached("sq", _square, 3)
    (tree / "nnlit" / "a.py").write_text("x = 2\n")
    memo.cached("sq", _square, 3)
    assert CALLS == [3, 3]


def test_the_callers_and_the_functions_files_are_part_of_the_key(tree, monkeypatch):
    memo.cached("sq", _square, 3)
    sources = []
    real = memo._file_hash
    monkeypatch.setattr(memo, "_file_hash", lambda p: sources.append(str(p)) or real(p))
    memo.cached("sq", _square, 3)
    assert __file__ in sources  # this file both defines _square and calls cached


def test_name_and_arguments_are_part_of_the_key(tree):
    memo.cached("sq", _square, 3)
    memo.cached("sq", _square, 4)
    memo.cached("other", _square, 3)
    memo.cached("sq", _square, x=3)
    assert CALLS == [3, 4, 3, 3]


def test_arrays_are_keyed_by_their_content(tree):
    a = np.arange(2000.0)
    b = a.copy()
    b[1000] = -1  # repr(a) == repr(b): both elide the middle
    memo.cached("sq", _square, a)
    memo.cached("sq", _square, b)
    memo.cached("sq", _square, a.astype(np.float32))
    assert len(CALLS) == 3


def test_an_argument_known_only_by_its_address_is_refused(tree):
    with pytest.raises(ValueError, match="memory address"):
        memo.cached("sq", _square, object())


def test_the_memo_can_be_turned_off(tree, monkeypatch):
    monkeypatch.setenv("NNLIT_MEMO", "off")
    memo.cached("sq", _square, 3)
    memo.cached("sq", _square, 3)
    assert CALLS == [3, 3]
    assert not (tree / "memo").exists()


def test_a_corrupt_entry_is_computed_again(tree):
    memo.cached("sq", _square, 3)
    (entry,) = (tree / "memo").glob("*.pkl")
    entry.write_bytes(b"not a pickle")
    assert memo.cached("sq", _square, 3) == 9
    assert CALLS == [3, 3]


def _slow_square(x, log):
    with open(log, "a") as fh:
        fh.write("computed\n")
    time.sleep(0.3)
    return x * x


def _cached_slow_square(log, out):
    out.put(memo.cached("slow", _slow_square, 3, str(log)))


def test_parallel_processes_compute_a_key_once(tree):
    """`make test` runs the unit tests beside the book's build: the second of two
    processes asking for the same key waits for the first and loads its result."""
    log = tree / "calls.log"
    forked = multiprocessing.get_context("fork")
    out = forked.Queue()
    workers = [forked.Process(target=_cached_slow_square, args=(log, out)) for _ in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=30)
    assert [out.get(timeout=5) for _ in workers] == [9, 9, 9]
    assert log.read_text() == "computed\n"


def test_a_failed_proof_is_not_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(memo, "DIR", tmp_path)
    proof = next(p for p in load() if p.name == "stable_sigmoid_equals_definition")
    real = derivations.logistic.sigmoid
    monkeypatch.setattr(derivations.logistic, "sigmoid", lambda z: real(z * 1.001))
    ok, message, _ = proof.verdict()
    assert not ok and "sigmoid" in message
    assert not list(tmp_path.glob("*.pkl"))
    monkeypatch.setattr(derivations.logistic, "sigmoid", real)
    assert proof.verdict()[0]
    assert len(list(tmp_path.glob("proof.logistic.stable_sigmoid*.pkl"))) == 1
