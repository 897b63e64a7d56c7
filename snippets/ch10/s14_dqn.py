"""A small deep Q-network on the book's grid world, with its replay
buffer and target network in plain sight, next to tabular Q-learning.

Section: 10-14 Practice: Q-learning on a grid world, with a DQN
Figure: s14_dqn_returns.svg, s14_dqn_policy.svg
"""
import time

import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

from snippets.ch10.s03_grid_world import (GAMMA, draw_grid, greedy_policy,
                                          make_grid_world, solve_bellman,
                                          value_iteration)
from snippets.ch10.s06_td_control import td_control

SEED = 14
NUM_EPISODES, MAX_STEPS = 300, 100
BATCH_SIZE, BUFFER_SIZE, TARGET_EVERY = 64, 2000, 50
TRAIN_EVERY = 4  # env steps per gradient step, as in Mnih et al.
LR = 1e-2


def epsilon_schedule(episode):
    """Linear decay from 1 to 0.05 over the first two thirds."""
    return max(0.05, 1 - episode / (NUM_EPISODES * 2 / 3))


# --8<-- [start:buffer]
class ReplayBuffer:
    """The last `capacity` transitions (s, a, r, s', done) in a ring;
    sample() draws a uniform random mini-batch."""

    def __init__(self, capacity, rng):
        self.s = np.zeros(capacity, dtype="int32")
        self.a = np.zeros(capacity, dtype="int32")
        self.r = np.zeros(capacity, dtype="float32")
        self.t = np.zeros(capacity, dtype="int32")
        self.done = np.zeros(capacity, dtype="float32")
        self.capacity, self.size, self.next, self.rng = capacity, 0, 0, rng

    def add(self, s, a, r, t, done):
        i = self.next
        self.s[i], self.a[i], self.r[i], self.t[i], self.done[i] = (
            s, a, r, t, done)
        self.next = (i + 1) % self.capacity  # overwrite the oldest
        self.size = min(self.size + 1, self.capacity)

    def sample(self, batch_size):
        i = self.rng.integers(self.size, size=batch_size)
        return self.s[i], self.a[i], self.r[i], self.t[i], self.done[i]
# --8<-- [end:buffer]


# --8<-- [start:network]
def build_q_network(num_states, num_actions):
    """One-hot state in, one Q value per action out."""
    return keras.Sequential([
        keras.Input(shape=(num_states,)),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(num_actions),
    ])


def dqn_targets(r, done, q_next, gamma=GAMMA):
    """y = r + gamma (1 - done) max_a' Q_target(s', a')."""
    return r + gamma * (1.0 - done) * tf.reduce_max(q_next, axis=1)
# --8<-- [end:network]


def train_dqn(env, rng):
    """Returns the online network, the return of every episode and the
    number of gradient steps."""
    num_states, num_actions = env.num_states, env.P.shape[1]
    one_hot = np.eye(num_states, dtype="float32")
    # --8<-- [start:setup]
    online = build_q_network(num_states, num_actions)
    target = build_q_network(num_states, num_actions)
    target.set_weights(online.get_weights())  # start as a frozen copy
    optimizer = keras.optimizers.Adam(learning_rate=LR)
    buffer = ReplayBuffer(BUFFER_SIZE, rng)
    # --8<-- [end:setup]

    # --8<-- [start:step]
    @tf.function
    def train_step(s, a, r, t, done):
        y = dqn_targets(r, done, target(t))  # from the frozen copy
        with tf.GradientTape() as tape:
            q = tf.gather(online(s), a, axis=1, batch_dims=1)  # Q(s, a)
            loss = tf.reduce_mean((y - q) ** 2)
        grads = tape.gradient(loss, online.trainable_variables)
        optimizer.apply_gradients(zip(grads, online.trainable_variables))
        return loss
    # --8<-- [end:step]

    def q_values(s):
        """Q(s, .) in NumPy from the current weights (cheap per step)."""
        w1, b1, w2, b2 = weights
        return np.maximum(one_hot[s] @ w1 + b1, 0) @ w2 + b2

    weights = [v.numpy() for v in online.weights]
    returns, num_updates, num_steps = [], 0, 0
    # --8<-- [start:loop]
    for episode in range(NUM_EPISODES):
        epsilon = epsilon_schedule(episode)
        s, total, done = env.reset(), 0.0, False
        for _ in range(MAX_STEPS):
            if rng.random() < epsilon:
                a = int(rng.integers(num_actions))
            else:
                a = int(np.argmax(q_values(s)))
            t, r, done = env.step(s, a, rng)
            buffer.add(s, a, r, t, done)
            total += r
            s, num_steps = t, num_steps + 1
            if buffer.size >= BATCH_SIZE and num_steps % TRAIN_EVERY == 0:
                bs, ba, br, bt, bd = buffer.sample(BATCH_SIZE)
                train_step(one_hot[bs], ba, br, one_hot[bt], bd)
                weights = [v.numpy() for v in online.weights]
                num_updates += 1
                if num_updates % TARGET_EVERY == 0:  # hard update
                    target.set_weights(online.get_weights())
            if done:
                break
        returns.append(total)
    # --8<-- [end:loop]
    return online, np.array(returns), num_updates


