"""5-5: the four kinds of sequence model give the shapes the page
prints."""


def test_shapes(run_snippet):
    r = run_snippet("ch05/s05_sequence_shapes").result
    s = r["shapes"]
    assert s["many_to_one"]["output"] == [8, 1]
    assert s["many_to_many_aligned"]["output"] == [8, 10, 1]
    assert s["one_to_many"]["input"] == [8, 3]
    assert s["one_to_many"]["output"] == [8, 10, 1]
    assert s["encoder_decoder"]["output"] == [8, 4, 1]
    # LSTM(16) on 3 features + Dense(1): 4(3·16 + 16·16 + 16) + 17
    assert s["many_to_one"]["params"] == 4 * (3 * 16 + 16 * 16 + 16) + 17
    assert r["dense_is_time_distributed"]
