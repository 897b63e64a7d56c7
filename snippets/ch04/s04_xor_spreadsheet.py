"""The course's spreadsheet example: a 2-2-1 network learning XOR one
pattern at a time, every weight, output and error written out.

Section: 4-4 Supervised learning, worked as a spreadsheet (XOR)
Figure: s04_xor_spreadsheet_error.svg
"""
import matplotlib.pyplot as plt
import numpy as np

from snippets.ch04.s03_forward_pass import (B1, B2, W1, W2, XOR_T, XOR_X,
                                            forward)

LR = 0.5
NUM_ROWS = 8  # two passes over the four patterns
NUM_EPOCHS = 2500


# --8<-- [start:step]
def train_step(x, t, w1, b1, w2, b2, lr=LR):
    """One row of the spreadsheet: forward one pattern, back-propagate
    E = (t - y)**2 / 2, update every weight. Returns the row's values and
    the new weights."""
    v = forward(x[None, :], w1, b1, w2, b2)
    h, y = v["h"][0], v["y"][0]
    error = 0.5 * float((t - y[0]) ** 2)
    delta_out = (y - t) * y * (1 - y)            # dE/dz2, shape (1,)
    delta_hidden = (w2 @ delta_out) * h * (1 - h)  # dE/dz1, shape (2,)
    w2 = w2 - lr * np.outer(h, delta_out)
    b2 = b2 - lr * delta_out
    w1 = w1 - lr * np.outer(x, delta_hidden)
    b1 = b1 - lr * delta_hidden
    row = {"x": x, "t": t, "h": h, "y": y[0], "error": error,
           "delta_out": delta_out[0], "delta_hidden": delta_hidden}
    return row, (w1, b1, w2, b2)
# --8<-- [end:step]


# --8<-- [start:train]
def train_online(num_steps, weights=(W1, B1, W2, B2)):
    """Present the patterns in order, one update each; the rows and the
    weights after every update."""
    rows, history = [], []
    for i in range(num_steps):
        k = i % len(XOR_X)
        row, weights = train_step(XOR_X[k], XOR_T[k, 0], *weights)
        rows.append(row)
        history.append(weights)
    return rows, history
# --8<-- [end:train]


def weights_row(weights):
    w1, b1, w2, b2 = weights
    return [w1[0, 0], w1[1, 0], b1[0], w1[0, 1], w1[1, 1], b1[1],
            w2[0, 0], w2[1, 0], b2[0]]


def markdown_tables(rows, history):
    """The spreadsheet as two Markdown tables (the page shows them)."""
    fwd = ["| step | x₁ | x₂ | t | h₁ | h₂ | y | E | δ_out | δ₁ | δ₂ |",
           "| ---: | -: | -: | -: | ---: | ---: | ---: | ---: | ---: "
           "| ---: | ---: |"]
    for i, r in enumerate(rows, start=1):
        cells = [f"{r['h'][0]:.4f}", f"{r['h'][1]:.4f}", f"{r['y']:.4f}",
                 f"{r['error']:.4f}", f"{r['delta_out']:+.4f}",
                 f"{r['delta_hidden'][0]:+.4f}",
                 f"{r['delta_hidden'][1]:+.4f}"]
        fwd.append(f"| {i} | {r['x'][0]:.0f} | {r['x'][1]:.0f} "
                   f"| {r['t']:.0f} | " + " | ".join(cells) + " |")
    head = ("| step | w₁₁ | w₂₁ | b₁ | w₁₂ | w₂₂ | b₂ | v₁ | v₂ | c |\n"
            "| ---: " + "| ---: " * 9 + "|")
    start = weights_row((W1, B1, W2, B2))
    lines = [head, "| 0 | " + " | ".join(f"{w:+.4f}" for w in start)
             + " |"]
    for i, weights in enumerate(history, start=1):
        lines.append(f"| {i} | " + " | ".join(
            f"{w:+.4f}" for w in weights_row(weights)) + " |")
    return "\n".join(fwd), "\n".join(lines)


def plot_error(epoch_errors):
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    ax.plot(np.arange(1, len(epoch_errors) + 1), epoch_errors)
    ax.set(xlabel="epoch (four updates)",
           ylabel="sum of E over the epoch", yscale="log")
    ax.grid(alpha=0.3)
    fig.tight_layout()


def main() -> dict:
    """Fill the spreadsheet's first rows, then keep training and report
    where the network ends."""
    rows, history = train_online(NUM_ROWS)
    forward_table, weights_table = markdown_tables(rows, history)
    # --8<-- [start:long]
    all_rows, all_weights = train_online(NUM_EPOCHS * len(XOR_X))
    errors = np.array([r["error"] for r in all_rows])
    epoch_errors = errors.reshape(NUM_EPOCHS, len(XOR_X)).sum(axis=1)
    final = forward(XOR_X, *all_weights[-1])["y"][:, 0]
    print("outputs after", NUM_EPOCHS, "epochs:", np.round(final, 3))
    # --8<-- [end:long]
    plot_error(epoch_errors)
    plt.show()
    solved = bool(np.all((final > 0.5) == (XOR_T[:, 0] > 0.5)))
    return {"forward_table": forward_table, "weights_table": weights_table,
            "lr": LR, "num_rows": NUM_ROWS, "num_epochs": NUM_EPOCHS,
            "first_epoch_error": float(epoch_errors[0]),
            "half_error_epoch": int(np.argmax(
                epoch_errors < epoch_errors[0] / 2)) + 1,
            "final_epoch_error": float(epoch_errors[-1]),
            "final_00": float(final[0]), "final_01": float(final[1]),
            "final_10": float(final[2]), "final_11": float(final[3]),
            "solved": solved,
            "solved_word": "solves" if solved else "does not solve",
            "epoch_errors": epoch_errors.tolist()}


if __name__ == "__main__":
    main()
