"""II-3: a line under-fits, a big network over-fits, Dropout helps."""


def test_run_shows_under_and_over_fitting_and_dropout(run_snippet):
    run = run_snippet("part2/s03_fitting")
    result = run.result
    assert (result.n_train, result.n_val) == (30, 20)
    noise = result.noise_mse
    # The line under-fits: both losses stay well above the noise level.
    assert min(result.linear_train, result.linear_val) > 1.5 * noise
    # The big network over-fits: training loss below the noise, validation
    # loss best early and clearly worse at the end.
    assert result.big_train < noise
    assert result.big_best_epoch < 100
    assert result.big_val > 1.3 * result.big_best_val
    # Dropout: a lower final validation loss, and a training loss (taken
    # on the thinned network) above the validation loss, as the page says.
    assert result.dropout_val < result.big_val
    assert result.dropout_train > result.dropout_val
    assert len(result.histories["big"]["val_loss"]) == 300
    assert [p.name for p in run.figures] == ["s03_fitting_curves.svg",
                                             "s03_fitting_fits.svg"]
