"""nnlit: the basics of neural networks, literate and proven.

One module per chapter (:mod:`nnlit.logistic`, ...) plus the shared
:mod:`nnlit.activations`, :mod:`nnlit.losses` and :mod:`nnlit.data`.
"""

__version__ = "0.1.0"
