#!/usr/bin/env python3
"""Turns the JSON results of CompressBench, InflateBench and Lz4Bench into the Markdown table of
BENCHMARKS.md (Compression section): each ferric benchmark next to its peers, with MB/s and ratios.

Usage: compress-report.py RESULTS.json [...]   (written with -rf json -rff RESULTS.json)
"""
import json
import sys

CORPUS = 16 << 20          # bytes per op at chunk 16777216; chunk bytes per op otherwise
STREAM = 100 << 20         # the stream rows read 100 MiB whatever the chunk parameter


def key(r):
    cls, method = r["benchmark"].rsplit(".", 2)[1:]
    p = r.get("params", {})
    return cls, method, p.get("chunk"), p.get("level")


def main(paths):
    res = {}
    for path in paths:
        with open(path) as f:
            for r in json.load(f):
                alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
                res[key(r)] = (r["primaryMetric"]["score"], r["primaryMetric"]["scoreError"], alloc)
    print("| benchmark | chunk | level | ferric µs/op (±) | peer | peer µs/op (±) | ferric MB/s | peer MB/s | peer time / ferric time |")
    print("|---|---:|---:|---:|---|---:|---:|---:|---:|")
    for (cls, method, chunk, level), (t, err, _) in sorted(res.items()):
        if "Ferric" not in method:
            continue
        stem = method.split("Ferric")[0]
        peers = sorted(m for (c, m, ch, lv) in res if c == cls and ch == chunk and lv == level and m.startswith(stem) and "Ferric" not in m)
        size = STREAM if stem.startswith("stream") else int(chunk)
        for peer in peers or [None]:
            cells = [f"{cls}.{method}", chunk, level or "", f"{t:,.1f} (±{err:,.1f})"]
            if peer:
                pt, perr, _ = res[(cls, peer, chunk, level)]
                cells += [peer[len(stem):], f"{pt:,.1f} (±{perr:,.1f})", f"{size / t:,.0f}", f"{size / pt:,.0f}", f"**{pt / t:.2f}×**"]
            else:
                cells += ["", "", f"{size / t:,.0f}", "", ""]
            print("| " + " | ".join(cells) + " |")
    allocs = [(k, a) for k, (_, _, a) in sorted(res.items()) if a is not None]
    if allocs:
        print("\ngc.alloc.rate.norm (B/op):\n")
        for (cls, method, chunk, level), a in allocs:
            print(f"- {cls}.{method} chunk={chunk}{' level=' + level if level else ''}: {a:,.1f}")


if __name__ == "__main__":
    main(sys.argv[1:])
