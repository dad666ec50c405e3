#!/usr/bin/python3
"""Writes PyTorch reference values for ConvLab's engine tests.

Run with Debian's own python3 (it has python3-torch 1.13; the pyenv python3 first
on PATH has no torch), from the repository root:

    /usr/bin/python3 src/test/python/make_reference.py

For each small network below it writes two files to src/test/resources/reference/:
  NAME.model.json   a convlab-model file (format of DESIGN.md) with every weight
                    inline as {"shape", "data"} in PyTorch's layouts;
  NAME.values.json  the batch of inputs [N, C, H, W], the labels, every layer's
                    output (flat, NCHW), the mean softmax cross-entropy loss over
                    the batch, the gradient of every parameter and of the input,
                    and (for batch norm) the running statistics after the step.

The Java tests (org.convlab.nn.PytorchReferenceTest) read these files and compare
within 1e-4 relative; they never run Python. Values are written as the exact
decimal of each float32 (Python's repr of the widened double), so nothing is lost.
"""
import json
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "reference")


def tensor_json(t):
    t = t.detach().float().contiguous()
    return {"shape": list(t.shape), "data": [float(v) for v in t.reshape(-1).tolist()]}


def flat(t):
    return [float(v) for v in t.detach().float().reshape(-1).tolist()]


class Net:
    """A sequence of (convlab layer spec, torch module) pairs run in order."""

    def __init__(self, name, input_chw, classes, layers, description):
        self.name = name
        self.input_chw = input_chw
        self.classes = classes
        self.layers = layers
        self.description = description

    def model_json(self):
        specs = []
        for spec, module in self.layers:
            spec = dict(spec)
            if isinstance(module, (nn.Conv2d, nn.Linear)):
                spec["weight"] = tensor_json(module.weight)
                if module.bias is not None:
                    spec["bias"] = tensor_json(module.bias)
            if isinstance(module, nn.BatchNorm2d):
                spec["weight"] = tensor_json(module.weight)
                spec["bias"] = tensor_json(module.bias)
                spec["running_mean"] = tensor_json(module.running_mean)
                spec["running_var"] = tensor_json(module.running_var)
            specs.append(spec)
        c, h, w = self.input_chw
        return {
            "format": "convlab-model",
            "version": 1,
            "input": {"channels": c, "height": h, "width": w},
            "classes": self.classes,
            "layers": specs,
        }


def run(net, batch, seed, training):
    gen = torch.Generator().manual_seed(seed + 1000)
    c, h, w = net.input_chw
    x = torch.randn(batch, c, h, w, generator=gen)
    labels = torch.randint(0, len(net.classes), (batch,), generator=gen)
    model_before = net.model_json()  # weights and running stats before the step

    x.requires_grad_(True)
    outputs = []
    a = x
    logits = None
    for spec, module in net.layers:
        module.train(training)
        if spec["type"] == "softmax":
            logits = a
        a = module(a)
        a.retain_grad()
        outputs.append(a)
    if logits is None:
        logits = a
    loss = F.cross_entropy(logits, labels)  # mean over the batch, fused log-softmax
    loss.backward()

    layers = []
    for i, ((spec, module), out) in enumerate(zip(net.layers, outputs)):
        entry = {"index": i, "name": spec["name"], "type": spec["type"],
                 "shape": list(out.shape[1:]), "output": flat(out)}
        weight = getattr(module, "weight", None)
        if isinstance(weight, torch.Tensor) and weight.grad is not None:
            entry["weight_grad"] = flat(weight.grad)
        bias = getattr(module, "bias", None)
        if isinstance(bias, torch.Tensor) and bias.grad is not None:
            entry["bias_grad"] = flat(bias.grad)
        if isinstance(module, nn.BatchNorm2d):
            entry["running_mean_after"] = flat(module.running_mean)
            entry["running_var_after"] = flat(module.running_var)
        layers.append(entry)

    values = {
        "description": net.description,
        "generated_by": "src/test/python/make_reference.py with torch " + torch.__version__,
        "training": training,
        "batch": batch,
        "input": tensor_json(x),
        "labels": [int(v) for v in labels.tolist()],
        "layers": layers,
        "probabilities": flat(F.softmax(logits, dim=1)),
        "loss": float(loss.item()),
        "input_grad": flat(x.grad),
    }
    return model_before, values


