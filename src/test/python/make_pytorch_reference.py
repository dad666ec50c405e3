#!/usr/bin/python3
"""Writes a state_dict trained in PyTorch, for ConvLab's state_dict import (issue 14, item 3).

Run with Debian's own python3 (python3-torch 1.13; the pyenv python3 first on PATH has no
torch), from the repository root:

    /usr/bin/python3 src/test/python/make_pytorch_reference.py

The network below is written by hand in plain PyTorch, independently of ConvLab's exporter,
with the layer names ConvLab gives the architecture in
src/test/resources/pytorch/every-layer.model.json (conv1, bn1, res1.conv1, res1.proj,
inception1.b2.conv1, ...). It is trained for a few SGD steps (so the weights and the batch-norm
running statistics are no longer their initial values), then it writes to
src/test/resources/pytorch/:

  every-layer.safetensors      the state_dict (F32, with int64 num_batches_tracked), written
                               by the small safetensors writer below (Debian has no
                               python3-safetensors);
  every-layer-f64.safetensors  the same state_dict in float64 (F64, also read by ConvLab);
  every-layer.values.json      an input batch [N, C, H, W] and PyTorch's logits in eval mode.

The Java test (org.convlab.io.pytorch.StateDictImportReferenceTest) imports the file onto the
architecture and checks that ConvLab's logits equal PyTorch's within 1e-4; it never runs Python.
The script is deterministic (fixed seed, one thread).
"""
import json
import os
import struct

import torch
import torch.nn as nn
import torch.nn.functional as F

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "pytorch")
DTYPES = {torch.float32: "F32", torch.float64: "F64", torch.int64: "I64"}


def save_safetensors(tensors, path):
    """The safetensors layout: 8-byte little-endian header length, JSON header, raw data."""
    header, offset, names = {}, 0, sorted(tensors)
    for name in names:
        t = tensors[name]
        size = t.numel() * t.element_size()
        header[name] = {"dtype": DTYPES[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + size]}
        offset += size
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for name in names:
            f.write(tensors[name].contiguous().numpy().tobytes())


class Block(nn.Module):
    """A plain container: the children carry ConvLab's inner layer names."""


class EveryLayer(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 6, 3, padding=1)  # ConvLab "normalize": divided by 3*3*3, then + bias
        self.bn1 = nn.BatchNorm2d(6)
        self.res1 = Block()
        self.res1.conv1 = nn.Conv2d(6, 8, 3, stride=2, padding=1, bias=False)
        self.res1.bn1 = nn.BatchNorm2d(8)
        self.res1.conv2 = nn.Conv2d(8, 8, 3, padding=1)
        self.res1.bn2 = nn.BatchNorm2d(8, eps=1e-3, momentum=0.2)
        self.res1.proj = nn.Conv2d(6, 8, 1, stride=2, bias=False)
        self.res1.proj_bn = nn.BatchNorm2d(8)
        self.inception1 = Block()
        self.inception1.b1 = Block()
        self.inception1.b1.conv1 = nn.Conv2d(8, 4, 1)
        self.inception1.b2 = Block()
        self.inception1.b2.conv1 = nn.Conv2d(8, 3, 1)
        self.inception1.b2.conv2 = nn.Conv2d(3, 5, 3, padding=1)
        self.inception1.b3 = Block()
        self.inception1.b3.conv1 = nn.Conv2d(8, 2, 1)
        self.conv2 = nn.Conv2d(11, 6, 3, padding=2, dilation=2)
        self.fc1 = nn.Linear(6 * 4 * 4, 10)
        self.bn2 = nn.BatchNorm1d(10)
        self.fc2 = nn.Linear(10, 3)

    def forward(self, x):
        x = F.conv2d(x, self.conv1.weight, None, padding=1) / 27 + self.conv1.bias.view(1, -1, 1, 1)
        x = F.relu(self.bn1(x))
        r = self.res1
        branch = r.bn2(r.conv2(F.relu(r.bn1(r.conv1(x)))))
        x = F.leaky_relu(branch + r.proj_bn(r.proj(x)), 0.1)
        i = self.inception1
        x = torch.cat([i.b1.conv1(x), i.b2.conv2(i.b2.conv1(x)), i.b3.conv1(F.max_pool2d(x, 3, 1, 1))], dim=1)
        x = F.local_response_norm(x, 3, alpha=1e-3, beta=0.75, k=2.0)
        x = F.avg_pool2d(self.conv2(x), 3, 2, 1, ceil_mode=True)
        x = F.dropout(torch.tanh(x), 0.25, self.training)
        x = torch.sigmoid(self.bn2(self.fc1(torch.flatten(x, 1))))
        return self.fc2(x)  # the logits: ConvLab's last layer, a softmax, is left to the loss


def main():
    torch.manual_seed(14)
    torch.set_num_threads(1)
    net = EveryLayer()
    opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
    x = torch.randn(16, 3, 12, 12)
    y = torch.randint(0, 3, (16,))
    net.train()
    for _ in range(5):
        opt.zero_grad()
        F.cross_entropy(net(x), y).backward()
        opt.step()
    net.eval()
    probe = torch.randn(4, 3, 12, 12)
    with torch.no_grad():
        logits = net(probe)
    state = {k: v.detach().clone() for k, v in net.state_dict().items()}
    os.makedirs(OUT, exist_ok=True)
    save_safetensors(state, os.path.join(OUT, "every-layer.safetensors"))
    save_safetensors({k: (v.double() if v.is_floating_point() else v) for k, v in state.items()},
                     os.path.join(OUT, "every-layer-f64.safetensors"))
    with open(os.path.join(OUT, "every-layer.values.json"), "w") as f:
        json.dump({"torch": torch.__version__, "input_shape": list(probe.shape),
                   "input": [float(v) for v in probe.flatten()],
                   "logits_shape": list(logits.shape),
                   "logits": [float(v) for v in logits.flatten()]}, f)
        f.write("\n")
    print("wrote", len(state), "tensors; logits", [round(float(v), 4) for v in logits[0]])


if __name__ == "__main__":
    main()
