#!/usr/bin/env python3
"""rounds.py ROUNDS [FILTER...]: interleaved rounds (the order reversed every other round) of every scenario
of BENCHMARKS.md's "Start-up, first frame and first keys" through ttff.py at 160x45. Run in a folder holding
bin/{teafloor,nm-main,nm-new}, a5k.txt, a2m.txt and f5k/; each newsmark binary gets its own empty
home-main/ or home-new/ (HOME and XDG folders), never the user's. CPU=1 reports the CPU time the program had
used when the text showed (cputff.py, beside this file) instead of the wall clock. TTFF overrides ttff.py's path."""
import subprocess, sys, os, statistics, json, time
R=int(sys.argv[1]); only=sys.argv[2:]
CPU=os.environ.get('CPU')  # CPU=1: cputff.py instead of ttff.py (the annotate rows stay wall clock: no text to wait for)
here=os.path.dirname(os.path.abspath(__file__)); cwd=os.getcwd()
T=os.path.join(here,'cputff.py') if CPU else os.environ.get('TTFF','/work/shared/tools/ttff.py'); B=os.path.join(cwd,'bin')
def env(h):
    d=os.path.join(cwd,f'home-{h}'); os.makedirs(d,exist_ok=True)
    return dict(os.environ, HOME=d, XDG_DATA_HOME=d+'/data', XDG_CONFIG_HOME=d+'/config', XDG_CACHE_HOME=d+'/cache', XDG_STATE_HOME=d+'/state')
S=[('floor','joining forces floor',[B+'/teafloor'],'x'), ('less','refrigerated',['less','a5k.txt'],'x')]
for what,text,arg in [('5k-first','refrigerated','a5k.txt'),('5k-panel','Parties:','a5k.txt'),('2m-panel','Parties:','a2m.txt'),
                      ('f5k-first','newsmark ·','f5k'),('f5k-sorted','ZENITH','f5k')]:
    for v in ('main','new'):
        S.append((f'{what} {v}',text,[f'{B}/nm-{v}',arg],v))
for v in ('main','new'):
    S.append((f'annotate-2m {v}',None,[f'{B}/nm-{v}','annotate','--json','a2m.txt'],v))
if only: S=[s for s in S if any(o in s[0] for o in only)]
res={s[0]:[] for s in S}; loads=[open('/proc/loadavg').read().split()[0]]
for r in range(R):
    order=S if r%2==0 else S[::-1]
    for name,text,cmd,h in order:
        if text is None:  # a whole command, not a TUI: its wall time
            t0=time.monotonic(); subprocess.run(cmd, env=env(h), capture_output=True); out=str(time.monotonic()-t0)
        else:
            out=subprocess.run(['python3',T,'160','45',text,'10']+cmd, env=env(h), capture_output=True, text=True).stdout.strip()
            if CPU and len(out.split())==2: out=str(float(out.split()[1])/1000)  # the CPU of the program's threads when TEXT showed
        try: res[name].append(float(out)*1000)
        except ValueError: res[name].append(float('nan'))
    loads.append(open('/proc/loadavg').read().split()[0])
    print(f"round {r+1}: " + "  ".join(f"{n}={res[n][-1]:.0f}" for n,_,_,_ in S), flush=True)
print("load average (1 min) at each round:", " ".join(loads))
fl=res.get('floor')
for n,_,_,_ in S:
    v=[x for x in res[n] if x==x]
    if not v: print(f"{n:16s} no figure (its input missing, or the text never showed)"); continue
    line=f"{n:16s} min {min(v):6.0f}  median {statistics.median(v):6.0f}  max {max(v):6.0f} ms"
    if fl and n not in ('floor',):
        rc=[a/b for a,b in zip(res[n],fl)]
        line+=f"   /floor per round: median {statistics.median(rc):.2f}, ≤1.2 in {sum(x<=1.2 for x in rc)}/{len(rc)}, ≤1.5 in {sum(x<=1.5 for x in rc)}/{len(rc)}"
    if n.endswith(' new') and n[:-4]+' main' in res:
        m=res[n[:-4]+' main']; wins=sum(a<b for a,b in zip(res[n],m))
        line+=f"   new faster than main in {wins}/{len(m)}"
    print(line)
json.dump(res, open('rounds-%s%d.json'%('cpu-' if CPU else '', int(time.time())),'w'))
