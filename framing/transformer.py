"""A scikit-learn transformer: framing features from a text column, for use in other studies' pipelines.

>>> import pandas as pd
>>> from sklearn.pipeline import make_pipeline
>>> from sklearn.preprocessing import StandardScaler
>>> texts = pd.Series(["Peskov claimed the talks failed.", "Рябков заявил, что переговоры пройдут в Женеве."], index=["x", "y"])
>>> step = FramingFeatures(features=["attributions_RU", "distancing_RU"]).set_output(transform="pandas")
>>> step.fit_transform(texts)
   attributions_RU  distancing_RU
x              1.0            1.0
y              1.0            0.0
>>> make_pipeline(FramingFeatures(missing=0.0), StandardScaler()).fit_transform(texts).shape
(2, 86)
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from framing.features import data_dictionary, score
from framing.language import detect_language

__all__ = ["FramingFeatures"]


def _numeric_features() -> list[str]:
    dictionary = data_dictionary()
    return dictionary.loc[dictionary["type"].isin(["int", "float"]), "name"].tolist()


class FramingFeatures(TransformerMixin, BaseEstimator):
    """Framing features (:func:`framing.score`) of texts, as a scikit-learn transformer.

    Parameters
    ----------
    language : {"ar", "en", "ru"} or None
        The language of every text; None detects it per text.
    text_column : str or None
        The column holding the text when ``X`` is a DataFrame with several
        columns; a one-column DataFrame, a Series or a list of strings needs none.
    features : list of str or None
        The feature columns to output (any numeric column of
        :func:`framing.features.data_dictionary`); None outputs all of them.
    missing : float or None
        The value for shares that are undefined in a text (no attribution of a
        side, no loaded term): None keeps NaN, so that an imputer of your
        choice can follow; 0.0 suits estimators that refuse NaN.

    Attributes
    ----------
    feature_names_out_ : ndarray of str
        The output columns.
    n_features_in_ : int
        Always 1 (one text column).
    """

    def __init__(self, language: str | None = None, text_column: str | None = None, features: Sequence[str] | None = None, missing: float | None = None):
        self.language = language
        self.text_column = text_column
        self.features = features
        self.missing = missing

    def _texts(self, X) -> list[str]:
        if isinstance(X, pd.DataFrame):
            if self.text_column is not None:
                if self.text_column not in X.columns:
                    raise ValueError(f"text_column {self.text_column!r} is not in X; found: {', '.join(map(str, X.columns))}")
                column = X[self.text_column]
            elif X.shape[1] == 1:
                column = X.iloc[:, 0]
            else:
                raise ValueError(f"X has {X.shape[1]} columns ({', '.join(map(str, X.columns))}); pass text_column=")
            return ["" if pd.isna(t) else str(t) for t in column]
        values = np.asarray(X, dtype=object)
        if values.ndim == 2:
            if values.shape[1] != 1:
                raise ValueError(f"X has {values.shape[1]} columns; pass a single text column")
            values = values[:, 0]
        return ["" if t is None or (isinstance(t, float) and np.isnan(t)) else str(t) for t in values]

    def fit(self, X, y=None):
        """Check the input and the feature list (the transformer learns nothing from data)."""
        self._texts(X)
        available = _numeric_features()
        wanted = list(self.features) if self.features is not None else available
        unknown = [f for f in wanted if f not in available]
        if unknown:
            raise ValueError(f"unknown feature(s) {', '.join(unknown)}; see framing.features.data_dictionary()")
        if self.language is not None and self.language not in ("ar", "en", "ru"):
            raise ValueError(f"language must be 'ar', 'en', 'ru' or None, not {self.language!r}")
        self.feature_names_out_ = np.asarray(wanted, dtype=object)
        self.n_features_in_ = 1
        return self

    def transform(self, X) -> np.ndarray:
        """The features of each text, as floats (NaN where a share has no denominator)."""
        check_is_fitted(self)
        texts = self._texts(X)
        languages = [self.language or detect_language(t).language for t in texts]
        articles = pd.DataFrame({"article_id": [str(i) for i in range(len(texts))], "language": languages, "text": texts})
        values = score(articles)[list(self.feature_names_out_)].to_numpy(dtype=float)
        if self.missing is not None:
            values = np.where(np.isnan(values), self.missing, values)
        return values

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        """The names of the output columns."""
        check_is_fitted(self)
        return self.feature_names_out_.copy()
