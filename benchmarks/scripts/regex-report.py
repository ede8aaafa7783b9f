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
    cols = ["ferricBytes", "ferricDirect", "ferricString", "ferricStringViaJavaEncoding", "ferricBytesFindAll",
            "ferricStringFindAll", "javaUtilRegex", "re2j"]
    print("Time per call in µs (count all matches in the 2 MiB corpus; lower is better):\n")
    print("| pattern | " + " | ".join(cols) + " | jdk/bytes | jdk/String | jdk/bytes findAll | re2j/bytes |")
    print("|---|" + "---:|" * (len(cols) + 4))
    rb, rs, rf = [], [], []
    for params, m in sorted(res.items()):
        name = dict(params)["name"]
        t = {c: m[c][0] for c in cols if c in m}
        a, b, c, e = t["javaUtilRegex"] / t["ferricBytes"], t["javaUtilRegex"] / t["ferricString"], t["javaUtilRegex"] / t["ferricBytesFindAll"], t["re2j"] / t["ferricBytes"]
        rb.append(a)
        rs.append(b)
        rf.append(c)
        print(f"| {name} | " + " | ".join(fmt(t[c]) for c in cols) + f" | {a:.1f}× | {b:.1f}× | {c:.1f}× | {e:.1f}× |")
    print(f"\nByte API (count) vs java.util.regex: median {statistics.median(rb):.1f}×, min {min(rb):.2f}×, max {max(rb):.1f}×.")
    print(f"String API (count, transcoding included) vs java.util.regex: median {statistics.median(rs):.1f}×, min {min(rs):.2f}×.")
    print(f"Byte API findAll (a ByteMatch per match) vs java.util.regex: median {statistics.median(rf):.1f}×, min {min(rf):.2f}×.\n")


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
