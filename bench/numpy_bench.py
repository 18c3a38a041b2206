#!/usr/bin/env python3
"""NumPy side of `npm run bench`: times the tutorial's vectorised training loop.

One iteration is what the tutorial writes: forward propagation, the cost, backward
propagation and the gradient-descent update, float64, full batch. The workloads and
the data (np.random.seed, then the same calls) are those of bench/engine.bench.ts, so
both sides train the same network on the same numbers.

Timing as on the TypeScript side: warm up, pick the smallest power of two of iterations
that takes at least --min-ms, then time --samples such batches; median, min, max and
quartiles of µs per iteration. For the tanh workloads it also times the same loop with
`1 - A1 * A1` in place of the tutorial's `1 - np.power(A1, 2)` (NumPy 1.x sends
np.power(x, 2) through pow() element by element, `A1 ** 2` and `A1 * A1` are a square):
for information, next to the tutorial's time that the targets are set against.
Prints one JSON object on stdout.

Run by the TypeScript bench; by hand:
  python3 bench/numpy_bench.py [--samples 15] [--min-ms 50] [--workload "2-4-1 x 400"]
"""
import argparse
import json
import os
import platform
import sys
import time

import numpy as np

LEARNING_RATE = 0.1
# name, n, h, o, m, hidden activation, output activation, loss, data seed, param seed
WORKLOADS = [
    ("2-4-1 x 400", 2, 4, 1, 400, "tanh", "sigmoid", "bce", 3, 2),
    ("2-64-1 x 4000", 2, 64, 1, 4000, "tanh", "sigmoid", "bce", 5, 2),
    ("10-5-1 x 256", 10, 5, 1, 256, "relu", "linear", "mse", 7, 2),
]


def make_data(n, o, m, loss, seed):
    """np.random.seed(seed); X = randn(n, m); Y = randint(0, 2, (o, m)) for bce, else randn(o, m)."""
    np.random.seed(seed)
    X = np.random.randn(n, m)
    Y = np.random.randint(0, 2, (o, m)).astype(np.float64) if loss == "bce" else np.random.randn(o, m)
    return X, Y


