"""Data tables shared by several sections of the book."""

import numpy as np


def quadratic_table():
    """Return x in [-5, 5) step 0.1 and y = 2x² + 3x + 5.

    Used by sections 1-7, 1-10, 1-11, 1-13, 1-14 and 1-15.
    """
    x = np.arange(-5, 5, 0.1)
    y = 2 * x * x + 3 * x + 5
    return x, y
