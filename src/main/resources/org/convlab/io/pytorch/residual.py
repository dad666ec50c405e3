

class Residual(nn.Module):
    """ConvLab's residual block: out = branch(x) + skip(x). The skip is x itself, or a 1x1
    convolution `proj` (followed by the batch norm `proj_bn` when the branch has batch norm)
    when the branch changes the shape. The branch's layers are children of the block, so their
    weights are named block.layer.weight, as in ConvLab."""

    def __init__(self, branch, proj=None, proj_bn=None):
        super().__init__()
        self.branch = list(branch)  # the branch's layer names, in order
        for name, layer in branch.items():
            self.add_module(name, layer)
        self.proj = proj
        self.proj_bn = proj_bn

    def forward(self, x):
        out = x
        for name in self.branch:
            out = getattr(self, name)(out)
        skip = x
        if self.proj is not None:
            skip = self.proj(skip)
        if self.proj_bn is not None:
            skip = self.proj_bn(skip)
        return out + skip
