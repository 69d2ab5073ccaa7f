#!/usr/bin/env bash
# `make fuzz`: the hostile-input harness of issue 13 (README: "Hostile input").
#   FUZZ_SECONDS  seconds per surface (default 60)      FUZZ_SEED  the seed (default 1)
#   FUZZ_ENGINE   libfuzzer (coverage-guided, then the seeded loop) or builtin (the seeded loop only)
#   FUZZ_SURFACES config draft import ical (default: all four)
# Fails on a crash, a hang (> 5 s for one input), an echoed identity number, a guard bypass or
# text accepted but not stored as written. Failing inputs are kept in .build/fuzz/failures/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-60}"
seed="${FUZZ_SEED:-1}"
engine="${FUZZ_ENGINE:-libfuzzer}"
surfaces="${FUZZ_SURFACES:-config draft import ical}"
swift="${SWIFT:-swift}"
out=.build/fuzz
mkdir -p "$out/failures"
export SAMVERKAN_ROOT="$PWD"

"$swift" build --product samverkan-fuzz
builtin=.build/debug/samverkan-fuzz
status=0

if [ "$engine" = libfuzzer ]; then
  echo "== libFuzzer build (-sanitize=fuzzer, own scratch path $out/libfuzzer)"
  "$swift" build -c debug --scratch-path "$out/libfuzzer" -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library \
    -Xswiftc -DLIBFUZZER --product samverkan-fuzz
  fuzzer="$out/libfuzzer/debug/samverkan-fuzz"
  "$builtin" corpus "$out/seeds"
  for surface in $surfaces; do
    mkdir -p "$out/corpus/$surface"
    echo "== libFuzzer: $surface for $seconds s"
    if FUZZ_SURFACE="$surface" "$fuzzer" "$out/corpus/$surface" "$out/seeds/$surface" -seed="$seed" \
        -max_total_time="$seconds" -timeout=5 -rss_limit_mb=4096 -artifact_prefix="$out/failures/$surface-" \
        -print_final_stats=1 >"$out/libfuzzer-$surface.log" 2>&1; then
      runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$out/libfuzzer-$surface.log" | grep -o '[0-9]*$' || echo "?")
      echo "$surface: $runs inputs, crashes 0, hangs 0, findings 0 (libFuzzer)"
    else
      status=1
      echo "$surface: FAILED, see $out/libfuzzer-$surface.log and $out/failures/"
      grep -E "samverkan-fuzz:|ERROR: libFuzzer|deadly signal|timeout" "$out/libfuzzer-$surface.log" | head -5 || true
    fi
  done
fi

echo "== seeded loop: $seconds s per surface, seed $seed"
# shellcheck disable=SC2086
"$builtin" "$seconds" "$seed" $surfaces 2> >(grep -v "icalparser.c" >&2) || status=1
exit $status
