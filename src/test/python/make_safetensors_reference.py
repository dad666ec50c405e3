#!/usr/bin/python3
"""Writes safetensors files with the reference implementation, for ConvLab's own reader and writer.

ConvLab reads and writes safetensors with its own small code (org.convlab.io.Safetensors). These
files come from the format's reference implementation, the `safetensors` Python package (its
Rust core), so the Java tests (org.convlab.io.SafetensorsReferenceTest) check ConvLab against an
independent writer; they never run Python. Run from the repository root with a python3 that has
`safetensors` and `numpy` (and `torch` for the bfloat16 file, which is skipped without it):

    python3 src/test/python/make_safetensors_reference.py

Debian 12 has python3-torch but no python3-safetensors, so use a virtual environment:
`python3 -m venv /tmp/st && /tmp/st/bin/pip install safetensors numpy torch`. The files were
made with safetensors 0.8.0, numpy 2.4.6 and torch 2.13.0+cpu; the script is deterministic, so
running it again leaves them unchanged.

It writes to src/test/resources/io/:
  reference-f32.safetensors    F32 tensors and one metadata entry. ConvLab's writer, given the same
                               names, shapes, values and metadata, must produce these exact bytes.
  reference-mixed.safetensors  F16 and F64 tensors (and F32), which ConvLab reads as floats.
  reference-bf16.safetensors   a BF16 tensor, written by torch (numpy has no bfloat16).
Every value is exact in its dtype, so the Java tests state them as literals.
"""
import os

import numpy as np
from safetensors.numpy import save_file

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "io")


def main():
    os.makedirs(OUT, exist_ok=True)
    f32 = {
        # (i - 9) * 0.375 for i = 0..17, exact in float32
        "conv1.weight": ((np.arange(18, dtype=np.float64) - 9) * 0.375).astype(np.float32).reshape(2, 1, 3, 3),
        "fc.bias": np.array([1.5, -0.0, 3.4028235e38], dtype=np.float32),
        "scale": np.array(-2.5, dtype=np.float32),  # shape [], one value
        "empty": np.zeros((0,), dtype=np.float32),
        "Z.last": np.array([[1.0, 2.0], [3.0, 4.0]], dtype=np.float32),
    }
    save_file(f32, os.path.join(OUT, "reference-f32.safetensors"), metadata={"format": "pt"})

    mixed = {
        "half": np.array([[1.0, -2.0, 65504.0], [2.0 ** -24, -0.0, 0.5]], dtype=np.float16),
        "double": np.array([1.5, 0.1], dtype=np.float64),
        "single": np.array([0.25], dtype=np.float32),
    }
    save_file(mixed, os.path.join(OUT, "reference-mixed.safetensors"))

    try:
        import torch
        from safetensors.torch import save_file as save_torch
    except ImportError:
        print("no torch here: reference-bf16.safetensors left as it is")
    else:
        bf16 = {"bf": torch.tensor([1.0, -2.0, 0.5, 2.0 ** -133], dtype=torch.bfloat16)}
        save_torch(bf16, os.path.join(OUT, "reference-bf16.safetensors"))
    print("wrote", sorted(os.listdir(OUT)))


if __name__ == "__main__":
    main()
