"""Report what the installed TensorFlow is and which devices it can use.

Section: 1-2 Installing TensorFlow (CPU and GPU)
"""
import platform

import keras
import tensorflow as tf


# --8<-- [start:describe]
def describe_installation() -> dict:
    """Versions of Python, TensorFlow and Keras, and the visible devices."""
    devices = tf.config.list_physical_devices()
    return {
        "python": platform.python_version(),
        "tensorflow": tf.__version__,
        "keras": keras.__version__,
        "built_with_cuda": tf.test.is_built_with_cuda(),
        "devices": [f"{d.device_type}: {d.name}" for d in devices],
        "num_gpus": len(tf.config.list_physical_devices("GPU")),
    }
# --8<-- [end:describe]


def main() -> dict:
    """Print the report; return it (versions as strings, counts)."""
    report = describe_installation()
    for key, value in report.items():
        print(f"{key:>16}: {value}")
    report["num_devices"] = len(report["devices"])
    report["keras_major"] = int(report["keras"].split(".")[0])
    return report


if __name__ == "__main__":
    main()
