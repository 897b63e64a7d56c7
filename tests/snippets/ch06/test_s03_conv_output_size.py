"""6-3: the output-size formula is Keras's for every case tried, and the
strided, padded convolution by hand is Conv2D."""
from snippets.ch06 import s03_conv_output_size as s03


def test_formula_matches_keras_shapes(run_snippet):
    r = run_snippet("ch06/s03_conv_output_size").result
    assert r["num_cases"] > 100 and r["mismatches"] == []
    assert r["hand_diff"] < 1e-5
    assert r["hand_shape"] == "4×4×3"
    assert r["num_params"] == 3 * 3 * 2 * 3 + 3


def test_formula_examples():
    assert s03.output_size(28, 3) == 26
    assert s03.output_size(28, 3, p=1) == 28
    assert s03.output_size(7, 3, s=2) == 3
    assert s03.same_size(7, 2) == 4