def conv_pool_dense(seed):
    """The issue's conv-pool-dense net, with a trailing softmax layer."""
    torch.manual_seed(seed)
    return Net("conv-pool-dense", (2, 9, 11), ["a", "b", "c", "d", "e"], [
        ({"type": "conv", "name": "conv1", "filters": 3, "kernel": 3, "stride": 1, "padding": 1,
          "dilation": 1, "bias": True}, nn.Conv2d(2, 3, 3, stride=1, padding=1)),
        ({"type": "relu", "name": "relu1"}, nn.ReLU()),
        ({"type": "maxpool", "name": "pool1", "window": 2, "stride": 2, "padding": 0, "ceil": False},
         nn.MaxPool2d(2, stride=2)),
        ({"type": "conv", "name": "conv2", "filters": 4, "kernel": [2, 3], "stride": 2, "padding": 0,
          "dilation": 1, "bias": True}, nn.Conv2d(3, 4, (2, 3), stride=2)),
        ({"type": "flatten", "name": "flatten"}, nn.Flatten()),
        ({"type": "dense", "name": "fc1", "units": 5, "bias": True}, nn.Linear(4 * 2 * 2, 5)),
        ({"type": "softmax", "name": "softmax"}, nn.Softmax(dim=1)),
    ], "conv 3@3x3 pad 1, relu, maxpool 2, conv 4@[2,3] stride 2, flatten, dense 5, softmax")


def ceil_pool_net(seed):
    """Odd sizes: ceil-mode pools, dilation 2, non-square padding, avg pool, leaky relu, tanh, sigmoid."""
    torch.manual_seed(seed)
    return Net("ceil-pool", (3, 13, 10), ["p", "q", "r", "s"], [
        ({"type": "conv", "name": "conv1", "filters": 5, "kernel": 3, "stride": 1, "padding": [2, 1],
          "dilation": 2, "bias": True}, nn.Conv2d(3, 5, 3, stride=1, padding=(2, 1), dilation=2)),
        ({"type": "leakyrelu", "name": "lrelu1", "slope": 0.1}, nn.LeakyReLU(0.1)),
        ({"type": "maxpool", "name": "pool1", "window": 2, "stride": 2, "padding": 0, "ceil": True},
         nn.MaxPool2d(2, stride=2, ceil_mode=True)),
        ({"type": "conv", "name": "conv2", "filters": 6, "kernel": [3, 2], "stride": 2, "padding": 1,
          "dilation": 1, "bias": False}, nn.Conv2d(5, 6, (3, 2), stride=2, padding=1, bias=False)),
        ({"type": "tanh", "name": "tanh1"}, nn.Tanh()),
        ({"type": "avgpool", "name": "pool2", "window": 3, "stride": 2, "padding": 1, "ceil": True},
         nn.AvgPool2d(3, stride=2, padding=1, ceil_mode=True)),
        ({"type": "flatten", "name": "flatten"}, nn.Flatten()),
        ({"type": "dense", "name": "fc1", "units": 7, "bias": True}, nn.Linear(6 * 3 * 2, 7)),
        ({"type": "sigmoid", "name": "sigmoid1"}, nn.Sigmoid()),
        ({"type": "dense", "name": "fc2", "units": 4, "bias": True}, nn.Linear(7, 4)),
    ], "ceil-mode max and avg pool, dilation 2, [2,1] padding, leaky relu 0.1, tanh, sigmoid, no softmax layer")


