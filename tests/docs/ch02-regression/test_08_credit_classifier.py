"""docs/ch02-regression/08-credit-classifier.md: the page's worded
claims hold for this build's numbers."""

from scripts.paths import ROOT

PAGE = ROOT / "docs" / "ch02-regression" / "08-credit-classifier.md"


def test_the_three_points_hold(run_snippet):
    text = " ".join(PAGE.read_text("utf-8").split())
    r = run_snippet("ch02/s08_credit_classifier").result
    assert "The majority baseline is the most expensive rule" in text
    costs = [r.accept_all_cost, r.refuse_all_cost, r.half_cost,
             r.sixth_cost, r.val_threshold_cost]
    assert max(costs) == r.accept_all_cost
    assert "does not beat refusing everyone on cost" in text
    assert r.half_cost > r.refuse_all_cost
    assert "is the cheapest rule" in text
    assert min(costs) == r.sixth_cost
    # "right for 70 % of applicants", "right for only 30 %"
    assert "70 %" in text and "30 %" in text
    assert (r.accept_all_accuracy, r.refuse_all_accuracy) == (0.7, 0.3)
