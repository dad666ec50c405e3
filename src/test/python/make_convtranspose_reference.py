#!/usr/bin/python3
"""PyTorch reference values for ConvLab's transposed convolution and upsampling (issue 16, item 3).

Run with Debian's own python3 (python3-torch 1.13; the pyenv python3 first on PATH has no
torch), from the repository root:

    /usr/bin/python3 src/test/python/make_convtranspose_reference.py

It writes src/test/resources/layers/torch-convtranspose.json with, for every case, the input x,
the parameters (weight in ConvTranspose2d's layout [C_in, C_out, KH, KW], bias [C_out] or none),
PyTorch's output y, and the gradients of the loss L = sum(y * y) (so dL/dy = 2y): dx, dw, db.
Cases: torch.nn.ConvTranspose2d with stride 1, 2 and 3, padding, output_padding (one case with
output_padding >= stride under a larger dilation, as PyTorch allows), dilation, rectangular
kernels and paddings, several channels, with and without bias; torch.nn.Upsample nearest and
bilinear (align_corners=False) at scales 2 and 3.

The Java test (org.convlab.engine.ConvTransposeTorchTest) reads the file; it never runs Python.
The script is deterministic (fixed seed, one thread, float32).
"""
import json
import os

import torch

torch.manual_seed(16)
torch.set_num_threads(1)

OUT = os.path.join("src", "test", "resources", "layers", "torch-convtranspose.json")


def flat(t):
    return [float(v) for v in t.detach().reshape(-1).tolist()]


def pair(v):
    return list(v) if isinstance(v, tuple) else v


def conv_case(name, n, cin, cout, h, w, kernel, stride, padding, output_padding, dilation, bias):
    layer = torch.nn.ConvTranspose2d(cin, cout, kernel, stride=stride, padding=padding,
                                     output_padding=output_padding, dilation=dilation, bias=bias)
    x = torch.randn(n, cin, h, w, requires_grad=True)
    y = layer(x)
    (y * y).sum().backward()
    return {
        "name": name,
        "in_shape": [n, cin, h, w],
        "filters": cout,
        "kernel": pair(kernel),
        "stride": stride,
        "padding": pair(padding),
        "output_padding": pair(output_padding),
        "dilation": dilation,
        "out_shape": list(y.shape),
        "x": flat(x),
        "w": flat(layer.weight),
        "b": flat(layer.bias) if bias else None,
        "y": flat(y),
        "dx": flat(x.grad),
        "dw": flat(layer.weight.grad),
        "db": flat(layer.bias.grad) if bias else None,
    }


def upsample_case(name, n, c, h, w, scale, mode):
    kwargs = {"align_corners": False} if mode == "bilinear" else {}
    layer = torch.nn.Upsample(scale_factor=scale, mode=mode, **kwargs)
    x = torch.randn(n, c, h, w, requires_grad=True)
    y = layer(x)
    (y * y).sum().backward()
    return {
        "name": name,
        "in_shape": [n, c, h, w],
        "scale": scale,
        "mode": mode,
        "out_shape": list(y.shape),
        "x": flat(x),
        "y": flat(y),
        "dx": flat(x.grad),
    }


def main():
    conv = [
        conv_case("slides 4x4 k3 s2 p1 (7x7)", 1, 1, 1, 4, 4, 3, 2, 1, 0, 1, True),
        conv_case("stride 1 no padding", 2, 2, 3, 4, 5, 3, 1, 0, 0, 1, True),
        conv_case("stride 2 padding 1 output_padding 1", 2, 3, 2, 4, 4, 3, 2, 1, 1, 1, True),
        conv_case("stride 3 padding 2 output_padding 2 no bias", 2, 2, 4, 3, 4, 4, 3, 2, 2, 1, False),
        conv_case("dilation 2 stride 1 output_padding 1", 2, 2, 2, 5, 4, 3, 1, 1, 1, 2, True),
        conv_case("dilation 2 stride 2 padding 2 output_padding 1", 1, 3, 2, 4, 3, 3, 2, 2, 1, 2, True),
        conv_case("rectangular kernel 2x3 padding (0,1) output_padding (1,0)", 2, 2, 3, 3, 4, (2, 3), 2, (0, 1),
                  (1, 0), 1, True),
        conv_case("8 filters stride 1 padding 1 (implicit GEMM path)", 2, 6, 8, 5, 5, 3, 1, 1, 0, 1, True),
        conv_case("12 filters stride 2 no bias", 2, 5, 12, 4, 3, 3, 2, 0, 1, 1, False),
        conv_case("1x1 kernel stride 2", 1, 3, 2, 3, 3, 1, 2, 0, 1, 1, True),
    ]
    upsample = [
        upsample_case("nearest x2", 2, 2, 3, 4, 2, "nearest"),
        upsample_case("nearest x3", 1, 3, 2, 3, 3, "nearest"),
        upsample_case("bilinear x2", 2, 2, 3, 4, 2, "bilinear"),
        upsample_case("bilinear x3", 1, 3, 4, 2, 3, "bilinear"),
        upsample_case("bilinear x2 one row", 1, 1, 1, 5, 2, "bilinear"),
    ]
    with open(OUT, "w") as f:
        json.dump({"torch": torch.__version__, "convtranspose": conv, "upsample": upsample}, f,
                  separators=(",", ":"))
        f.write("\n")
    print("wrote", OUT, os.path.getsize(OUT), "bytes")


if __name__ == "__main__":
    main()
