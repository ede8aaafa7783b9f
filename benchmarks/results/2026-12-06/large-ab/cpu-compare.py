#!/usr/bin/env python3
"""Markdown table of the CPU-time runs (cpu-run.sh output): median CPU ns per operation of each jar,
the NEW/OLD ratio (< 1: NEW faster), the peers' ratio in the same JVM group and net = ratio / peer ratio.

Usage: cpu-compare.py FILE.tsv OLD NEW
"""
import math, re, sys

f, old, new = sys.argv[1:4]
rows = {}
for line in open(f):
    p = line.rstrip("\n").split("\t")
    if len(p) < 5 or not p[3].startswith("median="):
        continue
    w, bm, params = p[0], p[1], p[2]
    rows[(w, bm, params)] = (float(p[3][7:]), float(p[4][4:]))


def ferric(m):
    return m.startswith("ferric") or "Ferric" in m


def geo(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else float("nan")


keys = [(bm, ps) for (w, bm, ps) in rows if w == old and (new, bm, ps) in rows]
print(f"| benchmark | params | {old} CPU ns/op | {new} CPU ns/op | {new}/{old} | peer {new}/{old} | net | flag |")
print("|---|---|---:|---:|---:|---:|---:|---|")
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
        print(f"| {bm} | {ps} | {rows[(old, bm, ps)][0]:,.1f} | {rows[(new, bm, ps)][0]:,.1f} | {r:.3f} | {pr:.3f} | {net:.3f} | {flag} |")
    else:
        print(f"| {bm} (peer) | {ps} | {rows[(old, bm, ps)][0]:,.1f} | {rows[(new, bm, ps)][0]:,.1f} | {r:.3f} | | | |")
print(f"\nflagged ferric rows (net outside 0.95-1.05): {len(flagged)}")
for x in flagged:
    print("  " + x)
