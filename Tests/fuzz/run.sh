#!/usr/bin/env bash
# Coverage-guided fuzzing of every parser with libFuzzer (Swift's -sanitize=fuzzer).
#
# Usage: Tests/fuzz/run.sh [RUNS_PER_TARGET] [SECONDS_PER_TARGET]
#   CI:      Tests/fuzz/run.sh 2000          (a short fixed number of runs per target)
#   manual:  Tests/fuzz/run.sh 0 600         (ten minutes per target; 0 runs means no run limit)
# Corpora start from Tests/fuzz/seeds and, when present, ../shared/data (copied to a temporary
# folder, never into the repository). A crashing input is copied to Tests/fuzz/regressions/TARGET/,
# where the unit tests replay it from then on. Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
RUNS=${1:-2000}
SECONDS_LIMIT=${2:-0}
swift build -c release --product weft-fuzz --scratch-path .build-fuzz \
    -Xswiftc -sanitize=fuzzer -Xswiftc -DWEFT_FUZZ 2>&1 | grep -E "error|warning:|Compiling weft|Build" | tail -3
FUZZ=.build-fuzz/release/weft-fuzz
[ -x "$FUZZ" ] || { echo "0 passed, 1 failed"; echo "the fuzz build failed"; exit 1; }
WORK=$(mktemp -d /tmp/weft-fuzz.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
SHARED=../shared/data
seed_shared() { # seed_shared TARGET FILES...
    local t=$1; shift
    for f in "$@"; do [ -f "$f" ] && head -c 200000 "$f" > "$WORK/$t/shared-$(basename "$f")"; done
}
passed=0 failed=0 total_runs=0
for t in mbox headers mime discourse reddit quotes theme textpage html page recipe markdown bbcode threadfile; do
    mkdir -p "$WORK/$t" "Tests/fuzz/regressions/$t"
    cp Tests/fuzz/seeds/$t/* "$WORK/$t/" 2>/dev/null
    # Pages and recipes start from the forum-page fixtures and the built-in recipes themselves.
    [ "$t" = page ] && cp Tests/WeftFormatsTests/Fixtures/pages/*.html "$WORK/$t/"
    [ "$t" = recipe ] && cp recipes/engines/*.toml Tests/WeftFormatsTests/Fixtures/pages/*.toml "$WORK/$t/"
    cp Tests/fuzz/regressions/$t/* "$WORK/$t/" 2>/dev/null
    if [ -d "$SHARED" ]; then
        case $t in
            mbox) seed_shared $t "$SHARED/mbox-ksummit-discuss/ksummit-discuss.mbox" ;;
            headers|mime) seed_shared $t $(ls "$SHARED"/maildir-notmuch/lkml/cur/* 2>/dev/null | head -20) ;;
            discourse) seed_shared $t "$SHARED"/discourse-api-fixture/*.json "$SHARED"/discourse-criticalfallibilism/t_2144_posts.json ;;
            reddit) seed_shared $t "$SHARED"/reddit/IAmA*.json ;;
            page) seed_shared $t "$SHARED"/forum-pages/*/*.html ;;
            markdown) python3 -c "
import json,glob
for i,f in enumerate(sorted(glob.glob('$SHARED/reddit/*.json'))[:2]):
    def walk(x, out):
        if isinstance(x, dict):
            if isinstance(x.get('body'), str): out.append(x['body'])
            for v in x.values(): walk(v, out)
        elif isinstance(x, list):
            for v in x: walk(v, out)
    bodies=[]; walk(json.load(open(f)), bodies)
    for k,b in enumerate(bodies[:30]): open('$WORK/$t/reddit-%d-%d.md'%(i,k),'w').write(b)" 2>/dev/null ;;
            html) python3 -c "
import json,sys
d=json.load(open('$SHARED/discourse-criticalfallibilism/t_2144_posts.json'))
for i,p in enumerate(d['post_stream']['posts'][:20]): open('$WORK/$t/cooked-%d.html'%i,'w').write(p['cooked'])" 2>/dev/null ;;
        esac
    fi
    args=(-max_len=65536 -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$WORK/crash-$t-" -print_final_stats=1)
    [ "$RUNS" != 0 ] && args+=(-runs="$RUNS")
    [ "$SECONDS_LIMIT" != 0 ] && args+=(-max_total_time="$SECONDS_LIMIT")
    # SWIFT_BACKTRACE off: libFuzzer's own handler must see the trap to save the input.
    if SWIFT_BACKTRACE=enable=no WEFT_FUZZ_TARGET=$t "$FUZZ" "${args[@]}" "$WORK/$t" > "$WORK/$t.log" 2>&1; then
        runs=$(grep -E "stat::number_of_executed_units" "$WORK/$t.log" | awk '{print $2}')
        total_runs=$((total_runs + ${runs:-0}))
        echo "ok   - $t: ${runs:-?} runs, no crash"
        passed=$((passed + 1))
    else
        echo "FAIL - $t crashed; the input is kept in Tests/fuzz/regressions/$t/"
        cp "$WORK"/crash-$t-* "Tests/fuzz/regressions/$t/" 2>/dev/null
        tail -30 "$WORK/$t.log"
        failed=$((failed + 1))
    fi
done
echo "fuzzing: $total_runs runs over $((passed + failed)) targets"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
