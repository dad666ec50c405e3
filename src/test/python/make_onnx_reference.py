#!/usr/bin/python3
"""Writes ONNX files with torch.onnx.export, for ConvLab's ONNX importer (org.convlab.io.onnx.OnnxImport).

The Java tests (org.convlab.io.onnx.OnnxImportReferenceTest and friends) import these files and
check ConvLab's forward pass against PyTorch's own outputs written here; they never run Python.
Run from the repository root with Debian's python3 (python3-torch 1.13, python3-onnx 1.12), not
the pyenv python3 first on PATH:

    /usr/bin/python3 src/test/python/make_onnx_reference.py

The files in src/test/resources/onnx/ were made exactly so (torch 1.13.0a0, onnx 1.12.0, CPU).
Seeds are fixed, so running it again gives the same numbers (the protobuf bytes may differ in
producer details only).

For every net NAME it writes:
  NAME.onnx          torch.onnx.export, opset 13, input "input" with a dynamic batch, output "logits"
  NAME.values.json   {"input": {"shape", "data"}, "output": {"shape", "data"}}: a batch of 2 inputs and
                     PyTorch's outputs in eval mode (float32 values written as exact decimals)

Nets (small channel counts so the files stay small):
  lenet5             LeNet-5 (1x28x28): conv 5x5 pad 2, tanh, avgpool, conv, relu, maxpool, reshape to
                     [-1, 400] (a Reshape), three Linear layers (Gemm)
  vgg_bn             VGG-style (3x16x16): conv-bn-relu pairs, leaky relu, maxpool with ceil_mode, BN with
                     non-trivial running stats, Dropout, torch.flatten, two Linear. Exported with
                     TrainingMode.PRESERVE so BatchNormalization stays a node (the default EVAL mode
                     folds it into the conv). Dropout in eval mode is the identity and torch writes no node.
  vgg_bn_folded      the same net exported in the default EVAL mode: BN folded into the convs
  residual           a stem, a residual block with identity skip, one with a 1x1 conv + BN projection
                     (stride 2), global average pooling, a Linear, softmax at the end
  inception          a stem and an inception block (1x1 | 1x1-3x3 | 1x1-5x5 | maxpool-1x1) joined by torch.cat
  conv1d             Conv1d, ReLU, MaxPool1d, Conv1d stride 2 (a size that PyTorch floors), sigmoid, Linear
  conv1d_strided     the same without the MaxPool1d (written when ConvLab's engine pooled square windows
                     only; kept as a second 1-D net)
  pad_conv           F.pad(x, (1, 1, 1, 1)) before a conv (a Pad node that folds into the conv's padding)
  matmul_add         torch.matmul(x, W) + b instead of nn.Linear (MatMul + Add)
  view_flatten       x.view(x.size(0), -1) before a Linear: the Reshape's target is computed from the
                     input's shape (Shape, Gather, Unsqueeze, Concat), as tutorials write LeNet
  pools              ceil-mode pools with padding: AvgPool2d(3, 2, padding=1, ceil_mode=True) (torch writes a
                     Pad, then AveragePool), MaxPool2d(3, 2, padding=1, ceil_mode=True), AvgPool2d(2, ceil_mode=True)
                     on an odd size (a partial window averaged over its part inside the input)
Refusals (no values file):
  unsupported_ops    an nn.Upsample (Resize, module "up1") and an nn.GRU (module "rnn")
  not_classifier     a fully convolutional net: output [N, C, H, W], not [N, K]
  pad_asymmetric     F.pad(x, (0, 1, 0, 1)) before a conv: padding only on one side
"""
import json
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "onnx")


