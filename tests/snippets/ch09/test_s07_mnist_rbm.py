"""snippets/ch09/s07_mnist_rbm.py: both RBMs reconstruct test digits
far better than the mean image."""


def test_s07_both_rbms_beat_the_mean_image(run_snippet):
    run = run_snippet("ch09/s07_mnist_rbm")
    r = run.result
    assert (r.num_train, r.num_test, r.num_hidden) == (12_000, 10_000, 64)
    assert r.sampled_error < r.mean_image_error / 1.5
    assert r.probability_error < r.mean_image_error / 1.5
    assert r.sampled_history[-1] < r.sampled_history[0]
    assert r.probability_history[-1] < r.probability_history[0]
    assert [p.name for p in run.figures] == [
        "s07_mnist_rbm_filters.svg", "s07_mnist_rbm_reconstructions.svg"]


def test_s07_the_two_updates_differ_less_than_either_beats_the_mean(
        run_snippet):
    r = run_snippet("ch09/s07_mnist_rbm").result
    gain = r.mean_image_error - max(r.sampled_error, r.probability_error)
    assert abs(r.sampled_error - r.probability_error) < gain / 5
