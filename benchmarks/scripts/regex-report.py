#!/usr/bin/env python3
"""Turns the JSON results of the regex JMH suites into the Markdown tables of BENCHMARKS.md (Regex section).

Usage: regex-report.py DIR   (DIR holds RegexBench.json, RegexCompileBench.json,
RegexPathologicalBench.json, RegexLinearBench.json written with -rf json -rff DIR/NAME.json)
"""
import json
import os
import statistics
import sys


def load(d, name):
    path = os.path.join(d, name + ".json")
    if not os.path.exists(path):
        return []
    with open(path) as f:
        text = f.read()
    return json.loads(text) if text.strip() else []


def rows(results):
    out = {}
    for r in results:
        method = r["benchmark"].rsplit(".", 1)[1]
        params = tuple(sorted(r.get("params", {}).items()))
        alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
        out.setdefault(params, {})[method] = (r["primaryMetric"]["score"], alloc)
    return out


def fmt(x):
    return f"{x:,.1f}" if x < 100 else f"{x:,.0f}"


def throughput(d):
    res = rows(load(d, "RegexBench"))
    if not res:
        return
    every = ["ferricBytes", "ferricDirect", "ferricString", "ferricStringViaJavaEncoding", "ferricBytesFindAll",
             "ferricStringFindAll", "javaUtilRegex", "re2j"]
    # a run may select a subset of the methods (run-regex.sh does); show the columns it has
    cols = [c for c in every if any(c in m for m in res.values())]
    ratios = [("jdk/bytes", "javaUtilRegex", "ferricBytes"), ("jdk/String", "javaUtilRegex", "ferricString"),
              ("jdk/bytes findAll", "javaUtilRegex", "ferricBytesFindAll"), ("re2j/bytes", "re2j", "ferricBytes")]
    ratios = [r for r in ratios if r[1] in cols and r[2] in cols]
    print("Time per call in µs (count all matches in the 2 MiB corpus; lower is better):\n")
    print("| pattern | " + " | ".join(cols + [r[0] for r in ratios]) + " |")
    print("|---|" + "---:|" * (len(cols) + len(ratios)))
    seen = {r[0]: [] for r in ratios}
    for params, m in sorted(res.items()):
        name = dict(params)["name"]
        t = {c: m[c][0] for c in cols if c in m}
        cells = [fmt(t[c]) for c in cols]
        for label, num, den in ratios:
            seen[label].append(t[num] / t[den])
            cells.append(f"{t[num] / t[den]:.1f}×")
        print(f"| {name} | " + " | ".join(cells) + " |")
    print()
    for label, _, _ in ratios:
        v = seen[label]
        print(f"{label}: median {statistics.median(v):.1f}×, min {min(v):.2f}×, max {max(v):.1f}×.")
    print()


def compile_times(d):
    res = rows(load(d, "RegexCompileBench"))
    if not res:
        return
    print("Compile time in µs and bytes allocated on the Java heap per compile (gc.alloc.rate.norm):\n")
    print("| pattern | ferric µs | java.util.regex µs | re2j µs | ferric Java-heap B | java.util.regex B | re2j B |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for params, m in sorted(res.items()):
        name = dict(params)["name"]
        f, j, r = m["ferric"], m["javaUtilRegex"], m["re2j"]
        print(f"| {name} | {fmt(f[0])} | {fmt(j[0])} | {fmt(r[0])} | {f[1] or 0:,.0f} | {j[1] or 0:,.0f} | {r[1] or 0:,.0f} |")
    print()


def pathological(d):
    res = rows(load(d, "RegexPathologicalBench"))
    if res:
        print("Single-shot time in µs (inputs that almost match):\n")
        print("| pattern | size | ferric | java.util.regex | re2j | jdk/ferric |")
        print("|---|---|---:|---:|---:|---:|")
        for params, m in sorted(res.items(), key=lambda kv: (dict(kv[0])["name"], ["small", "medium", "large"].index(dict(kv[0])["size"]))):
            p = dict(params)
            print(f"| {p['name']} | {p['size']} | {fmt(m['ferric'][0])} | {fmt(m['javaUtilRegex'][0])} | {fmt(m['re2j'][0])} | {m['javaUtilRegex'][0] / m['ferric'][0]:,.0f}× |")
        print()
    res = rows(load(d, "RegexLinearBench"))
    if res:
        print("Same patterns on long inputs, average µs per call (ferric and re2j only):\n")
        print("| pattern | n | ferric | re2j | ferric ns/char |")
        print("|---|---:|---:|---:|---:|")
        for params, m in sorted(res.items(), key=lambda kv: (dict(kv[0])["name"], int(dict(kv[0])["n"]))):
            p = dict(params)
            print(f"| {p['name']} | {p['n']} | {fmt(m['ferric'][0])} | {fmt(m['re2j'][0])} | {m['ferric'][0] * 1000 / int(p['n']):.2f} |")
        print()


if __name__ == "__main__":
    d = sys.argv[1]
    throughput(d)
    compile_times(d)
    pathological(d)
