"""Trains the network of model.py on an image folder, in one process or on many with DDP.

    python train.py --data FOLDER --epochs 5
    torchrun --standalone --nproc_per_node=4 train.py --data FOLDER --epochs 5

Images are prepared as ConvLab prepares them (convlab_io.py): the same class order, resizing
and normalisation, so the weights this saves give the same accuracy in ConvLab's `eval`.
Under torchrun every process trains on its share of each epoch (DistributedSampler) and
DistributedDataParallel averages the gradients: gloo on CPUs, nccl when there are GPUs.
At the end, process 0 evaluates every image of the folder once, prints the accuracy, and
saves the weights (atomically) for `convlab import`.
"""
import argparse
import json
import os
import sys

import torch
import torch.distributed as dist
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from torch.utils.data.distributed import DistributedSampler

from convlab_io import load_image_folder, load_weights, save_weights
from model import CLASSES, INPUT_SHAPE, LAST_DENSE, PREPROCESSING, Net

HERE = os.path.dirname(os.path.abspath(__file__))


def arguments():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data", required=True, help="folder with one sub-folder of images per class")
    p.add_argument("--epochs", type=int, default=5)
    p.add_argument("--lr", type=float, default=0.01, help="learning rate of SGD")
    p.add_argument("--momentum", type=float, default=0.9)
    p.add_argument("--batch", type=int, default=32, help="images per step in each process")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--weights", default=os.path.join(HERE, "weights.safetensors"), help="weights to start from")
    p.add_argument("--out", default=os.path.join(HERE, "weights.safetensors"), help="where to save the trained weights")
    return p.parse_args()


def match_classes(model_classes, data_classes):
    """The classes to train for the data's, as ConvLab's train does. Returns (classes, label map
    or None, whether the last dense layer gets a fresh one unit per class)."""
    k = len(data_classes)
    if k == len(model_classes):
        lower = [c.lower() for c in model_classes]
        if sorted(lower) == sorted(c.lower() for c in data_classes):
            mapping = [lower.index(c.lower()) for c in data_classes]  # data label -> model class
            return model_classes, (None if mapping == list(range(k)) else mapping), False
        if data_classes == [str(i) for i in range(k)]:
            return model_classes, None, False  # bare numbers: the model's names say more
        return data_classes, None, False
    if LAST_DENSE is None:
        sys.exit("error: the model gives %d outputs but the data has %d classes, and it does not end in a dense "
                 "layer that could be resized" % (len(model_classes), k))
    return data_classes, None, True


def load_model(path, data_classes, say):
    """model.py's network with the weights of `path` (checked with load_state_dict(strict=True)),
    fitted to the data's classes; returns (model, classes)."""
    state, metadata = load_weights(path)
    outputs = len(CLASSES)
    if LAST_DENSE is not None and LAST_DENSE + ".weight" in state:
        outputs = state[LAST_DENSE + ".weight"].shape[0]  # weights trained on other classes before
    model_classes = CLASSES
    if "convlab.classes" in metadata and len(json.loads(metadata["convlab.classes"])) == outputs:
        model_classes = json.loads(metadata["convlab.classes"])
    model = Net(num_classes=outputs)
    model.load_state_dict(state, strict=True)
    say("load_state_dict(strict=True) accepted all %d tensors of %s" % (len(state), path))
    classes, mapping, resized = match_classes(model_classes, data_classes)
    if resized:
        fresh = Net(num_classes=len(classes))
        kept = {k: v for k, v in model.state_dict().items() if not k.startswith(LAST_DENSE + ".")}
        fresh.load_state_dict(kept, strict=False)
        model = fresh
        say("note: %s is replaced by a new dense layer of %d units (it had %d) for the data's classes; "
            "its weights start fresh from the seed" % (LAST_DENSE, len(classes), outputs))
    if mapping is not None:
        say("note: the data's classes are matched by name to the model's (%s)" % ", ".join(model_classes))
    return model, classes, mapping


def main():
    args = arguments()
    distributed = int(os.environ.get("WORLD_SIZE", "1")) > 1
    cuda = torch.cuda.is_available()
    if distributed:
        dist.init_process_group("nccl" if cuda else "gloo")
        rank, world = dist.get_rank(), dist.get_world_size()
        local_rank = int(os.environ.get("LOCAL_RANK", "0"))
    else:
        rank, world, local_rank = 0, 1, 0
    device = torch.device("cuda", local_rank) if cuda else torch.device("cpu")
    if cuda:
        torch.cuda.set_device(device)
    torch.manual_seed(args.seed)
    say = print if rank == 0 else (lambda *a, **k: None)

    # every process reads the folder itself: it is the same data in the same order everywhere
    x, y, data_classes, skipped = load_image_folder(args.data, INPUT_SHAPE, PREPROCESSING)
    say("data: %d images, %d classes (%s), %s, resize %s" % (len(y), len(data_classes), ", ".join(data_classes),
                                                          PREPROCESSING["normalize"], PREPROCESSING["resize"]))
    for f, reason in skipped[:10]:
        say("skipped %s: %s" % (f, reason))
    model, classes, mapping = load_model(args.weights, data_classes, say)
    if mapping is not None:
        y = torch.tensor(mapping)[y]
    model.to(device)
    trained = nn.parallel.DistributedDataParallel(model, device_ids=[local_rank] if cuda else None) \
        if distributed else model

    data = TensorDataset(x, y)
    sampler = DistributedSampler(data, num_replicas=world, rank=rank, shuffle=True, seed=args.seed) \
        if distributed else None
    loader = DataLoader(data, batch_size=args.batch, shuffle=sampler is None, sampler=sampler,
                        generator=torch.Generator().manual_seed(args.seed))
    optimizer = torch.optim.SGD(trained.parameters(), lr=args.lr, momentum=args.momentum)
    loss_fn = nn.CrossEntropyLoss()
    say("training on %d process%s (%s), %d epochs" % (world, "" if world == 1 else "es",
                                                      dist.get_backend() if distributed else "one process", args.epochs))
    for epoch in range(1, args.epochs + 1):
        if sampler is not None:
            sampler.set_epoch(epoch)
        trained.train()
        total = torch.zeros(2, device=device)  # loss sum, samples
        for xb, yb in loader:
            xb, yb = xb.to(device), yb.to(device)
            optimizer.zero_grad()
            loss = loss_fn(trained(xb), yb)
            loss.backward()
            optimizer.step()
            total += torch.stack([loss.detach() * len(yb), torch.tensor(float(len(yb)), device=device)])
        if distributed:
            dist.all_reduce(total)
        say("epoch %d/%d: mean loss %.4f" % (epoch, args.epochs, (total[0] / total[1]).item()))

    if rank == 0:
        # every image of the folder once, in eval mode (dropout off, batch norm's running
        # statistics): the number ConvLab's eval gives for the saved weights
        model.eval()
        correct = 0
        with torch.no_grad():
            for start in range(0, len(y), 256):
                logits = model(x[start:start + 256].to(device))
                correct += (logits.argmax(dim=1).cpu() == y[start:start + 256]).sum().item()
        print("accuracy %.4f (%d/%d)" % (correct / len(y), correct, len(y)), flush=True)
        metadata = {"convlab.classes": json.dumps(classes), "convlab.preprocessing": json.dumps(PREPROCESSING),
                    "convlab.version": "1"}
        save_weights(model.state_dict(), args.out, metadata)
        print("saved %s" % args.out, flush=True)
    if distributed:
        dist.barrier()
        dist.destroy_process_group()


if __name__ == "__main__":
    main()
