"""6-7: the parameter counts by formula are Keras's."""


def test_counts_match_the_formula(run_snippet):
    r = run_snippet("ch06/s07_layer_patterns").result
    assert r["lenet_params"] == r["lenet_formula"] == 61706
    assert r["vgg_params"] == r["vgg_formula"]
    # BN's moving mean and variance: 2 per channel, 32+32+64+64 channels
    assert r["vgg_non_trainable"] == 2 * (32 + 32 + 64 + 64)
    assert "Total params: 61,706" in r["lenet_summary"]
    assert r["vgg_flatten_alternative"] > 60 * 650
