"""Matrix factorisation with biases on MovieLens, trained by full-batch
gradient descent (Adam) written in NumPy; training and test RMSE per
epoch, against the baselines; recommendations for one user.

Section: 11-8 Matrix factorisation by gradient descent
Figure: s08_matrix_factorisation_rmse.svg
"""
import matplotlib.pyplot as plt
import numpy as np
import scipy.sparse as sp

from snippets.ch11.s01_movielens import (fit_biases, load_movielens,
                                         precision_at_k, rmse,
                                         split_ratings)

SEED = 8
NUM_FACTORS, NUM_EPOCHS = 32, 150
LR, REG = 0.01, 2e-4  # Adam step; L2 weight on every parameter
F32 = np.float32


# --8<-- [start:init]
def initial_parameters(num_users, num_items, mu, seed=SEED):
    """P, Q ~ N(0, 0.1^2), biases 0, in float32 as Keras keeps them."""
    rng = np.random.default_rng(seed)
    return {"P": (0.1 * rng.standard_normal((num_users, NUM_FACTORS))
                  ).astype(F32),
            "Q": (0.1 * rng.standard_normal((num_items, NUM_FACTORS))
                  ).astype(F32),
            "b_u": np.zeros((num_users, 1), F32),
            "b_i": np.zeros((num_items, 1), F32),
            "mu": F32(mu)}
# --8<-- [end:init]


# --8<-- [start:model]
def predict(params, u, i):
    """r_ui = mu + b_u + b_i + p_u . q_i"""
    return (params["mu"] + params["b_u"][u, 0] + params["b_i"][i, 0]
            + (params["P"][u] * params["Q"][i]).sum(axis=1))


def loss_and_grads(params, u, i, r, num_users, num_items):
    """L = mean (r - r_hat)^2 + REG * (|P|^2 + |Q|^2 + |b_u|^2 + |b_i|^2)
    and its gradients: with e = r - r_hat over the N training ratings,
    dL/dp_u = -(2/N) sum_i e_ui q_i + 2 REG p_u, and alike for the rest."""
    e = (r - predict(params, u, i)).astype(F32)
    n = F32(len(r))
    E = sp.csr_matrix((e, (u, i)), shape=(num_users, num_items))
    scale = F32(-2) / n
    grads = {"P": scale * (E @ params["Q"]),
             "Q": scale * (E.T @ params["P"]),
             "b_u": scale * np.asarray(E.sum(axis=1), F32),
             "b_i": scale * np.asarray(E.sum(axis=0), F32).T}
    penalty = F32(0)
    for name in grads:
        grads[name] = (grads[name] + F32(2 * REG) * params[name]).astype(F32)
        penalty += (params[name] ** 2).sum()
    return F32((e ** 2).mean()) + F32(REG) * penalty, grads
# --8<-- [end:model]


# --8<-- [start:adam]
def adam_step(params, grads, state, step, lr=LR, beta_1=0.9,
              beta_2=0.999, epsilon=1e-7):
    """Keras's Adam update (section 1-9), on every parameter."""
    alpha = F32(lr * np.sqrt(1 - beta_2 ** step) / (1 - beta_1 ** step))
    for name, g in grads.items():
        m, v = state.setdefault(name, (np.zeros_like(g), np.zeros_like(g)))
        m = m + F32(1 - beta_1) * (g - m)
        v = v + F32(1 - beta_2) * (g * g - v)
        params[name] = params[name] - alpha * m / (np.sqrt(v) + F32(epsilon))
        state[name] = (m, v)
# --8<-- [end:adam]


def train_factorisation(train, test, num_users, num_items, num_epochs):
    """Full-batch training; returns params and RMSE per epoch."""
    u, i = train.u.to_numpy(), train.i.to_numpy()
    r = train.rating.to_numpy().astype(F32)
    tu, ti = test.u.to_numpy(), test.i.to_numpy()
    # --8<-- [start:train]
    params = initial_parameters(num_users, num_items, r.mean())
    state, curves = {}, {"train": [], "test": [], "loss": []}
    for epoch in range(1, num_epochs + 1):
        loss, grads = loss_and_grads(params, u, i, r, num_users, num_items)
        adam_step(params, grads, state, epoch)
        curves["loss"].append(float(loss))
        curves["train"].append(rmse(r, predict(params, u, i)))
        curves["test"].append(rmse(test.rating, predict(params, tu, ti)))
    # --8<-- [end:train]
    return params, curves


def main():
    ratings, movies = load_movielens()
    train, test, nu, ni = split_ratings(ratings)
    params, curves = train_factorisation(train, test, nu, ni, NUM_EPOCHS)
    mu, b_u, b_i = fit_biases(train, nu, ni)
    tu, ti = test.u.to_numpy(), test.i.to_numpy()
    rmse_bias = rmse(test.rating, mu + b_u[tu] + b_i[ti])
    fig, ax = plt.subplots(figsize=(6, 3.4))
    epochs = np.arange(1, NUM_EPOCHS + 1)
    ax.plot(epochs, curves["train"], label="training RMSE")
    ax.plot(epochs, curves["test"], label="test RMSE")
    ax.axhline(rmse_bias, ls="--", color="k", label="biases, test")
    ax.set_ylim(0.4, 1.2)
    ax.set_xlabel("epoch (one full-batch step)")
    ax.set_ylabel("RMSE")
    ax.legend()
    plt.show()
    scores = (params["mu"] + params["b_u"] + params["b_i"].T
              + params["P"] @ params["Q"].T)
    popularity = np.bincount(train.i, minlength=ni).astype(float)
    # --8<-- [start:user]
    user = 0  # userId 1
    seen = train.i[train.u == user]
    ranked = [j for j in np.argsort(-scores[user]) if j not in set(seen)]
    codes = np.sort(ratings.movieId.unique())
    titles = movies.set_index("movieId").loc[codes[ranked[:5]], "title"]
    # --8<-- [end:user]
    best = int(np.argmin(curves["test"]))
    return {
        "num_factors": NUM_FACTORS,
        "num_epochs": NUM_EPOCHS,
        "lr": LR,
        "reg": REG,
        "rmse_train": curves["train"][-1],
        "rmse_test": curves["test"][-1],
        "best_epoch": best + 1,
        "rmse_test_best": curves["test"][best],
        "rmse_global": rmse(test.rating, train.rating.mean()),
        "rmse_bias": rmse_bias,
        "p10_mf": precision_at_k(scores, train, test),
        "p10_popular": precision_at_k(np.tile(popularity, (nu, 1)),
                                      train, test),
        "user_titles": "; ".join(titles),
        "final_loss": curves["loss"][-1],
    }


if __name__ == "__main__":
    main()
