"""snippets/ch01/s06_graphs.py: the drawn graph is the traced one, and
eager and graph steps agree and are timed."""

import pytest

from snippets.ch01.s06_graphs import compare_in_words, layered_layout


def test_s06_drawn_graph_is_the_traced_graph(run_snippet):
    run = run_snippet("ch01/s06_graphs")
    result = run.result
    nodes = {name: (op, inputs, value)
             for name, op, inputs, value in result["nodes"]}
    assert nodes["x"][0] == nodes["y"][0] == "Placeholder"
    assert nodes["Add"][:2] == ("AddV2", ["x", "y"])
    assert nodes["Mul/x"][0] == "Const" and nodes["Mul/x"][2] == 5
    assert nodes["Mul"][:2] == ("Mul", ["Mul/x", "Add"])
    assert nodes["Identity"][1] == ["Mul"]
    assert result["num_nodes"] == len(nodes) == 6
    assert result["ops"].split(", ") == [v[0] for v in nodes.values()]
    position = layered_layout(result["nodes"])
    assert [position[n][0] for n in ("x", "Add", "Mul", "Identity")] == [
        0, 1, 2, 3]
    assert position["Mul/x"][0] == 1  # a constant sits before its use
    assert [p.name for p in run.figures] == ["s06_graphs_scaled_sum.svg"]


def test_s06_graph_and_eager_agree_and_are_timed(run_snippet):
    result = run_snippet("ch01/s06_graphs").result
    assert result["max_loss_difference"] < 1e-5
    assert result["last_loss"] < result["first_loss"], "SGD must learn"
    assert result["eager_ms"] > 0 and result["graph_ms"] > 0
    assert result["speedup"] == pytest.approx(
        result["eager_ms"] / result["graph_ms"])
    assert result["comparison"] == compare_in_words(
        result["eager_ms"], result["graph_ms"])
    assert result["traces"] == 1, "one signature, one trace"
    assert result["train_step_nodes"] > 20


@pytest.mark.parametrize("eager_ms, graph_ms, words", [
    (3.0, 1.0, "the graph step was 3.0 times as fast"),
    (1.0, 1.02, "the two took about the same time"),
    (1.0, 1.25, "the graph step was the slower one here, taking "
                "1.2 times as long"),
])
def test_s06_timing_reads_right_either_way(eager_ms, graph_ms, words):
    assert compare_in_words(eager_ms, graph_ms) == words