def initialize_parameters(n, h, o, seed):
    """The tutorial's initialize_parameters."""
    np.random.seed(seed)
    W1 = np.random.randn(h, n) * 0.01
    b1 = np.zeros((h, 1))
    W2 = np.random.randn(o, h) * 0.01
    b2 = np.zeros((o, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def make_step(hidden, output, loss, X, Y, lr, squared=False):
    """Returns step(params) -> cost: one tutorial iteration, updating params in the dict.

    squared: `1 - A1 * A1` instead of the tutorial's `1 - np.power(A1, 2)`.
    """
    m = X.shape[1]
    o = Y.shape[0]

    if (hidden, output, loss) == ("tanh", "sigmoid", "bce"):
        # The tutorial's code, line for line (planar data classification, one hidden layer).
        def step(parameters):
            W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
            # forward_propagation
            Z1 = np.dot(W1, X) + b1
            A1 = np.tanh(Z1)
            Z2 = np.dot(W2, A1) + b2
            A2 = sigmoid(Z2)
            # compute_cost (mean over o*m elements, as the engine's loss)
            logprobs = np.multiply(np.log(A2), Y) + np.multiply(np.log(1 - A2), 1 - Y)
            cost = float(np.squeeze(-np.sum(logprobs) / (m * o)))
            # backward_propagation
            dZ2 = (A2 - Y) / o if o != 1 else A2 - Y
            dW2 = (1 / m) * np.dot(dZ2, A1.T)
            db2 = (1 / m) * np.sum(dZ2, axis=1, keepdims=True)
            dZ1 = np.multiply(np.dot(W2.T, dZ2), 1 - A1 * A1 if squared else 1 - np.power(A1, 2))
            dW1 = (1 / m) * np.dot(dZ1, X.T)
            db1 = (1 / m) * np.sum(dZ1, axis=1, keepdims=True)
            # update_parameters
            parameters["W1"] = W1 - lr * dW1
            parameters["b1"] = b1 - lr * db1
            parameters["W2"] = W2 - lr * dW2
            parameters["b2"] = b2 - lr * db2
            return cost

        return step

    if (hidden, output, loss) == ("relu", "linear", "mse"):
        def step(parameters):
            W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
            Z1 = np.dot(W1, X) + b1
            A1 = np.maximum(0, Z1)
            Z2 = np.dot(W2, A1) + b2
            A2 = Z2
            cost = float(np.mean((A2 - Y) ** 2))
            dZ2 = 2 * (A2 - Y) / o
            dW2 = (1 / m) * np.dot(dZ2, A1.T)
            db2 = (1 / m) * np.sum(dZ2, axis=1, keepdims=True)
            dZ1 = np.multiply(np.dot(W2.T, dZ2), Z1 > 0)
            dW1 = (1 / m) * np.dot(dZ1, X.T)
            db1 = (1 / m) * np.sum(dZ1, axis=1, keepdims=True)
            parameters["W1"] = W1 - lr * dW1
            parameters["b1"] = b1 - lr * db1
            parameters["W2"] = W2 - lr * dW2
            parameters["b2"] = b2 - lr * db2
            return cost

        return step

    raise ValueError(f"no NumPy loop for {hidden}/{output}/{loss}")


def run_batch(step, parameters, count):
    t0 = time.perf_counter_ns()
    for _ in range(count):
        step(parameters)
    return time.perf_counter_ns() - t0


def quantile(sorted_values, q):
    """Linear interpolation between closest ranks (NumPy's default), on a sorted list."""
    pos = (len(sorted_values) - 1) * q
    lo = int(pos)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (pos - lo)


def time_workload(step, parameters, samples, min_ms):
    # warm-up (200 iterations or 0.2 s, whichever comes first), then the smallest power of
    # two of iterations that takes at least min_ms
    t0 = time.perf_counter()
    for _ in range(200):
        step(parameters)
        if time.perf_counter() - t0 > 0.2:
            break
    count = 1
    while run_batch(step, parameters, count) < min_ms * 1e6:
        count *= 2
    per_iteration = sorted(run_batch(step, parameters, count) / count / 1e3 for _ in range(samples))
    return {
        "iterationsPerSample": count,
        "samples": samples,
        "medianUs": quantile(per_iteration, 0.5),
        "minUs": per_iteration[0],
        "maxUs": per_iteration[-1],
        "q1Us": quantile(per_iteration, 0.25),
        "q3Us": quantile(per_iteration, 0.75),
    }


def blas_info():
    """Which BLAS NumPy runs: threadpoolctl where installed, else the libraries mapped into this process."""
    try:
        from threadpoolctl import threadpool_info  # type: ignore

        return {"source": "threadpoolctl", "pools": threadpool_info()}
    except ImportError:
        pass
    libraries = set()
    try:
        with open("/proc/self/maps") as maps:
            for line in maps:
                path = line.split()[-1] if len(line.split()) >= 6 else ""
                name = os.path.basename(path).lower()
                if any(k in name for k in ("blas", "mkl", "lapack", "blis")):
                    libraries.add(os.path.realpath(path))
    except OSError:
        pass
    return {"source": "/proc/self/maps (threadpoolctl not installed)", "libraries": sorted(libraries)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=15)
    parser.add_argument("--min-ms", type=float, default=50)
    parser.add_argument("--check-iterations", type=int, default=100)
    parser.add_argument("--workload", action="append", help="time only this workload (repeatable); default all")
    args = parser.parse_args()

    results = []
    for name, n, h, o, m, g1, g2, loss, data_seed, param_seed in WORKLOADS:
        if args.workload and name not in args.workload:
            continue
        X, Y = make_data(n, o, m, loss, data_seed)
        step = make_step(g1, g2, loss, X, Y, LEARNING_RATE)
        # correctness check: the costs of the first iterations from the initial parameters
        parameters = initialize_parameters(n, h, o, param_seed)
        costs = [step(parameters) for _ in range(args.check_iterations)]
        timing = time_workload(step, initialize_parameters(n, h, o, param_seed), args.samples, args.min_ms)
        result = {"name": name, "firstCost": costs[0], "lastCost": costs[-1], **timing}
        if g1 == "tanh":
            squared = make_step(g1, g2, loss, X, Y, LEARNING_RATE, squared=True)
            result["squared"] = time_workload(squared, initialize_parameters(n, h, o, param_seed), args.samples, args.min_ms)
        results.append(result)

    print(json.dumps({
        "numpy": np.__version__,
        "python": platform.python_version(),
        "executable": sys.executable,
        "env": {k: os.environ.get(k) for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")},
        "blas": blas_info(),
        "checkIterations": args.check_iterations,
        "workloads": results,
    }))


if __name__ == "__main__":
    main()
