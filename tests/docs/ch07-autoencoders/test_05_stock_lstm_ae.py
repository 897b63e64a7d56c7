"""docs/ch07-autoencoders/05-stock-lstm-ae.md: the page says the model
loses to "tomorrow = today" in this build."""


def test_model_loses_to_tomorrow_equals_today(run_snippet):
    r = run_snippet("ch07/s05_stock_lstm").result
    assert r.model_rmse > r.persistence_rmse