def main():
    keras.utils.set_random_seed(SEED)
    rng = np.random.default_rng(SEED)
    env = make_grid_world()
    V_star, Q_star, _ = value_iteration(env)
    started = time.perf_counter()
    online, dqn_returns, num_updates = train_dqn(env, rng)
    dqn_seconds = time.perf_counter() - started
    Q_dqn = online(np.eye(env.num_states, dtype="float32")).numpy()
    Q_dqn[env.terminal] = 0.0  # never trained there: no value after the end
    # --8<-- [start:tabular]
    Q_tab, tab_returns, _ = td_control(env, "q", NUM_EPISODES, rng,
                                       alpha=0.1, epsilon=epsilon_schedule,
                                       max_steps=MAX_STEPS)
    # --8<-- [end:tabular]
    window = 20
    fig, ax = plt.subplots(figsize=(7, 3.5))
    for label, ret in (("DQN", dqn_returns), ("tabular Q-learning",
                                              tab_returns)):
        smooth = np.convolve(ret, np.ones(window) / window, "valid")
        ax.plot(np.arange(window, NUM_EPISODES + 1), smooth, label=label)
    ax.axhline(V_star[env.start], color="k", ls="--", lw=1,
               label="V*(start), γ-discounted")
    ax.set_xlabel("episode")
    ax.set_ylabel(f"return ({window}-episode mean)")
    ax.legend()
    plt.show()
    pi_dqn, pi_tab = greedy_policy(Q_dqn), greedy_policy(Q_tab)
    V_dqn = solve_bellman(env, pi_dqn)  # its greedy policy, exactly
    V_tab = solve_bellman(env, pi_tab)
    draw_grid(env, Q_dqn.max(axis=1), "DQN: max_a Q(s, a) and its policy",
              policy=pi_dqn)
    plt.show()
    live = ~env.terminal
    tail = slice(NUM_EPISODES - 50, NUM_EPISODES)
    return {
        "num_episodes": NUM_EPISODES,
        "num_updates": num_updates,
        "dqn_seconds": dqn_seconds,
        "num_params": online.count_params(),
        "batch_size": BATCH_SIZE,
        "buffer_size": BUFFER_SIZE,
        "target_every": TARGET_EVERY,
        "train_every": TRAIN_EVERY,
        "v_star_start": float(V_star[env.start]),
        "v_dqn_start": float(V_dqn[env.start]),
        "v_tab_start": float(V_tab[env.start]),
        "dqn_agree": int((pi_dqn.argmax(1) == Q_star.argmax(1))[live].sum()),
        "tab_agree": int((pi_tab.argmax(1) == Q_star.argmax(1))[live].sum()),
        "num_live": int(live.sum()),
        "dqn_q_error": float(np.abs(Q_dqn - Q_star)[live].max()),
        "dqn_late_return": float(dqn_returns[tail].mean()),
        "tab_late_return": float(tab_returns[tail].mean()),
    }


if __name__ == "__main__":
    main()
