#!/usr/bin/env python3
"""Markdown table of the CPU-time runs (cpu-run.sh output): median CPU ns per operation of each jar,
the NEW/OLD ratio (< 1: NEW faster), the peers' ratio in the same JVM group and net = ratio / peer ratio.

Usage: cpu-compare.py OLD NEW FILE.tsv...
A row measured in several JVMs (several files, or several lines) is the geometric mean of their medians;
'JVMs' says how many, and 'spread' the largest/smallest median of each jar.
"""
import math, re, sys

old, new = sys.argv[1:3]
runs = {}
for f in sys.argv[3:]:
    for line in open(f):
        p = line.rstrip("\n").split("\t")
        if len(p) < 5 or not p[3].startswith("median="):
            continue
        runs.setdefault((p[0], p[1], p[2]), []).append(float(p[3][7:]))
rows = {k: (math.exp(sum(math.log(x) for x in v) / len(v)), len(v), max(v) / min(v)) for k, v in runs.items()}


def ferric(m):
    return m.startswith("ferric") or "Ferric" in m


def geo(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else float("nan")


keys = [(bm, ps) for (w, bm, ps) in rows if w == old and (new, bm, ps) in rows]
print(f"| benchmark | params | JVMs | {old} CPU ns/op (spread) | {new} CPU ns/op (spread) | {new}/{old} | peer {new}/{old} | net | flag |")
print("|---|---|---:|---:|---:|---:|---:|---:|---|")


def cell(k):
    v, n, sp = rows[k]
    return f"{v:,.1f}" + (f" ({sp:.2f}x)" if n > 1 else "")

flagged = []
for bm, ps in keys:
    cls, m = bm.split(".")
    r = rows[(new, bm, ps)][0] / rows[(old, bm, ps)][0]
    if ferric(m):
        peers = [rows[(new, b, q)][0] / rows[(old, b, q)][0] for b, q in keys
                 if q == ps and b.split(".")[0] == cls and not ferric(b.split(".")[1])]
        if not peers and cls == "RegexBench":  # javaUtilRegex ran for three patterns: their mean as the class's control
            peers = [rows[(new, b, q)][0] / rows[(old, b, q)][0] for b, q in keys if b == "RegexBench.javaUtilRegex"]
        pr = geo(peers)
        net = r / pr if peers else float("nan")
        flag = "" if math.isnan(net) or 0.95 <= net <= 1.05 else ("SLOWER" if net > 1 else "faster")
        if flag:
            flagged.append(f"{bm} [{ps}] ratio {r:.3f} peer {pr:.3f} net {net:.3f}")
        print(f"| {bm} | {ps} | {rows[(old, bm, ps)][1]}+{rows[(new, bm, ps)][1]} | {cell((old, bm, ps))} | {cell((new, bm, ps))} | {r:.3f} | {pr:.3f} | {net:.3f} | {flag} |")
    else:
        print(f"| {bm} (peer) | {ps} | {rows[(old, bm, ps)][1]}+{rows[(new, bm, ps)][1]} | {cell((old, bm, ps))} | {cell((new, bm, ps))} | {r:.3f} | | | |")
print(f"\nflagged ferric rows (net outside 0.95-1.05): {len(flagged)}")
for x in flagged:
    print("  " + x)