class LeNet5(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
        self.pool1 = nn.AvgPool2d(2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.pool2 = nn.MaxPool2d(2)
        self.fc1 = nn.Linear(400, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = self.pool1(torch.tanh(self.conv1(x)))
        x = self.pool2(F.relu(self.conv2(x)))
        x = x.reshape(-1, 400)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


class VggBn(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(),
            nn.Conv2d(8, 8, 3, padding=1), nn.BatchNorm2d(8), nn.LeakyReLU(0.2),
            nn.MaxPool2d(2),
            nn.Conv2d(8, 12, 3, padding=1), nn.BatchNorm2d(12), nn.ReLU(),
            nn.MaxPool2d(3, stride=2, ceil_mode=True),  # 8 -> ceil((8-3)/2)+1 = 4
        )
        self.classifier = nn.Sequential(
            nn.Linear(12 * 4 * 4, 32), nn.ReLU(), nn.Dropout(0.5), nn.Linear(32, 5))

    def forward(self, x):
        return self.classifier(torch.flatten(self.features(x), 1))


class Block(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride=stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.downsample = None
        if stride != 1 or cin != cout:
            self.downsample = nn.Sequential(nn.Conv2d(cin, cout, 1, stride=stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        y = self.bn2(self.conv2(F.relu(self.bn1(self.conv1(x)))))
        skip = x if self.downsample is None else self.downsample(x)
        return F.relu(y + skip)


class Residual(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Conv2d(3, 8, 3, padding=1)
        self.layer1 = Block(8, 8, 1)
        self.layer2 = Block(8, 16, 2)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(16, 4)

    def forward(self, x):
        x = self.layer2(self.layer1(F.relu(self.stem(x))))
        return torch.softmax(self.fc(torch.flatten(self.pool(x), 1)), dim=1)


class Inception(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Conv2d(3, 8, 3, padding=1)
        self.b1 = nn.Conv2d(8, 4, 1)
        self.b2a = nn.Conv2d(8, 4, 1)
        self.b2b = nn.Conv2d(4, 6, 3, padding=1)
        self.b3a = nn.Conv2d(8, 2, 1)
        self.b3b = nn.Conv2d(2, 3, 5, padding=2)
        self.b4pool = nn.MaxPool2d(3, stride=1, padding=1)
        self.b4 = nn.Conv2d(8, 3, 1)
        self.fc = nn.Linear(16 * 5 * 5, 3)

    def forward(self, x):
        x = F.relu(self.stem(x))
        y = torch.cat([F.relu(self.b1(x)),
                       F.relu(self.b2b(F.relu(self.b2a(x)))),
                       F.relu(self.b3b(F.relu(self.b3a(x)))),
                       F.relu(self.b4(self.b4pool(x)))], 1)
        y = F.max_pool2d(y, 2)
        return self.fc(torch.flatten(y, 1))


class Conv1dNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv1d(2, 4, 5, padding=2)
        self.pool1 = nn.MaxPool1d(2)
        self.conv2 = nn.Conv1d(4, 8, 3, stride=2)
        self.fc = nn.Linear(8 * 7, 3)

    def forward(self, x):
        x = self.pool1(F.relu(self.conv1(x)))  # 32 -> 32 -> 16
        x = torch.sigmoid(self.conv2(x))  # (16 - 3)/2 + 1 = 7.5 -> 7
        return self.fc(torch.flatten(x, 1))


class Conv1dStrided(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv1d(2, 4, 5, padding=2)
        self.conv2 = nn.Conv1d(4, 8, 3, stride=2)
        self.fc = nn.Linear(8 * 15, 3)

    def forward(self, x):
        x = F.relu(self.conv1(x))  # 32 -> 32
        x = torch.tanh(self.conv2(x))  # (32 - 3)/2 + 1 = 15.5 -> 15
        return self.fc(torch.flatten(x, 1))


class PadConv(nn.Module):
    def __init__(self, pads=(1, 1, 1, 1)):
        super().__init__()
        self.pads = pads
        self.conv1 = nn.Conv2d(1, 4, 3)
        self.fc = nn.Linear(4 * 8 * 8, 3)

    def forward(self, x):
        x = F.relu(self.conv1(F.pad(x, self.pads)))
        return self.fc(torch.flatten(x, 1))


class MatMulAdd(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, 3)
        self.W = nn.Parameter(torch.randn(3 * 4 * 4, 5) * 0.2)
        self.b = nn.Parameter(torch.randn(5) * 0.1)

    def forward(self, x):
        x = torch.flatten(F.relu(self.conv1(x)), 1)
        return torch.matmul(x, self.W) + self.b


class ViewFlatten(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, 3)
        self.pool1 = nn.MaxPool2d(2)
        self.fc1 = nn.Linear(3 * 3 * 3, 4)

    def forward(self, x):
        x = self.pool1(F.relu(self.conv1(x)))
        return self.fc1(x.view(x.size(0), -1))


class Pools(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 2, 3)
        self.pool1 = nn.AvgPool2d(3, 2, padding=1, ceil_mode=True)  # 10 -> 6
        self.pool2 = nn.MaxPool2d(3, 2, padding=1, ceil_mode=True)  # 6 -> 4 (the last window would start in the padding)
        self.pool3 = nn.AvgPool2d(3, 2, ceil_mode=True)  # 4 -> 2, the last window partial
        self.fc = nn.Linear(2 * 2 * 2, 3)

    def forward(self, x):
        x = self.pool3(self.pool2(self.pool1(self.conv1(x))))
        return self.fc(torch.flatten(x, 1))


class Unsupported(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 4, 3, padding=1)
        self.up1 = nn.Upsample(scale_factor=2, mode="nearest")
        self.rnn = nn.GRU(4, 6, batch_first=True)
        self.fc = nn.Linear(6, 3)

    def forward(self, x):
        x = self.up1(F.relu(self.conv1(x)))  # [N, 4, 8, 8]
        seq = torch.flatten(x, 2).transpose(1, 2)  # [N, 64, 4]
        out, _ = self.rnn(seq)
        return self.fc(out[:, -1])


class NotClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 4, 3, padding=1)
        self.conv2 = nn.Conv2d(4, 2, 1)

    def forward(self, x):
        return self.conv2(F.relu(self.conv1(x)))


def settle_batchnorm(model, shape, seed):
    """Gives every BatchNorm non-trivial running statistics and affine values."""
    g = torch.Generator().manual_seed(seed)
    model.train()
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, nn.BatchNorm2d):
                m.weight.copy_(1 + 0.3 * torch.randn(m.weight.shape, generator=g))
                m.bias.copy_(0.2 * torch.randn(m.bias.shape, generator=g))
        for _ in range(3):
            model(torch.randn((8,) + shape, generator=g) * 1.5 + 0.5)
    model.eval()


def export(model, name, shape, values=True, training=torch.onnx.TrainingMode.EVAL):
    model.eval()
    x = torch.randn((2,) + shape, generator=torch.Generator().manual_seed(7))
    path = os.path.join(OUT, name + ".onnx")
    torch.onnx.export(model, x, path, opset_version=13, input_names=["input"], output_names=["logits"],
                      dynamic_axes={"input": {0: "N"}, "logits": {0: "N"}}, training=training,
                      do_constant_folding=True)
    if values:
        with torch.no_grad():
            y = model(x)
        doc = {"input": tensor_json(x), "output": tensor_json(y)}
        with open(os.path.join(OUT, name + ".values.json"), "w") as f:
            json.dump(doc, f)
            f.write("\n")
    print(name, os.path.getsize(path), "bytes")


def tensor_json(t):
    # float(v) of a float32 is exact in a double, and json writes the shortest repr that reads back to it
    return {"shape": list(t.shape), "data": [float(v) for v in t.detach().reshape(-1).tolist()]}


def main():
    os.makedirs(OUT, exist_ok=True)
    torch.manual_seed(1)
    export(LeNet5(), "lenet5", (1, 28, 28))
    torch.manual_seed(2)
    vgg = VggBn()
    settle_batchnorm(vgg, (3, 16, 16), 20)
    export(vgg, "vgg_bn", (3, 16, 16), training=torch.onnx.TrainingMode.PRESERVE)
    export(vgg, "vgg_bn_folded", (3, 16, 16))
    torch.manual_seed(3)
    res = Residual()
    settle_batchnorm(res, (3, 12, 12), 30)
    export(res, "residual", (3, 12, 12), training=torch.onnx.TrainingMode.PRESERVE)
    torch.manual_seed(4)
    export(Inception(), "inception", (3, 10, 10))
    torch.manual_seed(5)
    export(Conv1dNet(), "conv1d", (2, 32))
    torch.manual_seed(11)
    export(Conv1dStrided(), "conv1d_strided", (2, 32))
    torch.manual_seed(6)
    export(PadConv(), "pad_conv", (1, 8, 8))
    torch.manual_seed(7)
    export(MatMulAdd(), "matmul_add", (1, 6, 6))
    torch.manual_seed(12)
    export(ViewFlatten(), "view_flatten", (1, 8, 8))
    torch.manual_seed(13)
    export(Pools(), "pools", (1, 12, 12))
    torch.manual_seed(8)
    export(Unsupported(), "unsupported_ops", (1, 4, 4), values=False)
    torch.manual_seed(9)
    export(NotClassifier(), "not_classifier", (1, 6, 6), values=False)
    torch.manual_seed(10)
    m = PadConv((0, 1, 0, 1))
    m.fc = nn.Linear(4 * 7 * 7, 3)
    export(m, "pad_asymmetric", (1, 8, 8), values=False)


if __name__ == "__main__":
    main()
