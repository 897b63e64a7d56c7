"""docs/part2/07-fashion-mnist.md: what it says of fit's running
training accuracy, here and on the MNIST page."""


def test_running_accuracy_close_here_and_not_on_mnist(run_snippet):
    fashion = run_snippet("part2/s07_fashion_mnist").result
    mnist = run_snippet("part2/s06_mnist_quickstart").result
    # "Here ... it happens to come close to the evaluated figure"
    assert abs(fashion.train_accuracy - fashion.train_eval_accuracy) < 0.005
    # "on the MNIST page, with dropout, it does not"
    assert mnist.train_eval_accuracy - mnist.train_accuracy > 0.008
