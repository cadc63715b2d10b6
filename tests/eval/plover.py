#!/usr/bin/env python3
"""plover.py: measure entente's event coding on PLOVER gold records.

Usage:
    plover.py prepare GOLD.json > INPUT.jsonl
    plover.py score GOLD.json PREDICTIONS.jsonl [--json] [--show N]

prepare writes one article per gold record in entente's JSONL input format
(keys id, date, title, text, source, url; id = the record's id, date = the
record's date, title/url empty, source "plover-dev"), so that
`entente extract INPUT.jsonl` keeps the record ids.  The records' dates are
all the placeholder 2000-01-01; passing them does no harm (relative dates
resolve against it) and keeps the input format complete.

score reads entente's triples (JSON lines) and assigns each to a record by
its "article": the record id, or else the record's position from 1 (what
`entente extract --lines` produces when the texts are written one a line).

Measures, over the 161 records (each record has one gold event):
  full match   some triple has the gold event (relation.event), a subject
               coded as one of the gold sources and, when the record gives
               targets, an object coded as one of the targets;
  event match  some triple has the gold event, whatever its actors;
  wrong event  the triples carry events but none is the gold event;
  no event     no triple carries an event (including records without
               triples);
  source match some triple's subject is coded as one of the gold sources;
  event+source some triple has the gold event and a subject coded as a
               gold source (a full match that ignores the target).
A record whose source list is missing or null (one in the dev half) only
needs the event and, if given, the target for a full match.

Event labels: gold records use PLOVER 0.5b1; they are mapped to the 2021
labels that entente uses (and so does the CAMEO2PLOVER-2021 table):
DEMAND -> REQUEST, DISAPPROVE -> ACCUSE, INVESTIGATE -> ACCUSE,
FIGHT -> ASSAULT.  The same map is applied to predicted labels, so a
prediction in either version counts.  Labels are compared upper-case.

Actor codes: a gold code names a country (ISO 3166-1 alpha-3; the
non-ISO JAP, ITL and VTN of the dev half are read as JPN, ITA and VNM) or
an organisation class (IGO, NGO, IMG, ...).
  * country codes are compared at the country level: the first three
    letters of the triple's mention code (USAGOV -> USA) or its "country"
    field must equal the gold code;
  * organisation codes are compared in full as a prefix: gold IGO matches
    IGO, IGOUNO, IGOEU...; a mention's country field does not count here.
"""

import argparse
import json
import sys

import triples

EVENT_MAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE",
             "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
CODE_ALIASES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
ORG_PREFIXES = ("IGO", "NGO", "IMG", "MNC", "NGM", "UIS")  # CAMEO non-state


KINDS = ("full", "event", "wrong_event", "no_event", "source", "event_source")


def norm_event(label):
    if not isinstance(label, str) or not label.strip():
        return None
    label = label.strip().upper()
    return EVENT_MAP.get(label, label)


def gold_codes(actors):
    """Codes of a gold source/target field (a list, or null/''/junk)."""
    if not isinstance(actors, list):
        return []
    out = []
    for a in actors:
        if isinstance(a, dict) and isinstance(a.get("code"), str) \
           and a["code"].strip():
            c = a["code"].strip().upper()
            out.append(CODE_ALIASES.get(c, c))
    return out


def is_org_code(code):
    return code[:3] in ORG_PREFIXES


def mention_matches(mention, code):
    """Does a triple's subject/object (dict) carry the gold code?"""
    if not isinstance(mention, dict):
        return False
    mc = mention.get("code")
    mc = mc.strip().upper() if isinstance(mc, str) else ""
    if is_org_code(code):
        return bool(mc) and mc.startswith(code)
    if mc and CODE_ALIASES.get(mc[:3], mc[:3]) == code[:3]:
        return True
    cc = mention.get("country")
    cc = cc.strip().upper() if isinstance(cc, str) else ""
    return bool(cc) and CODE_ALIASES.get(cc[:3], cc[:3]) == code[:3]


def any_code(mention, codes):
    return any(mention_matches(mention, c) for c in codes)


