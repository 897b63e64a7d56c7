"""Time one small training step run eagerly and as a tf.function graph.

Section: 1-6 Graphs and TensorFlow
"""
import time
from pathlib import Path

import keras
import tensorflow as tf

SEED = 6


def make_data(num_examples=256, num_features=20):
    """A small regression problem: y = X·w + noise."""
    X = tf.random.normal((num_examples, num_features))
    w = tf.random.normal((num_features, 1))
    y = X @ w + 0.1 * tf.random.normal((num_examples, 1))
    return X, y


# --8<-- [start:step]
def make_train_step(seed=SEED):
    """A fresh two-layer network and a function doing one SGD step."""
    keras.utils.set_random_seed(seed)
    model = keras.Sequential([keras.Input((20,)),
                              keras.layers.Dense(64, activation="relu"),
                              keras.layers.Dense(1)])
    optimizer = keras.optimizers.SGD(learning_rate=0.01)
    optimizer.build(model.trainable_variables)
    loss_fn = keras.losses.MeanSquaredError()

    def train_step(X, y):
        with tf.GradientTape() as tape:
            loss = loss_fn(y, model(X, training=True))
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        return loss

    return train_step
# --8<-- [end:step]


# --8<-- [start:timing]
def seconds_per_step(step, X, y, num_steps=50, repeats=3):
    """Best of `repeats` runs of `num_steps` steps, per step."""
    step(X, y)  # warm-up: a tf.function traces here
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(num_steps):
            loss = step(X, y)
        float(loss)  # wait for the last step to finish
        best = min(best, (time.perf_counter() - start) / num_steps)
    return best


def compare_eager_and_graph(X, y, num_steps=50):
    """Seconds per step run eagerly and as a graph, and the graph step."""
    eager_step = make_train_step()
    graph_step = tf.function(make_train_step())  # same code, as a graph
    eager_s = seconds_per_step(eager_step, X, y, num_steps)
    graph_s = seconds_per_step(graph_step, X, y, num_steps)
    return eager_s, graph_s, graph_step
# --8<-- [end:timing]


def same_losses(X, y, num_steps=5):
    """Eager and graph steps from identical weights give the same losses."""
    eager, graph = make_train_step(), tf.function(make_train_step())
    pairs = [(float(eager(X, y)), float(graph(X, y)))
             for _ in range(num_steps)]
    return max(abs(a - b) for a, b in pairs), pairs


def main(out_dir: Path | None = None, num_steps=50) -> dict:
    """Compare the two ways of running the step; print and return times."""
    keras.utils.set_random_seed(SEED)
    X, y = make_data()
    max_diff, pairs = same_losses(X, y)
    eager_s, graph_s, graph_step = compare_eager_and_graph(X, y, num_steps)
    concrete = graph_step.get_concrete_function(X, y)
    num_nodes = len(concrete.graph.as_graph_def().node)
    print(f"eager:       {eager_s * 1e3:.2f} ms per step")
    print(f"tf.function: {graph_s * 1e3:.2f} ms per step")
    print(f"speed-up:    {eager_s / graph_s:.1f}x")
    return {"eager_ms": eager_s * 1e3, "graph_ms": graph_s * 1e3,
            "speedup": eager_s / graph_s,
            "faster_or_slower": "faster" if graph_s < eager_s else "slower",
            "max_loss_difference": max_diff,
            "first_loss": pairs[0][0], "last_loss": pairs[-1][0],
            "train_step_nodes": num_nodes,
            "traces": graph_step.experimental_get_tracing_count()}


if __name__ == "__main__":
    main()
