#!/usr/bin/python3
"""Reference values from PyTorch for the layer kernels (BatchNorm, LocalResponseNorm, pooling).

Run with Debian's python3 and python3-torch (the pyenv python3 first on PATH has no torch):
    /usr/bin/python3 src/test/resources/layers/make_torch_layers.py
It writes torch-layers.json and torch-pool-rect.json next to itself; the Java tests read those
files and never run Python.
Inputs are small fixed formulas (no random generator), so the file is reproducible.
"""
import json
import math
import os

import torch

torch.set_default_dtype(torch.float32)


def seq(n, a, b):
    # deterministic, irregular values in roughly [-2, 2]
    return [round(2 * math.sin(a * i + b) + 0.3 * math.cos(3.7 * i), 4) for i in range(n)]


def flat(t):
    return [float(v) for v in t.detach().reshape(-1).tolist()]


out = {"torch_version": torch.__version__}

# BatchNorm2d: training step (batch stats, running update, gradients) then inference
N, C, H, W = 3, 5, 3, 4
x = torch.tensor(seq(N * C * H * W, 0.37, 0.1)).reshape(N, C, H, W).requires_grad_(True)
r = torch.tensor(seq(N * C * H * W, 0.91, 0.7)).reshape(N, C, H, W)
bn = torch.nn.BatchNorm2d(C, eps=1e-5, momentum=0.1)
with torch.no_grad():
    bn.weight.copy_(torch.tensor([1.0, 0.5, -1.5, 2.0, 0.25]))
    bn.bias.copy_(torch.tensor([0.0, 0.1, -0.2, 0.3, 1.0]))
    bn.running_mean.copy_(torch.tensor([0.2, -0.1, 0.0, 0.5, 1.0]))
    bn.running_var.copy_(torch.tensor([1.0, 2.0, 0.5, 1.5, 3.0]))
gamma, beta = flat(bn.weight), flat(bn.bias)
rm0, rv0 = flat(bn.running_mean), flat(bn.running_var)
bn.train()
y = bn(x)
(y * r).sum().backward()
train = {"y": flat(y), "running_mean": flat(bn.running_mean), "running_var": flat(bn.running_var),
         "dx": flat(x.grad), "dgamma": flat(bn.weight.grad), "dbeta": flat(bn.bias.grad)}
bn.eval()
with torch.no_grad():
    infer = flat(bn(x))
out["batchnorm"] = {"shape": [N, C, H, W], "eps": 1e-5, "momentum": 0.1, "x": flat(x), "r": flat(r),
                    "gamma": gamma, "beta": beta, "running_mean_before": rm0, "running_var_before": rv0,
                    "train": train, "inference_y": infer}

# LocalResponseNorm, odd and even window sizes (even sizes make the window lopsided)
lrn_cases = []
for size, alpha, beta_, k in [(5, 1e-1, 0.75, 2.0), (4, 0.5, 0.6, 1.0)]:
    N, C, H, W = 2, 7, 2, 3
    x = torch.tensor(seq(N * C * H * W, 0.53, 0.3)).reshape(N, C, H, W).requires_grad_(True)
    r = torch.tensor(seq(N * C * H * W, 1.13, 0.2)).reshape(N, C, H, W)
    y = torch.nn.LocalResponseNorm(size, alpha=alpha, beta=beta_, k=k)(x)
    (y * r).sum().backward()
    lrn_cases.append({"shape": [N, C, H, W], "size": size, "alpha": alpha, "beta": beta_, "k": k,
                      "x": flat(x), "r": flat(r), "y": flat(y), "dx": flat(x.grad)})
out["lrn"] = lrn_cases

# Pooling edge cases: ceil mode with padding, count_include_pad, windows past the edge
pool_cases = []
for kind, window, stride, pad, ceil in [("max", 3, 2, 1, True), ("avg", 3, 2, 1, True), ("avg", 2, 2, 0, True),
                                        ("max", 2, 2, 1, False), ("avg", 3, 3, 1, True)]:
    N, C, H, W = 2, 3, 7, 6
    x = torch.tensor(seq(N * C * H * W, 0.71, 0.4)).reshape(N, C, H, W).requires_grad_(True)
    if kind == "max":
        y = torch.nn.functional.max_pool2d(x, window, stride, pad, ceil_mode=ceil)
    else:
        y = torch.nn.functional.avg_pool2d(x, window, stride, pad, ceil_mode=ceil, count_include_pad=True)
    r = torch.tensor(seq(y.numel(), 1.31, 0.5)).reshape(y.shape)
    (y * r).sum().backward()
    pool_cases.append({"kind": kind, "shape": [N, C, H, W], "window": window, "stride": stride, "padding": pad,
                       "ceil": ceil, "out_shape": list(y.shape), "x": flat(x), "r": flat(r), "y": flat(y),
                       "dx": flat(x.grad)})
out["pool"] = pool_cases

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "torch-layers.json"), "w") as f:
    json.dump(out, f)
    f.write("\n")

# Rectangular pooling (issue 14: PyTorch's MaxPool1d/AvgPool1d run as 1 x k windows on 1-row maps):
# window [kh, kw], padding [ph, pw], one stride, ceil mode per axis (including the rule that drops a
# last window starting in the right padding: 5 rows, window 2, stride 2, padding 1 give 3, not 4).
# Written to its own file so the values above stay as they were.
rect_cases = []
for kind, shape, window, stride, pad, ceil in [
        ("max", [2, 3, 1, 9], [1, 2], 2, [0, 0], False),   # MaxPool1d(2)
        ("avg", [2, 3, 1, 9], [1, 2], 2, [0, 0], False),   # AvgPool1d(2)
        ("max", [2, 3, 1, 10], [1, 3], 2, [0, 1], True),   # MaxPool1d(3, 2, padding=1, ceil_mode=True)
        ("avg", [2, 3, 1, 10], [1, 3], 2, [0, 1], True),
        ("max", [2, 3, 7, 6], [2, 3], 2, [0, 1], False),
        ("avg", [2, 3, 7, 6], [2, 3], 2, [0, 1], True),
        ("max", [2, 3, 5, 6], [2, 3], 2, [1, 1], True),
        ("avg", [2, 3, 5, 6], [2, 3], 2, [1, 1], True),
        ("max", [2, 2, 6, 4], [3, 1], 1, [1, 0], False)]:
    N, C, H, W = shape
    x = torch.tensor(seq(N * C * H * W, 0.71, 0.4)).reshape(N, C, H, W).requires_grad_(True)
    if kind == "max":
        y = torch.nn.functional.max_pool2d(x, window, stride, pad, ceil_mode=ceil)
    else:
        y = torch.nn.functional.avg_pool2d(x, window, stride, pad, ceil_mode=ceil, count_include_pad=True)
    r = torch.tensor(seq(y.numel(), 1.31, 0.5)).reshape(y.shape)
    (y * r).sum().backward()
    rect_cases.append({"kind": kind, "shape": shape, "window": window, "stride": stride, "padding": pad,
                       "ceil": ceil, "out_shape": list(y.shape), "x": flat(x), "r": flat(r), "y": flat(y),
                       "dx": flat(x.grad)})

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "torch-pool-rect.json"), "w") as f:
    json.dump({"torch_version": torch.__version__, "pool": rect_cases}, f)
    f.write("\n")
