import json,statistics,sys
d=json.load(open(sys.argv[1]))
r={}
for b in d:
    m=b['benchmark'].split('.')[-1]; p=b['params']
    r[(m,p['pattern'],int(p['size']))]=b['primaryMetric']['score']
pats=["date","ipv4","email","uuid","level","latency","keyvalue","literal"]
agg={}
for size in (30,80,150):
    print("size",size)
    for pat in pats:
        j=r.get(('jdkFind',pat,size)); im=r.get(('ferricIsMatch',pat,size)); f=r.get(('ferricFind',pat,size)); jm=r.get(('jdkMatches',pat,size)); fm=r.get(('ferricMatches',pat,size))
        if None in (j,im,f,jm,fm): print("  ",pat,"missing"); continue
        for k,v in (('isMatch',j/im),('find',j/f),('matches',jm/fm)): agg.setdefault((k,size),[]).append(v)
        print(f"  {pat:9} isMatch {j/im:5.2f}x  find {j/f:5.2f}x  matches {jm/fm:6.2f}x   (jdkFind {j:6.0f} isMatch {im:6.0f} find {f:6.0f} | jdkMatches {jm:5.0f} matches {fm:5.0f} ns/op)")
for (k,size),v in sorted(agg.items()):
    print(f"median {k:8} size {size:4}: {statistics.median(v):5.2f}x  min {min(v):5.2f}x")
