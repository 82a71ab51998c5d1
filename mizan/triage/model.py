"""The trainable category model and its evaluation. Pure scikit-learn (no database).

Features: TF-IDF over analysed terms (stems, stop-words dropped) and their bigrams, TF-IDF over
character 2-5-grams of the normalised text, which catches dialect spellings and clitics the
light stemmer leaves alone, and the lexicon's score for each category (what the word lists
already know, so that a few hundred examples refine it rather than relearn it). Classifier: one
balanced logistic regression per category, each with its own decision threshold chosen by
cross-validation on the training texts (stored with the model). Trained on texts that each have
exactly one category, it always predicts at least the most probable one.

`LinearSVCBaseline` is the plain comparison: TF-IDF over the same analysed terms and one
LinearSVC per category, scikit-learn's defaults otherwise.

Evaluation uses folds built by iterative stratification (Sechidis et al., 2011), so a rare
category is spread over the folds instead of landing in one of them; the lexicon (and, when
asked, the baseline) is scored on exactly the same held-out texts.
"""

from __future__ import annotations

import random
import warnings
from functools import lru_cache

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.multiclass import OneVsRestClassifier
from sklearn.preprocessing import MultiLabelBinarizer
from sklearn.svm import LinearSVC

from mizan.lib.arabic import analyse, analyse_with_offsets, normalise

from .lexicon import CategoryGuess, LexiconClassifier, _word_end

__all__ = ["LinearSVCBaseline", "TextCategoriser", "cross_validate", "iterative_folds", "word_features"]

THRESHOLD = 0.5
MAX_TRIGGERS = 3
THRESHOLD_FOLDS = 3
LEXICON_WEIGHT = 1.0  # scale of the lexicon scores beside the L2-normalised TF-IDF rows (3 and 6 measured worse)
THRESHOLD_GRID = tuple(round(0.05 * step, 2) for step in range(2, 19))  # 0.10 … 0.90


def word_features(text: str) -> list[str]:
    """Analysed terms and their bigrams. Module-level so that a pickled model can find it."""
    terms = analyse(text)
    return terms + [f"{first} {second}" for first, second in zip(terms, terms[1:], strict=False)]


