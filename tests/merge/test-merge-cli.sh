#!/bin/sh
# test-merge-cli.sh CONSENSO TEMPLATE: --merge on the command line, and as git's merge driver for
# .consenso files in a real repository, with no display, in TAP.
consenso=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
template=$2
unset DISPLAY WAYLAND_DISPLAY
export LC_ALL=C.UTF-8 LANGUAGE=en GSETTINGS_BACKEND=memory
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export XDG_DATA_HOME="$dir/data" HOME="$dir/home"
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

# A copy of the template with one field changed: set FILE THEME-ID FIELD VALUE (the fields are
# one per line in a draft, so sed can edit them).
set_field () {
  awk -v id="\"id\": \"$2\"," -v field="\"$3\": " -v value="$4" '
    index($0, id) { inside = 1 }
    inside && index($0, field) { sub(/: .*/, ": " value (substr($0, length($0)) == "," ? "," : "")); inside = 0 }
    { print }' "$1" > "$1.tmp" && mv "$1.tmp" "$1"
}

echo "1..17"

cp "$template" "$dir/base.consenso"
cp "$template" "$dir/mine.consenso"
cp "$template" "$dir/theirs.consenso"
set_field "$dir/mine.consenso" theme-1 horizon '"short-term"'
set_field "$dir/theirs.consenso" theme-2 horizon '"medium-term"'

out=$("$consenso" --merge "$dir/out.consenso" "$dir/mine.consenso" "$dir/theirs.consenso" --base "$dir/base.consenso" 2>&1); rc=$?
check "$rc" 0 "changes on both sides without a conflict exit 0"
check "$out" "" "and print nothing"
"$consenso" --check "$dir/out.consenso" >/dev/null 2>&1; check "$?" 0 "the merged draft is clean"
check "$(grep -c '"horizon": "short-term"' "$dir/out.consenso") $(grep -c '"horizon": "medium-term"' "$dir/out.consenso")" "1 1" \
  "it has both changes"

set_field "$dir/theirs.consenso" theme-1 horizon '"medium-term"'
cp "$dir/mine.consenso" "$dir/mine.orig"
out=$("$consenso" --merge "$dir/out.consenso" "$dir/mine.consenso" "$dir/theirs.consenso" --base "$dir/base.consenso" 2>&1); rc=$?
check "$rc" 3 "a conflict exits 3"
check "$out" "Theme 1 “Trata de personas y tráfico ilícito de migrantes”: horizon: “Short term” | “Medium term”" \
  "each conflict is one line: PLACE: “mine” | “theirs”"
check "$(grep -c '"horizon": "short-term"' "$dir/out.consenso")" 1 "mine is taken on a conflict"
"$consenso" --merge "$dir/out.consenso" "$dir/mine.consenso" "$dir/theirs.consenso" --base "$dir/base.consenso" \
  --prefer theirs >/dev/null 2>&1
check "$(grep -c '"horizon": "short-term"' "$dir/out.consenso")" 0 "--prefer theirs takes theirs"
cmp -s "$dir/mine.consenso" "$dir/mine.orig"; check "$?" 0 "the inputs are not touched"

# Without --base and without lineage, every difference is a conflict.
out=$("$consenso" --merge "$dir/out2.consenso" "$dir/mine.consenso" "$dir/theirs.consenso" 2>/dev/null); rc=$?
check "$rc $(echo "$out" | wc -l)" "3 2" "without a common ancestor every difference is a conflict"

printf '{"format": "consenso-draft", "version": 7}' > "$dir/future.consenso"
rm -f "$dir/out3.consenso"
out=$("$consenso" --merge "$dir/out3.consenso" "$dir/mine.consenso" "$dir/future.consenso" 2>&1); rc=$?
check "$rc" 1 "a file that cannot be loaded exits 1"
check "$out" "Cannot merge into $dir/out3.consenso: future.consenso: version: version 7 is not supported; this version of Consenso reads version 1" \
  "and says which and why"
test -e "$dir/out3.consenso"; check "$?" 1 "and nothing is written"
"$consenso" --merge "$dir/out3.consenso" "$dir/mine.consenso" >/dev/null 2>&1; check "$?" 1 "--merge with one draft exits 1"

# git's merge driver: two branches change the same draft, each in its own theme.
if ! command -v git >/dev/null; then
  for i in 1 2 3; do n=$((n + 1)); echo "ok $n # SKIP git is not installed"; done
  exit $failed
fi
repo="$dir/repo"
git init -q "$repo"
cd "$repo" || exit 1
git config user.name Consenso
git config user.email consenso@example.org
git config merge.consenso.name "Consenso drafts"
git config merge.consenso.driver "$consenso --merge %A %A %B --base %O"
echo '*.consenso merge=consenso' > .gitattributes
cp "$template" draft.consenso
git add .gitattributes draft.consenso && git commit -q -m base
git checkout -q -b ppt
set_field draft.consenso theme-3 horizon '"short-term"'
git commit -q -am "PPT: theme 3 short term"
git checkout -q -
set_field draft.consenso theme-4 consensus '"agreed"'
git commit -q -am "ST: theme 4 agreed"
git merge -q --no-edit ppt >/dev/null 2>&1; rc=$?
check "$rc" 0 "git merges two branches' drafts through the driver"
check "$(grep -c '"horizon": "short-term"' draft.consenso) $(grep -c '"consensus": "agreed"' draft.consenso)" "1 1" \
  "with both branches' changes"
check "$(git status --porcelain)" "" "and leaves nothing behind"

exit $failed
