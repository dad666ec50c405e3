"""Reading and writing what ConvLab reads and writes: safetensors weights and image folders.

Weights: the `safetensors` package is used when it is installed; otherwise the few lines below
read and write the same format (an 8-byte header length, a JSON header, the raw little-endian
data), so nothing beyond PyTorch is needed.

Images: a folder with one sub-folder per class, prepared exactly as ConvLab prepares them
(org.convlab.data): the same class order, grey or RGB decoding, resizing and normalisation,
so an accuracy measured here is the accuracy ConvLab's `eval` measures.
"""
import json
import math
import os
import struct
import sys
import tempfile

import numpy as np
import torch

try:
    import safetensors.torch as _st
except ImportError:  # Debian has no python3-safetensors: the reader and writer below do the same
    _st = None

_DTYPES = {"F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16, "F64": torch.float64,
           "I64": torch.int64, "I32": torch.int32, "I16": torch.int16, "I8": torch.int8, "U8": torch.uint8,
           "BOOL": torch.bool}
_NAMES = {v: k for k, v in _DTYPES.items()}


def load_weights(path):
    """The state_dict in a safetensors file (name -> tensor) and its metadata (dict of strings)."""
    with open(path, "rb") as f:
        (n,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(n))
        if _st is not None:
            return _st.load_file(path), header.get("__metadata__", {}) or {}
        data = f.read()
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        begin, end = info["data_offsets"]
        dtype = _DTYPES[info["dtype"]]
        if end > begin:
            flat = torch.frombuffer(bytearray(data[begin:end]), dtype=dtype)
        else:
            flat = torch.empty(0, dtype=dtype)
        tensors[name] = flat.reshape(info["shape"])
    return tensors, header.get("__metadata__", {}) or {}


def save_weights(state_dict, path, metadata=None):
    """Writes a state_dict as safetensors, atomically: a temporary file, flushed, then renamed over
    `path`, so a run stopped half-way never leaves a broken weights file."""
    tensors = {k: v.detach().cpu().contiguous() for k, v in state_dict.items()}
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".weights.", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        if _st is not None:
            _st.save_file(tensors, tmp, metadata=metadata)
        else:
            _write_safetensors(tensors, tmp, metadata)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def _write_safetensors(tensors, path, metadata):
    header = {}
    if metadata:
        header["__metadata__"] = {str(k): str(v) for k, v in metadata.items()}
    offset = 0
    names = sorted(tensors)
    for name in names:
        t = tensors[name]
        size = t.numel() * t.element_size()
        header[name] = {"dtype": _NAMES[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + size]}
        offset += size
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)  # the data starts at a multiple of 8 bytes
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for name in names:
            f.write(tensors[name].numpy().tobytes())


# ---- image folders, as org.convlab.data.ImageFolderSource reads them

MIN_SIDE = 2
MAX_PIXELS = 100_000_000
OVERSAMPLE = 4  # big images are read every n-th pixel down to 4 source pixels per output pixel


def load_image_folder(root, input_shape, preprocessing):
    """(x [N, C, H, W] float32, labels [N] int64, class names, skipped [(file, reason)])."""
    from PIL import Image  # only training needs PIL

    if not os.path.isdir(root):
        sys.exit("error: data folder %s is not a folder with one sub-folder per class" % root)
    classes, files, labels, skipped = [], [], [], []
    for entry in sorted(os.listdir(root)):
        path = os.path.join(root, entry)
        if entry.startswith(".") or not os.path.isdir(path):
            continue
        inside = _files_under(path)
        if not inside:
            skipped.append((path, "class folder is empty"))
            continue
        classes.append(entry)
        files += inside
        labels += [len(classes) - 1] * len(inside)
    channels, height, width = input_shape
    x = np.zeros((len(files), channels, height, width), dtype=np.float32)
    kept = []
    for i, f in enumerate(files):
        reason = _decode(Image, f, x[i], preprocessing["resize"])
        if reason is None:
            kept.append(i)
        else:
            skipped.append((f, reason))
    x = x[kept]
    labels = np.array([labels[i] for i in kept], dtype=np.int64)
    # a class whose every image was unreadable is left out, like an empty folder
    used = sorted(set(labels.tolist()))
    remap = {old: new for new, old in enumerate(used)}
    labels = np.array([remap[v] for v in labels.tolist()], dtype=np.int64)
    classes = [classes[c] for c in used]
    if len(kept) == 0:
        sys.exit("error: no usable images in %s" % root)
    _normalise(x, preprocessing)
    return torch.from_numpy(x), torch.from_numpy(labels), classes, skipped


def _files_under(folder):
    """Every non-hidden file under `folder` (links followed), sorted by path as ConvLab sorts them."""
    out = []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=True):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        out += [os.path.join(dirpath, n) for n in filenames if not n.startswith(".")]
    return sorted(out)


