"""snippets/ch01/s02_check_install.py: TensorFlow 2 with Keras 3."""

import tensorflow as tf


def test_s02_reports_tensorflow_2_with_keras_3(run_snippet):
    result = run_snippet("ch01/s02_check_install").result
    assert result["tensorflow"] == tf.__version__
    assert result["tensorflow"].startswith("2.")
    assert result["keras_major"] == 3
    assert result["num_gpus"] == len(tf.config.list_physical_devices("GPU"))
    assert result["num_devices"] >= 1 + result["num_gpus"]
    assert result["num_devices"] == len(result["devices"])
