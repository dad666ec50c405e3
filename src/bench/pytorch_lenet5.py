#!/usr/bin/python3
"""PyTorch LeNet-5 speed, the figure ConvLab's `bench` command is compared with.

Same net, batch and optimizer as `convlab bench`: input 28x28x1, conv 6@5x5 pad 2,
relu, maxpool 2, conv 16@5x5, relu, maxpool 2, flatten, fc 120, relu, fc 84, relu,
fc 10; softmax cross-entropy; SGD lr 0.01 momentum 0.9; training at batch 64,
inference at batch 256 (no_grad, eval mode). Random inputs (speed does not depend
on the values). Reports the median of several timed runs after a warm-up.

Run with Debian's python3 (python3-torch 1.13, OpenBLAS) and glibc malloc tuned,
otherwise PyTorch page-faults fresh buffers on every op and looks much slower:

    MALLOC_MMAP_THRESHOLD_=2000000000 MALLOC_TRIM_THRESHOLD_=4000000000 \
        /usr/bin/python3 src/bench/pytorch_lenet5.py --threads 1
    (and --threads 2; add --json for one JSON line)
"""
import argparse
import json
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def lenet5():
    return nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2, 2),
        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2, 2),
        nn.Flatten(),
        nn.Linear(16 * 5 * 5, 120), nn.ReLU(),
        nn.Linear(120, 84), nn.ReLU(),
        nn.Linear(84, 10))


def time_train(model, steps, batch):
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    x = torch.randn(batch, 1, 28, 28)
    y = torch.randint(0, 10, (batch,))
    model.train()
    start = time.perf_counter()
    for _ in range(steps):
        opt.zero_grad(set_to_none=False)
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        opt.step()
    return steps * batch / (time.perf_counter() - start)


def time_infer(model, steps, batch):
    x = torch.randn(batch, 1, 28, 28)
    model.eval()
    with torch.no_grad():
        start = time.perf_counter()
        for _ in range(steps):
            model(x)
        return steps * batch / (time.perf_counter() - start)


def time_single(model, steps):
    x = torch.randn(1, 1, 28, 28)
    model.eval()
    with torch.no_grad():
        start = time.perf_counter()
        for _ in range(steps):
            model(x)
        return (time.perf_counter() - start) / steps * 1000.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    model = lenet5()

    time_train(model, 30, 64)  # warm-up
    time_infer(model, 10, 256)
    train = [time_train(model, 60, 64) for _ in range(args.runs)]
    infer = [time_infer(model, 30, 256) for _ in range(args.runs)]
    single = [time_single(model, 300) for _ in range(args.runs)]
    result = {
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "lenet5_train_images_per_second": round(statistics.median(train)),
        "lenet5_infer_images_per_second": round(statistics.median(infer)),
        "lenet5_single_image_forward_ms": round(statistics.median(single), 4),
    }
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:34s} {value}")


if __name__ == "__main__":
    main()
