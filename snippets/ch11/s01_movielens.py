"""MovieLens (latest-small): the ratings matrix, its sparsity, rating
distribution and long tail; the held-out split, the baselines and the
metrics every later program of chapter 11 imports.

Section: 11-1 Recommender systems and their kinds
Figure: s01_movielens_ratings.svg, s01_movielens_long_tail.svg
"""
from pathlib import Path

import keras
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

SEED = 11

# --8<-- [start:load]
ML_URL = "http://files.grouplens.org/datasets/movielens/ml-latest-small.zip"
ML_SHA256 = ("696d65a3dfceac7c45750ad32df2c259"
             "311949efec81f0f144fdfb91ebc9e436")


def load_movielens():
    """ratings (userId, movieId, rating, timestamp) and movies
    (movieId, title, genres) as DataFrames."""
    folder = keras.utils.get_file("ml-latest-small.zip", ML_URL,
                                  file_hash=ML_SHA256, extract=True)
    folder = Path(folder) / "ml-latest-small"
    return (pd.read_csv(folder / "ratings.csv"),
            pd.read_csv(folder / "movies.csv"))
# --8<-- [end:load]


# --8<-- [start:split]
def split_ratings(ratings, test_frac=0.2, seed=SEED):
    """Integer codes u (user) and i (movie) and an 80/20 random split of
    the ratings. Test ratings of users or movies absent from training
    are dropped: no method can place them. Returns (train, test,
    num_users, num_items); each part has columns u, i, rating."""
    df = ratings.assign(u=ratings.userId.astype("category").cat.codes,
                        i=ratings.movieId.astype("category").cat.codes)
    rng = np.random.default_rng(seed)
    is_test = rng.random(len(df)) < test_frac
    train, test = df[~is_test], df[is_test]
    test = test[test.u.isin(train.u) & test.i.isin(train.i)]
    return (train[["u", "i", "rating"]].reset_index(drop=True),
            test[["u", "i", "rating"]].reset_index(drop=True),
            df.u.max() + 1, df.i.max() + 1)
# --8<-- [end:split]


# --8<-- [start:baselines]
def rmse(y, y_hat):
    return float(np.sqrt(np.mean((np.asarray(y) - y_hat) ** 2)))


def fit_biases(train, num_users, num_items, reg=10.0, sweeps=10):
    """r_ui ~ mu + b_u + b_i, fitted by alternating ridge updates:
    b_i = sum(r - mu - b_u) / (reg + n_i), then b_u likewise."""
    u, i, r = train.u.to_numpy(), train.i.to_numpy(), train.rating.to_numpy()
    mu = r.mean()
    b_u, b_i = np.zeros(num_users), np.zeros(num_items)
    n_u = np.bincount(u, minlength=num_users)
    n_i = np.bincount(i, minlength=num_items)
    for _ in range(sweeps):
        b_i = np.bincount(i, r - mu - b_u[u], num_items) / (reg + n_i)
        b_u = np.bincount(u, r - mu - b_i[i], num_users) / (reg + n_u)
    return mu, b_u, b_i


def precision_at_k(scores, train, test, k=10, liked=4.0):
    """Mean over users with a liked test movie (rating >= liked) of
    |top-k by score among movies not rated in training  &  liked test
    movies| / k. scores: (num_users, num_items)."""
    scores = np.array(scores, dtype=float)
    scores[train.u.to_numpy(), train.i.to_numpy()] = -np.inf
    top = np.argpartition(-scores, k, axis=1)[:, :k]
    good = test[test.rating >= liked]
    hits = []
    for u, items in good.groupby("u").i:
        hits.append(len(set(top[u]) & set(items)) / k)
    return float(np.mean(hits))
# --8<-- [end:baselines]


def main():
    ratings, movies = load_movielens()
    # --8<-- [start:facts]
    num_users = ratings.userId.nunique()
    num_movies = ratings.movieId.nunique()
    density = len(ratings) / (num_users * num_movies)
    per_movie = ratings.movieId.value_counts().to_numpy()  # descending
    # --8<-- [end:facts]
    fig, ax = plt.subplots(figsize=(6, 3.2))
    counts = ratings.rating.value_counts().sort_index()
    ax.bar(counts.index, counts.to_numpy(), width=0.4)
    ax.set_xlabel("rating (stars)")
    ax.set_ylabel("number of ratings")
    ax.set_xticks(counts.index)
    plt.show()
    fig, ax = plt.subplots(figsize=(6, 3.2))
    ax.plot(np.arange(1, len(per_movie) + 1), per_movie)
    ax.set_yscale("log")
    ax.set_xlabel("movies, most rated first")
    ax.set_ylabel("ratings per movie")
    plt.show()
    top_share = per_movie[: len(per_movie) // 10].sum() / len(ratings)
    train, test, nu, ni = split_ratings(ratings)
    mu, b_u, b_i = fit_biases(train, nu, ni)
    u, i = test.u.to_numpy(), test.i.to_numpy()
    popularity = np.bincount(train.i, minlength=ni).astype(float)
    return {
        "num_ratings": len(ratings),
        "num_users": num_users,
        "num_movies": num_movies,
        "num_rated_movies": len(movies),
        "density": density,
        "mean_rating": float(ratings.rating.mean()),
        "share_4_or_more": float((ratings.rating >= 4).mean()),
        "movies_once": int((per_movie == 1).sum()),
        "top10pct_share": float(top_share),
        "most_ratings_movie": int(per_movie[0]),
        "num_train": len(train),
        "num_test": len(test),
        "rmse_global": rmse(test.rating, train.rating.mean()),
        "rmse_bias": rmse(test.rating, mu + b_u[u] + b_i[i]),
        "p10_popular": precision_at_k(np.tile(popularity, (nu, 1)),
                                      train, test),
    }


if __name__ == "__main__":
    main()
