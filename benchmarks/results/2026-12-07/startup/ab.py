import subprocess, sys, statistics, os
# usage: ab.py N name1 'cmd1' name2 'cmd2' ...
n=int(sys.argv[1]); pairs=list(zip(sys.argv[2::2], sys.argv[3::2]))
res={k:([],[]) for k,_ in pairs}
for i in range(n):
    for k,c in pairs:
        out=subprocess.run(c,shell=True,capture_output=True,text=True)
        try:
            w,cp=out.stdout.split()[:2]; res[k][0].append(float(w)); res[k][1].append(float(cp))
        except Exception: print(k, out.stdout, out.stderr[:300]); raise
for k,_ in pairs:
    w,c=res[k]; print(f"{k:12} wall median {statistics.median(w):6.1f} min {min(w):6.1f}   cpu median {statistics.median(c):6.1f} min {min(c):6.1f}")
