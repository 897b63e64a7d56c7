"""A linear autoencoder learns the PCA subspace: checked against the SVD.

Trains a linear autoencoder with a 2-number code on the Iris measurements
and compares the subspace its decoder spans with the first two principal
directions from numpy.linalg.svd, by their principal angles.

Section: 7-1 Autoencoders
Figure: s01_linear_ae_pca_codes.svg
"""
from dataclasses import dataclass

import keras
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_iris

SEED = 7
CODE_SIZE = 2
NUM_STEPS = 4000  # full-batch Adam steps
LEARNING_RATE = 0.05


@dataclass
class LinearAEResult:
    """What the page quotes from the linear autoencoder run."""

    num_rows: int
    num_features: int
    code_size: int
    num_steps: int
    angles: list  # principal angles (radians), AE span vs PCA span
    angles_scipy: list  # the same angles from scipy.linalg.subspace_angles
    max_angle_degrees: float  # the larger angle, in degrees
    ae_mse: float  # the autoencoder's reconstruction error
    pca_mse: float  # PCA's with the same code size: the optimum
    mean_mse: float  # the baseline: every row replaced by the mean row
    decoder_cosine: float  # cosine between the two decoder columns
    decoder_norms: list  # lengths of the two decoder columns
    explained: float  # variance share of the first two components


# --8<-- [start:pca]
def pca_basis(X, k):
    """The first k principal directions (as columns) of the rows of X,
    and the singular values: the SVD of the centred data."""
    Xc = X - X.mean(axis=0)
    _, s, Vt = np.linalg.svd(Xc, full_matrices=False)
    return Vt[:k].T, s
# --8<-- [end:pca]


# --8<-- [start:angles]
def principal_angles(A, B):
    """Principal angles between the column spans of A and B: orthonormal
    bases by QR, then the singular values of Q_Aᵀ Q_B are the cosines."""
    qa, _ = np.linalg.qr(A)
    qb, _ = np.linalg.qr(B)
    cosines = np.linalg.svd(qa.T @ qb, compute_uv=False)
    return np.sort(np.arccos(np.clip(cosines, -1.0, 1.0)))
# --8<-- [end:angles]


# --8<-- [start:model]
def build_linear_autoencoder(num_features, code_size):
    """x -> code = xW_e + b_e -> x̂ = code W_d + b_d, no activations."""
    inputs = keras.Input(shape=(num_features,))
    code = keras.layers.Dense(code_size, name="encoder")(inputs)
    outputs = keras.layers.Dense(num_features, name="decoder")(code)
    return keras.Model(inputs, outputs, name="linear_autoencoder")


def train_linear_autoencoder(X, code_size=CODE_SIZE, num_steps=NUM_STEPS):
    """Full-batch Adam on the mean squared reconstruction error."""
    model = build_linear_autoencoder(X.shape[1], code_size)
    model.compile(optimizer=keras.optimizers.Adam(LEARNING_RATE),
                  loss="mse", steps_per_execution=200)
    repeated = np.tile(X, (num_steps, 1))  # one batch = the whole table
    model.fit(repeated, repeated, batch_size=len(X), epochs=1,
              shuffle=False, verbose=0)
    return model
# --8<-- [end:model]


def plot_codes(X, y, model, basis):
    """The 2-number codes of the autoencoder beside PCA's scores."""
    encoder = keras.Model(model.inputs, model.get_layer("encoder").output)
    codes = encoder.predict(X, verbose=0)
    scores = (X - X.mean(axis=0)) @ basis
    fig, axes = plt.subplots(1, 2, figsize=(9, 3.8))
    names = load_iris().target_names
    for ax, data, title in [(axes[0], codes, "linear autoencoder code"),
                            (axes[1], scores, "PCA scores (SVD)")]:
        for label, marker in zip(range(3), "o^s"):
            rows = y == label
            ax.scatter(data[rows, 0], data[rows, 1], s=14, marker=marker,
                       label=names[label])
        ax.set(title=title, xlabel="code 1", ylabel="code 2")
        ax.grid(alpha=0.3)
    axes[1].legend()
    fig.tight_layout()


def main() -> LinearAEResult:
    """Train the linear AE, compare its span with PCA's, draw codes."""
    keras.utils.set_random_seed(SEED)
    from scipy.linalg import subspace_angles
    X, y = load_iris(return_X_y=True)
    X = X.astype("float32")
    # --8<-- [start:compare]
    model = train_linear_autoencoder(X)
    W_d = model.get_layer("decoder").get_weights()[0].T  # (4, 2)
    basis, s = pca_basis(X.astype("float64"), CODE_SIZE)
    angles = principal_angles(W_d.astype("float64"), basis)
    print("principal angles (rad):", np.array2string(angles, precision=6))
    # --8<-- [end:compare]
    reconstruction = model.predict(X, verbose=0)
    ae_mse = float(np.mean((X - reconstruction) ** 2))
    pca_mse = float(np.sum(s[CODE_SIZE:] ** 2) / X.size)
    mean_mse = float(np.mean((X - X.mean(axis=0)) ** 2))
    col_a, col_b = W_d[:, 0], W_d[:, 1]
    plot_codes(X, y, model, basis)
    plt.show()
    return LinearAEResult(
        num_rows=len(X), num_features=X.shape[1], code_size=CODE_SIZE,
        num_steps=NUM_STEPS, angles=angles.tolist(),
        max_angle_degrees=float(np.degrees(angles.max())),
        angles_scipy=np.sort(subspace_angles(
            W_d.astype("float64"), basis)).tolist(),
        ae_mse=ae_mse, pca_mse=pca_mse, mean_mse=mean_mse,
        decoder_cosine=float(col_a @ col_b / np.linalg.norm(col_a)
                             / np.linalg.norm(col_b)),
        decoder_norms=[float(np.linalg.norm(col_a)),
                       float(np.linalg.norm(col_b))],
        explained=float(np.sum(s[:CODE_SIZE] ** 2) / np.sum(s ** 2)))


if __name__ == "__main__":
    main()
