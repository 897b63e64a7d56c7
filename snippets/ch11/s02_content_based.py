"""Content-based recommendations on MovieLens: TF-IDF genre profiles,
user profiles, cosine similarity, scored by precision@10 against the
popularity list.

Section: 11-2 Content-based filtering
"""
import numpy as np

from snippets.ch11.s01_movielens import (load_movielens, precision_at_k,
                                         split_ratings)


# --8<-- [start:tfidf]
def genre_tfidf(genres):
    """Rows: movies; columns: genres. tf = 1 if the movie has the genre,
    idf = ln((1 + N) / (1 + df)) + 1 (scikit-learn's smoothed idf),
    every row scaled to unit length."""
    vocab = sorted({g for text in genres for g in text.split("|")})
    col = {g: j for j, g in enumerate(vocab)}
    tf = np.zeros((len(genres), len(vocab)))
    for row, text in enumerate(genres):
        tf[row, [col[g] for g in text.split("|")]] = 1.0
    df = tf.sum(axis=0)
    idf = np.log((1 + len(genres)) / (1 + df)) + 1
    X = tf * idf
    return X / np.linalg.norm(X, axis=1, keepdims=True), vocab
# --8<-- [end:tfidf]


# --8<-- [start:profiles]
def content_scores(X, train, num_users):
    """User profile = sum of the vectors of the movies the user rated,
    weighted by (rating - the user's mean rating); score = cosine of
    profile and movie."""
    u, i = train.u.to_numpy(), train.i.to_numpy()
    r = train.rating.to_numpy()
    user_mean = np.bincount(u, r) / np.bincount(u)
    profiles = np.zeros((num_users, X.shape[1]))
    np.add.at(profiles, u, (r - user_mean[u])[:, None] * X[i])
    profiles /= np.linalg.norm(profiles, axis=1, keepdims=True) + 1e-12
    return profiles @ X.T  # rows of X have unit length
# --8<-- [end:profiles]


def main():
    ratings, movies = load_movielens()
    train, test, num_users, num_items = split_ratings(ratings)
    # movies in the order of the integer codes i of split_ratings
    codes = np.sort(ratings.movieId.unique())
    genres = movies.set_index("movieId").loc[codes, "genres"].tolist()
    X, vocab = genre_tfidf(genres)
    scores = content_scores(X, train, num_users)
    popularity = np.bincount(train.i, minlength=num_items).astype(float)
    toy_story = int(np.searchsorted(codes, 1))  # movieId 1
    nearest = np.argsort(-(X @ X[toy_story]))[:6]
    titles = movies.set_index("movieId").loc[codes[nearest], "title"]
    return {
        "nearest_1": titles.iloc[1],
        "nearest_2": titles.iloc[2],
        "nearest_3": titles.iloc[3],
        "nearest_3_cosine": float(X[nearest[3]] @ X[toy_story]),
        "num_genres": len(vocab),
        "genres": vocab,
        "toy_story_genres": genres[toy_story],
        "nearest_titles": movies.set_index("movieId").loc[
            codes[nearest], "title"].tolist(),
        "p10_content": precision_at_k(scores, train, test),
        "p10_popular": precision_at_k(np.tile(popularity, (num_users, 1)),
                                      train, test),
    }


if __name__ == "__main__":
    main()
