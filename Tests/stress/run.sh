#!/usr/bin/env bash
# Hardening tests that need real processes: SIGKILL during import, a full disk, a read-only
# store, concurrent imports, the browser during an import, and a storm of keys and resizes.
#
# Usage: Tests/stress/run.sh [--long]
#   default (CI):  50 imports killed half-way, 10,000 random keys and 200 resizes
#   --long:        1,000 imports killed half-way (the documented long run; WEFT_STRESS_KILLS=N for another count)
# Ends with "N passed, N failed" and prints the figures the issue note asks for.
set -u
cd "$(dirname "$0")/../.."
BUILD=debug
KILLS=50 KEYS=10000 RESIZES=200
if [ "${1:-}" = "--long" ]; then
    # The long run verifies the whole store after each kill, so it slows as the store grows:
    # 250 kills took 8 minutes here, 1,000 take about an hour. Release binaries; WEFT_STRESS_KILLS sets the count.
    KILLS=${WEFT_STRESS_KILLS:-1000} BUILD=release
    swift build -c release --product weft >/dev/null && swift build -c release --product weft-bench >/dev/null
fi
WEFT=$(realpath .build/$BUILD/weft)
GEN=$(realpath .build/$BUILD/weft-bench)
export LANG=C.UTF-8 LC_ALL=C.UTF-8
WORK=$(mktemp -d /tmp/weft-stress.XXXXXX)
SOCK="weft-stress-$$"
export HOME="$WORK/home" XDG_CACHE_HOME="$WORK/cache" XDG_CONFIG_HOME="$WORK/config" XDG_STATE_HOME="$WORK/state"
mkdir -p "$HOME"
passed=0 failed=0
trap 'tmux -L "$SOCK" kill-server 2>/dev/null; umount "$WORK/ro" 2>/dev/null; rm -rf "$WORK"' EXIT
ok() { passed=$((passed + 1)); echo "ok   - $1"; }
fail() { failed=$((failed + 1)); echo "FAIL - $1"; }
screen() { tmux -L "$SOCK" capture-pane -p -t s 2>/dev/null; }
wait_for() {
    local deadline=$((SECONDS + ${2:-15}))
    while [ $SECONDS -lt $deadline ]; do screen | grep -qF -- "$1" && return 0; sleep 0.1; done
    return 1
}
# threads FILE: "id posts" lines from weft list --json, sorted.
threads() { "$WEFT" list --store "$1" --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert not d["problems"], d["problems"]
for t in d["threads"]: print(t["id"], t["posts"])' | sort; }

echo "# SIGKILL at random moments during imports ($KILLS trials on one store)"
STORE="$WORK/kill-store"
"$GEN" generate --messages 1500 --threads 30 --seed 1 --id-prefix "k1-" -o "$WORK/k1.mbox"
"$WEFT" import --store "$STORE" "$WORK/k1.mbox" >/dev/null
killed=0 intact=0 lost=0 corrupt=0 trials=0
# Until $KILLS imports have been killed half-way (an import that finished first does not count).
while [ $killed -lt "$KILLS" ] && [ $trials -lt $((KILLS * 3)) ]; do
    trials=$((trials + 1))
    i=$((trials + 1))
    "$GEN" generate --messages 1500 --threads 30 --seed "$i" --id-prefix "k$i-" -o "$WORK/k.mbox"
    before=$(threads "$STORE") || { corrupt=$((corrupt + 1)); continue; }
    "$WEFT" import --store "$STORE" "$WORK/k.mbox" >/dev/null 2>&1 &
    pid=$!
    sleep "0.$(printf '%03d' $((RANDOM % 400)))"
    kill -KILL "$pid" 2>/dev/null && killed=$((killed + 1))
    wait "$pid" 2>/dev/null
    if ! after=$(threads "$STORE" 2>/dev/null); then corrupt=$((corrupt + 1)); continue; fi
    # Every thread complete before is there with at least its posts.
    missing=$(join -a1 <(echo "$before") <(echo "$after") | awk 'NF < 3 || $3 < $2' | wc -l)
    if [ "$missing" = 0 ]; then intact=$((intact + 1)); else lost=$((lost + 1)); fi
    files=$(ls "$STORE/threads" | grep -c '\.json$')
    listed=$(echo "$after" | grep -c .)
    [ "$files" = "$listed" ] || lost=$((lost + 1))
done
visible_tmp=$(ls -A "$STORE/threads" | grep -c '^\.tmp' || true)
echo "figures: $trials imports, $killed killed with SIGKILL mid-way, $intact left every earlier thread intact, $lost lost data, $corrupt unreadable"
if [ "$lost" = 0 ] && [ "$corrupt" = 0 ] && [ "$intact" = "$trials" ] && [ "$killed" -ge "$KILLS" ]; then ok "no kill lost or corrupted a stored thread"; else fail "kills: lost $lost, corrupt $corrupt"; fi
"$WEFT" import --store "$STORE" "$WORK/k1.mbox" "$WORK/k.mbox" >/dev/null
if [ "$(ls -A "$STORE/threads" | grep -c '^\.tmp')" = 0 ]; then ok "the next writer removes temporary files a killed import left ($visible_tmp were there)"; else fail "temporary files remain"; fi
# The index's words (index/text.sqlite) that killed imports left half-written are rebuilt: once the store
# has been checked, every post has its words, and they are marked complete.
threads "$STORE" >/dev/null
words=$(python3 - "$STORE/index" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1] + "/weft.sqlite")
db.execute("ATTACH DATABASE ? AS text", (sys.argv[1] + "/text.sqlite",))
posts = db.execute("SELECT count(*) FROM posts").fetchone()[0]
words = db.execute("SELECT count(*) FROM text.post_text").fetchone()[0]
joined = db.execute("SELECT count(*) FROM posts JOIN text.post_text ON post_text.rowid = posts.row").fetchone()[0]
complete = db.execute("SELECT value FROM text.meta WHERE key = 'complete'").fetchone()
print(posts, words, joined, complete[0] if complete else "unset")
PY
)
set -- $words
if [ "$1" = "$2" ] && [ "$1" = "$3" ] && [ "$1" -gt 0 ] && [ "$4" != 0 ]; then ok "after the kills every post has its words in the index ($1 posts, complete: $4)"; else fail "index words after kills: posts, words, joined, complete = $words"; fi

