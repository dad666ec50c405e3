

class NormalizedConv2d(nn.Conv2d):
    """ConvLab's conv with "normalize": the slides' filter matching. Each output is the sum of
    pixel x weight divided by the number of weights in a filter (C * KH * KW), an average match
    between -1 and 1 for +-1 images; the bias (if any) is added after the division."""

    def forward(self, x):
        window = self.in_channels * self.kernel_size[0] * self.kernel_size[1]
        y = self._conv_forward(x, self.weight, None) / window
        return y if self.bias is None else y + self.bias.view(1, -1, 1, 1)
