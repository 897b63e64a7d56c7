"""A stock recommender, as far as one stock allows: 20-day windows of
Samsung Electronics' daily log returns as items, window-window cosine
similarity, the most similar past windows "recommended" for a window,
and their next windows as a forecast, against the mean on a split in
time.

Section: 11-12 Case study: a stock recommender
Figure: s12_stock_case_price.svg, s12_stock_case_similarity.svg
"""
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from scipy.special import gammaln

from snippets.ch11.s01_movielens import rmse
from snippets.ch11.s03_neighbour_cf import cosine
from snippets.common.samsung_stock import load_closes

WINDOW = 20  # trading days per window, about a month
K = 5  # neighbours per query, fixed in advance (not tuned)
TRAIN_FRAC = 0.7  # the first 70% of the windows are the library


# --8<-- [start:windows]
def return_windows(close, window=WINDOW):
    """Daily log returns cut into consecutive, non-overlapping windows
    ending on the last day (the oldest returns that do not fill a
    window are dropped). Returns W (num_windows, window) and each
    window's first and last date."""
    r = np.log(close).diff().dropna()
    n = len(r) // window
    r = r.iloc[len(r) - n * window:]
    W = r.to_numpy().reshape(n, window)
    dates = r.index.to_numpy().reshape(n, window)
    return W, dates[:, 0], dates[:, -1]


def window_similarity(W):
    """S[a, b] = cosine of windows a and b (11-3's cosine, every pair)."""
    return np.array([[cosine(a, b) for b in W] for a in W])
# --8<-- [end:windows]


# --8<-- [start:forecast]
def split_in_time(num_windows, train_frac=TRAIN_FRAC):
    """Library: windows s whose next window s + 1 is also before the
    split. Queries: windows t whose next window t + 1 exists, both
    after it. No window is on both sides."""
    n_train = int(round(train_frac * num_windows))
    library = np.arange(n_train - 1)
    queries = np.arange(n_train, num_windows - 1)
    return library, queries, n_train


def knn_forecasts(S, totals, library, queries, k=K):
    """For each query t, the mean next-window return (sum of the log
    returns of window s + 1) of its k most similar library windows s."""
    nearest = library[np.argsort(-S[np.ix_(queries, library)], axis=1)[:, :k]]
    return totals[nearest + 1].mean(axis=1), nearest
# --8<-- [end:forecast]


def main():
    rng = np.random.default_rng(12)  # the shuffled-neighbour control
    close = load_closes()
    # --8<-- [start:run]
    W, starts, ends = return_windows(close)
    S = window_similarity(W)
    totals = W.sum(axis=1)  # each window's log return
    library, queries, n_train = split_in_time(len(W))
    actual = totals[queries + 1]
    knn, nearest = knn_forecasts(S, totals, library, queries)
    mean = totals[library + 1].mean()  # the baseline: the library's mean
    scores = {"knn": rmse(actual, knn), "mean": rmse(actual, mean),
              "zero": rmse(actual, 0.0)}
    # --8<-- [end:run]
    # control: K library windows drawn at random instead of the nearest
    random_k = np.array([totals[rng.choice(library, K, replace=False) + 1]
                         .mean() for _ in queries])
    # --8<-- [start:latest]
    latest = len(W) - 1  # the 20 trading days up to the last date
    past = np.arange(latest - 1)  # windows whose next window is known
    top = past[np.argsort(-S[latest, past])[:3]]
    # --8<-- [end:latest]

    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot(close.index, close.to_numpy() / 1000, lw=0.8, color="k")
    for s in top:
        ax.axvspan(starts[s], ends[s], color="tab:blue", alpha=0.3)
    ax.axvspan(starts[latest], ends[latest], color="tab:red", alpha=0.4)
    ax.axvline(starts[n_train], ls="--", color="tab:gray")
    ax.text(starts[n_train], 0.05, " test windows →",
            transform=ax.get_xaxis_transform())
    ax.set_ylabel("close (thousand KRW)")
    ax.set_title("latest window (red), its 3 most similar (blue)")
    fig.autofmt_xdate()
    plt.show()

    fig, ax = plt.subplots(figsize=(5, 4.4))
    im = ax.imshow(S, cmap="RdBu_r", vmin=-1, vmax=1)
    ax.axhline(n_train - 0.5, color="k", lw=0.8)
    ax.axvline(n_train - 0.5, color="k", lw=0.8)
    ax.set_xlabel("window")
    ax.set_ylabel("window")
    fig.colorbar(im, ax=ax, label="cosine similarity")
    plt.show()

    off = ~np.eye(len(W), dtype=bool)
    C = np.corrcoef(W)
    return {
        "window": WINDOW, "k": K, "num_days": int(len(close)),
        "num_windows": int(len(W)), "n_train": int(n_train),
        "num_library": int(len(library)), "num_queries": int(len(queries)),
        "first_date": str(starts[0])[:10], "last_date": str(ends[-1])[:10],
        "split_date": str(starts[n_train])[:10],
        "library_last_end": str(ends[library[-1] + 1])[:10],
        "query_first_start": str(starts[queries[0]])[:10],
        "library_idx": library.tolist(), "query_idx": queries.tolist(),
        "nearest_idx": nearest.tolist(),
        "similarity_diag": S[np.diag_indices(len(W))].tolist(),
        "similarity_first_row": S[0].tolist(),
        "mean_abs_similarity": float(np.abs(S[off]).mean()),
        "max_similarity": float(S[off].max()),
        # E|cos| of two independent isotropic vectors in R^n:
        # Gamma(n/2) / (sqrt(pi) Gamma((n+1)/2))
        "chance_abs_cosine": float(np.exp(
            gammaln(WINDOW / 2) - gammaln((WINDOW + 1) / 2)) / np.sqrt(np.pi)),
        "cos_corr_max_diff": float(np.abs(S - C).max()),
        "rmse_knn": scores["knn"], "rmse_mean": scores["mean"],
        "rmse_zero": scores["zero"],
        "rmse_random_k": rmse(actual, random_k),
        "knn_vs_mean": "lower" if scores["knn"] < scores["mean"]
        else "higher",
        "corr_knn_actual": float(np.corrcoef(knn, actual)[0, 1]),
        "hit_knn": float(np.mean(np.sign(knn) == np.sign(actual))),
        "hit_mean": float(np.mean(np.sign(mean) == np.sign(actual))),
        "mean_forecast": float(mean),
        "sd_actual": float(actual.std()),
        "latest_start": str(starts[latest])[:10],
        "latest_end": str(ends[latest])[:10],
        "top_windows": "; ".join(
            f"{pd.Timestamp(starts[s]):%Y-%m-%d} to "
            f"{pd.Timestamp(ends[s]):%Y-%m-%d} (cosine {S[latest, s]:.2f},"
            f" then {100 * np.expm1(totals[s + 1]):+.1f}%)"
            for s in map(int, top)),
        "latest_forecast_pct": float(100 * np.expm1(totals[top + 1].mean())),
    }


if __name__ == "__main__":
    main()
