"""The kinds of sequence learning as Keras models, with the shapes that
flow through them.

Section: 5-5 Kinds of sequence learning
"""
import keras
import numpy as np

SEED = 55
BATCH, STEPS, FEATURES, UNITS = 8, 10, 3, 16


# --8<-- [start:models]
def many_to_one():
    """A sequence in, one vector out (classify, forecast one value)."""
    return keras.Sequential([
        keras.Input((STEPS, FEATURES)),
        keras.layers.LSTM(UNITS),  # return_sequences=False: last h only
        keras.layers.Dense(1)])


def many_to_many_aligned():
    """One output per input step (tag every step)."""
    return keras.Sequential([
        keras.Input((STEPS, FEATURES)),
        keras.layers.LSTM(UNITS, return_sequences=True),  # every h_t
        keras.layers.TimeDistributed(keras.layers.Dense(1))])


def one_to_many(out_steps=STEPS):
    """One vector in, a sequence out (caption an image, generate)."""
    return keras.Sequential([
        keras.Input((FEATURES,)),
        keras.layers.RepeatVector(out_steps),  # the vector at every step
        keras.layers.LSTM(UNITS, return_sequences=True),
        keras.layers.TimeDistributed(keras.layers.Dense(1))])


def encoder_decoder(out_steps=4):
    """A sequence in, a sequence of another length out (translate)."""
    inputs = keras.Input((STEPS, FEATURES))
    summary = keras.layers.LSTM(UNITS)(inputs)  # the encoder's last h
    repeated = keras.layers.RepeatVector(out_steps)(summary)
    decoded = keras.layers.LSTM(UNITS, return_sequences=True)(repeated)
    outputs = keras.layers.Dense(1)(decoded)  # Dense acts per step
    return keras.Model(inputs, outputs)
# --8<-- [end:models]


def main() -> dict:
    keras.utils.set_random_seed(SEED)
    rng = np.random.default_rng(SEED)
    seq = rng.normal(size=(BATCH, STEPS, FEATURES)).astype("float32")
    vec = rng.normal(size=(BATCH, FEATURES)).astype("float32")
    shapes = {}
    for build, x in [(many_to_one, seq), (many_to_many_aligned, seq),
                     (one_to_many, vec), (encoder_decoder, seq)]:
        model = build()
        shapes[build.__name__] = {
            "input": list(x.shape),
            "output": list(model(x).shape),
            "params": model.count_params()}
    # Dense on a 3-D tensor acts on the last axis, like TimeDistributed
    dense = keras.layers.Dense(2)
    per_step = keras.layers.TimeDistributed(dense)
    same = np.allclose(dense(seq), per_step(seq))
    return {"shapes": shapes, "dense_is_time_distributed": bool(same),
            **{f"{name}_out": "×".join(map(str, s["output"]))
               for name, s in shapes.items()},
            **{f"{name}_in": "×".join(map(str, s["input"]))
               for name, s in shapes.items()},
            **{f"{name}_params": s["params"] for name, s in shapes.items()}}


if __name__ == "__main__":
    main()
