

class Inception(nn.Module):
    """ConvLab's inception block: parallel branches b1, b2, ... on the same input, their
    outputs concatenated along the channels in branch order."""

    def __init__(self, *branches):
        super().__init__()
        for i, branch in enumerate(branches, 1):
            self.add_module("b%d" % i, nn.Sequential(branch))

    def forward(self, x):
        return torch.cat([branch(x) for branch in self.children()], dim=1)
