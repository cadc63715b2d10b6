#!/bin/sh
# Organisations known only by their kind take its sector: a company
# (Inc, Corp) is BUS, a department GOV, "the Bank of Japan" its country's
# central bank (JPNGOVBUS), named in full; a title without a country of
# its own still makes a government code (GOV), "Chancellor of the
# Exchequer Nigel Lawson" too. A firm named by its legal form or its kind
# is BUS and its bare name after that is the firm; a title's organisation
# or a firm's chair codes the person; a local group takes the country of
# the place it is in; a phrase listed as naming nothing is no person; an
# organisation named by its kind alone is the one named before; an office
# in apposition codes the person ("X, chairman of ..."), other appositions
# do not ("a critic of the EU"); a title ends the role however the parser
# hung the name ("East Midlands MEP | Robert Kilroy-Silk"); a known surname
# after another first name is someone else ("Nancy Reagan"); people of a
# country are its civilians, or of the sector the word before gives
# ("opposition groups"); a weekday is no part of a name; officials of an
# organisation have its code; an organisation before a noun of its kind
# is that organisation ("the Islamic Jihad movement"); the people of one
# country in another are of the other ("Bosnian Serbs"); a generic office
# is of the sector of the word before ("rebel leaders"); a capitalised
# title alone is a role ("the Foreign Minister"); an office of state with
# no country is of the one country the sentence names before it, not of
# one named after ("President John Doe said Kenya would act"); the
# government of a province is its country's, and no person; a role of
# several words beats its last word ("think tank" is no tank); a role
# holds no office of another country's organisation ("Serbian Labour
# Minister" is no officer of Britain's Labour Party); a leader's
# institution is of the leader's country ("President Suharto's
# government"); a general is military, an Attorney General no general.
. "$(dirname "$0")/lib.sh"

PY=$(python_with json)
[ -n "$PY" ] || { echo "skip: no python3"; exit 0; }
expect_status 0 $E extract --lines --date 1987-03-02 tests/golden/actors/codes.txt
"$PY" - "$TMP/out" <<'PYEOF' || fail "actor codes"
import json, sys
ts = [json.loads(l) for l in open(sys.argv[1])]
want = {"1": ("Texaco Inc", "BUS"), "2": ("Bank of Japan", "JPNGOVBUS"),
        "3": ("Agriculture Department", "GOV"), "4": ("John Harlowe", "GOV"), "5": ("Nigel Lawson", "GOV"),
        "6": ("Merrill Lynch and Co Inc", "BUS"), "7": ("Goldman Sachs", "BUS"),
        "8": ("Manuel Johnson", "USAGOVBUS"), "9": ("Carl Icahn", "BUS"),
        "10": ("Asher Edelman", "BUS"), "11": ("police", "PAKCOP"),
        "12": ("Liberal Democrats", "GBRPTY")}
# (sentence, subject entity, code) that must be found: a kind ("the Bank")
# names the organisation named before, or is a role; a legal form after a
# possessive is the possessor's ("Poor's Corp")
named = {"14": (1, "Bank of England", "GBRGOVBUS"),
         "15": (1, "Standard and Poor's Corp", "BUS"),
         "16": (1, "Finance Ministry", "ESPGOV"),
         "17": (0, "ministry", "GOV"),
         "18": (0, "Beryl Sprinkel", "USAGOV"),
         "19": (0, "Roy Denman", "IGOEUREEC"),
         "20": (0, "Jane Roe", None),
         "21": (0, "Robert Kilroy-Silk", "LEG"),
         "22": (0, "Nancy Reagan", None),
         "23": (0, "Yuri Luzhkov", "RUSGOV"),
         "24": (0, "landowner", "DZACVL"),
         "25": (0, "group", "ZWEOPP"),
         "26": (0, "Yasser Arafat", "PSEGOV"),
         "27": (0, "official", "NGOHLHIRC"),
         "28": (0, "Palestinian Islamic Jihad", "PSEREB"),
         "29": (0, "Serbs", "BIH"),
         "30": (0, "leader", "AFGREB"),
         "31": (0, "minister", "GOV"),
         "32": (0, "people", "ZMBCVL"),
         "34": (0, "John Doe", "GOV"),
         "35": (0, "government", "PAKGOV"),
         "36": (0, "partner", "IGOEUREEC"),
         "38": (0, "tank", "KENMIL"),
         "39": (0, "tank", "EDU"),
         "40": (0, "Dragan Milovanovic", "SRBGOV"),
         "41": (0, "government", "IDNGOV"),
         "43": (0, "general", "KENMIL"),
         "44": (0, "John Doe", "JUD")}
# (subject text, entity, type) that must be found
whole = {"6": ("Merrill Lynch", "Merrill Lynch and Co Inc", "organization"),
         "13": ("The Middle East", "Middle East", "unknown")}
bad = 0
for art, (entity, code) in sorted(want.items()):
    got = [(t["subject"]["entity"], t["subject"]["code"]) for t in ts if t["article"] == art]
    if (entity, code) not in got:
        print("line %s: want %r, got %r" % (art, (entity, code), got))
        bad += 1
for art, w in sorted(named.items()):
    got = [(t["sentence"], t["subject"]["entity"], t["subject"]["code"])
           for t in ts if t["article"] == art]
    if w not in got:
        print("line %s: want %r, got %r" % (art, w, got))
        bad += 1
for art, w in sorted(whole.items()):
    got = [(t["subject"]["text"], t["subject"]["entity"], t["subject"]["type"])
           for t in ts if t["article"] == art]
    if w not in got:
        print("line %s: want %r, got %r" % (art, w, got))
        bad += 1
# an office of state with no country is of the one country named before it
got = [(t["object"]["entity"], t["object"]["code"]) for t in ts if t["article"] == "33"]
if ("John Doe", "KENGOV") not in got:
    print("line 33: want the president of Kenya, got %r" % got)
    bad += 1
# an organisation's name split at its "and" is the organisation's, both halves
got = {(t["subject"]["entity"], t["subject"]["code"]) for t in ts if t["article"] == "37"}
if got != {("Food and Drug Administration", "USAGOV")}:
    print("line 37: want only the FDA as subject, got %r" % sorted(got))
    bad += 1
# a role in apposition is its words, without article or comma
got = [(t["subject"]["entity"], t["subject"]["role"]) for t in ts if t["article"] == "42"]
if ("Daniel arap Moi", "Kenyan president") not in got:
    print("line 42: want the role 'Kenyan president', got %r" % got)
    bad += 1
sys.exit(1 if bad else 0)
PYEOF
finish
