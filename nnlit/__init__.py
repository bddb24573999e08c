"""nnlit: the basics of neural networks, literate and proven.

One module per chapter (:mod:`nnlit.logistic`, :mod:`nnlit.shallow`,
:mod:`nnlit.softmax`, :mod:`nnlit.deep`) plus the shared
:mod:`nnlit.activations`, :mod:`nnlit.losses`, :mod:`nnlit.data` and
:mod:`nnlit.gradcheck`; :mod:`nnlit.exercises` checks a learner's own code
against them.
"""

__version__ = "0.1.0"
