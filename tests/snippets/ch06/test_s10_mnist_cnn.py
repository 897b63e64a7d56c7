"""6-9 and 6-10: the CNN trains on all of MNIST, beats the majority
baseline by far, and its limits show: FGSM and rotations hurt it."""
import numpy as np


def test_trains_on_the_full_data(run_snippet):
    run = run_snippet("ch06/s10_mnist_cnn")
    r = run.result
    assert (r["num_train"], r["num_test"]) == (60000, 10000)
    assert r["test_accuracy"] > 0.97
    assert r["majority_accuracy"] < 0.12
    cm = np.array(r["confusion"])
    assert cm.sum() == 10000 and 10000 - np.trace(cm) == r["num_test_wrong"]
    assert len(run.figures) == 4


def test_limits(run_snippet):
    r = run_snippet("ch06/s10_mnist_cnn").result
    acc = [r["fgsm_accuracy"][k] for k in ("0.0", "0.05", "0.1", "0.2")]
    assert acc == sorted(acc, reverse=True)  # a larger ε hurts more
    assert acc[0] == r["probe_accuracy"]
    assert acc[2] < acc[0] - 0.1  # ε = 0.1 costs a lot
    assert acc[3] < 0.6
    assert r["rotate_accuracy"] < r["probe_accuracy"] - 0.1
    assert r["shift_accuracy"] < r["probe_accuracy"]
    assert r["fgsm_labels"][0] == r["fgsm_first_label"]
