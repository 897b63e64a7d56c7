"""Trace small functions with tf.function: draw one graph, time a step.

Section: 1-6 Graphs and TensorFlow
Figure: s06_graphs_scaled_sum.svg
"""
import time

import keras
import matplotlib.pyplot as plt
import tensorflow as tf
from matplotlib.patches import FancyArrowPatch

SEED = 6


# --8<-- [start:trace]
@tf.function
def scaled_sum(x, y):
    a = tf.add(x, y)
    b = tf.multiply(5, a)
    return b


def traced_nodes():
    """(name, op, inputs, constant value or None) of every GraphDef node."""
    concrete = scaled_sum.get_concrete_function(
        tf.TensorSpec([], tf.int32, name="x"),
        tf.TensorSpec([], tf.int32, name="y"))
    graph_def = concrete.graph.as_graph_def()
    nodes = []
    for node in graph_def.node:
        value = None
        if node.op == "Const":
            value = tf.make_ndarray(node.attr["value"].tensor).tolist()
        inputs = [name.split(":")[0].lstrip("^") for name in node.input]
        nodes.append((node.name, node.op, inputs, value))
    return nodes
# --8<-- [end:trace]


# --8<-- [start:layout]
def layered_layout(nodes):
    """x = length of the longest path from an input, y spread per layer."""
    inputs = {name: ins for name, _, ins, _ in nodes}
    depth = {}

    def depth_of(name):
        if name not in depth:
            depth[name] = 1 + max(map(depth_of, inputs[name]), default=-1)
        return depth[name]

    for name in inputs:
        depth_of(name)
    for name, ins in inputs.items():  # sources sit just before their use
        users = [depth[user] for user, u_ins in inputs.items()
                 if name in u_ins]
        if not ins and users:
            depth[name] = min(users) - 1
    layers = {}
    for name in inputs:
        layers.setdefault(depth[name], []).append(name)
    return {name: (d, (len(names) - 1) / 2 - i)
            for d, names in layers.items() for i, name in enumerate(names)}
# --8<-- [end:layout]


def plot_graph(nodes):
    """Boxes for operations, arrows for the tensors flowing between them."""
    position = layered_layout(nodes)
    fig, ax = plt.subplots(figsize=(8, 3.2))
    colors = {"Placeholder": "#fde9d9", "Const": "#eeeeee",
              "Identity": "#e2f0d9"}
    for name, op, ins, value in nodes:
        x, y = position[name]
        shown = name if value is None else f"{name} = {value}"
        ax.text(x, y, f"{shown}\n[{op}]", ha="center", va="center",
                fontsize=9, bbox=dict(boxstyle="round,pad=0.4",
                                      fc=colors.get(op, "#dbe9f6"),
                                      ec="#333"))
        for source in ins:
            x0, y0 = position[source]
            ax.add_patch(FancyArrowPatch(
                (x0 + 0.22, y0), (x - 0.22, y), arrowstyle="-|>",
                mutation_scale=12, color="#555", lw=1.2))
    xs = [p[0] for p in position.values()]
    ys = [p[1] for p in position.values()]
    ax.set_xlim(min(xs) - 0.4, max(xs) + 0.4)
    ax.set_ylim(min(ys) - 0.6, max(ys) + 0.6)
    ax.axis("off")
    return fig


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


def compare_in_words(eager_s, graph_s):
    """The timing in a sentence that reads right whichever was faster."""
    ratio = eager_s / graph_s
    if 0.95 <= ratio <= 1.05:
        return "the two took about the same time"
    if ratio > 1:
        return f"the graph step was {ratio:.1f} times as fast"
    return (f"the graph step was the slower one here, taking "
            f"{1 / ratio:.1f} times as long")


def main() -> dict:
    """Trace and draw b = 5·(x + y); time a training step both ways."""
    keras.utils.set_random_seed(SEED)
    nodes = traced_nodes()
    for name, op, ins, _ in nodes:
        print(f"{name:<10} {op:<12} inputs: {', '.join(ins) or '-'}")
    plot_graph(nodes)
    plt.show()
    X, y = make_data()
    max_diff, pairs = same_losses(X, y)
    eager_s, graph_s, graph_step = compare_eager_and_graph(X, y)
    concrete = graph_step.get_concrete_function(X, y)
    num_nodes = len(concrete.graph.as_graph_def().node)
    print(f"eager:       {eager_s * 1e3:.2f} ms per step")
    print(f"tf.function: {graph_s * 1e3:.2f} ms per step")
    print(f"speed-up:    {eager_s / graph_s:.1f}x")
    return {"nodes": nodes, "num_nodes": len(nodes),
            "ops": ", ".join(node[1] for node in nodes),
            "eager_ms": eager_s * 1e3, "graph_ms": graph_s * 1e3,
            "speedup": eager_s / graph_s,
            "comparison": compare_in_words(eager_s, graph_s),
            "max_loss_difference": max_diff,
            "first_loss": pairs[0][0], "last_loss": pairs[-1][0],
            "train_step_nodes": num_nodes,
            "traces": graph_step.experimental_get_tracing_count()}


if __name__ == "__main__":
    main()
