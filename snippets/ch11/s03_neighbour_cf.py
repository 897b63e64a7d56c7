"""User-based and item-based nearest-neighbour CF, worked on a small
ratings matrix.

Section: 11-3 Nearest-neighbour CF, user-based
"""
import numpy as np

# --8<-- [start:matrix]
# 5 users x 6 movies, 0 = not rated
R = np.array([[5, 4, 0, 1, 1, 0],
              [4, 5, 4, 1, 0, 1],
              [1, 1, 0, 5, 4, 5],
              [0, 1, 1, 4, 5, 4],
              [5, 0, 5, 0, 1, 2]], dtype=float)
RATED = R > 0
# --8<-- [end:matrix]


# --8<-- [start:similarity]
def cosine(a, b):
    """Cosine of two rating vectors, unrated entries counted as 0."""
    return a @ b / (np.linalg.norm(a) * np.linalg.norm(b))


def pearson(u, v, R=R, rated=RATED):
    """Pearson correlation over the movies both users rated."""
    both = rated[u] & rated[v]
    a, b = R[u, both], R[v, both]
    a, b = a - a.mean(), b - b.mean()
    return a @ b / np.sqrt((a @ a) * (b @ b))
# --8<-- [end:similarity]


# --8<-- [start:user_based]
def predict_user_based(u, i, k=2, R=R, rated=RATED):
    """r_u + sum_v s(u,v) (r_vi - r_v) / sum_v |s(u,v)|, over the k
    users most similar to u (Pearson) among those who rated i."""
    means = (R * rated).sum(1) / rated.sum(1)
    others = [v for v in range(len(R)) if v != u and rated[v, i]]
    sims = np.array([pearson(u, v, R, rated) for v in others])
    top = np.argsort(-sims)[:k]
    s = sims[top]
    dev = np.array([R[others[t], i] - means[others[t]] for t in top])
    return means[u] + s @ dev / np.abs(s).sum()
# --8<-- [end:user_based]


# --8<-- [start:item_based]
def predict_item_based(u, i, k=2, R=R, rated=RATED):
    """sum_j s(i,j) r_uj / sum_j |s(i,j)|, over the k movies most
    similar to i (adjusted cosine: each user's mean removed) that u
    rated."""
    means = (R * rated).sum(1) / rated.sum(1)
    C = np.where(rated, R - means[:, None], 0.0)  # mean-centred
    items = [j for j in range(R.shape[1]) if j != i and rated[u, j]]
    sims = np.array([cosine(C[:, i], C[:, j]) for j in items])
    top = np.argsort(-sims)[:k]
    s = sims[top]
    return s @ R[u, np.array(items)[top]] / np.abs(s).sum()
# --8<-- [end:item_based]


def main():
    user_sims = np.array([[pearson(u, v) for v in range(5)]
                          for u in range(5)])
    return {
        "pearson_0_1": float(user_sims[0, 1]),
        "pearson_0_2": float(user_sims[0, 2]),
        "cosine_0_2": float(cosine(R[0], R[2])),
        "user_pred_0_2": float(predict_user_based(0, 2)),
        "item_pred_0_2": float(predict_item_based(0, 2)),
        "user_pred_3_0": float(predict_user_based(3, 0)),
        "item_pred_3_0": float(predict_item_based(3, 0)),
        "user_sims": user_sims.round(3).tolist(),
    }


if __name__ == "__main__":
    main()
