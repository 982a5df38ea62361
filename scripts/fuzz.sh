#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs every libFuzzer target of tests/fuzz for SECONDS each (default 60) under clang with ASan + UBSan, starting from
# the seed corpus in tests/fuzz/corpus/<target>/. The seeds are only read: inputs the fuzzer finds interesting go to a
# scratch directory, never into the repository. Exits non-zero when a target crashed, naming the reproducer.
#   scripts/fuzz.sh [SECONDS]        e.g. scripts/fuzz.sh 600 (issue 11: ten minutes each find nothing)
# SKLADHOOK_FUZZ_TARGETS="deliveryparser hookurl" limits the run; SKLADHOOK_FUZZ_WORK sets the scratch directory.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
targets=${SKLADHOOK_FUZZ_TARGETS:-"deliveryparser webhookjson documents apierror hookurl"}
work=${SKLADHOOK_FUZZ_WORK:-$(mktemp -d "${TMPDIR:-/tmp}/skladhook-fuzz.XXXXXX")}
jobs=${SKLADHOOK_JOBS:-$(nproc)}

echo "== build (fuzz preset: clang, ASan + UBSan, libFuzzer)"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$jobs"

# Leaks are checked too: a parser that leaks per input would grow a long-running receiver.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export QT_QPA_PLATFORM=offscreen
status=0
for target in $targets; do
    binary=build/fuzz/tests/fuzz/fuzz_$target
    seeds=tests/fuzz/corpus/$target
    found=$work/$target/corpus
    artifacts=$work/$target/crashes/
    mkdir -p "$found" "$artifacts"
    # Field names and tokens the mutations would take long to guess.
    dict=()
    case $target in
        documents) dict=(-dict=tests/fuzz/documents.dict) ;;
        deliveryparser | webhookjson | apierror) dict=(-dict=tests/fuzz/json.dict) ;;
    esac
    echo "== fuzz_$target for ${seconds}s (new inputs: $found)"
    # The first corpus directory receives new inputs; the seeds after it are read only.
    if ! "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
            -artifact_prefix="$artifacts" -print_final_stats=1 "${dict[@]}" "$found" "$seeds" >"$work/$target/log" 2>&1; then
        status=1
        echo "!! fuzz_$target found a problem; log: $work/$target/log"
        grep -E "^(==[0-9]+==ERROR|SUMMARY|invariant broken)" "$work/$target/log" | head -5 || true
        for reproducer in "$artifacts"*; do
            [ -e "$reproducer" ] || continue
            echo "   reproducer: $reproducer  (replay: $binary $reproducer)"
        done
        continue
    fi
    grep -E "^(stat::number_of_executed_units|Done [0-9]+ runs)" "$work/$target/log" | tail -1 || true
done
[ $status -eq 0 ] && echo "== nothing found ($work)"
exit $status
