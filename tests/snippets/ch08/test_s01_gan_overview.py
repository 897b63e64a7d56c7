"""snippets/ch08/s01_gan_overview.py: the diagram is drawn."""


def test_s01_diagram_has_both_players(run_snippet):
    run = run_snippet("ch08/s01_gan_overview")
    assert run.result == {"num_boxes": 5, "num_arrows": 4}
    assert [p.name for p in run.figures] == ["s01_gan_overview_diagram.svg"]
    svg = run.figures[0].read_text()
    assert svg.count("<path") > 4
