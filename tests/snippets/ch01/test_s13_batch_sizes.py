"""snippets/ch01/s13_batch_sizes.py: what the page says about batch
sizes 1, 10 and 100, in loss and in time."""

import numpy as np
import pytest


def test_s13_batch_sizes_show_what_the_page_says(run_snippet):
    run = run_snippet("ch01/s13_batch_sizes")
    r = run.result
    n = r["num_epochs"]
    assert (r["updates_1"], r["updates_10"], r["updates_100"]) == (
        100 * n, 10 * n, n)
    for b in (1, 10, 100):
        assert len(r[f"losses_{b}"]) == n + 1
        assert r[f"losses_{b}"][0] == pytest.approx(r["initial_loss"])
    # Progress per epoch: smaller batches get below 1 in fewer epochs;
    # the full batch does not get there within the run.
    assert 0 < r["epochs_to_below_1_1"] < r["epochs_to_below_1_10"]
    assert r["epochs_to_below_1_100"] == 0
    assert r["final_loss_100"] > 10 and r["final_loss_100"] > 100 * max(
        r["final_loss_1"], r["final_loss_10"])
    # Noise: the full batch falls smoothly, small batches jump by orders
    # of magnitude near the end.
    full = np.array(r["losses_100"])
    assert np.all(np.diff(full) < 0)
    assert r["tail_spread_1"] > 100 and r["tail_spread_10"] > 100
    assert np.any(np.diff(r["losses_1"]) > 0)
    # Time: an epoch of batch 1 costs more than one of batch 100, but far
    # less than 100 times as much (fixed costs per step and per epoch).
    assert 1 < r["epoch_time_ratio"] < 100
    assert r["epoch_time_ratio"] == pytest.approx(
        r["ms_per_epoch_1"] / r["ms_per_epoch_100"])
    # NumPy arrays make fit rebuild its pipeline every epoch.
    assert r["ms_per_epoch_arrays_10"] > r["ms_per_epoch_10"]
    assert [p.name for p in run.figures] == [
        "s13_batch_sizes.svg", "s13_batch_sizes_cause.svg"]


def test_s13_jumps_come_from_rmsprop_not_from_batching(run_snippet):
    r = run_snippet("ch01/s13_batch_sizes").result
    checks = r["num_updates"] // r["steps_per_check"]
    for key in ("sgd_10", "rmsprop_10", "rmsprop_full"):
        losses = r[f"cause_losses_{key}"]
        assert len(losses) == checks + 1
        assert losses[0] == pytest.approx(r["initial_loss"])
    # Noiseless data: plain mini-batch SGD converges to float32 precision.
    assert r["cause_final_sgd_10"] < 1e-8
    sgd_late = np.array(r["cause_losses_sgd_10"][checks // 2:])
    assert sgd_late.max() < 1e-3
    # Mini-batch RMSprop jumps by orders of magnitude in its second half.
    assert r["cause_late_max_rmsprop_10"] > 1e3 * r[
        "cause_late_min_rmsprop_10"]
    assert r["cause_late_max_rmsprop_10"] > 1e-2
    # Full-batch RMSprop follows the true gradient and still stalls: a
    # flat loss near 0.1, never near the minimum, further from it than
    # the mini-batch run at its best.
    assert r["cause_late_min_rmsprop_full"] > 1e-2
    assert r["cause_late_max_rmsprop_full"] < 1.01 * r[
        "cause_late_min_rmsprop_full"]
    assert r["cause_final_rmsprop_full"] > 1e4 * r["cause_final_sgd_10"]
    assert r["cause_final_rmsprop_full"] > r["cause_min_rmsprop_10"]
