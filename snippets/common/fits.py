"""Result records shared by the Keras fits of sections 1-14 and 1-15."""

from dataclasses import dataclass, field


@dataclass
class KerasFit:
    """Learned y = w1·x² + w2·x + b and the loss (MSE) of every epoch."""

    w1: float
    w2: float
    b: float
    loss_history: list[float]
    first_layer: str = ""  # type of model.layers[0]
    first_loss: float = field(init=False)
    final_loss: float = field(init=False)
    previous_loss: float = field(init=False)  # the epoch before the last
    min_loss: float = field(init=False)
    max_late_loss: float = field(init=False)  # worst of epochs 101-300

    def __post_init__(self):
        loss = self.loss_history
        self.first_loss, self.final_loss = loss[0], loss[-1]
        self.previous_loss, self.min_loss = loss[-2], min(loss)
        self.max_late_loss = max(loss[100:])
