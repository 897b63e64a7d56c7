"""Draw the host/device memory round trip of a CUDA matrix multiply.

Section: 1-4 CPU and GPU memory
Figure: s04_memory_copies.svg
"""
import matplotlib.pyplot as plt
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch


# --8<-- [start:sizes]
def matmul_work(n: int = 1024, block: int = 16, bytes_per_value: int = 4):
    """What C = A·B with n × n float32 matrices asks of a GPU."""
    outputs = n * n                 # one thread per element of C
    blocks_per_side = -(-n // block)  # ceil(n / block)
    return {
        "outputs": outputs,
        "threads_per_block": block * block,
        "blocks": blocks_per_side ** 2,
        "macs_per_thread": n,       # one row of A times one column of B
        "total_macs": outputs * n,
        "mib_per_matrix": outputs * bytes_per_value / 2**20,
    }
# --8<-- [end:sizes]


def _box(ax, xy, width, height, text, color, fontsize=9):
    ax.add_patch(FancyBboxPatch(xy, width, height,
                                boxstyle="round,pad=0.02,rounding_size=0.15",
                                fc=color, ec="#333", lw=1))
    ax.text(xy[0] + width / 2, xy[1] + height - 0.12, text, ha="center",
            va="top", fontsize=fontsize)


def _arrow(ax, start, end, text, color, offset=0.12):
    ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>",
                                 mutation_scale=14, lw=1.6, color=color))
    ax.text((start[0] + end[0]) / 2, (start[1] + end[1]) / 2 + offset,
            text, ha="center", va="bottom", fontsize=7.5, color=color)


def plot_memory_copies(work):
    """Host memory, device memory, the bus, and the five CUDA steps."""
    fig, ax = plt.subplots(figsize=(9, 4.6))
    _box(ax, (0.2, 0.3), 3.0, 4.2, "host: CPU", "#fde9d9", 11)
    _box(ax, (6.8, 0.3), 3.0, 4.2, "device: GPU", "#dbe9f6", 11)
    _box(ax, (0.45, 0.6), 2.5, 3.2,
         "main memory (RAM)\n1) malloc()\nh_A, h_B, h_C", "#fff")
    _box(ax, (7.05, 0.6), 2.5, 3.2,
         "global memory (VRAM)\n1) cudaMalloc()\nd_A, d_B, d_C", "#fff")
    ax.text(5.0, 0.45, "PCIe / NVLink bus", ha="center", fontsize=8,
            color="#555")
    ax.plot([3.2, 6.8], [0.7, 0.7], color="#999", lw=6, alpha=0.4)
    _arrow(ax, (2.95, 2.9), (7.05, 2.9),
           "2) cudaMemcpy(d_A, h_A, bytes,\n"
           "cudaMemcpyHostToDevice); same for B",
           "#d62728")
    _arrow(ax, (7.05, 1.5), (2.95, 1.5),
           "4) cudaMemcpy(h_C, d_C, bytes,\ncudaMemcpyDeviceToHost)",
           "#2ca02c")
    ax.text(8.3, 2.1,
            f"3) kernel: {work['outputs']:,} threads\n"
            f"({work['blocks']:,} blocks × "
            f"{work['threads_per_block']})\nC = A·B",
            ha="center", va="center", fontsize=8, color="#1f4e79",
            bbox=dict(boxstyle="round", fc="#eef5fb", ec="#1f4e79"))
    ax.text(5.0, 4.75, "5) free() on the host, cudaFree() on the device",
            ha="center", fontsize=9)
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 5)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig


def main() -> dict:
    """Draw the diagram for the 1,024 × 1,024 example; return its sizes."""
    work = matmul_work(1024)
    plot_memory_copies(work)
    plt.show()
    return work


if __name__ == "__main__":
    main()