class TextCategoriser:
    """Multi-label categories for a narrative, with the words that weighed most for each."""

    source = "model"  # the registry replaces it with "model:<version id>"

    def __init__(self, labels: list[str], threshold: float = THRESHOLD, seed: int = 0, *,
                 tune_thresholds: bool = True):
        self.labels = list(labels)
        self.threshold = threshold
        self.seed = seed
        self.tune_thresholds = tune_thresholds

    def _lexicon_features(self, texts) -> csr_matrix:
        column = {label: index for index, label in enumerate(self.labels)}
        rows, cols, values = [], [], []
        for row, text in enumerate(texts):
            for code, confidence in _lexicon_scores(text):
                if code in column:
                    rows.append(row)
                    cols.append(column[code])
                    values.append(confidence)
        return csr_matrix((values, (rows, cols)), shape=(len(texts), len(self.labels)))

    def _vectorise(self, texts, fit=False):
        if fit:
            self.words = TfidfVectorizer(analyzer=word_features, sublinear_tf=True)
            self.chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), preprocessor=normalise,
                                         sublinear_tf=True, min_df=2, max_features=200_000)
            parts = [self.words.fit_transform(texts), self.chars.fit_transform(texts)]
        else:
            parts = [self.words.transform(texts), self.chars.transform(texts)]
        # Versions trained before the lexicon became a feature have no `uses_lexicon`.
        if getattr(self, "uses_lexicon", False):
            parts.append(self._lexicon_features(texts) * LEXICON_WEIGHT)
        return hstack(parts).tocsr()

    def _fit_classifier(self, texts, targets):
        self.uses_lexicon = True
        features = self._vectorise(texts, fit=True)
        self.classifier = OneVsRestClassifier(
            LogisticRegression(class_weight="balanced", max_iter=2000, C=10.0, random_state=self.seed)
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", (UserWarning, ConvergenceWarning))
            self.classifier.fit(features, targets)

    def fit(self, texts: list[str], label_sets: list[set[str]]) -> TextCategoriser:
        self.binarizer = MultiLabelBinarizer(classes=self.labels)
        with warnings.catch_warnings():
            # Unknown codes are simply ignored; a label absent from a training fold is predicted
            # constant, which is what the held-out score should reflect.
            warnings.simplefilter("ignore", UserWarning)
            targets = self.binarizer.fit_transform(label_sets)
        known = set(self.labels)
        self.single_label = all(len(set(labels) & known) == 1 for labels in label_sets)
        self.thresholds = self._tuned_thresholds(texts, label_sets) if self.tune_thresholds else {}
        self._fit_classifier(texts, targets)
        return self

    def _tuned_thresholds(self, texts, label_sets) -> dict[str, float]:
        """Each label's threshold with the best F1 on out-of-fold probabilities of the training
        texts (THRESHOLD_FOLDS folds); THRESHOLD where a label has too few examples to tell."""
        counts = {label: sum(label in labels for labels in label_sets) for label in self.labels}
        if len(texts) < 2 * THRESHOLD_FOLDS or all(n < THRESHOLD_FOLDS for n in counts.values()):
            return {}
        fold_of = iterative_folds(label_sets, THRESHOLD_FOLDS, self.seed)
        scores = np.zeros((len(texts), len(self.labels)))
        for fold in range(THRESHOLD_FOLDS):
            train = [i for i in range(len(texts)) if fold_of[i] != fold]
            test = [i for i in range(len(texts)) if fold_of[i] == fold]
            if not train or not test:
                continue
            inner = TextCategoriser(self.labels, seed=self.seed, tune_thresholds=False)
            inner.fit([texts[i] for i in train], [label_sets[i] for i in train])
            scores[test] = inner.probabilities([texts[i] for i in test])
        thresholds = {}
        for column, label in enumerate(self.labels):
            truth = np.array([label in labels for labels in label_sets])
            if counts[label] < THRESHOLD_FOLDS:
                continue
            best = max(THRESHOLD_GRID, key=lambda t, c=column, y=truth: (_binary_f1(y, scores[:, c] >= t), -abs(t - 0.5)))
            thresholds[label] = best
        return thresholds

    def probabilities(self, texts: list[str]) -> np.ndarray:
        return self.classifier.predict_proba(self._vectorise(texts))

    def _chosen(self, row: np.ndarray) -> list[int]:
        thresholds = getattr(self, "thresholds", None) or {}
        chosen = [i for i, label in enumerate(self.labels) if row[i] >= thresholds.get(label, self.threshold)]
        if not chosen and getattr(self, "single_label", False) and len(row):
            chosen = [int(np.argmax(row))]  # every training text had one category: so does this one
        return chosen

    def predict_codes(self, texts: list[str]) -> list[set[str]]:
        return [{self.labels[i] for i in self._chosen(row)} for row in self.probabilities(texts)]

    def guesses(self, text: str) -> list[CategoryGuess]:
        """Categories at or above their threshold, best first, each with its trigger words."""
        probabilities = self.probabilities([text])[0]
        guesses = [
            CategoryGuess(self.labels[index], round(float(probabilities[index]), 4), self._triggers(text, index),
                          self.source)
            for index in self._chosen(probabilities)
        ]
        return sorted(guesses, key=lambda guess: (-guess.confidence, guess.code))

    def _triggers(self, text: str, label_index: int) -> tuple[str, ...]:
        """The original words whose terms pushed this category up the most (weight × tf-idf)."""
        estimator = self.classifier.estimators_[label_index]
        coefficients = getattr(estimator, "coef_", None)
        if coefficients is None:  # a category that was constant in training has no words
            return ()
        vocabulary = self.words.vocabulary_
        weights = self.words.transform([text])
        contribution: dict[str, float] = {}
        for term, start, end in analyse_with_offsets(text):
            column = vocabulary.get(term)
            if column is None:
                continue
            value = float(coefficients[0][column] * weights[0, column])
            if value > 0:
                word = text[start:_word_end(text, end)]
                contribution[word] = max(contribution.get(word, 0.0), value)
        best = sorted(contribution.items(), key=lambda item: -item[1])[:MAX_TRIGGERS]
        return tuple(word for word, _ in best)


@lru_cache(maxsize=8192)
def _lexicon_scores(text: str) -> tuple[tuple[str, float], ...]:
    """The lexicon's (code, confidence) for a text; cached, as training reads every text once per
    threshold fold and once more for the final fit."""
    return tuple((guess.code, guess.confidence) for guess in LexiconClassifier().guesses(text))


def _binary_f1(truth: np.ndarray, predicted: np.ndarray) -> float:
    tp = int(np.sum(truth & predicted))
    denominator = int(np.sum(truth)) + int(np.sum(predicted))
    return 2 * tp / denominator if denominator else 0.0


class LinearSVCBaseline:
    """The plain baseline a trained model must not fall below: TF-IDF over the same analysed
    terms as the model (scikit-learn's defaults otherwise) and one LinearSVC per label (defaults),
    a label predicted where its decision value is positive."""

    name = "linear-svc"

    def __init__(self, labels: list[str]):
        self.labels = list(labels)

    def fit(self, texts: list[str], label_sets: list[set[str]]) -> LinearSVCBaseline:
        self.binarizer = MultiLabelBinarizer(classes=self.labels)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            targets = self.binarizer.fit_transform(label_sets)
        self.vectoriser = TfidfVectorizer(analyzer=analyse)
        self.classifier = OneVsRestClassifier(LinearSVC())
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", (UserWarning, ConvergenceWarning))
            self.classifier.fit(self.vectoriser.fit_transform(texts), targets)
        return self

    def predict_codes(self, texts: list[str]) -> list[set[str]]:
        rows = self.classifier.predict(self.vectoriser.transform(texts))
        return [{label for label, on in zip(self.labels, row, strict=True) if on} for row in rows]


def iterative_folds(label_sets: list[set[str]], k: int = 5, seed: int = 0) -> list[int]:
    """Fold number of every example; rarest categories are distributed first so that each
    fold gets its share of every category."""
    rng = random.Random(seed)
    n = len(label_sets)
    labels = sorted({label for labels in label_sets for label in labels})
    wanted_size = [n / k] * k
    wanted = {label: [sum(label in s for s in label_sets) / k] * k for label in labels}
    fold = [-1] * n
    remaining = set(range(n))
    while remaining:
        counts = {label: [i for i in remaining if label in label_sets[i]] for label in labels}
        counts = {label: ids for label, ids in counts.items() if ids}
        if counts:
            label = min(counts, key=lambda name: (len(counts[name]), name))
            pool = counts[label]
        else:
            label, pool = None, sorted(remaining)
        rng.shuffle(pool)
        for i in pool:
            def score(f, label=label):
                return (wanted[label][f] if label else 0, wanted_size[f], rng.random())
            chosen = max(range(k), key=score)
            fold[i] = chosen
            remaining.discard(i)
            wanted_size[chosen] -= 1
            for other in label_sets[i]:
                wanted[other][chosen] -= 1
    return fold


def _f1(truth: list[set[str]], predicted: list[set[str]], labels: list[str]) -> dict:
    binarizer = MultiLabelBinarizer(classes=labels)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        y_true = binarizer.fit_transform(truth)
        y_pred = binarizer.transform(predicted)
    return {
        "micro_f1": round(float(f1_score(y_true, y_pred, average="micro", zero_division=0)), 4),
        "macro_f1": round(float(f1_score(y_true, y_pred, average="macro", zero_division=0)), 4),
    }


def cross_validate(texts: list[str], label_sets: list[set[str]], labels: list[str], *, folds: int = 5,
                   seed: int = 0, lexicon: LexiconClassifier | None = None, baseline: bool = False) -> dict:
    """Out-of-fold micro/macro F1 of the model and of the lexicon (and of `LinearSVCBaseline`
    when `baseline`), over `labels` only, all on the same folds."""
    lexicon = lexicon or LexiconClassifier()
    k = max(2, min(folds, len(texts)))
    fold_of = iterative_folds(label_sets, k, seed)
    model_pred: list[set[str]] = [set()] * len(texts)
    baseline_pred: list[set[str]] = [set()] * len(texts)
    for f in range(k):
        train = [i for i in range(len(texts)) if fold_of[i] != f]
        test = [i for i in range(len(texts)) if fold_of[i] == f]
        if not test or not train:
            continue
        train_texts, train_sets = [texts[i] for i in train], [label_sets[i] for i in train]
        test_texts = [texts[i] for i in test]
        model = TextCategoriser(labels, seed=seed).fit(train_texts, train_sets)
        for i, codes in zip(test, model.predict_codes(test_texts), strict=True):
            model_pred[i] = codes
        if baseline:
            plain = LinearSVCBaseline(labels).fit(train_texts, train_sets)
            for i, codes in zip(test, plain.predict_codes(test_texts), strict=True):
                baseline_pred[i] = codes
    lexicon_pred = lexicon.predict_codes(texts)
    result = {
        "folds": k,
        "model": _f1(label_sets, model_pred, labels),
        "lexicon": _f1(label_sets, lexicon_pred, labels),
    }
    if baseline:
        result["baseline"] = {"name": LinearSVCBaseline.name, **_f1(label_sets, baseline_pred, labels)}
    return result