def _decode(Image, path, out, resize):
    """Writes the image into out [C, H, W] in [0, 1]; returns None, or why the file is not usable."""
    try:
        with Image.open(path) as img:
            if img.format not in ("PNG", "JPEG", "GIF", "BMP", "TIFF"):
                return "not an image ConvLab can read (PNG, JPEG, BMP or GIF)"
            if img.mode == "CMYK":  # Java, and so ConvLab, cannot read CMYK JPEGs: leave them out here too
                return "a JPEG in CMYK colours, which ConvLab cannot read"
            w, h = img.size
            if w < MIN_SIDE or h < MIN_SIDE:
                return "image is only %dx%d pixels" % (w, h)
            if w * h > MAX_PIXELS:
                return "image is larger than 100 megapixels"
            planes = _planes(img, out.shape[0])
    except Exception as e:  # PIL's many ways of saying "corrupt"
        return "corrupt or unreadable image (%s)" % e
    c, oh, ow = out.shape
    sx = max(1, w // (OVERSAMPLE * ow))
    sy = max(1, h // (OVERSAMPLE * oh))
    planes = planes[:, ::sy, ::sx]
    for ch in range(c):
        plane = planes[ch]
        if plane.shape == (oh, ow):
            out[ch] = plane
        else:
            out[ch] = _resize(plane, oh, ow, resize, _border_mean(plane))
    return None


def _planes(img, channels):
    """[channels, h, w] float32 in [0, 1]: grey by the ITU-R BT.601 luminance, transparency over white."""
    mode = img.mode
    if mode in ("1", "L", "LA", "I", "I;16", "I;16B", "I;16L"):
        # grey samples as stored (ConvLab reads grey images without a colour-space curve)
        arr = np.asarray(img, dtype=np.float64)
        if mode == "LA":
            v, a = arr[..., 0] / 255.0, arr[..., 1] / 255.0
            v = v * a + (1 - a)
        elif mode == "1":
            v = arr  # bilevel: 0 or 1
        elif mode == "L":
            v = arr / 255.0
        else:
            v = arr / 65535.0
        grey = v.astype(np.float32)
        return np.repeat(grey[None], channels, axis=0)
    rgba = np.asarray(img.convert("RGBA"), dtype=np.float64)
    a = rgba[..., 3] / 255.0
    r, g, b = (rgba[..., i] * a + 255.0 * (1 - a) for i in range(3))
    if channels == 1:
        return ((0.299 * r + 0.587 * g + 0.114 * b) / 255.0).astype(np.float32)[None]
    return np.stack([r / 255.0, g / 255.0, b / 255.0]).astype(np.float32)


def _border_mean(plane):
    """The mean of the outermost pixels: the colour fit pads with."""
    h, w = plane.shape
    mask = np.zeros((h, w), dtype=bool)
    mask[0, :] = mask[-1, :] = mask[:, 0] = mask[:, -1] = True
    return np.float32(plane.astype(np.float64)[mask].sum() / mask.sum())


def _plan(mode, h, w, oh, ow):
    """(top, left, height, width) of the picture in the output, (top, left, height, width) of the source shown."""
    if mode == "stretch":
        return (0, 0, oh, ow), (0.0, 0.0, float(h), float(w))
    if mode == "fit":
        scale = min(oh / h, ow / w)
        nh = max(1, min(oh, int(math.floor(h * scale + 0.5))))
        nw = max(1, min(ow, int(math.floor(w * scale + 0.5))))
        return ((oh - nh) // 2, (ow - nw) // 2, nh, nw), (0.0, 0.0, float(h), float(w))
    scale = max(oh / h, ow / w)  # crop
    sh, sw = min(h, oh / scale), min(w, ow / scale)
    return (0, 0, oh, ow), ((h - sh) / 2, (w - sw) / 2, sh, sw)


def _axis(size, start, length, n):
    """For each of n outputs, the source pixels it reads and their weights (area when shrinking,
    bilinear between pixel centres when enlarging), as org.convlab.data.Resampler computes them."""
    step = length / n
    out = []
    for o in range(n):
        taps = []
        if step > 1 + 1e-12:
            a = start + o * step
            b = a + step
            s = int(math.floor(a))
            while s < b - 1e-12 and s < size:
                overlap = min(b, s + 1) - max(a, s)
                if overlap > 1e-12:
                    taps.append((s, overlap / step))
                s += 1
        else:
            c = start + (o + 0.5) * step - 0.5
            c = max(0.0, min(size - 1.0, c))
            s0 = int(math.floor(c))
            t = c - s0
            taps.append((s0, 1 - t))
            if t > 1e-12 and s0 + 1 < size:
                taps.append((s0 + 1, t))
        out.append(taps)
    return out


def _resize(plane, oh, ow, mode, fill):
    """One channel resized as ConvLab resizes it: columns first, then rows, each sum in double
    precision in the same order, rounded to float after each pass."""
    h, w = plane.shape
    (top, left, nh, nw), (stop, sleft, sh, sw) = _plan(mode, h, w, oh, ow)
    rows, cols = _axis(h, stop, sh, nh), _axis(w, sleft, sw, nw)
    src = plane.astype(np.float64)
    tmp = np.zeros((h, nw), dtype=np.float32)
    for ox, taps in enumerate(cols):
        acc = np.zeros(h)
        for s, weight in taps:
            acc = acc + weight * src[:, s]
        tmp[:, ox] = acc
    tmp = tmp.astype(np.float64)
    out = np.full((oh, ow), fill, dtype=np.float32)
    for oy, taps in enumerate(rows):
        acc = np.zeros(nw)
        for s, weight in taps:
            acc = acc + weight * tmp[s, :]
        out[top + oy, left:left + nw] = acc
    return out


def _normalise(x, p):
    """In place: unit keeps [0, 1], symmetric maps to [-1, 1], ink to dark +1 / white -1,
    standardize subtracts the stored per-channel mean and divides by the std (float32, as ConvLab)."""
    kind = p["normalize"]
    if kind in ("symmetric", "ink"):
        half = np.float32(0.5)
        x -= half
        x /= half
        if kind == "ink":
            np.negative(x, out=x)
    elif kind == "standardize":
        for c, (m, s) in enumerate(zip(p["mean"], p["std"])):
            x[:, c] -= np.float32(m)
            x[:, c] /= np.float32(s)
