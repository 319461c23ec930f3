# Sourced by the CLI tests: `refuse WHAT EXPECTED-TEXT ARGS...` runs "$cqmcheck" ARGS and fails the test (through
# its `fail`) unless it exits 2 with one line on stderr holding EXPECTED-TEXT and writes nothing into
# "$work/refused" (the folder the refused command was pointed at, if any).
refuse() {
  local what="$1" expected="$2"; shift 2
  rm -rf "$work/refused"
  "$cqmcheck" "$@" > /dev/null 2> "$work/err.txt"
  local rc=$?
  [ "$rc" = 2 ] || fail "$what: exit $rc, not 2"
  [ "$(wc -l < "$work/err.txt")" = 1 ] || { cat "$work/err.txt"; fail "$what: not one line on stderr"; }
  grep -qF -- "$expected" "$work/err.txt" || { cat "$work/err.txt"; fail "$what: no '$expected' in the message"; }
  [ -z "$(ls -A "$work/refused" 2>/dev/null)" ] || fail "$what: something was written: $(ls "$work/refused")"
}
