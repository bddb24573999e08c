"""The coding exercises as skeletons: the course's signature, the task in the
reader's language, and a body left to write."""

import textwrap

from nnlit.exercises._i18n import N_, tr

TASKS = {
    "logistic.propagate": N_(
        "Forward pass, cost and gradients of logistic regression: A = σ(wᵀX + b), "
        "J = −(1/m) Σ (y log a + (1 − y) log(1 − a)), dw = (1/m) X (A − Y)ᵀ of shape (n_x, 1), "
        "db = (1/m) Σ (a − y), a number. Return grads = {\"dw\": dw, \"db\": db} and the cost."),
    "logistic.optimize": N_(
        "Gradient descent: num_iterations times, call propagate and step w ← w − α dw, "
        "b ← b − α db; record the cost every 100 iterations. Return "
        "params = {\"w\": w, \"b\": b}, the last grads and the list of costs."),
    "shallow.forward_propagation": N_(
        "Forward pass of the shallow network: Z1 = W1 X + b1, A1 = tanh(Z1), "
        "Z2 = W2 A1 + b2, A2 = σ(Z2). Return A2 and the cache "
        "{\"Z1\": Z1, \"A1\": A1, \"Z2\": Z2, \"A2\": A2}."),
    "shallow.backward_propagation": N_(
        "Backward pass of the shallow network: dZ2 = A2 − Y, dW2 = (1/m) dZ2 A1ᵀ, "
        "db2 = (1/m) Σ dZ2 over the examples, dZ1 = W2ᵀ dZ2 ⊙ (1 − A1²), dW1 = (1/m) dZ1 Xᵀ, "
        "db1 = (1/m) Σ dZ1 over the examples. Return {\"dW1\", \"db1\", \"dW2\", \"db2\"}, each "
        "of the shape of its parameter."),
    "softmax.softmax": N_(
        "Softmax of every column of the scores Z of shape (C, m): a_j = e^(z_j) / Σ_k e^(z_k), "
        "each column on its own. Return A of shape (C, m)."),
    "softmax.cross_entropy": N_(
        "Mean cross-entropy of the softmax of the scores Z (C, m) for the integer labels y "
        "(m,): J = −(1/m) Σ log a_y. Return the cost, a number."),
    "deep.linear_forward": N_(
        "The linear part of one layer: Z = W A + b. Return Z and the cache (A, W, b)."),
    "deep.linear_backward": N_(
        "Gradients of the linear part of one layer, cache = (A_prev, W, b): "
        "dW = (1/m) dZ A_prevᵀ, db = (1/m) Σ dZ over the examples, dA_prev = Wᵀ dZ. "
        "Return dA_prev, dW, db."),
    "deep.linear_activation_backward": N_(
        "Backward pass of one layer, cache = (linear_cache, Z): dZ = dA ⊙ g′(Z) for "
        "activation \"relu\" or \"sigmoid\", then linear_backward. Return dA_prev, dW, db."),
    "deep.L_model_forward": N_(
        "Forward pass through L layers: ReLU for layers 1 to L − 1, sigmoid for layer L; "
        "each layer's cache is ((A_prev, W, b), Z). Return AL and the list of caches."),
    "deep.L_model_backward": N_(
        "Backward pass through L layers, from dAL = −(Y/AL − (1 − Y)/(1 − AL)): the sigmoid "
        "layer L, then the ReLU layers. Return grads with \"dA\" + str(l − 1), \"dW\" + str(l) "
        "and \"db\" + str(l) for every layer l."),
    "deep.update_parameters": N_(
        "One step of gradient descent on every layer l = 1, …, L: W ← W − α dW, "
        "b ← b − α db. Return the parameters."),
}
YOUR_CODE = N_("your code here")


def _bracketed(text):
    """Spaces inside brackets made unbreakable (NUL): "(1 − y) log(1 − a)" stays whole."""
    depth, out = 0, []
    for ch in text:
        depth += (ch == "(") - (ch == ")")
        out.append("\0" if ch == " " and depth > 0 else ch)
    return "".join(out)


def skeleton(ex, lang):
    task = textwrap.fill(_bracketed(tr(TASKS[ex.name], lang)), 76, break_long_words=False,
                         break_on_hyphens=False)
    task = task.replace("\0", " ").replace("\n", "\n    ")
    return (f"def {ex.function}({', '.join(ex.args)}):\n"
            f'    """{task}\n    """\n'
            f"    # {tr(YOUR_CODE, lang)}\n"
            f"    raise NotImplementedError\n")
