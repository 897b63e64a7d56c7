"""snippets/ch07/s07_pretraining.py: the pre-trained and the fresh
classifier are the same network, and both beat the majority digit."""

import numpy as np

from snippets.ch07 import s07_pretraining as s07


def test_s07_classifier_shares_the_encoder():
    encoder = s07.build_encoder()
    autoencoder = s07.build_autoencoder(encoder)
    classifier = s07.build_classifier(encoder)
    assert autoencoder.output_shape == (None, 784)
    assert classifier.output_shape == (None, 10)
    # the same weight objects: pre-training changes the classifier's start
    shared = {id(w) for w in encoder.weights}
    assert shared <= {id(w) for w in classifier.weights}
    assert shared <= {id(w) for w in autoencoder.weights}
    fresh = s07.build_classifier(s07.build_encoder())
    assert fresh.count_params() == classifier.count_params()


def test_s07_pretraining_run(run_snippet):
    run = run_snippet("ch07/s07_pretraining")
    r = run.result
    assert (r.num_unlabelled, r.num_labelled, r.num_test) == (6000, 300, 2000)
    assert r.majority_accuracy < 0.2
    assert r.scratch_accuracy > 3 * r.majority_accuracy
    assert r.pretrained_accuracy > 3 * r.majority_accuracy
    np.testing.assert_allclose(
        r.gain, r.pretrained_accuracy - r.scratch_accuracy, atol=1e-6)
    assert r.verdict == ("beats" if r.gain > 0 else "does not beat")
    assert [p.name for p in run.figures] == ["s07_pretraining_accuracy.svg"]