echo "# a full disk (ulimit -f)"
STORE="$WORK/full-store"
"$WEFT" import --store "$STORE" "$WORK/k1.mbox" >/dev/null
before=$(threads "$STORE")
"$GEN" generate --messages 3000 --threads 3 --seed 99 --id-prefix big- -o "$WORK/big.mbox"
out=$( (ulimit -f 64; "$WEFT" import --store "$STORE" "$WORK/big.mbox") 2>&1 ); status=$?
after=$(threads "$STORE")
if [ $status = 1 ] && echo "$out" | grep -q "File too large"; then ok "a write past the limit fails with a clear error: $(echo "$out" | tail -1)"; else fail "full disk: status $status: $out"; fi
missing=$(join -a1 <(echo "$before") <(echo "$after") | awk 'NF < 3 || $3 < $2' | wc -l)
if [ "$missing" = 0 ]; then ok "nothing stored before was lost"; else fail "the full disk lost $missing threads"; fi

echo "# a read-only store"
mkdir -p "$WORK/ro"
if mount --bind "$STORE" "$WORK/ro" 2>/dev/null && mount -o remount,ro,bind "$WORK/ro" 2>/dev/null; then
    out=$("$WEFT" list --store "$WORK/ro" 2>&1); status=$?
    if [ $status = 0 ] && [ -n "$out" ]; then ok "a read-only store lists"; else fail "read-only list: $status $out"; fi
    tmux -L "$SOCK" -f /dev/null new-session -d -s s -x 120 -y 30 "$WEFT --store $WORK/ro --read-delay 0; sleep 30"
    wait_for "Threads (" && tmux -L "$SOCK" send-keys -t s Enter j j q
    if wait_for "read state cannot be saved"; then ok "the browser works and says once that read state cannot be saved"; else fail "no read-only notice"; screen; fi
    tmux -L "$SOCK" kill-server
    sleep 0.3
    umount "$WORK/ro"
