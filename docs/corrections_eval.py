#!/usr/bin/env python3
"""Measure what a reader's corrections for one article do to a gold set.

    python3 docs/corrections_eval.py [--eval ../shared/eval] [--set general] [--this-article] [--all | ARTICLE]

It builds newsmark into a temporary folder and runs it there with a HOME and
XDG folders of its own (the reader's own database is never touched). It
annotates every article of the set and scores it with the set's score.py
(imported, so the matching rules are score.py's own). Then, for ARTICLE (a
file name's start; by default the article whose company and person F1 are
lowest), it writes the corrections a reader makes with the m menu while
reading it, comparing what is highlighted with the gold file:

  - a company or person the gold has, not highlighted: `company "Name"` or
    `person "Name"`, with the gold's longest form found in the text;
  - one highlighted as the other kind: its names marked with the right kind;
  - one the gold does not have (and does not ignore): `not-a-name` on each
    text it is highlighted as.

They apply to every article, as the reader's menu makes them by default
(`--this-article` gives them the `article ID` scope, the menu's `.`). The
file is loaded with `newsmark corrections import`, every article is
annotated and scored again, and the script prints the article's company and
person F1 before and after, every other article whose F1 moved, and the
set's totals. A reader who looks again after the first fixes makes more:
the round repeats (at most --rounds) while the article is not at 1.0.
Exit status 0 when the article reaches 1.0 for both and no other drops.
"""

