"""snippets/ch03/s02_credit_knn.py: k chosen on validation, and the
comparison with 2-8 the page words."""


def test_choices_are_the_validation_optima(run_snippet):
    r = run_snippet("ch03/s02_credit_knn").result
    assert r.val_accuracy[r.ks.index(r.k_accuracy)] == max(r.val_accuracy)
    assert r.val_cost[r.ks.index(r.k_cost)] == min(r.val_cost)


def test_comparison_with_logistic(run_snippet):
    knn = run_snippet("ch03/s02_credit_knn").result
    logistic = run_snippet("ch02/s08_credit_classifier").result
    # "KNN does worse than logistic regression on both measures"
    assert knn.test_accuracy < logistic.half_accuracy
    assert knn.test_sixth_cost > logistic.sixth_cost
    # "Tuned for cost, KNN still beats both trivial rules on cost"
    assert knn.test_sixth_cost < min(logistic.refuse_all_cost,
                                     logistic.accept_all_cost)


def test_figure(run_snippet):
    assert [f.name for f in run_snippet("ch03/s02_credit_knn").figures] == [
        "s02_credit_knn_validation.svg"]
