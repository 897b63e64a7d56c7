"""Matrix factorisation as a Keras model, embeddings and a dot
product, started from 11-8's factors and trained with full-batch Adam:
the same numbers as 11-8's NumPy code, to rounding error.

Section: 11-9 Matrix factorisation with a network
"""
import keras
import numpy as np

from snippets.ch11.s01_movielens import load_movielens, rmse, split_ratings
from snippets.ch11.s08_matrix_factorisation import (LR, NUM_FACTORS, REG,
                                                    initial_parameters,
                                                    predict,
                                                    train_factorisation)

NUM_EPOCHS = 30  # enough to compare; 11-8 trains for longer


# --8<-- [start:model]
def build_mf_model(params):
    """r_ui = mu + b_u + b_i + p_u . q_i with Embedding layers holding
    P, Q and the biases, each with the L2 penalty REG * sum(w^2)."""
    def embedding(name):
        rows, cols = params[name].shape
        return keras.layers.Embedding(
            rows, cols, name=name,
            embeddings_initializer=keras.initializers.Constant(
                params[name]),
            embeddings_regularizer=keras.regularizers.L2(REG))

    user = keras.Input(shape=(), dtype="int32", name="user")
    item = keras.Input(shape=(), dtype="int32", name="item")
    dot = keras.ops.sum(embedding("P")(user) * embedding("Q")(item),
                        axis=1)
    bias = (keras.ops.squeeze(embedding("b_u")(user), 1)
            + keras.ops.squeeze(embedding("b_i")(item), 1))
    rating = dot + bias + float(params["mu"])
    return keras.Model([user, item], rating, name="matrix_factorisation")
# --8<-- [end:model]


def main():
    keras.utils.set_random_seed(9)
    ratings, _ = load_movielens()
    train, test, nu, ni = split_ratings(ratings)
    u, i = train.u.to_numpy(), train.i.to_numpy()
    r = train.rating.to_numpy().astype("float32")
    tu, ti = test.u.to_numpy(), test.i.to_numpy()
    # --8<-- [start:fit]
    model = build_mf_model(initial_parameters(nu, ni, r.mean()))
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=LR),
                  loss="mse")
    history = model.fit([u, i], r, batch_size=len(r), epochs=NUM_EPOCHS,
                        shuffle=False, verbose=0)  # one full batch
    # --8<-- [end:fit]
    keras_test = model.predict([tu, ti], batch_size=len(tu), verbose=0)
    params, curves = train_factorisation(train, test, nu, ni, NUM_EPOCHS)
    numpy_test = predict(params, tu, ti)
    weights = {layer.name: layer.get_weights()[0] for layer in model.layers
               if layer.name in ("P", "Q", "b_u", "b_i")}
    return {
        "num_epochs": NUM_EPOCHS,
        "num_factors": NUM_FACTORS,
        "num_params": model.count_params(),
        "max_pred_diff": float(np.abs(keras_test - numpy_test).max()),
        "max_weight_diff": float(max(np.abs(weights[n] - params[n]).max()
                                     for n in weights)),
        "loss_diff": float(abs(history.history["loss"][-1]
                               - curves["loss"][-1])),
        "keras_loss_first": float(history.history["loss"][0]),
        "numpy_loss_first": curves["loss"][0],
        "rmse_keras": rmse(test.rating, keras_test),
        "rmse_numpy": rmse(test.rating, numpy_test),
    }


if __name__ == "__main__":
    main()
