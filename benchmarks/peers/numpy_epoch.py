#!/usr/bin/env python3
"""The benchmark epoch in numpy, two ways: as the CS231n assignments write it (layers.py: affine/relu/batchnorm forward
and backward with caches, softmax_loss, optim.py's sgd_momentum), and as a careful numpy user would (no input
gradient for the first layer, in-place ReLU, softmax and momentum updates). 784-256-256-10 ReLU MLP on
Fashion-MNIST, He init, SGD momentum 0.9, lr 0.05, batch 128, float32. Data loading is not timed.

Usage: OPENBLAS_NUM_THREADS=1 python3 numpy_epoch.py [--epochs 3] [--data DIR] [--style cs231n|careful|both]
Prints one line per style and variant: "numpy <variant>: best epoch <s> s over <k> epochs, test accuracy <a>"
(CS231n style) and "numpy-careful <variant>: …" (careful style).
"""
import argparse
import gzip
import os
import time

import numpy as np


def load(directory, kind):
    with gzip.open(os.path.join(directory, f"{kind}-images-idx3-ubyte.gz")) as f:
        images = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 784).astype(np.float32) / 255
    with gzip.open(os.path.join(directory, f"{kind}-labels-idx1-ubyte.gz")) as f:
        labels = np.frombuffer(f.read(), np.uint8, offset=8).astype(np.int64)
    return images, labels


def affine_forward(x, w, b):
    return x.dot(w) + b, (x, w)


def affine_backward(dout, cache):
    x, w = cache
    return dout.dot(w.T), x.T.dot(dout), dout.sum(axis=0)


def relu_forward(x):
    return np.maximum(0, x), x


def relu_backward(dout, x):
    return dout * (x > 0)


def batchnorm_forward(x, gamma, beta, bn_param):
    mu = x.mean(axis=0)
    var = x.var(axis=0)
    std = np.sqrt(var + 1e-5)
    xhat = (x - mu) / std
    m = bn_param.get("momentum", 0.9)
    bn_param["running_mean"] = m * bn_param.get("running_mean", 0) + (1 - m) * mu
    bn_param["running_var"] = m * bn_param.get("running_var", 1) + (1 - m) * var
    return gamma * xhat + beta, (xhat, gamma, std)


def batchnorm_backward_alt(dout, cache):
    xhat, gamma, std = cache
    n = dout.shape[0]
    dgamma = (dout * xhat).sum(axis=0)
    dbeta = dout.sum(axis=0)
    dxhat = dout * gamma
    dx = (n * dxhat - dxhat.sum(axis=0) - xhat * (dxhat * xhat).sum(axis=0)) / (n * std)
    return dx, dgamma, dbeta


def softmax_loss(x, y):
    shifted = x - x.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    n = x.shape[0]
    loss = -log_probs[np.arange(n), y].mean()
    dx = np.exp(log_probs)
    dx[np.arange(n), y] -= 1
    return loss, dx / n


def sgd_momentum(w, dw, config):
    v = config.get("velocity", np.zeros_like(w))
    v = config["momentum"] * v - config["learning_rate"] * dw
    config["velocity"] = v
    return w + v


def make_params(rng, sizes, batchnorm):
    params = {}
    for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:])):
        params[f"W{i}"] = (rng.standard_normal((a, b)) * np.sqrt(2 / a)).astype(np.float32)
        params[f"b{i}"] = np.zeros(b, np.float32)
        if batchnorm and i < len(sizes) - 2:
            params[f"gamma{i}"] = np.ones(b, np.float32)
            params[f"beta{i}"] = np.zeros(b, np.float32)
    return params


def train_step(params, bn_params, x, y, layers, batchnorm, configs):
    caches = []
    h = x
    for i in range(layers):
        h, c_aff = affine_forward(h, params[f"W{i}"], params[f"b{i}"])
        c_bn = None
        if i < layers - 1:
            if batchnorm:
                h, c_bn = batchnorm_forward(h, params[f"gamma{i}"], params[f"beta{i}"], bn_params[i])
            h, c_relu = relu_forward(h)
        else:
            c_relu = None
        caches.append((c_aff, c_bn, c_relu))
    loss, dh = softmax_loss(h, y)
    grads = {}
    for i in reversed(range(layers)):
        c_aff, c_bn, c_relu = caches[i]
        if c_relu is not None:
            dh = relu_backward(dh, c_relu)
            if batchnorm:
                dh, grads[f"gamma{i}"], grads[f"beta{i}"] = batchnorm_backward_alt(dh, c_bn)
        dh, grads[f"W{i}"], grads[f"b{i}"] = affine_backward(dh, c_aff)
    for k in params:
        params[k] = sgd_momentum(params[k], grads[k], configs[k])
    return loss


