#!/usr/bin/env python3
"""The benchmark epoch in PyTorch (CPU, eager): the same 784-256-256-10 ReLU MLP on Fashion-MNIST and its batch-norm
variant as numpy_epoch.py, He init, SGD momentum 0.9, lr 0.05, batch 128, float32, cross-entropy, at a pinned thread
count (default: $OPENBLAS_NUM_THREADS, as the engine sets it for its peers, else 1). The initial weights and the
shuffles come from the same numpy generator as numpy_epoch.py's, so the runs match up to float rounding (batch norm's
running variance is torch's unbiased one). Data loading is not timed; the per-batch indexing is, as in the numpy peer.

Usage: python3 torch_epoch.py [--epochs 3] [--data DIR] [--threads N]
Prints one line per variant: "torch <variant>: best epoch <s> s over <k> epochs, test accuracy <a>".
If torch cannot be imported it prints one line "torch peer: torch not importable (...)" and exits 0.
"""
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from numpy_epoch import common_arguments, load, make_params  # noqa: E402  (the same data and the same initial weights)


def make_model(torch, rng, sizes, batchnorm):
    """The MLP with numpy_epoch.make_params's weights (the same draws; torch stores W transposed)."""
    nn = torch.nn
    params = make_params(rng, sizes, batchnorm)
    layers = []
    for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:])):
        linear = nn.Linear(a, b)
        with torch.no_grad():
            linear.weight.copy_(torch.from_numpy(np.ascontiguousarray(params[f"W{i}"].T)))
            linear.bias.zero_()
        layers.append(linear)
        if i < len(sizes) - 2:
            if batchnorm:
                layers.append(nn.BatchNorm1d(b, eps=1e-5, momentum=0.1))   # running = 0.9·running + 0.1·batch
            layers.append(nn.ReLU())
    return nn.Sequential(*layers)


def run(torch, variant, batchnorm, x, y, xt, yt, epochs, lr, batch):
    rng = np.random.default_rng(0)
    model = make_model(torch, rng, [784, 256, 256, 10], batchnorm)
    # torch's momentum (buf = μ·buf + g; w −= η·buf) is the numpy peer's (v = μv − η·g; w += v) with v = −η·buf.
    optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)
    loss_fn = torch.nn.CrossEntropyLoss()
    model.train()
    times = []
    for _ in range(epochs):
        order = torch.from_numpy(rng.permutation(len(x)))
        start = time.perf_counter()
        for s in range(0, len(x), batch):
            idx = order[s:s + batch]
            optimizer.zero_grad(set_to_none=True)
            loss = loss_fn(model(x[idx]), y[idx])
            loss.backward()
            optimizer.step()
        times.append(time.perf_counter() - start)
    model.eval()
    with torch.inference_mode():
        accuracy = (model(xt).argmax(dim=1) == yt).float().mean().item()
    print(f"torch {variant}: best epoch {min(times):.3f} s over {epochs} epochs, test accuracy {accuracy:.4f}",
          flush=True)


def main():
    parser = common_arguments(__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=int(os.environ.get("OPENBLAS_NUM_THREADS", "1") or 1))
    args = parser.parse_args()
    # Pin the thread pools before torch starts them (MKL and OpenMP read these at load), then torch's own.
    for name in ("OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = str(args.threads)
    try:
        import torch
    except ImportError as error:
        print(f"torch peer: torch not importable ({error})")
        return
    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    x, y = load(args.data, "train")
    xt, yt = load(args.data, "t10k")
    x, y, xt, yt = (torch.from_numpy(a) for a in (x, y, xt, yt))
    run(torch, "mlp", False, x, y, xt, yt, args.epochs, args.lr, args.batch)
    run(torch, "mlp+batchnorm", True, x, y, xt, yt, args.epochs, args.lr, args.batch)


if __name__ == "__main__":
    sys.exit(main())
