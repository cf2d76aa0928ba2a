#!/usr/bin/env python3
"""Optional benchmark peer for narrative-reuse (copied paragraph) detection.

A reference implementation of the obvious approach with the `datasketch` library
(MinHash over character 5-grams + MinHashLSH), run on a corpus made by
`audit-bench generate N DIR` and scored against its truth.jsonl at report level.
It is a yardstick for the Swift tool's speed and accuracy, not part of the tool.
If datasketch is not installed it says so on stderr and exits 0.

Usage: python3 scripts/reuse-peer.py CORPUS_DIR [--perm 128] [--threshold 0.8] [--min-chars 50]
Prints one summary line on stdout.
"""
import argparse
import json
import resource
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

START = time.perf_counter()


def normalize(line):
    """Drop whitespace, punctuation and ASCII digits."""
    return "".join(c for c in line if not (c.isspace() or c in "0123456789"
                                            or unicodedata.category(c).startswith("P")))


def narrative_paragraphs(text, min_chars):
    for line in text.splitlines():
        line = line.strip()
        if not line or "\t" in line:
            continue
        body = "".join(line.split())
        if sum(c.isdigit() for c in body) > 0.3 * len(body):
            continue  # table row
        norm = normalize(line)
        if len(norm) >= min_chars:
            yield norm


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("--perm", type=int, default=128)
    ap.add_argument("--threshold", type=float, default=0.8)
    ap.add_argument("--min-chars", type=int, default=50)
    args = ap.parse_args()
    try:
        from datasketch import MinHash, MinHashLSH
    except ImportError:
        print("datasketch is not installed (pip install datasketch); the peer is skipped", file=sys.stderr)
        return 0

    corpus = Path(args.corpus)
    files = sorted((corpus / "reports").glob("*.txt"))
    n = len(files)
    # Identical paragraphs are hashed once: normalized text -> reports that hold it.
    holders = defaultdict(set)
    for i, f in enumerate(files):
        for p in narrative_paragraphs(f.read_text(encoding="utf-8"), args.min_chars):
            holders[p].add(i)
    texts = list(holders)
    print(f"{n} reports, {len(texts)} distinct narrative paragraphs", file=sys.stderr)

    lsh = MinHashLSH(threshold=args.threshold, num_perm=args.perm)
    sketches = []
    for key, t in enumerate(texts):
        m = MinHash(num_perm=args.perm)
        m.update_batch([t[j:j + 5].encode("utf-8") for j in range(len(t) - 4)])
        sketches.append(m)
        lsh.insert(key, m)

    # Boilerplate: a paragraph (with its near-duplicates) in more than 25% of reports or in >= 100.
    def boilerplate(count):
        return count > 0.25 * n or count >= 100

    flagged, skipped = set(), 0
    for key, m in enumerate(sketches):
        reports = set(holders[texts[key]])
        for other in lsh.query(m):
            if other != key and m.jaccard(sketches[other]) >= args.threshold:
                reports |= holders[texts[other]]
        if boilerplate(len(reports)):
            skipped += 1
        elif len(reports) >= 2:
            flagged |= holders[texts[key]]
    print(f"{skipped} distinct paragraphs skipped as boilerplate", file=sys.stderr)

    names = [f.name for f in files]
    truth = set()
    with open(corpus / "truth.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                if "narrative.reuse" in row.get("fails", []):
                    truth.add(row["file"])
    got = {names[i] for i in flagged}
    tp, fp, fn = len(got & truth), len(got - truth), len(truth - got)
    precision = 100.0 * tp / (tp + fp) if tp + fp else 100.0
    recall = 100.0 * tp / (tp + fn) if tp + fn else 100.0
    wall = time.perf_counter() - START
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peer datasketch MinHashLSH (perm {args.perm}, threshold {args.threshold:.2f}): "
          f"{n} reports, {wall:.2f} s wall, {peak_mb:.0f} MB peak, "
          f"report precision {precision:.2f}% recall {recall:.2f}% (tp {tp}, fp {fp}, fn {fn})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
