#!/bin/sh
# test-cli.sh CONSENSO TEMPLATE: the headless command line, with no display, in TAP.
consenso=$1
template=$2
unset DISPLAY WAYLAND_DISPLAY
export LC_ALL=C.UTF-8 LANGUAGE=en
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
n=0
failed=0

check () {
  n=$((n + 1))
  if [ "$1" = "$2" ]; then
    echo "ok $n - $3"
  else
    echo "not ok $n - $3"
    printf '# expected: %s\n# got:      %s\n' "$2" "$1" | sed 's/^/# /'
    failed=1
  fi
}

echo "1..30"

out=$("$consenso" --check "$template" 2>&1); rc=$?
check "$rc" 0 "a draft without problems exits 0, whatever is still open"
check "$(printf '%s\n' "$out" | grep -c -v -- "^$template: note: ")" 0 "a draft without problems prints only notes"
check "$(printf '%s\n' "$out" | grep -c -- ": note: ")" 37 "what is still open in the template is 37 notes"
check "$(printf '%s\n' "$out" | grep -- "note: themes\[4\]")" "$template: note: themes[4].horizon: “Migración laboral” has no horizon yet: short or medium term
$template: note: themes[4].consensus: Consensus on “Migración laboral” is still pending" "each note is printed as FILE: note: PLACE: message"

sed -e 's/"pro_tempore_presidency": "DO"/"pro_tempore_presidency": "CO"/' \
    -e 's/"theme": "theme-3"/"theme": "theme-99"/' "$template" > "$dir/problems.consenso"
out=$("$consenso" --check "$dir/problems.consenso" 2>/dev/null); rc=$?
check "$rc" 1 "a draft with problems exits 1"
check "$(printf '%s\n' "$out" | grep -v -- ": note: ")" "$dir/problems.consenso: meeting.pro_tempore_presidency: Colombia is an observer; the Pro Tempore Presidency is held by a member country
$dir/problems.consenso: strategies[3].theme: no theme has the id “theme-99”" "each problem is printed as FILE: PLACE: message"
check "$(printf '%s\n' "$out" | sed -n '3p')" "$dir/problems.consenso: note: meeting.venue: The meeting has no venue yet" "notes come after the problems"

# A decision taken is no longer a note; a problem that is also open (a missing presidency) is
# printed once, as a problem.
sed -e 's/"horizon": "undecided"/"horizon": "short-term"/' \
    -e 's/"pro_tempore_presidency": "DO"/"pro_tempore_presidency": null/' "$template" > "$dir/decided.consenso"
out=$("$consenso" --check "$dir/decided.consenso" 2>/dev/null); rc=$?
check "$rc $(printf '%s\n' "$out" | grep -c -- "horizon")" "1 0" "decided horizons are no longer open"
check "$(printf '%s\n' "$out" | grep -c -- "pro_tempore_presidency")" 1 "a missing presidency is printed once, as a problem"

out=$("$consenso" --check "$dir/missing.consenso" 2>&1); rc=$?
check "$rc" 1 "a missing file exits 1"
check "$out" "missing.consenso: there is no such file" "the message names the missing file"

printf '{"format": "consenso-draft", "version": 7}' > "$dir/future.consenso"
cp "$dir/future.consenso" "$dir/future.orig"
out=$("$consenso" --check "$template" "$dir/future.consenso" 2>&1); rc=$?
check "$rc" 1 "one bad file among clean ones exits 1"
check "$(printf '%s\n' "$out" | grep -v -- ": note: ")" "future.consenso: version: version 7 is not supported; this version of Consenso reads version 1" "a refused file says why"
cmp -s "$dir/future.consenso" "$dir/future.orig"; check "$?" 0 "a refused file is not touched"

"$consenso" --check >/dev/null 2>&1; check "$?" 1 "--check without files exits 1"

# Files that report no size are read up to the limit, not whole (timeout: a hang fails, never blocks).
out=$(timeout 60 "$consenso" --check /dev/zero 2>&1); rc=$?
check "$rc" 1 "--check /dev/zero exits 1"
check "$out" "zero: the file is larger than 64 MiB, the largest draft Consenso reads" "… with a message"

