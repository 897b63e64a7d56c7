"""Time matrix multiplies on the CPU and on any accelerator; plot GFLOP/s.

Section: 1-5 TensorFlow on a GPU
Figure: s05_matmul_benchmark.svg
"""
import os
import platform
import time
from pathlib import Path

import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter
import tensorflow as tf

SEED = 5
SIZES = (256, 512, 1024, 2048, 4096)


# --8<-- [start:devices]
def cpu_name() -> str:
    """The CPU's model name (Linux: /proc/cpuinfo) and its core count."""
    name = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                name = line.split(":", 1)[1].strip()
                break
    name = name or platform.processor() or platform.machine() or "CPU"
    return f"{name}, {os.cpu_count()} logical cores"


def find_devices() -> list[tuple[str, str]]:
    """(TensorFlow device name, human-readable label) for CPU and GPUs."""
    devices = [("/CPU:0", f"CPU ({cpu_name()})")]
    for i, gpu in enumerate(tf.config.list_physical_devices("GPU")):
        details = tf.config.experimental.get_device_details(gpu)
        label = details.get("device_name", f"GPU {i}")
        devices.append((f"/GPU:{i}", f"GPU:{i} ({label})"))
    return devices
# --8<-- [end:devices]


# --8<-- [start:benchmark]
@tf.function(input_signature=[tf.TensorSpec([None, None], tf.float32)] * 2)
def matmul_checksum(a, b):
    """C = A·B, reduced to one number so that fetching it waits for C."""
    return tf.reduce_sum(tf.matmul(a, b))


def time_matmul(device: str, n: int, min_time=0.2, max_repeats=5):
    """Best wall-clock seconds of one n × n float32 matmul on `device`."""
    with tf.device(device):
        a = tf.random.uniform((n, n))
        b = tf.random.uniform((n, n))
        best = float("inf")
        spent, repeats = 0.0, 0
        while repeats < max_repeats and (repeats < 2 or spent < min_time):
            start = time.perf_counter()
            matmul_checksum(a, b).numpy()  # .numpy() waits for the result
            elapsed = time.perf_counter() - start
            best, spent, repeats = min(best, elapsed), spent + elapsed, (
                repeats + 1)
            if spent > 4 * min_time:
                break  # a large matrix on a slow device: one run is enough
    return best


def benchmark_matmul(sizes=SIZES, devices=None, min_time=0.2):
    """Rows of (device label, n, seconds, GFLOP/s); 2n³ flops per matmul."""
    rows = []
    for device, label in devices or find_devices():
        with tf.device(device):  # warm-up once: kernels, allocator
            small = tf.ones((min(sizes), min(sizes)))
            matmul_checksum(small, small).numpy()
        for n in sizes:
            seconds = time_matmul(device, n, min_time)
            rows.append((label, n, seconds, 2 * n**3 / seconds / 1e9))
    return rows
# --8<-- [end:benchmark]


def plot_benchmark(rows):
    """GFLOP/s against matrix size, one line per device."""
    fig, ax = plt.subplots(figsize=(7, 4))
    for label in dict.fromkeys(row[0] for row in rows):
        mine = [row for row in rows if row[0] == label]
        ax.plot([r[1] for r in mine], [r[3] for r in mine], "o-",
                label=label)
        for r in mine:
            ax.annotate(f"{r[3]:,.0f}", (r[1], r[3]), fontsize=7,
                        textcoords="offset points", xytext=(0, 5),
                        ha="center")
    ax.set_xscale("log", base=2)
    ax.set_yscale("log")
    plain = FuncFormatter(lambda value, _: f"{value:g}")
    ax.yaxis.set_major_formatter(plain)
    ax.yaxis.set_minor_formatter(plain)
    sizes = sorted({row[1] for row in rows})
    ax.set_xticks(sizes, [str(n) for n in sizes])
    ax.set(xlabel="n (C = A·B with n × n float32 matrices)",
           ylabel="GFLOP/s (log scale)")
    ax.set_title("measured when this book was built", fontsize=10)
    ax.grid(alpha=0.3, which="both")
    ax.legend(fontsize=8)
    return fig


def main() -> dict:
    """Benchmark every device found, print a table, draw the figure."""
    tf.keras.utils.set_random_seed(SEED)
    rows = benchmark_matmul(SIZES)
    print(f"{'device':<48} {'n':>5} {'ms':>9} {'GFLOP/s':>9}")
    for label, n, seconds, gflops in rows:
        print(f"{label[:48]:<48} {n:>5} {seconds * 1e3:>9.2f} "
              f"{gflops:>9.1f}")
    plot_benchmark(rows)
    plt.show()
    cpu = [r for r in rows if r[0].startswith("CPU")]
    accel = [r for r in rows if not r[0].startswith("CPU")]
    best_cpu = max(cpu, key=lambda r: r[3])
    result = {
        "rows": rows,
        "cpu_label": best_cpu[0],
        "cpu_best_gflops": best_cpu[3],
        "cpu_best_n": best_cpu[1],
        "num_accelerators": len({r[0] for r in accel}),
        "accelerator_label": "",
        "accelerator_best_gflops": 0.0,
    }
    if accel:
        best = max(accel, key=lambda r: r[3])
        result.update(accelerator_label=best[0],
                      accelerator_best_gflops=best[3],
                      speedup_over_cpu=best[3] / best_cpu[3])
        result["summary"] = (
            f"the accelerator {best[0]} reached {best[3]:,.0f} GFLOP/s, "
            f"{best[3] / best_cpu[3]:,.1f} times the CPU's best")
    else:
        result["summary"] = ("no GPU or other accelerator was visible, so "
                             "the figure shows the CPU alone")
    return result


if __name__ == "__main__":
    main()
