"""A 2-2-1 sigmoid network's forward pass by hand, then the same
weights in Keras.

Section: 4-3 A forward pass by hand
"""
import keras
import numpy as np

# --8<-- [start:weights]
# The chapter's 2-2-1 network: W1[i, j] joins input i to hidden unit j.
W1 = np.array([[0.2, -0.3],
               [0.4, 0.1]])
B1 = np.array([-0.4, 0.2])
W2 = np.array([[0.3],
               [-0.2]])
B2 = np.array([0.1])
XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_T = np.array([[0.0], [1.0], [1.0], [0.0]])


def sigmoid(z):
    return 1 / (1 + np.exp(-z))
# --8<-- [end:weights]


# --8<-- [start:forward]
def forward(x, w1=W1, b1=B1, w2=W2, b2=B2):
    """Every intermediate value for inputs x (one row per example)."""
    z1 = x @ w1 + b1      # hidden pre-activations
    h = sigmoid(z1)       # hidden outputs
    z2 = h @ w2 + b2      # output pre-activation
    y = sigmoid(z2)       # network output
    return {"z1": z1, "h": h, "z2": z2, "y": y}
# --8<-- [end:forward]


# --8<-- [start:keras]
def keras_network():
    """The same network in Keras, in 64-bit floats, with the same weights.
    Keras's Dense kernel has shape (inputs, units), like W1 here."""
    model = keras.Sequential([
        keras.Input(shape=(2,)),
        keras.layers.Dense(2, activation="sigmoid", dtype="float64"),
        keras.layers.Dense(1, activation="sigmoid", dtype="float64"),
    ])
    model.set_weights([W1, B1, W2, B2])
    return model
# --8<-- [end:keras]


def main() -> dict:
    """Forward x = (1, 0) by hand, print every step, compare all four
    XOR inputs with Keras."""
    # --8<-- [start:by_hand]
    step = forward(np.array([[1.0, 0.0]]))
    for name, value in step.items():
        print(f"{name:>2} = {np.round(value.ravel(), 4)}")
    # --8<-- [end:by_hand]
    # --8<-- [start:compare]
    model = keras_network()
    by_keras = model.predict(XOR_X, verbose=0)
    by_hand = forward(XOR_X)["y"]
    for x, mine, theirs in zip(XOR_X, by_hand[:, 0], by_keras[:, 0]):
        print(f"x = {x}: by hand {mine:.10f}, Keras {theirs:.10f}")
    max_diff = float(np.max(np.abs(by_hand - by_keras)))
    print(f"largest difference: {max_diff:.1e}")
    # --8<-- [end:compare]
    z1, h = step["z1"][0], step["h"][0]
    return {"z1_1": float(z1[0]), "z1_2": float(z1[1]),
            "h1": float(h[0]), "h2": float(h[1]),
            "z2": float(step["z2"][0, 0]), "y": float(step["y"][0, 0]),
            "max_diff": max_diff,
            "outputs": [float(v) for v in by_hand[:, 0]]}


if __name__ == "__main__":
    main()
