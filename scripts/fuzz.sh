#!/usr/bin/env bash
# Fuzzes the text, HTML and DOCX parsers and the rule pipeline with libFuzzer, for a bounded
# number of runs and time. Usage: scripts/fuzz.sh [RUNS] [SECONDS]   (default 1000000 runs, 1800 s)
# Crashes are saved in .fuzz/crashes/ (Swift's backtracer is off so libFuzzer can save them); replay one with: swift run audit-fuzz .fuzz/crashes/crash-…
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-1000000}
seconds=${2:-1800}
swift build -c release --product audit-fuzz --sanitize fuzzer -Xswiftc -DFUZZING --scratch-path .build-fuzz
mkdir -p .fuzz/corpus .fuzz/crashes
cp -n examples/reports/*.txt Tests/AuditCoreTests/Fixtures/formats/* .fuzz/corpus/ 2>/dev/null || true
SWIFT_BACKTRACE=enable=no AUDIT_RULES_DIR="$PWD/rules" .build-fuzz/release/audit-fuzz .fuzz/corpus \
  -runs="$runs" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix=.fuzz/crashes/ -print_final_stats=1 2>&1 | tee .fuzz/last-run.log | grep -E "^#[0-9]+ +(DONE|pulse)|stat::|ERROR|SUMMARY|crash" || true
