"""Surprise's SVD and KNNBasic on MovieLens: 5-fold cross-validation
with Surprise's own tools, then the book's held-out split of 11-1, next
to the baselines and the book's own models of 11-6 and 11-8.

Section: 11-11 The Surprise package
Figure: s11_surprise_rmse.svg
"""
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from surprise import SVD, Dataset, KNNBasic, Reader
from surprise.model_selection import KFold, cross_validate

from snippets.ch11.s01_movielens import (fit_biases, load_movielens, rmse,
                                         split_ratings)

SEED = 11
NUM_FOLDS = 5


# --8<-- [start:data]
def surprise_dataset(df, user="userId", item="movieId"):
    """A Surprise Dataset from a DataFrame, columns user, item, rating
    in that order; MovieLens's stars run from 0.5 to 5."""
    reader = Reader(rating_scale=(0.5, 5))
    return Dataset.load_from_df(df[[user, item, "rating"]], reader)


def models():
    """Surprise's defaults, untuned: SVD is the biased factor model
    (100 factors, 20 epochs of SGD); KNNBasic averages the ratings of
    the 40 most similar users, MSD similarity."""
    return {"svd": SVD(random_state=SEED),
            "knn": KNNBasic(verbose=False)}
# --8<-- [end:data]


def inner_id(to_inner, raw):
    """Surprise's inner id of a raw id, -1 if training never saw it."""
    try:
        return to_inner(raw)
    except ValueError:
        return -1


def fold_baselines(data, folds):
    """Global mean and the 11-1 bias model on each of Surprise's folds
    (a user or movie unseen in training gets bias 0)."""
    scores = {"global": [], "bias": []}
    for trainset, testset in folds.split(data):
        tr = pd.DataFrame(trainset.all_ratings(), columns=["u", "i", "rating"])
        tr = tr.astype({"u": int, "i": int})
        mu, b_u, b_i = fit_biases(tr, trainset.n_users, trainset.n_items)
        b_u, b_i = np.append(b_u, 0), np.append(b_i, 0)  # index -1: unseen
        u = [inner_id(trainset.to_inner_uid, x) for x, _, _ in testset]
        i = [inner_id(trainset.to_inner_iid, y) for _, y, _ in testset]
        r = np.array([r for _, _, r in testset])
        scores["global"].append(rmse(r, trainset.global_mean))
        scores["bias"].append(rmse(r, np.clip(mu + b_u[u] + b_i[i], .5, 5)))
    return scores


def main():
    ratings, _ = load_movielens()
    # --8<-- [start:cv]
    data = surprise_dataset(ratings)
    folds = KFold(n_splits=NUM_FOLDS, random_state=SEED, shuffle=True)
    cv = {name: cross_validate(algo, data, measures=["RMSE"], cv=folds,
                               n_jobs=2)  # two folds at a time
          for name, algo in models().items()}
    # --8<-- [end:cv]
    cv_base = fold_baselines(data, folds)
    # --8<-- [start:split]
    train, test, nu, ni = split_ratings(ratings)  # the split of 11-1
    trainset = surprise_dataset(train, "u", "i").build_full_trainset()
    testset = list(test[["u", "i", "rating"]].itertuples(index=False))
    split_rmse = {}
    for name, algo in models().items():
        predictions = algo.fit(trainset).test(testset)
        split_rmse[name] = rmse(test.rating, [p.est for p in predictions])
    # --8<-- [end:split]
    mu, b_u, b_i = fit_biases(train, nu, ni)
    u, i = test.u.to_numpy(), test.i.to_numpy()
    out = {
        "num_folds": NUM_FOLDS,
        "num_ratings": len(ratings),
        "num_items": int(ratings.movieId.nunique()),
        "num_users": int(ratings.userId.nunique()),
        "split_global": rmse(test.rating, train.rating.mean()),
        "split_bias": rmse(test.rating, mu + b_u[u] + b_i[i]),
        "split_svd": split_rmse["svd"],
        "split_knn": split_rmse["knn"],
    }
    for name, res in cv.items():
        out[f"cv_{name}"] = [float(x) for x in res["test_rmse"]]
        out[f"cv_{name}_mean"] = float(np.mean(res["test_rmse"]))
        out[f"cv_{name}_std"] = float(np.std(res["test_rmse"]))
        out[f"cv_{name}_fit_s"] = float(np.mean(res["fit_time"]))
    for name, vals in cv_base.items():
        out[f"cv_{name}"] = vals
        out[f"cv_{name}_mean"] = float(np.mean(vals))
        out[f"cv_{name}_std"] = float(np.std(vals))
    out["cv_svd_wins"] = int(sum(
        s < b for s, b in zip(out["cv_svd"], out["cv_bias"])))
    # item-based MSD holds three n_items x n_items arrays of 8-byte numbers
    out["item_matrix_gb"] = 3 * out["num_items"] ** 2 * 8 / 1e9
    fig, ax = plt.subplots(figsize=(6, 3.4))
    names = ["global", "bias", "knn", "svd"]
    labels = ["global mean", "biases", "KNNBasic", "SVD"]
    x = np.arange(len(names))
    ax.errorbar(x - 0.1, [out[f"cv_{n}_mean"] for n in names],
                yerr=[out[f"cv_{n}_std"] for n in names], fmt="o",
                capsize=4, label=f"{NUM_FOLDS}-fold CV, mean ± sd")
    ax.plot(x + 0.1, [out[f"split_{n}"] for n in names], "s",
            label="the 11-1 split")
    ax.set_xticks(x, labels)
    ax.set_ylabel("test RMSE")
    ax.legend()
    plt.show()
    return out


if __name__ == "__main__":
    main()
