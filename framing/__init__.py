"""framing: media-framing analysis of Arabic, English and Russian news.

>>> import framing as fr
>>> articles = fr.read_articles(fr.demo_corpus_path())
>>> {"article_id", "language", "text"} <= set(articles.columns)
True
"""

from importlib.metadata import PackageNotFoundError, version

from framing import codebook
from framing.annotate import annotate
from framing.clean import clean_text
from framing.compare import compare_features, compare_terms, describe_differences
from framing.corpus import iter_articles, read_articles, write_articles
from framing.demo import demo_corpus_path, demo_gold_path, load_demo
from framing.display import show
from framing.extract.attributions import extract_attributions
from framing.extract.hedges import find_hedges
from framing.extract.terms import find_terms
from framing.features import data_dictionary, score
from framing.language import detect_language
from framing.outlets import lookup_url, outlets_table
from framing.report import LoadReport
from framing.topics import TopicModel, fit_topics
from framing.transformer import FramingFeatures

try:
    __version__ = version("framing")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"

__all__ = [
    "FramingFeatures",
    "LoadReport",
    "TopicModel",
    "__version__",
    "annotate",
    "clean_text",
    "data_dictionary",
    "codebook",
    "compare_features",
    "compare_terms",
    "demo_corpus_path",
    "demo_gold_path",
    "describe_differences",
    "detect_language",
    "extract_attributions",
    "find_hedges",
    "find_terms",
    "fit_topics",
    "iter_articles",
    "load_demo",
    "lookup_url",
    "outlets_table",
    "read_articles",
    "score",
    "show",
    "write_articles",
]
