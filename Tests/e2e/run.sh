#!/usr/bin/env bash
# End-to-end tests: drive the real weft binary in a detached tmux with a private socket,
# read the screen with capture-pane, and check exit statuses and what was saved.
#
# Usage: Tests/e2e/run.sh [path/to/weft]     (default: .build/debug/weft)
# Ends with the line "N passed, N failed"; exits non-zero if any failed.
set -u
cd "$(dirname "$0")/../.."
WEFT=$(realpath "${1:-.build/debug/weft}")
SHARED=$(realpath ../shared 2>/dev/null || true)
export LANG=C.UTF-8 LC_ALL=C.UTF-8
WORK=$(mktemp -d /tmp/weft-e2e.XXXXXX)
SOCK="weft-e2e-$$"
export HOME="$WORK/home" XDG_CACHE_HOME="$WORK/cache" XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/data" XDG_STATE_HOME="$WORK/state"
mkdir -p "$HOME"
passed=0
failed=0
trap 'tmux -L "$SOCK" kill-server 2>/dev/null; rm -rf "$WORK"' EXIT

ok() { passed=$((passed + 1)); echo "ok   - $1"; }
fail() { failed=$((failed + 1)); echo "FAIL - $1"; echo "----- screen -----"; screen; echo "------------------"; }
screen() { tmux -L "$SOCK" capture-pane -p -t e2e 2>/dev/null; }
keys() { tmux -L "$SOCK" send-keys -t e2e "$@"; }
typed() { tmux -L "$SOCK" send-keys -t e2e -l "$1"; }

# stop_server: ends the tmux server and waits until its socket is gone.
stop_server() {
    tmux -L "$SOCK" kill-server 2>/dev/null
    for _ in $(seq 50); do
        tmux -L "$SOCK" has-session 2>/dev/null || return 0
        sleep 0.1
    done
}

# start W H ARGS...: runs weft in a fresh session; its exit status goes to $WORK/status.
# START_ENV="NAME=value ..." before it sets the session's environment (TERM, LANG) over the defaults.
start() {
    local w=$1 h=$2
    shift 2
    rm -f "$WORK/status"
    stop_server
    sleep 0.2
    local cmd
    cmd=$(printf '%q ' "$WEFT" "$@")
    tmux -L "$SOCK" -f /dev/null new-session -d -s e2e -x "$w" -y "$h" \
        "env TERM=xterm-256color ${START_ENV:-} $cmd; echo \$? > $WORK/status; sleep 30"
}

# wait_for TEXT [SECONDS]: polls the screen until it shows TEXT.
wait_for() {
    local deadline=$((SECONDS + ${2:-10}))
    while [ $SECONDS -lt $deadline ]; do
        screen | grep -qF -- "$1" && return 0
        sleep 0.1
    done
    return 1
}

# wait_exit [SECONDS]: waits for weft to end; prints its status.
wait_exit() {
    local deadline=$((SECONDS + ${1:-10}))
    while [ $SECONDS -lt $deadline ]; do
        [ -s "$WORK/status" ] && { cat "$WORK/status"; return 0; }
        sleep 0.1
    done
    echo "timeout"
}

check() { # check NAME TEXT: the screen shows TEXT
    if wait_for "$2"; then ok "$1"; else fail "$1 (expected: $2)"; fi
}

