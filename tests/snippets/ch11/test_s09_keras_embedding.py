"""snippets/ch11/s09_keras_embedding.py: the Keras embedding model
trained with fit on one full batch is 11-8's NumPy factorisation."""


def test_s09_keras_equals_numpy(run_snippet):
    r = run_snippet("ch11/s09_keras_embedding").result
    assert r["max_weight_diff"] < 1e-4
    assert r["max_pred_diff"] < 1e-4
    assert r["loss_diff"] < 1e-5
    assert abs(r["keras_loss_first"] - r["numpy_loss_first"]) < 1e-5
    assert abs(r["rmse_keras"] - r["rmse_numpy"]) < 1e-5
