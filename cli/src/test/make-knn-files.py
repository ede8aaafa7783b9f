#!/usr/bin/env python3
"""Writes the .fvecs/.bvecs test files of `ferric knn` (the ANN benchmarks' format: each vector is a
little-endian int32 dimension followed by its components).

By default it regenerates the committed test files in resources/dev/ferric/cli/knn/: float components
are multiples of 1/4 in [-2, 2] and byte components small enough that every float32 dot product and
distance is exact, so the expected neighbours (ties included, ordered by id) are known exactly.
With --random it writes uniform random floats instead, for larger runs and throughput checks:

    python3 cli/src/test/make-knn-files.py --random --dim 768 --base 100000 --query 100 --out /tmp/knn
    ./ferric knn --base /tmp/knn/base.fvecs --query /tmp/knn/query.fvecs -k 10 --out /tmp/knn/nn.ivecs
"""
import argparse
import os
import random
import struct


def write(path, rows, fmt):
    with open(path, "wb") as f:
        for row in rows:
            f.write(struct.pack("<i", len(row)))
            f.write(struct.pack("<%d%s" % (len(row), fmt), *row))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", default=os.path.join(here, "resources", "dev", "ferric", "cli", "knn"))
    p.add_argument("--dim", type=int, default=24)
    p.add_argument("--base", type=int, default=1000)
    p.add_argument("--query", type=int, default=20)
    p.add_argument("--seed", type=int, default=20261126)
    p.add_argument("--random", action="store_true", help="uniform random floats in [-1, 1) (not exact)")
    a = p.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)

    def fvec():
        if a.random:
            return [rng.uniform(-1, 1) for _ in range(a.dim)]
        return [rng.randint(-8, 8) / 4 for _ in range(a.dim)]

    write(os.path.join(a.out, "base.fvecs"), [fvec() for _ in range(a.base)], "f")
    write(os.path.join(a.out, "query.fvecs"), [fvec() for _ in range(a.query)], "f")
    # bytes: full unsigned range; dim * 255^2 stays below 2^24, so float32 sums are exact too
    write(os.path.join(a.out, "base.bvecs"), [[rng.randrange(256) for _ in range(a.dim)] for _ in range(a.base)], "B")
    write(os.path.join(a.out, "query.bvecs"), [[rng.randrange(256) for _ in range(a.dim)] for _ in range(a.query)], "B")


if __name__ == "__main__":
    main()
