"""Arabic (and French/English) text engine: normalisation, tokens, stems, stop-words, terms.

Pure Python plus PyStemmer; imports nothing from Django or the rest of Mizan, so it can be
lifted into another project as it is.

    from mizan.lib.arabic import normalise, tokenise, stem, analyse, analyse_with_offsets, shingles
"""

from .analyse import analyse, analyse_tokens, analyse_with_offsets, normalised_shingles, shingles
from .normalise import normalise, normalise_with_map
from .stem import stem, stem_normalised
from .stopwords import STOPWORDS, is_stopword
from .tokenise import tokenise, tokenise_normalised, tokenise_with_spans

__all__ = [
    "STOPWORDS",
    "analyse",
    "analyse_tokens",
    "analyse_with_offsets",
    "is_stopword",
    "normalise",
    "normalise_with_map",
    "normalised_shingles",
    "shingles",
    "stem",
    "stem_normalised",
    "tokenise",
    "tokenise_normalised",
    "tokenise_with_spans",
]
