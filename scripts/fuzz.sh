#!/usr/bin/env bash
# Fuzzes with libFuzzer, for a bounded number of runs and time. Two targets:
#   reports — the text, HTML and DOCX parsers and the rule pipeline (default)
#   rules   — rule files and phrase files: loading, then auditing and running their examples
# Usage: scripts/fuzz.sh [reports|rules] [RUNS] [SECONDS]   (default 1000000 runs, 3600 s)
# An input slower than 1 s counts as a failure (-timeout=1). Crashes and slow inputs are saved
# in .fuzz/<target>/crashes/ (Swift's backtracer is off so libFuzzer can save them); replay one
# with: AUDIT_FUZZ_TARGET=<target> swift run audit-fuzz .fuzz/<target>/crashes/crash-…
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:-reports}
runs=${2:-1000000}
seconds=${3:-3600}
swift build -c release --product audit-fuzz --sanitize fuzzer -Xswiftc -DFUZZING --scratch-path .build-fuzz
mkdir -p ".fuzz/$target/corpus" ".fuzz/$target/crashes"
if [ "$target" = rules ]; then
  # Seeds: the shipped rule files (selector byte 0: as a rule file) and the phrase file (3: as a phrase file).
  for f in rules/*.yaml rules/examples/*.yaml; do { printf '\x00'; cat "$f"; } > ".fuzz/rules/corpus/seed-$(basename "$f")"; done
  { printf '\x03'; cat rules/data/phrases.yaml; } > .fuzz/rules/corpus/seed-phrases.yaml
else
  cp -n examples/reports/*.txt Tests/AuditCoreTests/Fixtures/formats/* ".fuzz/$target/corpus/" 2>/dev/null || true
fi
AUDIT_FUZZ_TARGET="$target" SWIFT_BACKTRACE=enable=no AUDIT_RULES_DIR="$PWD/rules" .build-fuzz/release/audit-fuzz ".fuzz/$target/corpus" \
  -runs="$runs" -max_total_time="$seconds" -max_len=4096 -timeout=1 -rss_limit_mb=2048 \
  -artifact_prefix=".fuzz/$target/crashes/" -print_final_stats=1 2>&1 | tee ".fuzz/$target/last-run.log" | grep -E "^#[0-9]+ +(DONE|pulse)|stat::|ERROR|SUMMARY|crash|timeout" || true
