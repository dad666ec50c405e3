#!/usr/bin/python3
"""Writes a tiny encoder-decoder with torch.onnx.export, for ConvLab's import of ConvTranspose and Resize.

Run from the repository root with Debian's python3 (python3-torch 1.13, python3-onnx 1.12), not
the pyenv python3 first on PATH:

    /usr/bin/python3 src/test/python/make_onnx_upsampling_reference.py

The files in src/test/resources/onnx/ were made exactly so (torch 1.13, onnx 1.12, CPU, seed 16).
It writes, as make_onnx_reference.py does (whose export() it uses):
  encoder_decoder.onnx         opset 13, input "input" [N, 2, 7, 7] with a dynamic batch, output "logits"
  encoder_decoder.values.json  a batch of 2 inputs and PyTorch's eval-mode outputs

The net: Conv2d(2, 4, 3, stride 2, padding 1), ReLU, ConvTranspose2d(4, 3, 3, stride 2, padding 1,
output_padding 1) (7x7 -> 4x4 -> 8x8), Upsample(scale_factor=2, mode="nearest"), Conv2d(3, 3, 3,
padding 1), Upsample(scale_factor=2, mode="bilinear", align_corners=False), Conv2d(3, 2, 4, stride 4),
torch.flatten: [N, 2 * 8 * 8]. torch writes nn.Upsample as Resize (nearest: asymmetric / floor;
bilinear: linear / half_pixel) with its scales as a Constant node.
"""
import os
import sys

import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_onnx_reference as ref  # noqa: E402


class EncoderDecoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.down = nn.Conv2d(2, 4, 3, stride=2, padding=1)
        self.up1 = nn.ConvTranspose2d(4, 3, 3, stride=2, padding=1, output_padding=1)
        self.near = nn.Upsample(scale_factor=2, mode="nearest")
        self.mix = nn.Conv2d(3, 3, 3, padding=1)
        self.bil = nn.Upsample(scale_factor=2, mode="bilinear", align_corners=False)
        self.head = nn.Conv2d(3, 2, 4, stride=4)

    def forward(self, x):
        x = torch.relu(self.down(x))
        x = self.near(self.up1(x))
        x = self.bil(self.mix(x))
        return torch.flatten(self.head(x), 1)


def main():
    os.makedirs(ref.OUT, exist_ok=True)
    torch.manual_seed(16)
    ref.export(EncoderDecoder(), "encoder_decoder", (2, 7, 7))


if __name__ == "__main__":
    main()
