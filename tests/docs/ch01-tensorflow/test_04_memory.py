"""docs/ch01-tensorflow/04-memory.md: the CUDA listing, "the whole
program", compiles as the C++ that a .cu file is.

With nvcc installed the listing is compiled and linked as it stands.
Without it, g++ checks it as C++ against stand-in declarations of the
CUDA calls (the <<<...>>> launch becomes a plain call, which g++ can
parse). Neither runs it: that needs an NVIDIA GPU.
"""

import re
import shutil
import subprocess

import pytest

from scripts.paths import ROOT

PAGE = ROOT / "docs" / "ch01-tensorflow" / "04-memory.md"

# Just enough of the CUDA runtime's declarations for g++ -fsyntax-only.
CUDA_STUBS = """
#include <stddef.h>
#define __global__
struct uint3 { unsigned x, y, z; };
struct dim3 {
    unsigned x, y, z;
    dim3(unsigned x = 1, unsigned y = 1, unsigned z = 1)
        : x(x), y(y), z(z) {}
};
extern uint3 threadIdx, blockIdx;
extern dim3 blockDim, gridDim;
enum cudaError_t { cudaSuccess };
enum cudaMemcpyKind { cudaMemcpyHostToDevice, cudaMemcpyDeviceToHost };
template <class T> cudaError_t cudaMalloc(T **ptr, size_t bytes);
cudaError_t cudaMemset(void *ptr, int value, size_t bytes);
cudaError_t cudaMemcpy(void *dst, const void *src, size_t bytes,
                       cudaMemcpyKind kind);
cudaError_t cudaFree(void *ptr);
"""


def cuda_listing() -> str:
    text = PAGE.read_text("utf-8")
    blocks = re.findall(r"^```cuda\n(.*?)^```", text, re.S | re.M)
    assert len(blocks) == 1, "the page shows one CUDA listing"
    return blocks[0]


def compile_with_gxx(source: str, tmp_path) -> subprocess.CompletedProcess:
    launch = re.compile(r"(\w+)<<<[^>]*>>>\(")
    assert launch.search(source), "the listing launches a kernel"
    cpp = tmp_path / "listing.cpp"
    cpp.write_text(CUDA_STUBS + launch.sub(r"\1(", source), "utf-8")
    return subprocess.run(
        ["g++", "-x", "c++", "-std=c++17", "-fsyntax-only", "-Wall",
         "-Werror", str(cpp)], capture_output=True, text=True)


def test_listing_is_a_whole_cuda_program():
    source = cuda_listing()
    assert "#include <stdlib.h>" in source
    assert "__global__ void matmul(" in source and "int main(void)" in source
    for call in ("malloc", "cudaMalloc", "cudaMemcpy", "cudaFree", "free"):
        assert re.search(rf"\b{call}\(", source), call


@pytest.mark.skipif(shutil.which("nvcc") is None,
                    reason="nvcc (the CUDA toolkit) is not installed; "
                    "test_listing_is_valid_cxx checks it with g++")
def test_listing_compiles_with_nvcc(tmp_path):
    cu = tmp_path / "matmul.cu"
    cu.write_text(cuda_listing(), "utf-8")
    done = subprocess.run(["nvcc", str(cu), "-o", str(tmp_path / "matmul")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "matmul").exists()


@pytest.mark.skipif(shutil.which("g++") is None,
                    reason="g++ is not installed")
def test_listing_is_valid_cxx(tmp_path):
    done = compile_with_gxx(cuda_listing(), tmp_path)
    assert done.returncode == 0, done.stderr
    # The check has teeth: the uncast malloc of C does not compile as C++.
    uncast = cuda_listing().replace("(float *)malloc", "malloc")
    done = compile_with_gxx(uncast, tmp_path)
    assert done.returncode != 0 and "void*" in done.stderr
