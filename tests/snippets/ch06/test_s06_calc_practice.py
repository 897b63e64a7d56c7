"""6-6: every exercise's answer (computed by hand) equals Keras's, and
the answers are the ones a reader gets with pencil and paper."""


def test_every_answer_is_checked_by_keras(run_snippet):
    r = run_snippet("ch06/s06_calc_practice").result
    assert r["worst_diff"] < 1e-5
    assert r["e5_keras_shape"] == [r["e5_size"], r["e5_size"], 16]
    assert r["e5_keras_params"] == r["e5_params"] == 5 * 5 * 3 * 16 + 16


def test_answers_by_pencil(run_snippet):
    a = run_snippet("ch06/s06_calc_practice").result["answers"]
    # exercise 1, top left: 2·1 + 0·(-1) + 1·0 + 4·2
    assert a["e1"][0][0] == 10
    # exercise 2, centre: the Laplacian of a linear ramp is 0
    assert a["e2"][1][1] == 0
    assert a["e3_max"] == [[5, 8], [7, 6]]
    # exercise 4: each input pixel stamps its multiple of the kernel
    assert a["e4"][0][:2] == [1, 2] and a["e4"][2][:2] == [2, 4]