def norm_net(seed):
    """Batch norm in training mode (batch statistics, running-stat update), LRN, global average pool."""
    torch.manual_seed(seed)
    bn = nn.BatchNorm2d(6, eps=1e-5, momentum=0.1)
    with torch.no_grad():  # non-trivial affine parameters and running statistics
        bn.weight.copy_(torch.rand(6) + 0.5)
        bn.bias.copy_(torch.randn(6) * 0.3)
        bn.running_mean.copy_(torch.randn(6) * 0.1)
        bn.running_var.copy_(torch.rand(6) + 0.5)
    return Net("norm", (3, 7, 9), ["u", "v", "w"], [
        ({"type": "conv", "name": "conv1", "filters": 6, "kernel": 3, "stride": 1, "padding": 1,
          "dilation": 1, "bias": True}, nn.Conv2d(3, 6, 3, padding=1)),
        ({"type": "batchnorm", "name": "bn1", "eps": 1e-5, "momentum": 0.1}, bn),
        ({"type": "relu", "name": "relu1"}, nn.ReLU()),
        ({"type": "lrn", "name": "lrn1", "size": 3, "alpha": 0.01, "beta": 0.75, "k": 2.0},
         nn.LocalResponseNorm(3, alpha=0.01, beta=0.75, k=2.0)),
        ({"type": "globalavgpool", "name": "gap"}, nn.AdaptiveAvgPool2d(1)),
        ({"type": "flatten", "name": "flatten"}, nn.Flatten()),
        ({"type": "dense", "name": "fc1", "units": 3, "bias": True}, nn.Linear(6, 3)),
    ], "conv, batch norm (training mode), relu, lrn size 3, global average pool, dense 3")


def optimizer_steps():
    """Parameters after each of 5 optimizer steps, for fixed gradients (no network involved)."""
    gen = torch.Generator().manual_seed(77)
    start = torch.randn(7, generator=gen)
    grads = [torch.randn(7, generator=gen) for _ in range(5)]
    configs = [
        {"optimizer": "sgd", "lr": 0.1, "momentum": 0.0, "nesterov": False, "weight_decay": 0.0},
        {"optimizer": "sgd", "lr": 0.05, "momentum": 0.9, "nesterov": False, "weight_decay": 0.0},
        {"optimizer": "sgd", "lr": 0.05, "momentum": 0.9, "nesterov": True, "weight_decay": 0.01},
        {"optimizer": "sgd", "lr": 0.1, "momentum": 0.0, "nesterov": False, "weight_decay": 0.1},
        {"optimizer": "adam", "lr": 0.01, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weight_decay": 0.0},
        {"optimizer": "adam", "lr": 0.003, "beta1": 0.8, "beta2": 0.99, "eps": 1e-6, "weight_decay": 0.05},
    ]
    runs = []
    for cfg in configs:
        p = nn.Parameter(start.clone())
        if cfg["optimizer"] == "sgd":
            opt = torch.optim.SGD([p], lr=cfg["lr"], momentum=cfg["momentum"], nesterov=cfg["nesterov"],
                                  weight_decay=cfg["weight_decay"])
        else:
            opt = torch.optim.Adam([p], lr=cfg["lr"], betas=(cfg["beta1"], cfg["beta2"]), eps=cfg["eps"],
                                   weight_decay=cfg["weight_decay"])
        after = []
        for g in grads:
            p.grad = g.clone()
            opt.step()
            after.append(flat(p))
        runs.append({"config": cfg, "params_after_each_step": after})
    return {"generated_by": "src/test/python/make_reference.py with torch " + torch.__version__,
            "start": flat(start), "grads": [flat(g) for g in grads], "runs": runs}


def main():
    torch.set_num_threads(1)
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, "optimizers.values.json")
    with open(path, "w") as f:
        json.dump(optimizer_steps(), f, indent=1)
        f.write("\n")
    print("wrote", os.path.relpath(path))
    # (net, batch, data seed, training mode, file name); the "single" run is one sample in
    # inference mode, what the `grad` and `forward` commands compute, on the same weights
    jobs = [(conv_pool_dense(1), 3, 11, True, "conv-pool-dense"),
            (ceil_pool_net(2), 3, 12, True, "ceil-pool"),
            (norm_net(3), 4, 13, True, "norm"),
            (conv_pool_dense(1), 1, 21, False, "conv-pool-dense-single"),
            (norm_net(3), 1, 22, False, "norm-single")]
    for net, batch, seed, training, name in jobs:
        model, values = run(net, batch, seed, training)
        for suffix, doc in (("model", model), ("values", values)):
            if suffix == "model" and name.endswith("-single"):
                continue  # same weights as the batch run's model file
            path = os.path.join(OUT, name + "." + suffix + ".json")
            with open(path, "w") as f:
                json.dump(doc, f, indent=1)
                f.write("\n")
            print("wrote", os.path.relpath(path))


if __name__ == "__main__":
    main()
