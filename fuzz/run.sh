#!/usr/bin/env bash
# Fuzzes every decoder of the core. Needs the nightly toolchain and
# cargo-fuzz (`cargo +nightly install cargo-fuzz --locked`); not part of CI.
#
#   fuzz/run.sh [RUNS] [TARGET...]     RUNS defaults to 10000000 per target
#
# FUZZ_MESSAGES=1 also fails on error messages that name Rust types.
# FUZZ_DEBUG_ASSERTIONS=1 builds with overflow checks (cargo fuzz build -a).
set -euo pipefail
cd "$(dirname "$0")"
runs="${1:-10000000}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(answers instrument share share_body workshop codes)

# No AddressSanitizer: the core has no `unsafe` code (safe Rust checks its
# own bounds), and ASan made the slower targets 2-3 times slower still.
# FUZZ_ASAN=1 puts it back.
build=(cargo +nightly fuzz build -O)
[ "${FUZZ_ASAN:-0}" = 1 ] || build+=(-s none)
[ "${FUZZ_DEBUG_ASSERTIONS:-0}" = 1 ] && build+=(-a)
"${build[@]}"

triple="$(rustc +nightly -vV | sed -n 's/^host: //p')"
bin="target/$triple/release"
mkdir -p logs
summary=()
for t in "${targets[@]}"; do
    case "$t" in
        # The built-in instrument (135 KB) is cut at this length; the small
        # seed (13 KB) keeps valid instruments reachable at 30x the speed.
        instrument) max_len=32768 ;;
        *) max_len=4096 ;;
    esac
    mkdir -p "corpus/$t" "artifacts/$t" "logs/$t"
    cp -n "seeds/$t/"* "corpus/$t/"
    case "$t" in share* | codes) cat "dicts/$t.dict" ;; *) cat dicts/json.dict "dicts/$t.dict" ;; esac >"logs/$t.dict"
    before="$(find "artifacts/$t" -type f | sort)"
    start="$(date +%s.%N)"
    # -jobs=1: the run goes to logs/$t/fuzz-0.log; the exit status is that
    # of the runner, so crashes are read from artifacts/ below.
    (cd "logs/$t" && "../../$bin/$t" -runs="$runs" -max_len="$max_len" -jobs=1 \
        -dict="../$t.dict" -artifact_prefix="../../artifacts/$t/" \
        -print_final_stats=1 ../../"corpus/$t") >/dev/null 2>&1 || true
    end="$(date +%s.%N)"
    log="logs/$t/fuzz-0.log"
    execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
    secs="$(awk "BEGIN { printf \"%.1f\", $end - $start }")"
    rate="$(awk "BEGIN { printf \"%d\", ${execs:-0} / ($end - $start) }")"
    new="$(comm -13 <(echo "$before") <(find "artifacts/$t" -type f | sort) | sed '/^$/d')"
    crashes="${new:-0}"
    [ -n "$new" ] && crashes="$crashes (log: fuzz/$log)"
    line="$(printf '%-10s executions %-9s seconds %-8s exec/s %-7s new crashes: %s' \
        "$t" "${execs:-?}" "$secs" "$rate" "$(echo "$crashes" | tr '\n' ' ')")"
    echo "$line"
    summary+=("$line")
done
echo "---"
printf '%s\n' "${summary[@]}"