else
    echo "skip - cannot make a read-only bind mount here (needs root); covered by the unit test with a failing store"
fi

echo "# two imports at once"
STORE="$WORK/two-store"
"$GEN" generate --messages 2000 --threads 50 --seed 5 --id-prefix same- -o "$WORK/a.mbox"
# b.mbox: the same threads, later messages of them, plus overlap with a.
"$GEN" generate --messages 3000 --threads 50 --seed 5 --id-prefix same- -o "$WORK/b.mbox"
"$WEFT" import --store "$STORE" "$WORK/a.mbox" >/dev/null 2>&1 &
p1=$!
"$WEFT" import --store "$STORE" "$WORK/b.mbox" >/dev/null 2>&1 &
p2=$!
wait $p1; s1=$?; wait $p2; s2=$?
total=$(threads "$STORE" | awk '{ n += $2 } END { print n }')
if [ $s1 = 0 ] && [ $s2 = 0 ] && [ "$total" = 3000 ]; then ok "two concurrent imports: all 3000 distinct posts there once"; else fail "concurrent imports: $s1 $s2, $total posts"; fi

DISCOURSE=../shared/data/discourse-criticalfallibilism
if [ -d "$DISCOURSE" ]; then
    echo "# a Discourse topic set split into post objects: two imports at once, then kills"
    # Every post of the folder once, as single post objects (/posts/ID.json), dealt into two
    # overlapping folders; the whole folder imported alone is the reference.
    python3 - "$DISCOURSE" "$WORK/split-a" "$WORK/split-b" <<'PY'
import json, os, random, sys
src, a, b = sys.argv[1:4]
posts = {}
for name in sorted(os.listdir(src)):
    if not name.endswith(".json"): continue
    d = json.load(open(os.path.join(src, name)))
    for p in d.get("latest_posts") or (d.get("post_stream") or {}).get("posts") or []:
        posts.setdefault(p["id"], p)
random.seed(3)
for folder in (a, b): os.makedirs(folder)
for pid, p in posts.items():
    r = random.random()
    for folder, keep in ((a, r < 0.7), (b, r > 0.3)):
        if keep: json.dump(p, open(os.path.join(folder, "%d.json" % pid), "w"))
PY
    "$WEFT" import --store "$WORK/split-whole" "$DISCOURSE" >/dev/null 2>&1
    "$WEFT" import --store "$WORK/split-two" "$WORK/split-a" >/dev/null 2>&1 &
    p1=$!
    "$WEFT" import --store "$WORK/split-two" "$WORK/split-b" >/dev/null 2>&1 &
    p2=$!
    wait $p1; s1=$?; wait $p2; s2=$?
    if [ $s1 = 0 ] && [ $s2 = 0 ] && [ "$(threads "$WORK/split-two")" = "$(threads "$WORK/split-whole")" ]; then
        ok "two concurrent imports of split post objects give the whole topics ($(threads "$WORK/split-whole" | awk '{ n += $2 } END { print n }') posts)"
    else fail "split concurrent imports: $s1 $s2: $(threads "$WORK/split-two" | head -3)"; fi
    for i in $(seq 5); do
        "$WEFT" import --store "$WORK/split-kill" "$WORK/split-a" "$WORK/split-b" >/dev/null 2>&1 &
        pid=$!
        sleep "0.0$((RANDOM % 9 + 1))"
        kill -KILL "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    done
    "$WEFT" import --store "$WORK/split-kill" "$WORK/split-a" "$WORK/split-b" >/dev/null 2>&1
    if [ "$(threads "$WORK/split-kill")" = "$(threads "$WORK/split-whole")" ]; then ok "imports of split post objects killed half-way, then run again, give the whole topics"
    else fail "split imports after kills: $(threads "$WORK/split-kill" | head -3)"; fi
else
    echo "skipping the split Discourse import: $DISCOURSE is absent"
fi

