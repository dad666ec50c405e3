#!/usr/bin/python3
"""LeNet-5 on Fashion-MNIST in PyTorch, the same recipe as ConvLab's must-show figure:

    convlab train preset:lenet5 --data idx:/usr/share/datasets/fashion-mnist --optimizer sgd \
        --momentum 0.9 --lr 0.01 --batch 64 --epochs 5 --seed 1 --normalize unit --val-split 0 --threads 2

Same net as preset:lenet5 (28x28x1 input, conv 6@5x5 pad 2, ReLU, max pool 2, conv 16@5x5, ReLU,
max pool 2, conv 120@5x5, ReLU, fc 84, ReLU, fc 10), pixels scaled to [0, 1], all 60,000
training images shuffled every epoch, SGD momentum 0.9, lr 0.01, batch 64, 5 epochs, softmax
cross-entropy; test accuracy on the 10,000 t10k images. PyTorch's default initialisation
(ConvLab uses He normal), so the two runs agree in recipe, not bit for bit.

Run with Debian's python3 (torch 1.13) and glibc malloc tuned, else PyTorch page-faults fresh
buffers on every op and runs several times slower:

    MALLOC_MMAP_THRESHOLD_=2000000000 MALLOC_TRIM_THRESHOLD_=4000000000 \
        /usr/bin/python3 src/bench/pytorch_fashion_lenet5.py [DIR] [--threads 2] [--seed 1]

Prints one line per epoch and a last JSON line {"test_accuracy", "seconds", ...}; seconds is
the training loop's wall time (data loading excluded, test evaluation included).
"""
import argparse
import gzip
import json
import os
import struct
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    magic, = struct.unpack(">I", data[:4])
    dims = magic & 0xFF
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def find(folder, prefix, kind):
    for name in sorted(os.listdir(folder)):
        if name.startswith(prefix) and kind in name:
            return os.path.join(folder, name)
    raise SystemExit(f"no {prefix}*{kind}* file in {folder}")


class LeNet5(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.conv3 = nn.Conv2d(16, 120, 5)
        self.fc1 = nn.Linear(120, 84)
        self.fc2 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = F.relu(self.conv3(x)).flatten(1)
        return self.fc2(F.relu(self.fc1(x)))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("dir", nargs="?", default="/usr/share/datasets/fashion-mnist")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--epochs", type=int, default=5)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--lr", type=float, default=0.01)
    p.add_argument("--momentum", type=float, default=0.9)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)

    def load(prefix):
        x = read_idx(find(a.dir, prefix, "images")).astype(np.float32) / 255.0
        y = read_idx(find(a.dir, prefix, "labels")).astype(np.int64)
        return torch.from_numpy(x).unsqueeze(1), torch.from_numpy(y)

    xtr, ytr = load("train")
    xte, yte = load("t10k")
    net = LeNet5()
    opt = torch.optim.SGD(net.parameters(), lr=a.lr, momentum=a.momentum)
    gen = torch.Generator().manual_seed(a.seed)
    start = time.perf_counter()
    for epoch in range(a.epochs):
        net.train()
        t0 = time.perf_counter()
        order = torch.randperm(len(ytr), generator=gen)
        loss_sum, correct = 0.0, 0
        for i in range(0, len(ytr), a.batch):
            idx = order[i:i + a.batch]
            x, y = xtr[idx], ytr[idx]
            out = net(x)
            loss = F.cross_entropy(out, y)
            opt.zero_grad()
            loss.backward()
            opt.step()
            loss_sum += loss.item() * len(idx)
            correct += (out.argmax(1) == y).sum().item()
        dt = time.perf_counter() - t0
        print(f"epoch {epoch + 1}/{a.epochs}  loss {loss_sum / len(ytr):.4f}  acc {100 * correct / len(ytr):6.2f}%"
              f"  {len(ytr) / dt:7.0f} img/s", flush=True)
    net.eval()
    with torch.no_grad():
        correct = sum((net(xte[i:i + 1000]).argmax(1) == yte[i:i + 1000]).sum().item() for i in range(0, len(yte), 1000))
    seconds = time.perf_counter() - start
    acc = correct / len(yte)
    print(f"test accuracy {100 * acc:.2f}% ({correct} of {len(yte)}), {seconds:.1f} s")
    print(json.dumps({"test_accuracy": acc, "seconds": seconds, "epochs": a.epochs, "threads": a.threads,
                      "torch": torch.__version__}))


if __name__ == "__main__":
    main()
