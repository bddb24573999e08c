"""nnlit.exercises: the course's plain formulas pass, every typical mistake is
caught with its own hint in both languages, and malformed code gets a report."""

import signal
import sys
import time
import warnings

import numpy as np
import pytest
from babel.messages.pofile import read_po as babel_read_po

from nnlit import deep, logistic, shallow, softmax
from nnlit.activations import relu_backward, sigmoid_backward
from nnlit.exercises import EXERCISES, check, skeleton
from nnlit.exercises.__main__ import main
from nnlit.exercises._i18n import LOCALE, default_lang, messages, read_po, tr

PO = LOCALE / "zh_CN" / "LC_MESSAGES" / "nnlit.po"


# ---- the learner's code, written as the course writes it ---------------------

def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def propagate(w, b, X, Y, *, m_div=True, sign=1, brackets=True, extra_slope=False):
    m = X.shape[1]
    A = sigmoid(w.T @ X + b)
    if brackets:
        cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    else:
        cost = -np.sum(Y * np.log(A)) / m + np.sum((1 - Y) * np.log(1 - A))
    dZ = sign * (A - Y) * (A * (1 - A) if extra_slope else 1)
    dw = X @ dZ.T / (m if m_div else 1)
    return {"dw": dw, "db": np.sum(dZ) / m}, cost


def optimize(w, b, X, Y, num_iterations, learning_rate, print_cost=False, *, stale=False,
             every=100):
    costs = []
    grads, cost = propagate(w, b, X, Y)
    for i in range(num_iterations):
        if not stale:
            grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i % every == 0:
            costs.append(cost)
    return {"w": w, "b": b}, grads, costs


