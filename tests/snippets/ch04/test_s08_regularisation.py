"""snippets/ch04/s08_regularisation.py: the penalties, Dropout and AdamW
written from scratch agree with Keras; the experiment over-fits and the
numbers of the page hold together."""

import keras
import numpy as np
import pytest
import tensorflow as tf

from snippets.ch04 import s08_regularisation as s08

RNG = np.random.default_rng(8)
W = RNG.normal(size=(5, 3)).astype("float32")


@pytest.mark.parametrize("ours, theirs", [
    (s08.l1_penalty, keras.regularizers.L1),
    (s08.l2_penalty, keras.regularizers.L2)])
def test_penalty_and_gradient_match_keras(ours, theirs):
    strength = 0.03
    value, grad = ours(W.astype("float64"), strength)
    w = tf.Variable(W)
    with tf.GradientTape() as tape:
        keras_value = theirs(strength)(w)
    np.testing.assert_allclose(float(keras_value), value, rtol=1e-6)
    np.testing.assert_allclose(tape.gradient(keras_value, w).numpy(), grad,
                               rtol=1e-6)


def test_keras_l2_has_no_half():
    value, _ = s08.l2_penalty(np.array([2.0]), 0.5)
    assert value == 2.0  # 0.5 · 2², not ½ · 0.5 · 2²


def test_dropout_keeps_the_expectation_and_is_the_identity_at_inference():
    keras.utils.set_random_seed(0)
    x = np.full((200, 500), 3.0, dtype="float32")
    layer = keras.layers.Dropout(0.4)
    out = layer(x, training=True).numpy()
    # survivors are scaled by 1 / (1 - rate), the rest are zero
    np.testing.assert_allclose(np.unique(out), [0.0, 3.0 / 0.6], rtol=1e-6)
    assert abs(out.mean() - 3.0) < 0.03  # 100,000 entries
    np.testing.assert_array_equal(layer(x, training=False).numpy(), x)
    ours = s08.inverted_dropout(x, 0.4, np.random.default_rng(0))
    np.testing.assert_allclose(np.unique(ours), [0.0, 3.0 / 0.6],
                               rtol=1e-6)
    assert abs(ours.mean() - 3.0) < 0.03


def one_keras_step(optimizer, loss_of):
    w = tf.Variable(W)
    with tf.GradientTape() as tape:
        loss = loss_of(w)
    optimizer.apply([tape.gradient(loss, w)], [w])
    return w.numpy()


def test_adamw_and_adam_with_l2_differ_and_match_the_formulas():
    lr, l2, wd = 0.01, 0.05, 0.5
    target = RNG.normal(size=W.shape).astype("float32")

    def data_loss(w):
        return 0.5 * tf.reduce_sum((w - target) ** 2)

    g = W - target  # the gradient of data_loss
    adam_l2 = one_keras_step(
        keras.optimizers.Adam(lr),
        lambda w: data_loss(w) + keras.regularizers.L2(l2)(w))
    adamw = one_keras_step(keras.optimizers.AdamW(lr, weight_decay=wd),
                           data_loss)
    np.testing.assert_allclose(adam_l2, s08.adam_l2_step(W, g, lr, l2),
                               rtol=1e-6, atol=1e-7)
    np.testing.assert_allclose(adamw, s08.adamw_step(W, g, lr, wd),
                               rtol=1e-6, atol=1e-7)
    # AdamW's decay is lr·wd·w on top of a step of about lr per weight
    np.testing.assert_allclose(
        s08.adamw_step(W, g, lr, wd) - s08.adam_step(W, g, lr),
        -lr * wd * W, rtol=1e-4, atol=1e-8)
    assert np.abs(adam_l2 - adamw).max() > 1e-3


def test_early_stop_reads_like_the_callback():
    losses = {"val_loss": [5, 4, 3, 3.5, 3.2, 2.9, 3.0, 3.1, 3.3, 1.0]}
    assert s08.early_stop(losses, patience=3) == 5
    assert s08.early_stop(losses, patience=4) == 9


def test_early_stopping_restores_the_best_weights():
    keras.utils.set_random_seed(0)
    x = np.linspace(-1, 1, 20, dtype="float32")[:, None]
    y = x ** 2 + 0.3 * np.random.default_rng(0).normal(size=x.shape)
    model = keras.Sequential([keras.Input(shape=(1,)),
                              keras.layers.Dense(32, activation="relu"),
                              keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.Adam(0.05), loss="mse")
    snapshots = []
    keep = keras.callbacks.LambdaCallback(
        on_epoch_end=lambda e, logs: snapshots.append(model.get_weights()))
    stop = keras.callbacks.EarlyStopping(patience=5,
                                         restore_best_weights=True)
    history = model.fit(x[::2], y[::2], validation_data=(x[1::2], y[1::2]),
                        epochs=200, batch_size=10, verbose=0,
                        callbacks=[keep, stop])
    best = int(np.argmin(history.history["val_loss"]))
    assert stop.best_epoch == best == s08.early_stop(history.history, 5)
    for restored, kept in zip(model.get_weights(), snapshots[best]):
        np.testing.assert_array_equal(restored, kept)


def test_the_experiment(run_snippet):
    run = run_snippet("ch04/s08_regularisation")
    r = run.result
    assert [p.name for p in run.figures] == ["s08_regularisation_curves.svg"]
    assert (r["num_train"], r["num_val"], r["num_test"]) == (100, 200, 2000)
    assert r["num_params"] == 2 * 128 + 128 + 128 * 128 + 128 + 128 + 1
    # the plain network memorises its training set and pays on test
    assert r["none_train"] == 1.0
    keys = ["l1", "l2", "dropout", "adamw", "early"]
    assert r["none_gap"] > max(r[f"{k}_gap"] for k in keys)
    assert r["none_val_loss"] > max(r[f"{k}_val_loss"] for k in keys)
    # every network beats the majority class; the best beats the line
    for k in ["none"] + keys:
        assert r[f"{k}_test"] > r["majority_accuracy"] + 0.2
    assert r["best_test"] == max(r[f"{k}_test"] for k in ["none"] + keys)
    assert r["best_test"] > r["linear_accuracy"]
    for k in ["l1", "l2", "dropout", "adamw"]:
        assert r[f"{k}_epoch"] == r["num_epochs"]
    assert 1 <= r["early_epoch"] < r["num_epochs"]
