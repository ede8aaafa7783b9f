#!/usr/bin/env python3
"""Markdown table of jmh-run.sh's output: per benchmark the geometric mean of each jar's JMH scores over
its runs (DIR/OLD/*.json, DIR/NEW/*.json), their spread (largest/smallest score), NEW/OLD (< 1: NEW
faster), the peers' ratio (non-ferric rows of the same class and params) and net = ratio / peer ratio,
flagged outside 0.95-1.05.   Usage: jmh-compare.py DIR OLD NEW
"""
import glob, json, math, os, sys

d, old, new = sys.argv[1:4]


def load(w):
    runs = {}
    for f in sorted(glob.glob(os.path.join(d, w, "*.json"))):
        for r in json.load(open(f)):
            cls, m = r["benchmark"].split(".")[-2:]
            params = ",".join(f"{k}={v}" for k, v in sorted((r.get("params") or {}).items()))
            runs.setdefault((cls, m, params), []).append((r["primaryMetric"]["score"], r["primaryMetric"]["scoreUnit"]))
    return runs


def geo(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs))


a, b = load(old), load(new)
ferric = lambda m: m.startswith("ferric") or "Ferric" in m
print(f"| benchmark | params | runs | {old} (spread) | {new} (spread) | unit | {new}/{old} | peer | net | flag |")
print("|---|---|---:|---:|---:|---|---:|---:|---:|---|")
ratio = {k: geo([s for s, _ in b[k]]) / geo([s for s, _ in a[k]]) for k in a if k in b}
for k in sorted(ratio):
    cls, m, ps = k
    sa, sb = [s for s, _ in a[k]], [s for s, _ in b[k]]
    peers = [ratio[j] for j in ratio if j[0] == cls and j[2] == ps and not ferric(j[1])]
    pr = geo(peers) if peers else float("nan")
    net = ratio[k] / pr if peers and ferric(m) else float("nan")
    flag = "" if math.isnan(net) or 0.95 <= net <= 1.05 else ("SLOWER" if net > 1 else "faster")
    name = f"{cls}.{m}" + ("" if ferric(m) else " (peer)")
    print(f"| {name} | {ps or '-'} | {len(sa)}+{len(sb)} | {geo(sa):,.1f} ({max(sa)/min(sa):.2f}x) | {geo(sb):,.1f} ({max(sb)/min(sb):.2f}x) | {a[k][0][1]} | {ratio[k]:.3f} | "
          + ("" if not ferric(m) else f"{pr:.3f} | {net:.3f} | {flag} |"))
