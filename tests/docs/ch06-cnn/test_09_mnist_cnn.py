"""docs/ch06-cnn/09-mnist-cnn.md: the CNN beats the II-6 dense network
with fewer parameters and fewer epochs, as the page says."""


def test_cnn_beats_the_dense_network(run_snippet):
    cnn = run_snippet("ch06/s10_mnist_cnn").result
    dense = run_snippet("part2/s06_mnist_quickstart").result
    assert cnn["num_test_wrong"] < dense.num_test_wrong
    assert cnn["num_params"] < dense.num_params
    assert cnn["num_epochs"] < dense.num_epochs
