"""Item-based collaborative filtering on MovieLens: k nearest movies by
adjusted cosine, rating predictions scored by RMSE, top-10 lists by
precision@10, against the baselines.

Section: 11-6 Practice: personalised recommendations with item-based CF
Figure: s06_item_cf_k.svg
"""
import matplotlib.pyplot as plt
import numpy as np

from snippets.ch11.s01_movielens import (fit_biases, load_movielens,
                                         precision_at_k, rmse,
                                         split_ratings)

K_VALUES = (5, 10, 20, 40, 80)
MIN_COMMON = 5  # similarities from fewer co-raters are set to 0
MIN_RATINGS = 10  # movies with fewer training ratings get no neighbours


# --8<-- [start:similarity]
def item_similarities(train, num_users, num_items, mu, b_u, b_i):
    """Cosine of the movies' columns of residuals e = r - (mu + b_u +
    b_i), 0 where fewer than MIN_COMMON users rated both; only between
    movies with at least MIN_RATINGS training ratings (the others, the
    long tail, keep the baseline)."""
    u, i = train.u.to_numpy(), train.i.to_numpy()
    E = np.zeros((num_users, num_items), dtype="float32")
    E[u, i] = train.rating.to_numpy() - (mu + b_u[u] + b_i[i])
    rated = np.zeros((num_users, num_items), dtype="float32")
    rated[u, i] = 1
    head = np.flatnonzero(rated.sum(axis=0) >= MIN_RATINGS)
    Eh, Rh = E[:, head], rated[:, head]
    norms = np.sqrt((Eh ** 2).sum(axis=0)) + 1e-9
    S = (Eh.T @ Eh) / np.outer(norms, norms)
    S[(Rh.T @ Rh) < MIN_COMMON] = 0
    np.fill_diagonal(S, 0)
    return S, head, E, rated


def keep_k_nearest(S, k):
    """Each movie keeps its k most similar movies (positive only)."""
    keep = np.argpartition(-S, k, axis=1)[:, :k]
    S_k = np.zeros_like(S)
    rows = np.arange(len(S))[:, None]
    S_k[rows, keep] = np.maximum(S[rows, keep], 0)
    return S_k
# --8<-- [end:similarity]


# --8<-- [start:predict]
def predict_all(S_k, head, E, rated, mu, b_u, b_i):
    """r_ui = baseline + sum_j s_ij e_uj / sum_j s_ij over i's
    neighbours j that u rated (the baseline alone if there are none)."""
    num = E[:, head] @ S_k.T
    den = rated[:, head] @ S_k.T
    pred = mu + b_u[:, None] + b_i[None, :]
    pred[:, head] += np.divide(num, den, out=np.zeros_like(num),
                               where=den > 1e-6)
    return pred
# --8<-- [end:predict]


# --8<-- [start:choose]
def choose_k(train, num_users, num_items, val_frac=0.1, seed=1):
    """The k with the lowest RMSE on a random tenth of the training
    ratings, the model fitted on the other nine tenths: the test split
    plays no part in the choice. Returns (k, {k: validation RMSE})."""
    is_val = np.random.default_rng(seed).random(len(train)) < val_frac
    fit, val = train[~is_val], train[is_val]
    mu, b_u, b_i = fit_biases(fit, num_users, num_items)
    S, head, E, rated = item_similarities(fit, num_users, num_items,
                                          mu, b_u, b_i)
    u, i = val.u.to_numpy(), val.i.to_numpy()
    val_rmse = {}
    for k in K_VALUES:
        pred = predict_all(keep_k_nearest(S, k), head, E, rated, mu, b_u, b_i)
        val_rmse[k] = rmse(val.rating, np.clip(pred[u, i], 0.5, 5))
    return min(K_VALUES, key=val_rmse.get), val_rmse
# --8<-- [end:choose]


def main():
    ratings, movies = load_movielens()
    train, test, nu, ni = split_ratings(ratings)
    best_k, val_rmse = choose_k(train, nu, ni)
    mu, b_u, b_i = fit_biases(train, nu, ni)
    # --8<-- [start:run]
    S, head, E, rated = item_similarities(train, nu, ni, mu, b_u, b_i)
    u, i = test.u.to_numpy(), test.i.to_numpy()
    scores = {}
    for k in K_VALUES:
        pred = predict_all(keep_k_nearest(S, k), head, E, rated, mu, b_u, b_i)
        scores[k] = (rmse(test.rating, np.clip(pred[u, i], 0.5, 5)),
                     precision_at_k(pred, train, test))
    # --8<-- [end:run]
    fig, ax = plt.subplots(figsize=(6, 3.2))
    ax.plot(K_VALUES, [val_rmse[k] for k in K_VALUES], "s:",
            label="validation (chooses k)")
    ax.plot(K_VALUES, [scores[k][0] for k in K_VALUES], "o-",
            label="test")
    ax.axhline(rmse(test.rating, mu + b_u[u] + b_i[i]), ls="--",
               color="k", label="biases μ + b_u + b_i (test)")
    ax.set_xscale("log")
    ax.minorticks_off()
    ax.set_xticks(K_VALUES, [str(k) for k in K_VALUES])
    ax.set_xlabel("neighbours k")
    ax.set_ylabel("RMSE")
    ax.legend()
    plt.show()
    # --8<-- [start:user]
    pred = predict_all(keep_k_nearest(S, best_k), head,
                       E, rated, mu, b_u, b_i)
    user = 0  # userId 1
    pred[user, train.i[train.u == user]] = -np.inf  # seen in training
    top = np.argsort(-pred[user])[:5]
    codes = np.sort(ratings.movieId.unique())
    titles = movies.set_index("movieId").loc[codes[top], "title"]
    # --8<-- [end:user]
    liked = test[(test.u == user) & (test.rating >= 4)].i
    popularity = np.bincount(train.i, minlength=ni).astype(float)
    return {
        "k_values": list(K_VALUES),
        "rmse": [scores[k][0] for k in K_VALUES],
        "p10": [scores[k][1] for k in K_VALUES],
        "best_k": best_k,
        "val_rmse": [val_rmse[k] for k in K_VALUES],
        "test_best_k": min(K_VALUES, key=lambda k: scores[k][0]),
        "num_head": len(head),
        "min_common": MIN_COMMON,
        "min_ratings": MIN_RATINGS,
        "num_items": int(ni),
        "rmse_best": scores[best_k][0],
        "p10_best": scores[best_k][1],
        "rmse_global": rmse(test.rating, train.rating.mean()),
        "rmse_bias": rmse(test.rating, mu + b_u[u] + b_i[i]),
        "p10_popular": precision_at_k(np.tile(popularity, (nu, 1)),
                                      train, test),
        "user_titles": "; ".join(titles),
        "user_hits": int(np.isin(top, liked).sum()),
    }


if __name__ == "__main__":
    main()
