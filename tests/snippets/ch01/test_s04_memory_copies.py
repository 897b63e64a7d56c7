"""snippets/ch01/s04_memory_copies.py: the sizes of the 1,024² matmul."""

from snippets.ch01.s04_memory_copies import matmul_work


def test_s04_the_1024_matmul_needs_a_million_threads(run_snippet):
    work = run_snippet("ch01/s04_memory_copies").result
    assert work["outputs"] == 1_048_576 == 1024 * 1024
    assert work["blocks"] * work["threads_per_block"] == work["outputs"]
    assert work["total_macs"] == 1024**3
    assert work["mib_per_matrix"] == 4.0


def test_s04_matmul_work_rounds_blocks_up():
    work = matmul_work(1000, block=16)  # 63 blocks per side cover 1,008
    assert work["blocks"] == 63 * 63
    assert work["blocks"] * work["threads_per_block"] >= work["outputs"]
