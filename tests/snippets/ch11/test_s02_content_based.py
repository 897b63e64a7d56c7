"""snippets/ch11/s02_content_based.py: the TF-IDF matrix is
scikit-learn's TfidfVectorizer's, and genres alone rank worse than
popularity."""

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from snippets.ch11 import s02_content_based as cb


def test_s02_tfidf_matches_sklearn():
    genres = ["Action|Comedy", "Comedy", "Drama|Action|Thriller",
              "Comedy|Romance", "Drama"]
    X, vocab = cb.genre_tfidf(genres)
    vec = TfidfVectorizer(tokenizer=lambda s: s.split("|"),
                          lowercase=False, token_pattern=None)
    expected = vec.fit_transform(genres).toarray()
    assert list(vec.get_feature_names_out()) == vocab
    np.testing.assert_allclose(X, expected, atol=1e-12)


def test_s02_content_vs_popularity(run_snippet):
    r = run_snippet("ch11/s02_content_based").result
    assert r["num_genres"] == 20
    assert r["p10_content"] < r["p10_popular"]
    assert r["nearest_titles"][0].startswith("Toy Story")
    assert r["nearest_3_cosine"] > 1 - 1e-9  # "genre twins"