import argparse
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load_score(eval_dir):
    sys.dont_write_bytecode = True  # no __pycache__ left in the eval folder
    spec = importlib.util.spec_from_file_location("score", os.path.join(eval_dir, "score.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


class Newsmark:
    """A newsmark binary built and run in a temporary home."""

    def __init__(self, tmp):
        self.tmp, self.homes = tmp, 0
        self.bin = os.path.join(tmp, "newsmark")
        subprocess.run(["go", "build", "-o", self.bin, "."], cwd=REPO, check=True)
        self.new_home()

    def new_home(self):
        """A new, empty HOME and XDG folders: a reader with no corrections."""
        self.homes += 1
        home = os.path.join(self.tmp, f"home{self.homes}")
        self.env = dict(os.environ, HOME=home, XDG_DATA_HOME=os.path.join(home, "data"),
                        XDG_CONFIG_HOME=os.path.join(home, "config"), XDG_CACHE_HOME=os.path.join(home, "cache"),
                        XDG_STATE_HOME=os.path.join(home, "state"))
        self.env.pop("NEWSMARK_DATA_DIR", None)
        os.makedirs(home)

    def run(self, *args, stdin=None):
        r = subprocess.run([self.bin, *args], env=self.env, input=stdin, capture_output=True, text=True)
        return r

    def annotate(self, path):
        r = self.run("annotate", "--json", path)
        if r.returncode != 0:
            sys.exit(f"annotate {path}: {r.stderr.strip()}")
        return json.loads(r.stdout.splitlines()[0])


def scores(score, gold_dir, nm):
    """Per article: (prediction, gold, {kind: (tp_pred, n_pred, tp_gold, n_gold)})."""
    out = {}
    for gf in sorted(f for f in os.listdir(gold_dir) if f.endswith(".gold.json")):
        base = gf[: -len(".gold.json")]
        gold = json.load(open(os.path.join(gold_dir, gf), encoding="utf-8"))
        pred = nm.annotate(os.path.join(gold_dir, base + ".txt"))
        out[base] = (pred, gold, score.score_article(gold, pred, []))
    return out


def f1(score, counts):
    return score.prf(*counts)[2]


def quote(s):
    return json.dumps(s, ensure_ascii=False)


def texts_of(pred, ent):
    """The distinct texts an entity is highlighted as, in the body and the title, caption and byline."""
    body, art = pred.get("body", ""), pred.get("article", {})
    fields = {"title": art.get("title", ""), "caption": art.get("caption", ""),
              "contributors": ", ".join(art.get("contributors", []) or [])}
    seen = [ent.get("text", "")]
    for m in ent.get("mentions", []) or []:
        seen.append(body[m["start"]:m["end"]])
    for m in ent.get("meta_mentions", []) or []:
        seen.append(fields.get(m.get("field"), "")[m["start"]:m["end"]])
    return [t for i, t in enumerate(seen) if t and t not in seen[:i]]


def in_text(pred, name):
    """Whether name stands in the article as whole words, case as written."""
    art = pred.get("article", {})
    hay = "\n".join([art.get("title", ""), art.get("caption", ""), pred.get("body", "")])
    return re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", hay) is not None


def corrections_for(score, pred, gold):
    """The lines a reader writes for one article, comparing its highlights with the gold."""
    lines = []
    names = {"company": score.Names(gold.get("companies")), "person": score.Names(gold.get("people"))}
    other = {"company": "person", "person": "company"}
    ignored = {score.name_key(x) for k in ("companies", "people") for x in (gold.get("ignore", {}) or {}).get(k, []) or []}
    hit = {"company": set(), "person": set()}
    for e in pred.get("entities", []) or []:
        kind = e.get("kind")
        if kind not in names:
            continue
        texts = [e.get("canonical", ""), e.get("text", "")]
        i = names[kind].find(*texts)
        if i is not None:
            hit[kind].add(i)
            continue
        j = names[other[kind]].find(*texts)
        if j is not None:  # the other kind: its names marked so
            hit[other[kind]].add(j)
            for t in texts_of(pred, e):
                lines.append(f"{other[kind]:11} {quote(t)}")
            continue
        if {score.name_key(t) for t in texts} & ignored:
            continue
        for t in texts_of(pred, e):
            lines.append(f"not-a-name  {quote(t)}")
    for kind, gold_names in names.items():
        for i, (name, _, _) in enumerate(gold_names.items):
            if i in hit[kind]:
                continue
            item = (gold.get("companies") if kind == "company" else gold.get("people"))[i]
            forms = sorted([item.get("name", "")] + list(item.get("aliases", []) or []), key=len, reverse=True)
            found = [f for f in forms if f and in_text(pred, f)]
            if not found:
                print(f"  (no form of the {kind} {quote(name)} stands in the text as written: not correctable by marking)")
                continue
            lines.append(f"{kind:11} {quote(found[0])}")
    return list(dict.fromkeys(lines))


def one_article(a, score, gold_dir, nm, before, cp, target):
    """Corrects target in nm's (empty) home, scores the set again and says what moved; True when met."""
    print(f"\narticle: {target}  (company F1 {cp[target][0]:.3f}, person F1 {cp[target][1]:.3f} before)")
    after, made = before, []
    for rnd in range(1, a.rounds + 1):
        pred, gold, res = after[target]
        if f1(score, res["company"]) == 1.0 and f1(score, res["person"]) == 1.0:
            break
        lines = corrections_for(score, pred, gold)
        if a.this_article:
            lines = [f"article {pred['article']['id']}  {l}" for l in lines]
        lines = [l for l in lines if l not in made]
        if not lines:
            break
        made += lines
        print(f"round {rnd}: {len(lines)} corrections")
        for l in lines:
            print("  " + l)
        r = nm.run("corrections", "import", "-", stdin="\n".join(lines) + "\n")
        print("  " + (r.stdout.strip() or r.stderr.strip()).replace("\n", "\n  "))
        after = scores(score, gold_dir, nm)
    ca = {b: (f1(score, r["company"]), f1(score, r["person"])) for b, (_, _, r) in after.items()}
    print(f"{target}: company F1 {cp[target][0]:.3f} -> {ca[target][0]:.3f}, "
          f"person F1 {cp[target][1]:.3f} -> {ca[target][1]:.3f}")
    drops = 0
    for b in sorted(before):
        if b == target or ca[b] == cp[b]:
            continue
        moved = "DROPS" if ca[b][0] < cp[b][0] or ca[b][1] < cp[b][1] else "rises"
        drops += moved == "DROPS"
        print(f"  {moved}: {b}: company {cp[b][0]:.3f} -> {ca[b][0]:.3f}, person {cp[b][1]:.3f} -> {ca[b][1]:.3f}")
    print(f"other articles: {len(before) - 1}, {drops} dropped, "
          f"{sum(1 for b in before if b != target and ca[b] == cp[b])} unchanged")
    for kind in ("company", "person"):
        tb = [sum(x) for x in zip(*(r[kind] for _, _, r in before.values()))]
        ta = [sum(x) for x in zip(*(r[kind] for _, _, r in after.values()))]
        print(f"set {kind} F1: {f1(score, tb):.3f} -> {f1(score, ta):.3f}")
    ok = ca[target] == (1.0, 1.0) and drops == 0
    print("result:", "the article at 1.0, no other dropped" if ok else "NOT MET")
    return ok


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("article", nargs="?", help="the start of the article's file name")
    ap.add_argument("--eval", default=os.path.join(REPO, "..", "shared", "eval"), help="the eval folder (score.py)")
    ap.add_argument("--set", default="general", help="the gold set, a folder of --eval")
    ap.add_argument("--this-article", action="store_true", help="corrections for this article only (the menu's .)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--all", action="store_true", help="each article below 1.0 in turn, each with a reader of its own")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder and print it")
    a = ap.parse_args()
    eval_dir = os.path.abspath(a.eval)
    if not os.path.isfile(os.path.join(eval_dir, "score.py")):
        sys.exit(f"no score.py in {eval_dir}: give --eval")
    gold_dir = os.path.join(eval_dir, a.set)
    score = load_score(eval_dir)
    tmp = tempfile.mkdtemp(prefix="newsmark-corrections-eval-")
    try:
        nm = Newsmark(tmp)
        before = scores(score, gold_dir, nm)
        cp = {b: (f1(score, r["company"]), f1(score, r["person"])) for b, (_, _, r) in before.items()}
        if a.all:
            targets = [b for b in sorted(before) if cp[b] != (1.0, 1.0)]
        elif a.article:
            targets = [b for b in before if b.startswith(a.article)][:1]
            if not targets:
                sys.exit(f"no article {a.article} in {gold_dir}")
        else:
            targets = [min(before, key=lambda b: (cp[b][0] + cp[b][1], b))]
        met = 0
        for target in targets:
            nm.new_home()
            met += one_article(a, score, gold_dir, nm, before, cp, target)
        if len(targets) > 1:
            print(f"\n{met} of {len(targets)} articles below 1.0 brought to 1.0 with no other article dropping")
        return 0 if met == len(targets) else 1
    finally:
        if a.keep:
            print("kept:", tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