def read_gold(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def read_predictions(path, records):
    """Return a list (parallel to records) of lists of triples."""
    by_id = {str(r.get("id")): i for i, r in enumerate(records)}
    out = [[] for _ in records]
    try:
        objs = triples.read(path)
    except ValueError as e:
        raise SystemExit(str(e))
    for t in objs:
        art = str(t.get("article"))
        i = by_id.get(art)
        if i is None and art.isdigit() and 1 <= int(art) <= len(records):
            i = int(art) - 1
        if i is not None:
            out[i].append(t)
    return out


def judge(record, triples):
    """Classify one record: dict of booleans."""
    gev = norm_event(record.get("event"))
    src = gold_codes(record.get("source"))
    tgt = gold_codes(record.get("target"))
    events = [norm_event((t.get("relation") or {}).get("event"))
              for t in triples]
    res = {"event": False, "full": False, "source": False,
           "event_source": False,
           "wrong_event": False, "no_event": False,
           "triples": len(triples)}
    for t, ev in zip(triples, events):
        s_ok = not src or any_code(t.get("subject"), src)
        if src and s_ok:
            res["source"] = True
        if ev != gev:
            continue
        res["event"] = True
        if s_ok:
            res["event_source"] = True
        o_ok = not tgt or any_code(t.get("object"), tgt)
        if s_ok and o_ok:
            res["full"] = True
    if not any(events):
        res["no_event"] = True
    elif not res["event"]:
        res["wrong_event"] = True
    return res


def score(records, preds):
    n = len(records)
    tot = {"records": n, "full": 0, "event": 0, "wrong_event": 0,
           "no_event": 0, "source": 0, "event_source": 0, "no_triples": 0,
           "triples": 0}
    per_event = {}
    judged = []
    for r, ts in zip(records, preds):
        j = judge(r, ts)
        judged.append(j)
        for k in KINDS:
            tot[k] += bool(j[k])
        tot["no_triples"] += not ts
        tot["triples"] += len(ts)
        ev = norm_event(r.get("event")) or "?"
        pe = per_event.setdefault(ev, {"records": 0, "full": 0, "event": 0})
        pe["records"] += 1
        pe["full"] += j["full"]
        pe["event"] += j["event"]
    share = {k: (tot[k] / n if n else 0.0)
             for k in KINDS}
    return {"totals": tot, "share": share, "per_event": per_event,
            "judged": judged}


def cmd_prepare(a):
    for r in read_gold(a.gold):
        rec = {"id": str(r.get("id")), "date": r.get("date") or "",
               "title": "", "text": r.get("text") or "",
               "source": "plover-dev", "url": ""}
        sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return 0


def cmd_score(a):
    records = read_gold(a.gold)
    preds = read_predictions(a.predictions, records)
    res = score(records, preds)
    if a.json:
        out = dict(res)
        del out["judged"]
        print(json.dumps(out, indent=1, sort_keys=True))
        return 0
    t, s = res["totals"], res["share"]
    print("PLOVER dev: %d records, %d triples, %d records without triples"
          % (t["records"], t["triples"], t["no_triples"]))
    print("  full match   %3d  %.3f" % (t["full"], s["full"]))
    print("  event match  %3d  %.3f" % (t["event"], s["event"]))
    print("  wrong event  %3d  %.3f" % (t["wrong_event"], s["wrong_event"]))
    print("  no event     %3d  %.3f" % (t["no_event"], s["no_event"]))
    print("  source match %3d  %.3f" % (t["source"], s["source"]))
    print("  event+source %3d  %.3f" % (t["event_source"],
                                        s["event_source"]))
    print("  per gold event (records full event):")
    for ev in sorted(res["per_event"]):
        pe = res["per_event"][ev]
        print("    %-10s %3d %3d %3d" % (ev, pe["records"], pe["full"],
                                         pe["event"]))
    shown = 0
    for r, j, ts in zip(records, res["judged"], preds):
        if shown >= a.show or j["full"]:
            continue
        shown += 1
        got = sorted({str(norm_event((x.get("relation") or {})
                                     .get("event"))) for x in ts})
        print("  miss %s gold %s got %s: %s" % (
            r.get("id"), norm_event(r.get("event")), ",".join(got),
            (r.get("text") or "")[:100]))
    return 0


def main(argv=None):
    ap = argparse.ArgumentParser(description="PLOVER harness for entente")
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("prepare", help="write the records as JSONL input")
    p.add_argument("gold")
    p = sub.add_parser("score", help="score entente's triples")
    p.add_argument("gold")
    p.add_argument("predictions")
    p.add_argument("--json", action="store_true")
    p.add_argument("--show", type=int, default=0, metavar="N",
                   help="list N records without a full match")
    a = ap.parse_args(argv)
    return cmd_prepare(a) if a.cmd == "prepare" else cmd_score(a)


if __name__ == "__main__":
    sys.exit(main())