mkfifo "$dir/endless.consenso"
timeout 60 yes 0 >"$dir/endless.consenso" 2>/dev/null &
writer=$!
out=$(timeout 60 "$consenso" --check "$dir/endless.consenso" 2>&1); rc=$?
check "$rc" 1 "--check on a named pipe that never ends exits 1"
check "$out" "endless.consenso: the file is larger than 64 MiB, the largest draft Consenso reads" "… with a message"
kill "$writer" 2>/dev/null; wait "$writer" 2>/dev/null

mkfifo "$dir/piped.consenso"
cat "$template" >"$dir/piped.consenso" &
writer=$!
out=$(timeout 60 "$consenso" --check "$dir/piped.consenso" 2>&1); rc=$?
check "$rc $(printf '%s\n' "$out" | sed "s|^$dir/piped.consenso:|FILE:|")" \
      "0 $("$consenso" --check "$template" 2>&1 | sed "s|^$template:|FILE:|")" \
      "a draft through a named pipe is checked like the file"
kill "$writer" 2>/dev/null; wait "$writer" 2>/dev/null

out=$("$consenso" --version 2>&1); rc=$?
check "$rc $out" "0 consenso @VERSION@" "--version works without a display"

"$consenso" --help 2>&1 | grep -q -- "--check"; check "$?" 0 "--help works without a display and lists --check"

# The commands without a window run without GTK, and those that write no document without the
# libraries of documents: what the loader maps, dlopen() included, is listed.
for command in "--check $template" "--export-xlsx $dir/plain.xlsx $template" "--help"; do
  # shellcheck disable=SC2086 # the command's words
  LD_DEBUG=files LD_DEBUG_OUTPUT="$dir/loaded" "$consenso" $command >/dev/null 2>&1; rc=$?
  check "$rc $(cat "$dir"/loaded.* | grep -c -e 'file=libgtk-4' -e 'file=libadwaita' -e 'file=libcairo' \
                 -e 'file=libpango' -e 'file=libgsf' -e 'file=libxml2' -e 'file=libconsenso-documents')" "0 0" \
        "consenso ${command%% *} loads neither GTK, libadwaita, cairo, Pango, libgsf nor libxml2"
  rm -f "$dir"/loaded.*
done
LD_DEBUG=files LD_DEBUG_OUTPUT="$dir/loaded" "$consenso" --export-document "$dir/doc.pdf" "$template" >/dev/null 2>&1; rc=$?
check "$rc $(test -s "$dir/doc.pdf" && echo written) $(cat "$dir"/loaded.* | grep -c -e 'file=libgtk-4' -e 'file=libadwaita')" \
      "0 written 0" "consenso --export-document loads the documents' library, not GTK"
rm -f "$dir"/loaded.*

# Without the window's module and the documents' library (nothing beside a copy of the executable,
# nothing installed), the other commands still work; those that need them say they cannot.
mkdir "$dir/bin"
cp "$consenso" "$dir/bin/consenso"
"$dir/bin/consenso" --export-xlsx "$dir/alone.xlsx" "$template" >/dev/null 2>&1; rc=$?
check "$rc $(test -s "$dir/alone.xlsx" && echo written)" "0 written" "--export-xlsx works without the window's module"
out=$("$dir/bin/consenso" --check "$template" 2>&1 | grep -c -- ": note: ")
check "$out" 37 "--check works without the window's module"
if [ -e "@PKGLIBDIR@/libconsenso-gui.so" ]; then
  n=$((n + 2)); echo "ok $((n - 1)) # SKIP Consenso is installed in @PKGLIBDIR@"; echo "ok $n # SKIP the same"
else
  out=$("$dir/bin/consenso" "$template" 2>&1); rc=$?
  check "$rc $(printf '%s\n' "$out" | grep -c '^Cannot open the window: .*libconsenso-gui.so')" "1 1" \
        "without the window's module, opening a window exits 1 and says why"
  out=$("$dir/bin/consenso" --export-document "$dir/alone.pdf" "$template" 2>&1); rc=$?
  check "$rc $(printf '%s\n' "$out" | grep -c '^Cannot load Consenso’s documents library: .*libconsenso-documents.so')" \
        "1 1" "without the documents' library, --export-document exits 1 and says why"
fi

exit $failed