def forward_propagation(X, parameters, *, hidden=np.tanh, bias=True):
    W1, b1, W2, b2 = (parameters[k] for k in ("W1", "b1", "W2", "b2"))
    Z1 = W1 @ X + (b1 if bias else 0)
    A1 = hidden(Z1)
    Z2 = W2 @ A1 + b2
    A2 = sigmoid(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


def backward_propagation(parameters, cache, X, Y, *, slope=lambda A1: 1 - A1 ** 2, axis=1,
                         keepdims=True, m_div=True, transpose_Y=False):
    m, d = X.shape[1], X.shape[1] if m_div else 1
    W2, A1, A2 = parameters["W2"], cache["A1"], cache["A2"]
    dZ2 = A2 - (Y.T if transpose_Y else Y)
    dW2 = dZ2 @ A1.T / d
    db2 = np.sum(dZ2, axis=axis, keepdims=keepdims) / m
    dZ1 = (W2.T @ dZ2) * slope(A1)
    dW1 = dZ1 @ X.T / d
    db1 = np.sum(dZ1, axis=axis, keepdims=keepdims) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


def softmax_(Z, *, axis=0, shift=None):
    E = np.exp(Z - (0 if shift is None else shift(Z)))
    return E / np.sum(E, axis=axis, keepdims=axis is not None)


def cross_entropy(Z, y, *, mean=True, normalise=softmax_):
    m = y.shape[0]
    p = normalise(Z)
    loss = np.sum(-np.log(p[y, range(m)]))
    return loss / m if mean else loss


def linear_forward(A, W, b, *, bias=True):
    Z = W @ A + (b if bias else 0)
    return Z, (A, W, b)


def linear_backward(dZ, cache, *, m_div=True, da_div=False, transposed=False, order=None):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = (A_prev @ dZ.T if transposed else dZ @ A_prev.T) / (m if m_div else 1)
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = W.T @ dZ / (m if da_div else 1)
    out = {"dA_prev": dA_prev, "dW": dW, "db": db, "dZ": dZ}
    return tuple(out[k] for k in (order or ("dA_prev", "dW", "db")))


def linear_activation_backward(dA, cache, activation, *, relu=relu_backward, lin=linear_backward):
    linear_cache, Z = cache
    dZ = relu(dA, Z) if activation == "relu" else sigmoid_backward(dA, Z)
    return lin(dZ, linear_cache)


def L_model_forward(X, parameters, *, last="sigmoid"):
    caches, A, L = [], X, len(parameters) // 2
    for layer in range(1, L + 1):
        Z, linear_cache = linear_forward(A, parameters[f"W{layer}"], parameters[f"b{layer}"])
        A = sigmoid(Z) if layer == L and last == "sigmoid" else np.maximum(Z, 0)
        caches.append((linear_cache, Z))
    return A, caches


def L_model_backward(AL, Y, caches, *, sign=1, lab=linear_activation_backward):
    grads, L = {}, len(caches)
    dAL = -sign * (np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads[f"dA{L - 1}"], grads[f"dW{L}"], grads[f"db{L}"] = lab(dAL, caches[L - 1], "sigmoid")
    for layer in reversed(range(L - 1)):
        dA_prev, dW, db = lab(grads[f"dA{layer + 1}"], caches[layer], "relu")
        grads[f"dA{layer}"], grads[f"dW{layer + 1}"], grads[f"db{layer + 1}"] = dA_prev, dW, db
    return grads


def update_parameters(parameters, grads, learning_rate, *, sign=-1, layers=None):
    L = len(parameters) // 2
    for layer in layers or range(1, L + 1):
        for p in ("W", "b"):
            key = f"{p}{layer}"
            parameters[key] = parameters[key] + sign * learning_rate * grads["d" + key]
    return parameters


TEXTBOOK = {
    "logistic.propagate": propagate, "logistic.optimize": optimize,
    "shallow.forward_propagation": forward_propagation,
    "shallow.backward_propagation": backward_propagation,
    "softmax.softmax": softmax_, "softmax.cross_entropy": cross_entropy,
    "deep.linear_forward": linear_forward, "deep.linear_backward": linear_backward,
    "deep.linear_activation_backward": linear_activation_backward,
    "deep.L_model_forward": L_model_forward, "deep.L_model_backward": L_model_backward,
    "deep.update_parameters": update_parameters,
}


def planted(fn, **wrong):
    """The learner's function with one mistake switched on."""
    def learner(*args):
        return fn(*args, **wrong)
    return learner


def no_mask(dA, Z):
    return np.array(dA, dtype=float)


def mask_at_zero(dA, Z):
    return dA * (Z >= 0)


def swapped(dA, cache, activation):
    return linear_activation_backward(dA, cache, "sigmoid" if activation == "relu" else "relu")


# ---- the checks ----------------------------------------------------------------------

def test_every_required_exercise_is_covered():
    assert set(TEXTBOOK) <= set(EXERCISES)


@pytest.mark.parametrize("name", sorted(EXERCISES))
def test_nnlit_passes_its_own_checks_without_advice(name):
    result = check(name, EXERCISES[name].reference, lang="en")
    assert result.passed, str(result)
    assert result.advice == []


@pytest.mark.parametrize("name", sorted(TEXTBOOK))
def test_the_course_formulas_pass(name):
    result = check(name, TEXTBOOK[name], lang="en")
    assert result.passed, str(result)
    assert "✗" not in str(result) and "·" not in str(result)


SATURATING = {  # the plain formulas saturate at extreme inputs: advice, not failure
    "logistic.propagate": "erratum 14", "softmax.softmax": "erratum 7",
    "softmax.cross_entropy": "erratum 9", "shallow.forward_propagation": "erratum 14",
    "deep.L_model_backward": "dZL = AL − Y",
}


@pytest.mark.parametrize("name", sorted(SATURATING))
def test_saturation_is_advice_pointing_to_the_stable_form(name):
    result = check(name, TEXTBOOK[name], lang="en")
    assert result.passed
    assert SATURATING[name] in str(result).split("Advice:")[1]


# (exercise, learner, failed step, English hint, Chinese hint)
MISTAKES = [
    ("logistic.propagate", planted(propagate, m_div=False), 3,
     "dw is m times too large: did you forget the 1/m?", "dw 大了 m 倍：是不是忘了 1/m？"),
    ("logistic.propagate", planted(propagate, sign=-1), 3,
     "dw has the wrong sign: the gradient uses A − Y", "dw 的符号错了"),
    ("logistic.propagate", planted(propagate, brackets=False), 3,
     "cost is the cost without its brackets (erratum 1)", "漏了括号的代价（勘误 1）"),
    ("logistic.propagate", planted(propagate, extra_slope=True), 3,
     "already contains σ′", "已经包含了 σ′"),
    ("logistic.optimize", planted(optimize, stale=True), 3,
     "computed once", "（勘误 2）"),
    ("logistic.optimize", planted(optimize, every=1), 2,
     "costs holds a cost for every iteration", "costs 记录了每一次迭代的代价"),
    ("shallow.forward_propagation", planted(forward_propagation, hidden=sigmoid), 3,
     "A1 is wrong: the hidden layer uses tanh", "隐藏层用 tanh"),
    ("shallow.forward_propagation", planted(forward_propagation, bias=False), 3,
     "Z1 misses its bias", "Z1 漏了偏置"),
    ("shallow.backward_propagation", planted(backward_propagation, slope=lambda A1: 1 - A1), 3,
     "dW1 is wrong: dZ1 uses 1 − A1; tanh′ is 1 − A1²", "dZ1 用了 1 − A1；tanh′ 是 1 − A1²"),
    ("shallow.backward_propagation", planted(backward_propagation, m_div=False), 3,
     "dW1 is m times too large", "dW1 大了 m 倍"),
    ("shallow.backward_propagation", planted(backward_propagation, axis=0), 2,
     "db1 sums over the wrong axis", "db1 沿错误的轴求和"),
    ("shallow.backward_propagation", planted(backward_propagation, keepdims=False), 2,
     "db1 has lost its second axis", "db1 丢掉了第二个轴"),
    ("shallow.backward_propagation", planted(backward_propagation, axis=None), 2,
     "db1 is a single number", "db1 只是一个数"),
    ("shallow.backward_propagation", planted(backward_propagation, transpose_Y=True), 1,
     "a row minus a column broadcasts to an m × m matrix (erratum 13)", "（勘误 13）"),
    ("softmax.softmax", planted(softmax_, axis=None), 3,
     "The columns of your softmax do not each sum to 1: sum over axis 0", "沿 axis 0 求和"),
    ("softmax.softmax", planted(softmax_, axis=1), 3,
     "Your softmax normalises each row", "对每一行做了归一化"),
    ("softmax.cross_entropy", planted(cross_entropy, mean=False), 3,
     "cost is m times too large: the cost is the mean over the examples, (1/m) Σ (erratum 5)",
     "（勘误 5）"),
    ("softmax.cross_entropy", planted(cross_entropy, normalise=planted(softmax_, axis=None)), 3,
     "normalised over the whole batch", "（勘误 6）"),
    ("deep.linear_forward", planted(linear_forward, bias=False), 3,
     "Z misses the bias", "Z 漏了偏置"),
    ("deep.linear_backward", planted(linear_backward, m_div=False), 3,
     "dW is m times too large", "dW 大了 m 倍"),
    ("deep.linear_backward", planted(linear_backward, da_div=True), 3,
     "dA_prev is m times too small: dA_prev = Wᵀ dZ has no 1/m", "dA_prev 小了 m 倍"),
    ("deep.linear_backward", planted(linear_backward, transposed=True), 2,
     "dW is transposed", "dW 被转置了"),
    ("deep.linear_backward", planted(linear_backward, order=("dZ", "dW", "db")), 2,
     "the first value returned is the gradient of its input, dA_prev = Wᵀ dZ", "（勘误 12）"),
    ("deep.linear_backward", planted(linear_backward, order=("db", "dW", "dA_prev")), 2,
     "dA_prev holds what should be db", "dA_prev 里放的是 db 的值"),
    ("deep.linear_activation_backward", planted(linear_activation_backward, relu=no_mask), 3,
     "dA_prev is wrong where Z < 0: did you apply the ReLU mask?", "你用了 ReLU 的掩码吗"),
    ("deep.linear_activation_backward", planted(linear_activation_backward, relu=mask_at_zero),
     3, "is wrong where Z is exactly 0", "恰好为 0 的位置有误"),
    ("deep.linear_activation_backward", swapped, 3,
     "the branches are swapped", "两个分支颠倒了"),
    ("deep.L_model_forward", planted(L_model_forward, last="relu"), 3,
     "AL is wrong: the last layer uses the sigmoid", "最后一层用 sigmoid"),
    ("deep.L_model_backward", planted(L_model_backward, lab=planted(
        linear_activation_backward, relu=no_mask)), 3,
     "dW2 is wrong where Z2 < 0: did you apply the ReLU mask?", "dW2 在 Z2 < 0 的位置有误"),
    ("deep.L_model_backward", planted(L_model_backward, sign=-1), 3,
     "dW3 has the wrong sign: start from dAL", "dW3 的符号错了"),
    ("deep.L_model_backward", planted(L_model_backward, lab=planted(
        linear_activation_backward, lin=planted(linear_backward, m_div=False))), 3,
     "dW3 is m times too large", "dW3 大了 m 倍"),
    ("deep.update_parameters", planted(update_parameters, sign=1), 3,
     "W1 moved uphill", "W1 往上坡走了"),
    ("deep.update_parameters", planted(update_parameters, layers=range(1, 3)), 3,
     "W3 was not updated", "W3 没有被更新"),
]


@pytest.mark.parametrize(("name", "learner", "step", "en", "zh"), MISTAKES,
                         ids=[f"{m[0]}-{m[3][:30]}" for m in MISTAKES])
def test_a_planted_mistake_is_named_in_both_languages(name, learner, step, en, zh):
    result = check(name, learner, lang="en")
    assert not result.passed and not result
    report = str(result)
    assert f"FAILED at step {step} " in report, report
    assert en in report, report
    chinese = result.report("zh_CN")
    assert zh in chinese and en not in chinese, chinese
    assert str(check(name, learner, lang="zh_CN")) == chinese


def test_a_global_maximum_in_softmax_passes_with_advice():  # erratum 7
    result = check("softmax.softmax", planted(softmax_, shift=np.max), lang="en")
    assert result.passed
    assert "each column's own maximum" in str(result)


# ---- malformed code ----------------------------------------------------------------------

def returns_none(w, b, X, Y):
    propagate(w, b, X, Y)


def returns_grads_only(w, b, X, Y):
    return propagate(w, b, X, Y)[0]


def returns_three(w, b, X, Y):
    return (*propagate(w, b, X, Y), 0.0)


def returns_list_grads(w, b, X, Y):
    grads, cost = propagate(w, b, X, Y)
    return [grads["dw"], grads["db"]], cost


def missing_key(w, b, X, Y):
    grads, cost = propagate(w, b, X, Y)
    return {"dw": grads["dw"]}, cost


def ragged_dw(w, b, X, Y):
    grads, cost = propagate(w, b, X, Y)
    return {"dw": [[1.0], [2.0, 3.0]], "db": grads["db"]}, cost


def string_cost(w, b, X, Y):
    return propagate(w, b, X, Y)[0], "low"


def raises_inside(w, b, X, Y):
    m = X.shape[1]
    return X[0, m]  # one column too far


def not_written(w, b, X, Y):
    raise NotImplementedError


def three_arguments(w, b, X):
    return None


def chatty(w, b, X, Y):
    print("computing the gradients...")
    warnings.warn("a warning of the learner's own", UserWarning, stacklevel=1)
    return propagate(w, b, X, Y)


def key_error(X, parameters):
    return parameters["W0"]


MALFORMED = [
    (returns_none, 2, "propagate returned None: did you forget the return statement? "
                      "It should return grads, cost."),
    (returns_grads_only, 2, "propagate should hold 2 values (grads, cost); yours holds 1 "
                            "(of type dict)."),
    (returns_three, 2, "propagate should hold 2 values (grads, cost); yours holds 3"),
    (returns_list_grads, 2, "grads should be a dict with the keys dw, db; yours is of type list"),
    (missing_key, 2, "grads has no key db (it has: dw)."),
    (string_cost, 2, "cost should be a number; yours is of type str."),
    (ragged_dw, 2, "dw should be a NumPy array; yours is of type list."),
    (raises_inside, 1, "Your function raised IndexError: index 3 is out of bounds"),
    (raises_inside, 1, "return X[0, m]  # one column too far"),
    (raises_inside, 1, "no example m + 1 (erratum 4)"),
    (not_written, 1, "The function is not written yet"),
    (three_arguments, 1, "Your function takes (w, b, X); the exercise calls it as "
                         "propagate(w, b, X, Y)."),
    (propagate(np.zeros((2, 1)), 0.0, np.ones((2, 3)), np.ones((1, 3))), 1,
     "You passed a value of type tuple, not a function"),
]


@pytest.mark.parametrize(("learner", "step", "message"), MALFORMED,
                         ids=[m[2][:40] for m in MALFORMED])
def test_malformed_code_gets_a_clear_report(learner, step, message):
    result = check("logistic.propagate", learner, lang="en")
    report = str(result)
    assert f"FAILED at step {step} " in report and message in report, report
    assert "Traceback" not in report and "nnlit/" not in report


def test_a_missing_key_names_the_keys_passed_in():
    report = str(check("shallow.forward_propagation", key_error, lang="en"))
    assert "KeyError: 'W0'" in report and "the keys: W1, W2, b1, b2" in report, report


def test_prints_and_warnings_of_the_learner_are_captured(capsys):
    result = check("logistic.propagate", chatty, lang="en")
    assert result.passed
    assert capsys.readouterr().out == ""
    assert "UserWarning: a warning of the learner's own" in str(result)


def never_ends(w, b, X, Y):
    while True:
        try:
            X = X + 0
        except Exception:  # a learner's blanket except does not swallow the stop
            pass


def slow_once(w, b, X, Y, calls=[]):  # noqa: B006 - counts the calls on purpose
    if not calls:
        calls.append(1)
        time.sleep(0.3)
    return propagate(w, b, X, Y)


@pytest.mark.parametrize("lang, message", [
    ("en", "Your function was still running after 0.2 s on inputs with the shapes "
           "w (2, 1), X (2, 3), Y (1, 3), and was stopped"),
    ("zh_CN", "在形状为 w (2, 1), X (2, 3), Y (1, 3) 的输入上，你的函数运行了 0.2 秒仍未结束"),
])
def test_a_function_that_never_returns_is_stopped_and_reported(lang, message):
    before = signal.getsignal(signal.SIGALRM)
    started = time.perf_counter()
    report = str(check("logistic.propagate", never_ends, lang=lang, timeout=0.2))
    assert time.perf_counter() - started < 5
    assert message in report and ("FAILED at step 1 " in report or "第 1 步" in report), report
    assert signal.getsignal(signal.SIGALRM) is before  # the timer is the caller's again
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_the_time_limit_can_be_raised_or_lifted():
    slow_once.__defaults__[0].clear()
    assert "still running after 0.1 s" in str(check("logistic.propagate", slow_once, lang="en",
                                                       timeout=0.1))
    slow_once.__defaults__[0].clear()
    assert check("logistic.propagate", slow_once, lang="en", timeout=None).passed


def test_the_command_line_takes_a_time_limit(tmp_path, capsys):
    path = tmp_path / "mine.py"
    path.write_text("def propagate(w, b, X, Y):\n    while True:\n        pass\n")
    assert main([str(path), "--lang", "en", "--timeout", "0.2"]) == 1
    assert "was still running after 0.2 s" in capsys.readouterr().out


def test_an_unknown_exercise_is_a_value_error():
    with pytest.raises(ValueError, match="unknown exercise 'logistic.propogate'; expected"):
        check("logistic.propogate", propagate)
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        check("logistic.propagate", propagate, lang="fr")


# ---- languages ---------------------------------------------------------------------------

def test_every_message_has_a_chinese_translation():
    catalog = read_po(PO)
    missing = sorted(messages() - set(catalog))
    assert not missing, "add to nnlit.po:\n" + "\n".join(f'msgid "{m}"\nmsgstr ""' for m in missing)
    assert set(catalog) <= messages(), f"obsolete: {sorted(set(catalog) - messages())}"


def test_translations_keep_the_placeholders():
    import string

    fields = lambda s: sorted(f for _, f, _, _ in string.Formatter().parse(s) if f)  # noqa: E731
    for msgid, msgstr in read_po(PO).items():
        assert fields(msgid) == fields(msgstr), msgid


def test_the_catalog_reader_agrees_with_babel():
    with open(PO, "rb") as fh:
        babel = {m.id: m.string for m in babel_read_po(fh) if m.id and not m.fuzzy}
    assert read_po(PO) == babel and len(babel) == len(messages())


@pytest.mark.parametrize(("env", "lang"), [({"LANG": "zh_CN.UTF-8"}, "zh_CN"),
                                           ({"LANGUAGE": "zh_CN:en", "LANG": "C"}, "zh_CN"),
                                           ({"LANG": "en_GB.UTF-8"}, "en")])
def test_the_default_language_comes_from_the_locale(monkeypatch, env, lang):
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    assert default_lang() == lang
    assert check("softmax.softmax", softmax_).lang == lang


# ---- the command line --------------------------------------------------------------------

LEARNER_FILE = '''
import numpy as np
print("the learner's file prints while it loads")

def softmax(Z):
    E = np.exp(Z)
    return E / E.sum(axis=0, keepdims=True)

def linear_forward(A, W, b):
    return W @ A + b, (A, W, b)

def helper(x):
    return x
'''


def test_the_command_line_checks_every_exercise_of_a_file(tmp_path, capsys):
    path = tmp_path / "mine.py"
    path.write_text(LEARNER_FILE, encoding="utf-8")
    assert main([str(path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "softmax.softmax: passed" in out and "deep.linear_forward: passed" in out
    assert "prints while it loads" not in out and "helper" not in out
    path.write_text(LEARNER_FILE.replace("axis=0", "axis=1"), encoding="utf-8")
    assert main([str(path), "--lang", "zh_CN"]) == 1
    out = capsys.readouterr().out
    assert "softmax.softmax：未通过" in out and "deep.linear_forward：通过" in out


def test_the_command_line_reports_a_file_that_does_not_run(tmp_path, capsys):
    path = tmp_path / "broken.py"
    path.write_text("def softmax(Z):\n    return Z\n\n1 / 0\n", encoding="utf-8")
    assert main([str(path), "--lang", "en"]) == 1
    assert "could not be run: ZeroDivisionError: division by zero (line 4)" in \
        capsys.readouterr().out
    path.write_text("x = 1\n", encoding="utf-8")
    assert main([str(path), "--lang", "en"]) == 1
    assert "defines none of the exercises' functions" in capsys.readouterr().out


def test_python_dash_m_runs(tmp_path):
    import subprocess

    path = tmp_path / "mine.py"
    path.write_text(LEARNER_FILE, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "nnlit.exercises", str(path), "--lang", "en"],
                          capture_output=True, text=True)
    assert done.returncode == 0 and "softmax.softmax: passed" in done.stdout, done.stderr


def test_the_reference_functions_are_nnlit_s():
    assert {ex.reference for ex in EXERCISES.values()} >= {
        logistic.propagate, shallow.backward_propagation, softmax.softmax, deep.L_model_backward}


# ---- skeletons ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(EXERCISES))
@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_skeleton_is_not_written_yet_and_passes_once_filled(name, lang):
    source = skeleton(name, lang)
    ex = EXERCISES[name]
    namespace = {}
    exec(source, namespace)
    empty = check(name, namespace[ex.function], lang=lang)
    assert not empty.passed and "NotImplementedError" in str(empty)
    assert ("# your code here" in source) == (lang == "en")
    call = f"return reference({', '.join(ex.args)})"
    filled = source.replace("raise NotImplementedError", call)
    namespace = {"reference": ex.reference}
    exec(filled, namespace)
    assert check(name, namespace[ex.function], lang=lang).passed


def first_eight_only(w, b, X, Y):
    """Right for up to 8 examples: the gradients forget the examples after the eighth."""
    grads, cost = propagate(w, b, X, Y)
    m = X.shape[1]
    A = sigmoid(w.T @ X + b)
    dZ = (A - Y)[:, :8]
    return {"dw": X[:, :8] @ dZ.T / m, "db": np.sum(dZ) / m}, cost


def test_gradients_that_do_not_fit_the_learner_s_own_cost_fail_step_4():
    result = check("logistic.propagate", first_eight_only, lang="en")
    report = str(result)
    assert "FAILED at step 4 of 5" in report, report
    assert "Your dw and db do not match the slope of your own cost: relative error" in report
    assert "你的 dw 和 db 与你自己的代价的斜率不符" in result.report("zh_CN")


# ---- every row of every diagnosis table is reachable -------------------------------------

def _same(a, b):
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, (tuple, list)):
        return isinstance(b, (tuple, list)) and len(a) == len(b) and all(map(_same, a, b))
    return np.array_equal(a, b)


def _rebuild(ref, name, leaves, top=None):
    """nnlit's output with the leaves replaced, walked as the checker names them."""
    if isinstance(ref, dict):
        return {k: _rebuild(v, k, leaves) for k, v in ref.items()}
    costs = isinstance(ref, list) and all(isinstance(v, (int, float, np.number)) for v in ref)
    if isinstance(ref, (tuple, list)) and not costs:
        names = top or [f"{name}[{i}]" for i in range(len(ref))]
        return type(ref)(_rebuild(r, q, leaves) for r, q in zip(ref, names, strict=True))
    return leaves.get(name, ref)


def making(ex, row):
    """A learner who makes exactly this row's mistake, wherever the row applies."""
    cases = ex.cases(np.random.default_rng(20260101))  # the seed of check

    def learner(*args):
        case = next(c for c in cases if _same(dict(zip(ex.args, args, strict=True)), c.args))
        case.raw = ex.run_reference(case)
        case.ref = ex.flatten(case.raw)
        try:
            with np.errstate(all="ignore"):
                wrong = row.changes(case, ex)
        except (ValueError, IndexError, KeyError):
            wrong = {}
        top = ex.returns if len(ex.returns) > 1 else None
        return _rebuild(case.raw, ex.function if top else ex.returns[0], wrong, top)
    return learner


ROWS = [(name, i, row) for name, ex in EXERCISES.items() for i, row in enumerate(ex.mistakes)]


@pytest.mark.parametrize(("name", "i", "row"), ROWS, ids=[f"{n}-{i}" for n, i, _ in ROWS])
def test_every_row_of_the_diagnosis_table_names_its_mistake(name, i, row):
    ex = EXERCISES[name]
    result = check(name, making(ex, row), lang="en")
    assert not result.passed
    msgid, fmt = result.failure[-1]
    assert msgid == row.hint, str(result)
    assert tr(row.hint, "zh_CN", **fmt) in result.report("zh_CN")
