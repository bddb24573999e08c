"""Input checks shared by every public function of nnlit.

Public functions validate their arguments once, here, and raise ``ValueError``
with a message that says what was expected; the private helpers they call
trust their inputs. Nothing in this module uses ``assert``, so the checks
survive ``python -O``.
"""

import numbers

import numpy as np

_FLOATS = (np.float32, np.float64)


def as_float(x, name):
    """Return ``x`` as a finite float array (float32 kept, others float64)."""
    arr = np.asarray(x)
    if arr.dtype.kind not in "biuf":
        raise ValueError(f"{name} must hold real numbers, got dtype {arr.dtype}")
    if arr.dtype.type not in _FLOATS:
        arr = arr.astype(np.float64)
    if not np.all(np.isfinite(arr)):
        bad = "NaN" if np.isnan(arr).any() else "inf"
        raise ValueError(f"{name} contains {bad}; expected finite numbers only")
    return arr


def as_matrix(x, name, shape=None):
    """Return ``x`` as a finite 2-D float array, optionally of a given shape.

    ``shape`` may hold ``None`` for a free dimension.
    """
    arr = as_float(x, name)
    if arr.ndim != 2:
        raise ValueError(
            f"{name} must be a 2-D array (features x examples), "
            f"got {arr.ndim}-D with shape {arr.shape}"
        )
    if shape is not None and any(
        want is not None and want != got for want, got in zip(shape, arr.shape, strict=True)
    ):
        want = tuple("any" if s is None else s for s in shape)
        raise ValueError(f"{name} has shape {arr.shape}, expected {want}")
    return arr


def as_scalar(x, name):
    """Return ``x`` as a finite Python float (a 0-d or size-1 array is fine)."""
    arr = as_float(x, name)
    if arr.size != 1:
        raise ValueError(f"{name} must be a scalar, got shape {arr.shape}")
    return float(arr.reshape(()))


def as_binary_labels(y, name, ref, ref_name):
    """Return labels of shape ``(1, m)``, values in {0, 1}, as floats.

    ``ref`` is the array the labels belong to (``X``, ``A`` or ``Z``): the
    labels must have as many columns as it, and take its float dtype.
    Boolean arrays are accepted and read as 0/1.
    """
    arr = as_matrix(y, name)
    if arr.shape[0] != 1:
        raise ValueError(
            f"{name} has shape {arr.shape}, expected (1, m): one row of labels, "
            f"one label per example (column)"
        )
    same_examples(ref, arr, ref_name, name)
    if not np.all((arr == 0) | (arr == 1)):
        bad = np.unique(arr[(arr != 0) & (arr != 1)])[:5]
        raise ValueError(f"{name} must hold labels in {{0, 1}}, found {bad.tolist()}")
    return arr.astype(ref.dtype, copy=False)


def as_entries(d, keys, what):
    """The arrays of the dict ``d`` under ``keys``, as finite float matrices.

    Raises if ``d`` is not a dict or misses a key; the message lists them all.
    """
    if not isinstance(d, dict):
        raise ValueError(f"{what} must be a dict with keys {list(keys)}, got {type(d).__name__}")
    missing = [k for k in keys if k not in d]
    if missing:
        raise ValueError(f"{what} is missing the key(s) {missing}; expected {list(keys)}")
    return {k: as_matrix(d[k], f'{what}["{k}"]') for k in keys}


def same_examples(X, Y, x_name="X", y_name="Y"):
    """Raise if ``X`` and ``Y`` do not have the same number of columns."""
    if X.shape[1] != Y.shape[1]:
        raise ValueError(
            f"{x_name} has shape {X.shape} and {y_name} has shape {Y.shape}: "
            f"they must have the same number of columns (examples)"
        )


def positive_int(n, name):
    """Return ``n`` as an int, raising unless it is an integer >= 1."""
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 1:
        raise ValueError(f"{name} must be a positive integer, got {n!r}")
    return int(n)


def non_negative_int(n, name):
    """Return ``n`` as an int, raising unless it is an integer >= 0."""
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 0:
        raise ValueError(f"{name} must be a non-negative integer, got {n!r}")
    return int(n)


def as_rng(rng):
    """Turn ``rng`` into a random generator nnlit can draw from.

    None draws fresh entropy, an int seeds ``np.random.default_rng``, and a
    ``np.random.Generator`` or legacy ``np.random.RandomState`` is used as is.
    """
    if rng is None or (isinstance(rng, numbers.Integral) and not isinstance(rng, bool)):
        return np.random.default_rng(rng)
    if isinstance(rng, (np.random.Generator, np.random.RandomState)):
        return rng
    raise ValueError(
        "rng must be None, an int seed, a numpy.random.Generator or a "
        f"numpy.random.RandomState, got {type(rng).__name__}"
    )


def standard_normal(rng, shape):
    """Draw standard-normal numbers of ``shape`` from the result of ``as_rng``.

    A ``RandomState`` draws with ``randn``, so ``RandomState(seed)`` gives the
    very numbers of ``np.random.seed(seed); np.random.randn(*shape)``.
    """
    if isinstance(rng, np.random.RandomState):
        return rng.randn(*shape)
    return rng.standard_normal(shape)
