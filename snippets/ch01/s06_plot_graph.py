"""Trace b = 5·(x + y) with tf.function and draw the graph it builds.

Section: 1-6 Graphs and TensorFlow
Figure: s06_plot_graph.svg
"""
from pathlib import Path

import matplotlib.pyplot as plt
import tensorflow as tf
from matplotlib.patches import FancyArrowPatch

from snippets.common.plotting import save_or_show

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


def main(out_dir: Path | None = None) -> dict:
    """Trace, print the nodes, draw them; return what the graph holds."""
    tf.keras.utils.set_random_seed(SEED)
    nodes = traced_nodes()
    for name, op, ins, _ in nodes:
        print(f"{name:<10} {op:<12} inputs: {', '.join(ins) or '-'}")
    save_or_show(plot_graph(nodes), out_dir, "s06_plot_graph.svg")
    return {"nodes": nodes, "num_nodes": len(nodes),
            "ops": ", ".join(node[1] for node in nodes)}


if __name__ == "__main__":
    main()
