#!/usr/bin/env python3
"""Pairs the JMH JSON rows of two jars and prints a Markdown table of time ratios.

Usage: compare.py DIR OLD NEW [SUFFIX]   (reads DIR/OLD/*SUFFIX.json and DIR/NEW/*SUFFIX.json)
Scores are average time per operation: ratio NEW/OLD < 1 means NEW is faster.
'min' columns use the fastest measured iteration of each run instead of the mean (less sensitive to
time taken by other processes on a loaded machine). Each ferric row is set against its peer rows (same params, the same operation in another library) as a
noise control; 'net' = ferric ratio / peer ratio, flagged when it is outside 0.95-1.05.
"""
import glob, json, math, os, re, sys

d, old, new = sys.argv[1:4]
suffix = sys.argv[4] if len(sys.argv) > 4 else ""


def load(w):
    rows = {}
    for f in sorted(glob.glob(os.path.join(d, w, "*.json"))):
        base = os.path.basename(f)[:-5]
        if suffix and not base.endswith(suffix):
            continue
        if not suffix and "-rerun" in base:
            continue
        try:
            data = json.load(open(f))
        except ValueError:
            print(f"skipped {f}: not (yet) complete JSON", file=sys.stderr)
            continue
        for r in data:
            cls, m = r["benchmark"].split(".")[-2:]
            params = tuple(sorted((r.get("params") or {}).items()))
            pm = r["primaryMetric"]
            best = min(x for fork in pm["rawData"] for x in fork)
            rows[(cls, m, params)] = (pm["score"], pm["scoreError"], pm["scoreUnit"], best)
    return rows


def is_ferric(m):
    return m.startswith("ferric") or "Ferric" in m


def peer_names(cls, m, names):
    if cls in ("CompressBench", "InflateBench"):
        return [m.replace("Ferric", "Jdk")]
    if cls == "Lz4Bench":
        pre = m.split("Ferric")[0]
        own = [n for n in names if n.startswith(pre) and not is_ferric(n)]
        return own or [n for n in names if not is_ferric(n)]
    if cls == "VectorsBench":
        return ["javaScalar" + m[len("ferric"):].replace("Batch16", "")]
    if cls == "RegexBench":
        return ["javaUtilRegex"]
    if cls == "Blake3Bench":
        return ["bouncyCastle", "jdkSha256"]
    if cls == "SmallRegexBench":
        return ["jdkFind"]
    if cls == "SmallBlake3Bench":
        return ["jdkSha256"]
    if cls == "SmallCompressBench":
        return {"ferricGzip": ["jdkGzip"], "ferricGunzip": ["jdkGunzip"],
                "ferricLz4Compress": ["lz4JavaCompress"], "ferricLz4Decompress": ["lz4JavaDecompress"]}[m]
    return []


a, b = load(old), load(new)
keys = sorted(k for k in a if k in b)
names = {}
for cls, m, p in keys:
    names.setdefault(cls, set()).add(m)


def fmt(x):
    return f"{x:,.1f}" if x >= 100 else f"{x:,.3g}" if x < 1 else f"{x:,.2f}"


def ratio(k, i=0):
    return b[k][i] / a[k][i]


def geo(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else float("nan")


print(f"| benchmark | params | {old} (mean ± 99.9%) | {new} (mean ± 99.9%) | unit | {new}/{old} time | peer {new}/{old} | net | net, min | flag |")
print("|---|---|---:|---:|---|---:|---:|---:|---:|---|")
flagged = []
for k in keys:
    cls, m, p = k
    ps = ", ".join(f"{n}={v}" for n, v in p)
    r = ratio(k)
    if is_ferric(m):
        peers = [(cls, n, p) for n in peer_names(cls, m, names[cls]) if (cls, n, p) in a and (cls, n, p) in b]
        pr = geo([ratio(q) for q in peers])
        net = r / pr if peers else float("nan")
        netmin = ratio(k, 3) / geo([ratio(q, 3) for q in peers]) if peers else float("nan")
        flag = "" if math.isnan(net) or 0.95 <= net <= 1.05 else ("SLOWER" if net > 1 else "faster")
        if flag:
            flagged.append((cls, m, ps, r, pr, net, netmin))
        print(f"| {cls}.{m} | {ps} | {fmt(a[k][0])} ± {fmt(a[k][1])} | {fmt(b[k][0])} ± {fmt(b[k][1])} | {a[k][2]} "
              f"| {r:.3f} | {pr:.3f} | {net:.3f} | {netmin:.3f} | {flag} |")
    else:
        print(f"| {cls}.{m} (peer) | {ps} | {fmt(a[k][0])} ± {fmt(a[k][1])} | {fmt(b[k][0])} ± {fmt(b[k][1])} | {a[k][2]} "
              f"| {r:.3f} | | | | |")
missing = sorted(set(a) ^ set(b))
if missing:
    print(f"\n{len(missing)} rows in only one of the two runs (not compared)")
print(f"\nflagged ferric rows (net outside 0.95-1.05): {len(flagged)}")
for f in flagged:
    print("  %s.%s [%s] ratio %.3f peer %.3f net %.3f net-min %.3f" % f)
