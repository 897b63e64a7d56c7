"""snippets/ch08/s07_mixture_gan.py: the GAN leaves the single mode of
its start, and drops modes during the run (what 8-7 and 8-9 say)."""

import numpy as np
import pytest

from snippets.ch08 import s07_mixture_gan as s07


def test_s07_run_drops_modes(run_snippet):
    run = run_snippet("ch08/s07_mixture_gan")
    r = run.result
    assert r["num_steps"] == s07.NUM_STEPS
    assert [r[f"step_{i}"] for i in range(6)] == list(s07.SNAPSHOTS)
    # the baseline: the untrained generator covers the middle mode only
    assert r["covered_0"] == 1
    assert r["share_0_2"] > 0.9
    # training spreads the samples: more modes covered than at the start
    assert max(r[f"covered_{i}"] for i in range(1, 6)) > r["covered_0"]
    assert r["final_modes_covered"] >= 3
    # mode dropping: some check after the start misses a mode (8-7, 8-9)
    assert r["min_modes_covered"] < r["num_modes"]
    # and a lost mode can come back (8-7's "sometimes comes back")
    assert r["num_returns"] >= 1
    # the generator smears mass over the gaps, far more than the target
    assert r["between_5"] > 1 - r["target_share"] + 0.05
    assert [p.name for p in run.figures] == [
        "s07_mixture_gan_histograms.svg", "s07_mixture_gan_shares.svg"]


def test_s07_shares_of_the_target_itself():
    x = s07.sample_mixture(np.random.default_rng(0), 200_000)
    shares = s07.mode_shares(x)
    # 95.45% of a normal lies within 2 sigma; each mode gets a fifth
    np.testing.assert_allclose(shares, 0.9545 / 5, atol=0.004)
    assert np.all(shares >= s07.COVERED)
    assert s07.COVERED == pytest.approx(0.05)
