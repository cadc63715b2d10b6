"""triples.py: reading entente's triples (JSON lines, one object per triple)
for the evaluation tools.  Standard library only."""

import json


def parse_lines(text, name):
    """The triples (dicts) of JSON-lines text; blank lines are skipped.
    Raises ValueError("name:line: bad JSON: ...") on a malformed line."""
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        try:
            out.append(json.loads(line))
        except ValueError as e:
            raise ValueError("%s:%d: bad JSON: %s" % (name, n, e))
    return out


def read(path):
    """The triples of a JSON-lines file (see parse_lines)."""
    with open(path, encoding="utf-8") as f:
        return parse_lines(f.read(), path)


def field(part, key):
    """part[key] when part is a dict and the value a string, else ''."""
    if isinstance(part, dict) and isinstance(part.get(key), str):
        return part[key]
    return ""


def mention_has(part, wants):
    """Does a subject/object's entity or text contain one of the strings
    wants, ignoring case?"""
    ent = field(part, "entity").lower()
    txt = field(part, "text").lower()
    return any(w.lower() in ent or w.lower() in txt for w in wants)
