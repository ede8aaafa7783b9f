#!/usr/bin/env python3
"""Turns the JSON results of the Small*Bench suites (benchmarks/run-small.sh) into the Markdown
tables of BENCHMARKS.md's "Small inputs" section: each ferric row next to its peer, per JDK, with
the ratio peer time / ferric time (above 1: ferric is faster) and ferric's bytes allocated per call.

Usage: small-report.py DIR [DIR...]   (each DIR is one JDK's output, e.g. results/.../small/jdk-17.0.15)
"""
import json
import os
import statistics
import sys

# ferric benchmark -> its peer (or peers) in the same class
PEERS = {
    "SmallBlake3Bench": {"ferricHashInto": ["jdkSha256", "bouncyCastleSha256"], "ferricHash": "jdkSha256",
                         "ferricHashHex": "jdkSha256Hex", "ferricReusedHasher": "jdkSha256"},
    "SmallCompressBench": {"ferricGzip": "jdkGzip", "ferricGunzip": "jdkGunzip", "ferricLz4Compress": "lz4JavaCompress",
                           "ferricLz4Decompress": "lz4JavaDecompress"},
    "SmallVectorsBench": {"ferricDot": "scalarDot", "ferricCosine": "scalarCosine"},
    # JDK 21+ builds only (the benchmarks module's lucene profile)
    "SmallLuceneVectorsBench": {"ferricDot": "luceneDot", "ferricCosine": "luceneCosine"},
    "SmallRegexBench": {"ferricIsMatch": "jdkFind", "ferricIsMatchBytes": "jdkFind", "ferricFind": "jdkFind",
                        "ferricMatches": "jdkMatches", "ferricCaptures": "jdkCaptures", "ferricReplaceAll": "jdkReplaceAll",
                        "ferricSplit": "jdkSplit"},
}


def load(d):
    out = {}
    for name in PEERS:
        path = os.path.join(d, name + ".json")
        if not os.path.exists(path) or not open(path).read().strip():
            continue
        for r in json.load(open(path)):
            method = r["benchmark"].rsplit(".", 1)[1]
            params = tuple(sorted(r.get("params", {}).items()))
            alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
            out[(name, method, params)] = (r["primaryMetric"]["score"], alloc)
    return out


def fmt_params(params):
    return ", ".join(f"{k}={v}" for k, v in params)


def main(dirs):
    results = {os.path.basename(d.rstrip("/")): load(d) for d in dirs}
    jdks = list(results)
    for name, peers in PEERS.items():
        keys = sorted({(m, p) for r in results.values() for (n, m, p) in r if n == name and m in peers},
                      key=lambda k: (list(peers).index(k[0]), [int(v) if str(v).isdigit() else v for _, v in k[1]]))
        if not keys:
            continue
        if name == "SmallRegexBench":
            regex_summary(results, jdks, keys, peers)
            continue
        print(f"\n#### {name}\n")
        print("| call | params | peer | " + " | ".join(f"{j}: ferric ns, peer ns, ratio, ferric B/call" for j in jdks) + " |")
        print("|---|---|---|" + "---|" * len(jdks))
        for method, params in keys:
            for peer in ([peers[method]] if isinstance(peers[method], str) else peers[method]):
                cells = []
                for j in jdks:
                    f = results[j].get((name, method, params))
                    p = results[j].get((name, peer, params))
                    if f and p:
                        cells.append(f"{f[0]:.0f}, {p[0]:.0f}, **{p[0] / f[0]:.2f}x**, {f[1]:.0f}")
                    else:
                        cells.append("-")
                print(f"| {method} | {fmt_params(params)} | {peer} | " + " | ".join(cells) + " |")


def regex_summary(results, jdks, keys, peers):
    """Per call and size: the median ratio over the 8 patterns, and the lowest, per JDK."""
    print("\n#### SmallRegexBench (3 records per op: match at the start, in the middle, none)\n")
    print("| call | size | peer | " + " | ".join(f"{j}: median ratio (min, pattern)" for j in jdks) + " |")
    print("|---|---:|---|" + "---|" * len(jdks))
    groups = {}
    for method, params in keys:
        p = dict(params)
        groups.setdefault((method, int(p["size"])), []).append(params)
    for (method, size), plist in sorted(groups.items(), key=lambda x: (list(peers).index(x[0][0]), x[0][1])):
        cells = []
        for j in jdks:
            ratios = []
            for params in plist:
                f = results[j].get(("SmallRegexBench", method, params))
                q = results[j].get(("SmallRegexBench", peers[method], params))
                if f and q:
                    ratios.append((q[0] / f[0], dict(params)["pattern"]))
            if ratios:
                lo = min(ratios)
                cells.append(f"**{statistics.median(r for r, _ in ratios):.2f}x** ({lo[0]:.2f}x {lo[1]})")
            else:
                cells.append("-")
        print(f"| {method} | {size} | {peers[method]} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main(sys.argv[1:])