MBOX=../shared/data/mbox-ksummit-discuss/ksummit-discuss.mbox
if [ -f "$MBOX" ]; then
    echo "# a list archive dealt into four mboxes: imports at once, then kills"
    python3 - "$MBOX" "$WORK/mail-part" <<'PY'
import mailbox, random, sys
src, prefix = sys.argv[1:3]
random.seed(5)
parts = [open("%s-%d.mbox" % (prefix, k), "w", encoding="utf-8", errors="surrogateescape") for k in range(4)]
text = open(src, encoding="utf-8", errors="surrogateescape").read()
messages, current = [], []
for line in text.split("\n"):
    if line.startswith("From ") and current: messages.append("\n".join(current) + "\n"); current = []
    current.append(line)
if current: messages.append("\n".join(current))
for m in messages: random.choice(parts).write(m if m.endswith("\n") else m + "\n")
PY
    "$WEFT" import --store "$WORK/mail-whole" "$MBOX" >/dev/null 2>&1
    for pair in "0 1" "2 3"; do
        set -- $pair
        "$WEFT" import --store "$WORK/mail-two" "$WORK/mail-part-$1.mbox" >/dev/null 2>&1 &
        p1=$!
        "$WEFT" import --store "$WORK/mail-two" "$WORK/mail-part-$2.mbox" >/dev/null 2>&1 &
        p2=$!
        wait $p1; wait $p2
    done
    if [ "$(threads "$WORK/mail-two")" = "$(threads "$WORK/mail-whole")" ]; then
        ok "four parts of a list archive, imported two at a time, give the whole archive's threads ($(threads "$WORK/mail-whole" | wc -l) threads)"
    else fail "mail parts at once: $(diff <(threads "$WORK/mail-two") <(threads "$WORK/mail-whole") | head -5)"; fi
    for k in 3 1 2 0; do
        for i in 1 2; do
            "$WEFT" import --store "$WORK/mail-kill" "$WORK/mail-part-$k.mbox" >/dev/null 2>&1 &
            pid=$!
            sleep "0.$((RANDOM % 4))$((RANDOM % 9 + 1))"
            kill -KILL "$pid" 2>/dev/null
            wait "$pid" 2>/dev/null
        done
    done
    for k in 3 1 2 0; do "$WEFT" import --store "$WORK/mail-kill" "$WORK/mail-part-$k.mbox" >/dev/null 2>&1; done
    if [ "$(threads "$WORK/mail-kill")" = "$(threads "$WORK/mail-whole")" ]; then ok "mail parts killed half-way, then imported again, give the whole archive's threads"
    else fail "mail parts after kills: $(diff <(threads "$WORK/mail-kill") <(threads "$WORK/mail-whole") | head -5)"; fi
else
    echo "skipping the split mail import: $MBOX is absent"
fi

echo "# the browser while an import adds 10,000 posts"
STORE="$WORK/live-store"
"$WEFT" import --store "$STORE" "$WORK/k1.mbox" >/dev/null
"$GEN" generate --messages 10000 --threads 1000 --seed 11 --id-prefix live- -o "$WORK/live.mbox"
tmux -L "$SOCK" -f /dev/null new-session -d -s s -x 120 -y 30 "$WEFT --store $STORE; sleep 30"
wait_for "thread 1 of 30"
"$WEFT" import --store "$STORE" "$WORK/live.mbox" >/dev/null 2>&1 &
ipid=$!
responsive=0
for k in 1 2 3 4 5; do
    tmux -L "$SOCK" send-keys -t s j
    wait_for "thread $((k + 1)) of" 5 && responsive=$((responsive + 1))
    sleep 0.2
done
wait $ipid
if [ $responsive = 5 ]; then ok "keys are answered during the import (5 of 5)"; else fail "only $responsive of 5 keys answered during the import"; fi
if wait_for "of 1030" 10; then ok "the new threads appear on their own when idle"; else fail "no idle refresh"; screen | tail -3; fi
tmux -L "$SOCK" send-keys -t s q
sleep 0.3
tmux -L "$SOCK" kill-server
sleep 0.3

