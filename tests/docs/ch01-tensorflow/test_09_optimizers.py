"""docs/ch01-tensorflow/09-optimizers.md: the claims issue 13 corrected
stay corrected, and their numbers come from runs."""

import re

from scripts.paths import ROOT

PAGE = ROOT / "docs" / "ch01-tensorflow" / "09-optimizers.md"
BACKPROP = ROOT / "docs" / "part2" / "02-backprop.md"


def _text():
    return PAGE.read_text("utf-8")


def test_page_quotes_the_fair_race_from_the_run():
    text = _text()
    for field in ["bowl_sgd", "bowl_momentum", "bowl_nesterov",
                  "bowl_momentum_untuned"]:
        assert f"{{{{ ch01/s09_optimizers_numpy.{field}:" in text, field
    for field in ["polyak_lr", "polyak_beta", "rate_momentum_10",
                  "rate_sgd_10", "steps_sgd_100", "steps_momentum_100"]:
        assert f"{{{{ ch01/s09_momentum_rates.{field}" in text, field
    assert "hard to beat" not in text


def test_page_cites_the_rate_argument_and_draws_the_new_figures():
    text = _text()
    assert "https://distill.pub/2017/momentum/" in text
    assert "https://d2l.ai/chapter_optimization/momentum.html" in text
    for figure in ["s09_momentum_rates_region", "s09_momentum_rates_steps",
                   "s09_rotated_bowl", "s09_double_well",
                   "s09_momentum_vectors"]:
        assert f"../figures/ch01/{figure}.svg" in text, figure


def test_adadelta_first_step_is_injected_not_sqrt_eps():
    text = _text()
    assert "{{ ch01/s09_optimizers_numpy.adadelta_first_step:" in text
    assert not re.search(r"size about\s+\\\(\\sqrt\{\\epsilon\}\\\)", text)
    assert "Adadelta, sign" in text, "the conventions table's sign row"


def test_algorithm_boxes_are_complete():
    text = _text()
    for box in ['"Algorithm 1: Adam (Kingma and Ba 2014)"',
                '"Algorithm 1: Adadelta (Zeiler 2012)"']:
        start = text.index(box)
        body = text[start:text.index("\n\n", text.index("end ", start))]
        assert "**Require:**" in body, box
        assert "Initialise" in body or "initialise" in body, box
        assert "**for**" in body or "**while**" in body, box


def test_one_diagnosis_of_the_momentum_loop_and_a_link_to_it():
    text, backprop = _text(), BACKPROP.read_text("utf-8")
    assert "### The notes' momentum loop" in text
    assert "09-optimizers.md#the-notes-momentum-loop" in backprop
    # The notes' loop is printed, run and diagnosed on one page only.
    loop = "momentum = 0.1\n    while loss > 0.01:"
    assert text.count(loop) == 1
    assert "while loss > 0.01:\n" not in backprop
    assert "Sutskever" not in backprop.split("### The notes' loop")[0]
    assert "https://arxiv.org/abs/1212.0901" in backprop


def test_the_keras_comparison_is_called_a_check():
    text = _text()
    assert "proves that the NumPy code" not in text
    assert not re.search(r"NumPy code \*is\* Keras", text)
    assert "## Checking the NumPy code against Keras" in text