echo "# demo forum"
mkdir -p "$WORK/empty-store"  # empty: the demo opens (a store that does not exist is an error instead)
start 120 40 --store "$WORK/empty-store"
check "opens the demo forum on an empty store" "Threads (4, 4 unread)"
check "says it is the demo forum" "Demo forum"
keys j j Enter
check "opens a thread into the reply tree" "Replies: Restoring a 1974 touring bicycle"
check "shows the post pane header" "marguerite · 2025-03-03 09:12 · post 1 of 15"
keys Space
check "Space reads on to the next post" "post 2 of 15"
keys j j
check "j moves in the tree" "post 4 of 15"
keys s
check "s follows a quote to its source" "quote 1 of 2 → marguerite's post"
check "the quoted post is shown" "in reply to tomasz · post 3 of 15"
keys BSpace
check "Backspace goes back along the jump history" "back to tomasz's post"
keys a
check "a prompts for an author" "Author (Tab completes"
typed "marg"
keys Tab Enter
check "the author filter shows in the status bar" "author: marguerite (7 posts)"
keys H
check "H hides the other authors' posts" "showing only matching posts"
keys /
typed "cardboard"
keys Enter
check "/ searches the thread" "/cardboard"
check "the search lands on the matching post" "Cardboard method adopted"
tmux -L "$SOCK" resize-window -t e2e -x 80 -y 24
check "a resize to 80x24 keeps the reading position" "in reply to tomasz · post 5 of 13"
if screen | grep -qF "Threads ("; then fail "at 80x24 the thread list should give way to the tree"; else ok "at 80x24 the tree and post stack without the list"; fi
tmux -L "$SOCK" resize-window -t e2e -x 30 -y 8
check "a tiny terminal shows a notice" "Terminal too small: 30x8"
tmux -L "$SOCK" resize-window -t e2e -x 120 -y 40
check "growing back redraws the browser" "Threads ("
keys '?'
check "? shows help generated from the action table" "Go to a quote's source"
keys q q q q
status=$(wait_exit)
if [ "$status" = 0 ]; then ok "q backs out and quits with status 0"; else fail "quit status was $status"; fi
if ls "$XDG_CACHE_HOME"/weft/demo-forum/read/*.json >/dev/null 2>&1; then ok "read state was saved on quit"; else fail "no read state saved"; fi

echo "# the reading loop: remembered place, unread keys, catch-up, zoom, search in the post, save, pipe, :"
start 120 40 --store "$WORK/empty-store"
check "the last thread read opens where it was left" "Replies: Restoring a 1974 touring bicycle"
check "at the post last read" "in reply to tomasz · post 5 of 15"
keys .
check ". goes to the next unread post" "post 6 of 15"
keys f
check "f gives the post the whole screen" "post 6 of 15"
if screen | grep -qF "Threads ("; then fail "zoomed, the list should be gone"; else ok "zoomed, the list and tree give way"; fi
keys f
check "f again gives the panes back" "Threads ("
keys /
typed "the"
keys Enter
check "/ in the post pane finds in the post" "match 1 of"
keys n
check "n steps to the next match" "match 2 of"
keys c
check "c marks the whole thread read" "posts read"
keys w C-u
typed "$WORK/saved.md"
keys Enter
check "w saves the post" "saved the post to $WORK/saved.md"
if grep -q "marguerite\|tomasz\|olu" "$WORK/saved.md" 2>/dev/null; then ok "the saved file holds the post"; else fail "saved.md: $(head -3 "$WORK/saved.md" 2>&1)"; fi
keys '|' C-u
typed "grep -c . > $WORK/piped.txt"
keys Enter
wait_for "press Enter to return" 5 && keys Enter
check "| pipes the post to a command and comes back" "done"
if [ -s "$WORK/piped.txt" ]; then ok "the command read the post ($(cat "$WORK/piped.txt") lines)"; else fail "nothing piped"; fi
keys :
typed "sort sta"
keys Enter
check ":sort start sorts the list" "threads sorted by started"
keys :
typed "frob"
keys Enter
check ": names an action it does not know" 'no action "frob"'
keys C
check "C asks before marking everything read" "(y/n)"
keys y
check "and y marks every listed thread read" "Threads (4)"
keys Q
wait_exit >/dev/null
start 120 40 --store "$WORK/empty-store"
check "the sort order is remembered" "started"
keys Q
wait_exit >/dev/null

echo "# the seed thread"
if [ -f "$SHARED/seed/seed-thread.json" ]; then
    "$WEFT" import --store "$WORK/seed" "$SHARED/seed/seed-thread.json" >/dev/null
    start 120 40 --store "$WORK/seed" --author DD11
    check "--author starts with the filter on" "author: DD11 (3 posts)"
    keys Enter
    check "the seed thread opens" "Replies: Prolotherapy for Trigeminal Neuralgia"
    keys n
    check "n steps to DD11's first post" "DD11 · in reply to sparky1"
    keys C-c
    status=$(wait_exit)
    if [ "$status" = 0 ]; then ok "Ctrl-c quits with status 0"; else fail "Ctrl-c status was $status"; fi
else
    echo "skip - ../shared/seed is absent, seed-thread tests skipped"
fi

echo "# a flat thread: reply links inferred"
cat > "$WORK/flat.json" <<'JSON'
{"forum": "Flat forum", "thread": {"id": "flat1", "title": "Repainting the zebra crossing", "posts": [
  {"id": "f1", "author": "ann", "body": "Our club wants to repaint the zebra crossing. Who has done this?"},
  {"id": "f2", "author": "bob", "body": "We did one in 2019. You need the council's permission first."},
  {"id": "f3", "author": "cy", "body": "bob wrote:\n> You need the council's permission first.\n\nAnd a road closure notice."},
  {"id": "f4", "author": "ann", "body": "Thanks cy, I had not thought of the closure."}]}}
JSON
"$WEFT" import --store "$WORK/flat" "$WORK/flat.json" >/dev/null
if "$WEFT" show --store "$WORK/flat" flat1 --json | python3 -c '
import json, sys
posts = json.load(sys.stdin)["thread"]["posts"]
got = [(p["id"], p["parent"], p.get("inferred")) for p in posts]
assert got == [("f1", None, "opening"), ("f2", "f1", "default"), ("f3", "f2", "quote"), ("f4", "f3", "salutation")], got'; then
    ok "posts without parent keys get inferred parents, and show --json says why"
else fail "inferred links in show --json"; fi
if "$WEFT" show --store "$WORK/flat" flat1 | grep -q "\[f4\] ann · in reply to cy · inferred from a greeting"; then
    ok "weft show names the inferred parent and the reason"
else fail "weft show: $("$WEFT" show --store "$WORK/flat" flat1 | head -12)"; fi
start 120 40 --store "$WORK/flat"
check "the flat thread is listed" "Repainting the zebra c"
keys Enter
check "its tree draws inferred links dashed" "  └╌cy  And a road closure"
keys j j j
check "the post pane says the link was inferred, and how" "╌ inferred from a greeting · T: time order"
keys T
check "T shows time order" "time order: posts as they came"
if screen | grep -q "└╌"; then fail "time order still draws tree links"; else ok "time order draws no links"; fi
keys T
check "T again gives the inferred tree back" "links inferred"
keys Q
wait_exit >/dev/null

echo "# saved forum pages"
PAGES=Tests/WeftFormatsTests/Fixtures/pages
out=$("$WEFT" import --store "$WORK/pages" "$PAGES/phpbb2-subsilver.html" "$PAGES/invision4.html" "$PAGES/discourse-crawler.html" 2>&1)
if [ "$out" = "imported into $WORK/pages: 3 threads added, 9 posts, 6 authors" ]; then ok "phpBB 2, Invision and Discourse pages import"; else fail "pages import said: $out"; fi
"$WEFT" import --store "$WORK/pages" "$PAGES/static-archive.html" >/dev/null 2>"$WORK/err"; status=$?
if [ $status = 1 ] && grep -q "static-archive.html: no recipe recognises this page as a forum thread (tried .*phpBB 3.*); see docs/recipes.md" "$WORK/err"; then
    ok "a page no recipe knows is refused in one sentence, status 1"
else fail "unknown page gave $status: $(cat "$WORK/err")"; fi
out=$("$WEFT" import --store "$WORK/pages" --recipe "$PAGES/static-archive.toml" "$PAGES/static-archive.html" 2>&1)
if echo "$out" | grep -q ": 1 thread added, 4 posts"; then ok "--recipe reads a forum no built-in recipe knows"; else fail "--recipe import said: $out"; fi
printf 'engine = "x"\ndetect = ["//p"]\n[thread]\ntitle = "//h1"\nsignture = "//p"\n' > "$WORK/bad-recipe.toml"
out=$("$WEFT" import --store "$WORK/pages" --recipe "$WORK/bad-recipe.toml" "$PAGES/invision4.html" 2>&1); status=$?
if [ $status = 1 ] && echo "$out" | grep -q "bad-recipe.toml:5: unknown key \"signture\" in \[thread\]"; then ok "a broken recipe is named by file and line"; else fail "broken recipe gave $status: $out"; fi
mkdir -p "$XDG_CONFIG_HOME/weft/recipes" && cp "$PAGES/static-archive.toml" "$XDG_CONFIG_HOME/weft/recipes/"
if "$WEFT" recipe list | head -1 | grep -q "^Bakers' archive"; then ok "the user's recipes are tried first"; else fail "recipe list: $("$WEFT" recipe list | head -3)"; fi
if "$WEFT" recipe test "$PAGES/static-archive.html" | grep -q "#2 id 9004 · jonas · 2022-02-14T11:02:00Z"; then ok "recipe test shows each post"; else fail "recipe test: $("$WEFT" recipe test "$PAGES/static-archive.html" | head)"; fi
rm -rf "$XDG_CONFIG_HOME/weft/recipes"
start 120 40 --store "$WORK/pages"
check "the page threads are listed" "Old times on the caf"
keys /; typed "café"; keys Enter Enter j
check "a quote on a page infers the reply" "╌ inferred from a quote"
check "the signature is shown under the post" "mariela — baking since 1998"
keys Z
check "Z hides signatures" "signatures hidden"
if screen | grep -q "baking since 1998"; then fail "the signature is still shown"; else ok "the hidden signature is gone from the post"; fi
keys Q
wait_exit >/dev/null
if [ -d "$SHARED/data/forum-pages/xenforo2" ]; then
    X="$SHARED/data/forum-pages/xenforo2"
    "$WEFT" import --store "$WORK/xf" "$X/tophope-1516-3.html" >/dev/null 2>&1
    "$WEFT" import --store "$WORK/xf" "$X/tophope-1516-1.html" "$X/tophope-1516-2.html" >/dev/null 2>&1
    if "$WEFT" list --store "$WORK/xf" | grep -q "tophope.ru-1516.*60 posts"; then ok "three pages imported out of order make one 60-post thread"; else fail "xf list: $("$WEFT" list --store "$WORK/xf")"; fi
    start 120 40 --store "$WORK/xf"
    keys Enter
    check "the Russian XenForo thread opens as a tree" "Lakki OP"
    keys j j j s
    check "s follows a quote to the post its markup names" "→ Electronik's post (by post number)"
    keys Q
    wait_exit >/dev/null
else
    echo "skipping the shared forum pages: $SHARED/data/forum-pages is absent"
fi

echo "# mail imported in parts"
mail() { printf 'From x Mon Jan  1 00:00:00 2024\nFrom: %s <%s@example.org>\nSubject: %s\nDate: Mon, %s Jan 2024 10:00:00 +0000\nMessage-ID: <%s>\n%s\n%s\n\n' "$@"; }
mail Cy cy "Re: Plans" 3 c@x "In-Reply-To: <b@x>" "A reply to b." > "$WORK/part1.mbox"
mail Ann ann "Plans" 1 a@x "" "The plans." > "$WORK/part2.mbox"
mail Bo bo "Re: Plans" 2 b@x "References: <a@x>" "A reply to a." >> "$WORK/part2.mbox"
"$WEFT" import --store "$WORK/parts" "$WORK/part1.mbox" >/dev/null 2>&1
out=$("$WEFT" import --store "$WORK/parts" "$WORK/part2.mbox" 2>&1)
tree=$("$WEFT" show --store "$WORK/parts" a@x 2>&1)
if echo "$out" | grep -q "1 thread added, 1 merged into another thread, 2 posts" && [ "$("$WEFT" list --store "$WORK/parts" | grep -c .)" = 1 ] \
   && echo "$tree" | grep -q "in reply to Bo"; then
    ok "a reply imported before its parent joins the parent's thread in a later import"
else fail "parts: $out / $("$WEFT" list --store "$WORK/parts") / $tree"; fi

echo "# posts as their authors wrote them"
{
    printf 'From x Mon Jan  1 00:00:00 2024\nFrom: Dee Coder <dee@example.org>\nTo: list@example.org\nSubject: [PATCH 1/2] map: fix the gate\n'
    printf 'Date: Mon, 1 Jan 2024 10:00:00 +0000\nMessage-ID: <p1@x>\nContent-Type: text/plain; format=flowed\n\n'
    printf 'The map pointed at the old car park, so this points it at \nthe north gate instead.\n\n'
    printf 'diff --git a/map b/map\n--- a/map\n+++ b/map\n@@ -1 +1 @@\n-parking: old\n+parking: north gate\n-- \n2.39.2\n\n'
    printf 'From x Mon Jan  1 00:00:00 2024\nFrom: dee@example.org\nSubject: Re: [PATCH 1/2] map: fix the gate\n'
    printf 'Date: Mon, 1 Jan 2024 11:00:00 +0000\nMessage-ID: <p2@x>\nIn-Reply-To: <p1@x>\n\nOn Mon, Jan 1, 2024 at 10:00 AM Dee Coder\n<dee@example.org> wrote:\n> The map pointed\n\nApplied, thanks.\n'
} > "$WORK/patch.mbox"
cat > "$WORK/md.json" <<'JSON'
{"thread": {"id": "md", "title": "Markdown walk", "posts": [
 {"id": "1", "author": "ann", "format": "markdown", "body": "We *will* meet at the **north gate** :tada:\n\n- water\n- a [map](https://example.org/map)"}]}}
JSON
"$WEFT" import --store "$WORK/rich" "$WORK/patch.mbox" "$WORK/md.json" >/dev/null 2>&1
START_ENV="TZ=Asia/Tokyo" start 120 40 --store "$WORK/rich" --read-delay 0
keys Enter
check "a flowed mail is joined into one paragraph" "so this points it at the north"
check "dates show in the local zone with the zone" "2024-01-01 19:00"
keys h
check "h shows the mail's headers" "Message-ID: <p1@x>"
check "the header view shows From with the address" "From:       Dee Coder <dee@example.org>"
keys h j
check "a reply's snippet is its own words, not the wrapped attribution" "Applied, thanks."
check "one address is one author, shown by the name it used" "└─Dee Coder OP  2024-01-01  Applied, thanks."
keys q j Enter
check "Markdown reads without its syntax" "We will meet at the north gate 🎉"
check "a Markdown list shows bullets and the link's text" "• a map"
keys Q
wait_exit >/dev/null
if "$WEFT" list --store "$WORK/rich" --json | grep -q '"posts" : 2' ; then ok "both mails are one thread"; else fail "rich list: $("$WEFT" list --store "$WORK/rich" --json)"; fi

echo "# shell completion and a C locale"
script=$("$WEFT" --generate-completion-script bash)
if echo "$script" | grep -q -- "--store" && echo "$script" | grep -q "high-contrast"; then ok "completion offers --store and the theme names"; else fail "completion script lacks --store or themes"; fi
ids=$("$WEFT" ---completion show -- positional@0 3 0 weft show --store "$WORK/parts" 2>&1)
if [ "$ids" = "a@x" ]; then ok "completion offers the store's thread ids"; else fail "thread id completion gave: $ids"; fi
START_ENV="LANG=C LC_ALL=C" start 120 40 --sample
wait_for "Threads (" 10
if screen | grep -qF "?????? OP" || screen | grep -qF "????????"; then ok "in a C locale what cannot be drawn shows as ?"; else fail "LANG=C screen"; fi
keys Q
wait_exit >/dev/null

START_ENV="TERM=xterm" start 120 40 --sample
wait_for "Threads (" 10
keys j j Enter
wait_for "Replies: Restoring" 5
# Black text counts only on the terminal's own background: follow the SGR state through each line.
black=$(tmux -L "$SOCK" capture-pane -p -e -t e2e | python3 -c '
import re, sys
n = 0
for line in sys.stdin:
    fg = bg = None
    for part in re.split(r"(\x1b\[[0-9;]*m)", line):
        if part.startswith("\x1b["):
            codes = part[2:-1].split(";") if part[2:-1] else ["0"]
            for c in codes:
                c = int(c or 0)
                if c == 0: fg = bg = None
                elif 30 <= c <= 37 or c == 39: fg = None if c == 39 else c
                elif 40 <= c <= 47 or c == 49: bg = None if c == 49 else c
        elif part.strip() and fg == 30 and bg is None:
            n += len(part.strip())
print(n)')
if [ "$black" = 0 ]; then ok "on an 8-colour terminal (TERM=xterm) no text is drawn black on the default background"
else fail "on an 8-colour terminal $black characters are black on the default background"; fi
keys Q
wait_exit >/dev/null

echo "# the mouse"
stop_server  # the sessions above must have saved what they remember before it is wiped
rm -rf "$XDG_STATE_HOME"
start 120 40 --sample
check "started for the mouse" "Threads (4"
click() { typed $'\e[<0;'"$1;$2"'M'; typed $'\e[<0;'"$1;$2"'m'; }  # an SGR press and release at column, row (1-based)
click 5 4
check "a click in the list selects the thread" "thread 3 of 4"
click 5 4
check "a second click opens it" "Replies: Restoring a 1974"
typed $'\e[<65;60;8M'
check "the wheel over the tree moves in it" "post 4 of 15"
keys Q
wait_exit >/dev/null

echo "# bad paths and words on the command line"
touch "$WORK/afile"
out=$("$WEFT" list --store "$WORK/afile" 2>&1); status=$?
if [ $status = 1 ] && echo "$out" | grep -q "afile: a file, not a store directory"; then ok "a store that is a file is refused"; else fail "list --store FILE gave $status: $out"; fi
out=$("$WEFT" list --store "$WORK/no-such-store" 2>&1); status=$?
if [ $status = 1 ] && echo "$out" | grep -q "no store at $WORK/no-such-store"; then ok "a store that does not exist is named, not shown empty"; else fail "list --store typo gave $status: $out"; fi
"$WEFT" import --store "$WORK/never" "$WORK/nothing-here.mbox" >/dev/null 2>&1; status=$?
if [ $status = 1 ] && [ ! -e "$WORK/never" ]; then ok "an import of nothing makes no store"; else fail "import of a missing file gave $status and left $(ls -d "$WORK/never" 2>&1)"; fi
out=$("$WEFT" imprt 2>&1); status=$?
if [ $status = 2 ] && echo "$out" | grep -q 'no command "imprt"; did you mean "import"?'; then ok "a misspelt command is named with the nearest one"; else fail "weft imprt gave $status: $out"; fi
out=$("$WEFT" help frob 2>&1); status=$?
if [ $status = 2 ] && echo "$out" | grep -q 'no command "frob"'; then ok "help for a command that does not exist exits 2"; else fail "weft help frob gave $status: $out"; fi
: > "$WORK/empty.mbox"; printf '{"thread": {"title": "x", "posts": [' > "$WORK/cut.json"
out=$("$WEFT" import --store "$WORK/bad-inputs" "$WORK/empty.mbox" "$WORK/cut.json" 2>&1)
if echo "$out" | grep -q "empty.mbox: the file is empty" && echo "$out" | grep -q "cut.json: byte 36: not valid JSON: the file ends before its JSON does"; then
    ok "an empty file and a cut JSON file say so, with the position"
else fail "bad inputs said: $out"; fi
out=$("$WEFT" export --store "$WORK/bad-inputs" --format markdown -o "$WORK/no-dir/x.md" 2>&1); status=$?
if [ $status = 1 ] && echo "$out" | grep -q "no-dir/x.md: cannot create" && ! echo "$out" | grep -q ".tmp-"; then ok "export to a missing folder names the file asked for"; else fail "export -o gave $status: $out"; fi

echo "# the command line on a store the tests write"
"$WEFT" import --store "$WORK/cli" --forum Demo "$WORK/../$(basename "$WORK")/none.json" >/dev/null 2>"$WORK/err"; status=$?
if [ $status = 1 ] && grep -q "none.json: no such file" "$WORK/err"; then ok "import of a missing file names it and exits 1"; else fail "missing import gave $status: $(cat "$WORK/err")"; fi
cat > "$WORK/t.json" <<'JSON'
{"forum": "F", "thread": {"id": "t1", "title": "A test thread", "posts": [
  {"id": "a", "author": "ann", "parent": null, "body": "Opening"},
  {"id": "b", "author": "bob", "parent": "a", "body": "ann wrote:\n> Opening\n\nReply"}]}}
JSON
out=$("$WEFT" import --store "$WORK/cli" "$WORK/t.json")
if [ "$out" = "imported into $WORK/cli: 1 thread added, 2 posts, 2 authors" ]; then ok "import prints a summary"; else fail "import said: $out"; fi
out=$("$WEFT" import --store "$WORK/cli" "$WORK/t.json")
if echo "$out" | grep -q ": 0 threads added, 0 posts"; then ok "re-import adds nothing"; else fail "re-import said: $out"; fi
if "$WEFT" list --store "$WORK/cli" --json | python3 -c 'import json,sys; d=json.load(sys.stdin); t=d["threads"][0]; assert d["version"]==1 and t["id"]=="t1" and t["posts"]==2 and t["unread"]==2, d'; then
    ok "list --json is valid and counts posts"
else fail "list --json"; fi
out=$("$WEFT" show --store "$WORK/cli" t1)
if echo "$out" | grep -q "> ann wrote: \[quoting a\]"; then ok "show marks quotes and their sources"; else fail "show printed: $out"; fi
"$WEFT" list --store "$WORK/cli" --bogus >/dev/null 2>&1; status=$?
if [ $status = 2 ]; then ok "a usage error exits 2"; else fail "usage error exit $status"; fi
"$WEFT" show --store "$WORK/cli" nope >/dev/null 2>"$WORK/err"; status=$?
if [ $status = 1 ] && grep -q 'no thread with id "nope"' "$WORK/err"; then ok "an unknown thread exits 1 with one sentence"; else fail "unknown thread: $status"; fi

printf '{"thread": {"title": "cut", "posts": [' > "$WORK/cut.json"
"$WEFT" import --store "$WORK/cli" "$WORK/t.json" "$WORK/cut.json" >"$WORK/out" 2>"$WORK/err"; status=$?
if [ $status = 1 ] && grep -q "cut.json: byte 38: not valid JSON" "$WORK/err" && grep -q "1 skipped" "$WORK/out"; then
    ok "a bad file is named, the rest imported, and the status is 1"
else fail "bad file import: status $status, $(cat "$WORK/err")"; fi
"$WEFT" export --store "$WORK/cli" --format mbox -o "$WORK/out.mbox" && "$WEFT" import --store "$WORK/cli2" "$WORK/out.mbox" >/dev/null
if "$WEFT" show --store "$WORK/cli2" a@weft.invalid | grep -q "Reply"; then ok "export to mbox imports back"; else fail "mbox export round trip"; fi

out=$("$WEFT" search --store "$WORK/cli" --json opening)
if echo "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["version"]==1 and d["results"][0]["post"]=="a" and "[Opening]" in d["results"][0]["snippet"], d'; then
    ok "search --json finds the post with the word marked"
else fail "search: $out"; fi

echo "# the index follows the files"
start 120 40 --store "$WORK/cli"
check "the browser lists the store from its index" "A test thread"
python3 - "$WORK/cli/threads/t1.json" <<'PY'
import json, os, sys
path = sys.argv[1]
doc = json.load(open(path))
(doc["thread"] if "thread" in doc else doc["threads"][0])["title"] = "Retitled by hand"
open(path + ".new", "w").write(json.dumps(doc))
os.replace(path + ".new", path)
PY
check "a thread file replaced by hand is noticed while browsing" "Retitled by hand"
keys q
rm -rf "$WORK/cli/index"
if "$WEFT" search --store "$WORK/cli" --json reply 2>/dev/null | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["results"][0]["title"]=="Retitled by hand", d'; then
    ok "a deleted index is rebuilt from the files"
else fail "index rebuild"; fi

echo "# resize storm"
stop_server
rm -rf "$XDG_STATE_HOME"  # from a fresh start
start 120 40 --sample
check "started for the resize storm" "Threads (4"
keys j Enter
for i in $(seq 1 40); do
    tmux -L "$SOCK" resize-window -t e2e -x $((30 + (i * 37) % 150)) -y $((6 + (i * 13) % 50))
    keys j
done
tmux -L "$SOCK" resize-window -t e2e -x 100 -y 30
check "after 40 resizes with keys between, it redraws at 100x30" "Replies: Reading group"
keys C-c
status=$(wait_exit)
if [ "$status" = 0 ]; then ok "still quits cleanly after the storm"; else fail "after storm status $status"; fi

echo "# signals and bad starts"
# signal_case SIGNAL STATUS: weft, a thread open, gets SIGNAL; it must end with STATUS and restore the screen.
signal_case() {
    stop_server
    rm -rf "$XDG_STATE_HOME"  # from a fresh start, not the place the last run remembered
    start 100 30 --sample
    check "--sample opens the demo forum (for SIG$1)" "Threads (4"
    keys j j Enter
    check "a thread is open before SIG$1" "Replies: Restoring"
    kill -"$1" "$(pgrep -n -f "$WEFT --sample")"
    status=$(wait_exit)
    if [ "$status" = "$2" ]; then ok "SIG$1 ends with status $2"; else fail "SIG$1 status was $status"; fi
    if screen | grep -q "Threads"; then fail "the screen was not restored after SIG$1"; else ok "the terminal is restored after SIG$1"; fi
}
signal_case TERM 143
signal_case HUP 129
signal_case SEGV 139  # a crash: the handler restores the terminal before the default action

printf 'name = "broken"\n[roles]\nselecton = { fg = "red" }\n' > "$WORK/bad.toml"
start 120 40 --sample --theme "$WORK/bad.toml"
check "a broken theme names its file and line and falls back" "bad.toml:3: unknown role"
keys q
wait_exit >/dev/null

out=$("$WEFT" --sample </dev/null 2>&1); status=$?
if [ $status = 1 ] && echo "$out" | grep -q "needs a terminal"; then ok "no terminal: one clear error, status 1"; else fail "no terminal gave status $status: $out"; fi

START_ENV="TERM=no-such-terminal" start 100 30 --sample
check "an unknown TERM is reported" "cannot use the terminal type TERM=no-such-terminal"
status=$(wait_exit)
if [ "$status" = 1 ]; then ok "an unknown TERM exits with status 1"; else fail "unknown TERM status was $status"; fi

START_ENV="TERM=dumb" start 100 30 --sample
check "TERM=dumb is refused in one sentence" "TERM=dumb cannot place the cursor"
status=$(wait_exit)
if [ "$status" = 1 ]; then ok "TERM=dumb exits with status 1"; else fail "TERM=dumb status was $status"; fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