echo "# $KEYS random keys with $RESIZES resizes"
tmux -L "$SOCK" -f /dev/null new-session -d -s s -x 120 -y 40 "$WEFT --sample; echo EXITED \$? > $WORK/storm-status; sleep 60"
wait_for "Threads (4"
# Every key but the ones bound to quitting (q, Q, Left, Ctrl-c), so the storm runs to the end, and those
# that write files (w, W, |: a stray Enter would save into the working directory).
names=(j k g G Enter Tab BTab Space b u '[' ']' s BSpace C-o x a A H / n N '?' U r o z t R Escape Up Down Right PageUp PageDown Home End C-d C-u C-l F1 F5 1 2 é 漢 '!' ',' '>' '<' . c f + - : y Y Z T)
sent=0 resized=0
while [ $sent -lt "$KEYS" ]; do
    batch=()
    for _ in $(seq 1 40); do batch+=("${names[$((RANDOM % ${#names[@]}))]}"); done
    tmux -L "$SOCK" send-keys -t s "${batch[@]}"
    tmux -L "$SOCK" send-keys -t s -l $'\e[1;5A\eOP\e[200~x\e[201~'
    sent=$((sent + 43))
    if [ $resized -lt "$RESIZES" ]; then
        per=$(( (KEYS / 43) / RESIZES + 1 ))
        for _ in $(seq 1 $(( RESIZES / (KEYS / 43) + 1 ))); do
            [ $resized -lt "$RESIZES" ] || break
            tmux -L "$SOCK" resize-window -t s -x $((20 + RANDOM % 180)) -y $((5 + RANDOM % 60))
            resized=$((resized + 1))
        done
    fi
done
tmux -L "$SOCK" resize-window -t s -x 120 -y 40
sleep 1
tmux -L "$SOCK" send-keys -t s Escape Escape Escape
sleep 0.3
tmux -L "$SOCK" send-keys -t s C-l
if [ -s "$WORK/storm-status" ]; then
    fail "weft ended during the storm: $(cat "$WORK/storm-status")"
elif wait_for "demo-forum │" 10; then
    ok "after $sent keys and $resized resizes it is running and redraws its status bar"
else
    fail "after the storm the screen is wrong"; screen
fi
# Let it work through the keys still queued: wait until the screen stops changing.
previous=""
for _ in $(seq 1 120); do
    now=$(screen)
    [ "$now" = "$previous" ] && break
    previous=$now
    sleep 0.5
done
tmux -L "$SOCK" send-keys -t s C-c
for _ in $(seq 1 200); do [ -s "$WORK/storm-status" ] && break; sleep 0.1; done
if grep -q "EXITED 0" "$WORK/storm-status" 2>/dev/null; then ok "and Ctrl-c still quits with status 0"; else fail "exit after storm: $(cat "$WORK/storm-status" 2>/dev/null)"; screen | tail -4; fi

echo "# hostile text on a terminal"
cat > "$WORK/hostile.json" <<'JSON'
{"thread": {"id": "h", "title": "T\u001b]0;owned\u0007itle", "posts": [
 {"id": "1", "author": "ev\u202elin", "body": "clip \u001b]52;c;aGk=\u0007 and \u001b[2J\u001b[H moved"}]}}
JSON
"$WEFT" import --store "$WORK/h" "$WORK/hostile.json" >/dev/null
tmux -L "$SOCK" kill-server 2>/dev/null; sleep 0.3
tmux -L "$SOCK" -f /dev/null new-session -d -s s -x 120 -y 30 "$WEFT show --store $WORK/h h; $WEFT list --store $WORK/h; $WEFT authors --store $WORK/h; $WEFT export --store $WORK/h --format markdown; sleep 30"
if wait_for "^[]52;c;aGk=^G" && wait_for "ev<U+202E>lin" && wait_for "T^[]0;owned^Gitle"; then ok "show, list, authors and export print controls visibly on a terminal"; else fail "controls reached the terminal"; screen; fi
if "$WEFT" show --store "$WORK/h" h | grep -q $'\e\]52'; then ok "into a pipe the bytes stay as they are, for scripts"; else fail "pipe output was changed"; fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