def train_step_careful(params, bn_params, x, y, layers, batchnorm, configs):
    """The same step as train_step, written for speed: no gradient for the input images, ReLU, softmax and the
    momentum update in place (v = μv − η·dw; w += v)."""
    caches = []
    h = x
    for i in range(layers):
        z = h.dot(params[f"W{i}"])
        z += params[f"b{i}"]
        c_bn = None
        if i < layers - 1:
            if batchnorm:
                z, c_bn = batchnorm_forward(z, params[f"gamma{i}"], params[f"beta{i}"], bn_params[i])
            np.maximum(z, 0, out=z)
        caches.append((h, c_bn))
        h = z
    n = h.shape[0]
    h -= h.max(axis=1, keepdims=True)
    np.exp(h, out=h)
    h /= h.sum(axis=1, keepdims=True)
    loss = -np.log(h[np.arange(n), y]).mean()
    h[np.arange(n), y] -= 1
    h /= n
    dh = h
    for i in reversed(range(layers)):
        a, c_bn = caches[i]
        w = params[f"W{i}"]
        dw, db = a.T.dot(dh), dh.sum(axis=0)
        if i > 0:
            dh = dh.dot(w.T)
            dh *= a > 0   # ReLU: this layer's input is the previous layer's output after its ReLU
            if batchnorm:
                dh, dgamma, dbeta = batchnorm_backward_alt(dh, caches[i - 1][1])
                for k, g in ((f"gamma{i - 1}", dgamma), (f"beta{i - 1}", dbeta)):
                    update_in_place(params[k], g, configs[k])
        update_in_place(w, dw, configs[f"W{i}"])
        update_in_place(params[f"b{i}"], db, configs[f"b{i}"])
    return loss


def update_in_place(w, dw, config):
    v = config.get("velocity")
    if v is None:
        v = config["velocity"] = np.zeros_like(w)
    v *= config["momentum"]
    dw *= config["learning_rate"]
    v -= dw
    w += v


def predict(params, bn_params, x, layers, batchnorm):
    h = x
    for i in range(layers):
        h = h.dot(params[f"W{i}"]) + params[f"b{i}"]
        if i < layers - 1:
            if batchnorm:
                p = bn_params[i]
                h = params[f"gamma{i}"] * (h - p["running_mean"]) / np.sqrt(p["running_var"] + 1e-5) + params[f"beta{i}"]
            h = np.maximum(0, h)
    return h.argmax(axis=1)


def run(variant, batchnorm, x, y, xt, yt, epochs, lr, batch, careful=False):
    rng = np.random.default_rng(0)
    sizes = [784, 256, 256, 10]
    layers = len(sizes) - 1
    params = make_params(rng, sizes, batchnorm)
    bn_params = [{"momentum": 0.9} for _ in range(layers)]
    configs = {k: {"learning_rate": lr, "momentum": 0.9} for k in params}
    times = []
    for _ in range(epochs):
        order = rng.permutation(len(x))
        start = time.perf_counter()
        for s in range(0, len(x), batch):
            idx = order[s:s + batch]
            (train_step_careful if careful else train_step)(params, bn_params, x[idx], y[idx], layers, batchnorm,
                                                             configs)
        times.append(time.perf_counter() - start)
    accuracy = (predict(params, bn_params, xt, layers, batchnorm) == yt).mean()
    print(f"{'numpy-careful' if careful else 'numpy'} {variant}: best epoch {min(times):.3f} s over {epochs} epochs, test accuracy {accuracy:.4f}")


def common_arguments(description):
    """The options every peer shares: the data folder, epochs (best of), learning rate and batch size."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--data", default=os.environ.get("FASHION_MNIST_DIR", "/usr/share/datasets/fashion-mnist"))
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--lr", type=float, default=0.05)
    parser.add_argument("--batch", type=int, default=128)
    return parser


def main():
    parser = common_arguments(__doc__.splitlines()[0])
    parser.add_argument("--style", choices=["cs231n", "careful", "both"], default="both")
    args = parser.parse_args()
    x, y = load(args.data, "train")
    xt, yt = load(args.data, "t10k")
    for careful in {"cs231n": [False], "careful": [True], "both": [False, True]}[args.style]:
        run("mlp", False, x, y, xt, yt, args.epochs, args.lr, args.batch, careful)
        run("mlp+batchnorm", True, x, y, xt, yt, args.epochs, args.lr, args.batch, careful)


if __name__ == "__main__":
    main()
