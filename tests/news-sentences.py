#!/usr/bin/env python3
"""news-sentences.py: the article texts of a news.jsonl file as one sentence
per line, split on sentence-final punctuation and tokenised PTB-style with a
few regular expressions (input for make bench-parser; not the real
tokenizer)."""
import json
import re
import sys

SENT = re.compile(r'(?<=[.!?])\s+(?=[A-Z"\u201c])')
TOK = re.compile(r"n't\b|'s\b|'re\b|'ve\b|'ll\b|'d\b|'m\b|\w+(?:[-.']\w+)*|[^\w\s]")

def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            try:
                text = json.loads(line).get("text") or ""
            except ValueError:
                continue
            for s in SENT.split(text):
                toks = TOK.findall(s)
                if toks:
                    print(" ".join(toks[:500]))

main()
