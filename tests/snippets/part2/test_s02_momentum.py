"""II-2: the momentum loops match Keras's SGD, memory matters, and the
race is drawn from the same run."""

import numpy as np

from snippets.part2.s02_momentum import (LR, W0, gradient_descent,
                                        memoryless_descent)


def test_memoryless_update_is_plain_descent_with_a_larger_step():
    for m in [0.1, 0.9]:
        ours = memoryless_descent(W0, LR, m)
        plain = gradient_descent(W0, (1 + m) * LR)
        assert ours.shape == plain.shape
        assert np.allclose(ours, plain, rtol=0, atol=1e-12)


def test_loops_match_keras_and_beat_no_memory(run_snippet):
    race = run_snippet("part2/s02_momentum").result
    assert race.keras_max_diff < 1e-12
    # Memory matters at m = 0.9, and Nesterov is fastest on this valley.
    assert (race.steps_nesterov_09 < race.steps_momentum_09
            < race.steps_memoryless_09 / 2 < race.steps_gd)
    # At the notes' m = 0.1 every variant is within 10 % of the others.
    small = [race.steps_memoryless_01, race.steps_momentum_01,
             race.steps_nesterov_01]
    assert max(small) < 1.1 * min(small) < race.steps_gd


def test_figure_draws_the_race_it_returns(run_snippet):
    run = run_snippet("part2/s02_momentum")
    assert [p.name for p in run.figures] == ["s02_momentum_race.svg"]
    race = run.result
    # each path is as long as the step count the page quotes
    for name, path in race.paths.items():
        assert len(path) - 1 == getattr(race, f"steps_{name}"), name
    assert "<svg" in run.figures[0].read_text()
