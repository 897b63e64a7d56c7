"""Data tables shared by several sections of the book."""

import numpy as np


def quadratic_table():
    """Return x in [-5, 5) step 0.1 and y = 2x² + 3x + 5.

    The table of sections 1-7 to 1-15; used by 1-13 (the practice files
    write the same two lines themselves, as the course does).
    """
    x = np.arange(-5, 5, 0.1)
    y = 2 * x * x + 3 * x + 5
    return x, y


def shuffled_batches(features, targets, batch_size, seed):
    """A tf.data pipeline: reshuffle the rows every epoch, cut into batches.

    What ``model.fit(x, y, batch_size=...)`` does with NumPy arrays, built
    once and handed to ``fit`` (section 1-13; the practice files of 1-14
    and 1-15 write the same lines themselves).
    """
    import tensorflow as tf

    rows = (np.asarray(features, "float32"), np.asarray(targets, "float32"))
    return (tf.data.Dataset.from_tensor_slices(rows)
            .shuffle(len(rows[1]), seed=seed).batch(batch_size))
