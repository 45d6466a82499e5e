#!/usr/bin/env bash
# Usage: packaging/check-manpage.sh CLI MANPAGE [COMPLETION ...]
# Fails when the man page misses an option or an environment variable that `CLI --help` prints, or a
# shell completion file misses an option. MANPAGE may be gzip-compressed. Run by test-packages.sh on
# what the .deb installed; run it on build/release/src/cli/invitedesk-cli and packaging/linux/ while editing.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 CLI MANPAGE [COMPLETION ...]" >&2; exit 2; }
cli=$1 man=$2
shift 2

help=$("$cli" --help)
# Options: a dash or two and a lower-case name, not inside a word (re-invite, verify-full, 2026-11-30).
options=$(grep -oE -- '(^|[^A-Za-z0-9_-])--?[a-z][a-z-]*[a-z]?' <<<"$help" | grep -oE -- '--?[a-z][a-z-]*' | sort -u)
# Environment variables: written $NAME, or NAME_WITH_UNDERSCORES in capitals (CLERK_SECRET_KEY).
variables=$( (grep -oE '\$[A-Za-z_][A-Za-z0-9_]*' <<<"$help" | tr -d '$'
              grep -oE '\b[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]\b' <<<"$help") | sort -u)
[ -n "$options" ] || { echo "no options found in '$cli --help'" >&2; exit 1; }

# The man page as plain words: groff's font changes and escaped dashes undone.
text=$(zcat -f "$man" | sed -e 's/\\f[BIRP]//g' -e 's/\\-/-/g' -e 's/\\(em/ /g')

has() { # has WORD TEXT: WORD as a whole option or name, not as part of a longer one
  grep -qE -- "(^|[^A-Za-z0-9_-])$(sed 's/[.[\*^$]/\\&/g' <<<"$1")([^A-Za-z0-9_-]|\$)" <<<"$2"
}

missing=0
for option in $options; do
  has "$option" "$text" || { echo "$man: no $option (printed by $cli --help)"; missing=1; }
done
for variable in $variables; do
  has "$variable" "$text" || { echo "$man: no $variable (printed by $cli --help)"; missing=1; }
done

for completion in "$@"; do
  # fish names options as -l NAME and -s X; the other shells as they are typed.
  words=$(sed -E -e 's/(^|[[:space:]])-l[[:space:]]+([a-z][a-z-]*)/\1--\2/g' \
                 -e 's/(^|[[:space:]])-s[[:space:]]+([a-z])/\1-\2/g' "$completion")
  for option in $options; do
    has "$option" "$words" || { echo "$completion: no $option (printed by $cli --help)"; missing=1; }
  done
done

[ "$missing" -eq 0 ] || exit 1
echo "man page and completions name all $(wc -w <<<"$options") options and $(wc -w <<<"$variables") variables of --help"
