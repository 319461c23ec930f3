#!/usr/bin/env bash
# Graphviz (with fontconfig and HarfBuzz) and PLplot are modules loaded when first needed (writers/module.hpp):
# cqmcheck itself does not need their libraries, a search that draws nothing never loads them, and the
# commands that draw load them and draw.
set -u
cqmcheck="$1"; work="$2"
rm -rf "$work"; mkdir -p "$work"
fail() { echo "modules test: $*"; exit 1; }
drawing='libgvc|libcgraph|libfontconfig|libharfbuzz|libplplot'

needed=$(readelf -d "$cqmcheck" | grep NEEDED) || fail "readelf found no NEEDED entries in $cqmcheck"
echo "$needed" | grep -Eq "$drawing" && fail "cqmcheck itself needs a drawing library: $needed"

# The libraries the dynamic loader opens, as LD_DEBUG=files lists them.
loaded() { LD_DEBUG=files LD_DEBUG_OUTPUT="$work/ld.$1" "${@:2}" >/dev/null 2>&1; cat "$work/ld.$1".* 2>/dev/null; }

out=$(loaded search "$cqmcheck" check --preset kb-q292030 --explorer exhaustive --quiet)
echo "$out" | grep -q "file=libstdc++" || fail "LD_DEBUG listed nothing for the search (no libstdc++)"
echo "$out" | grep -Eq "file=.*($drawing)" && fail "a search without --out loaded a drawing library"

out=$(loaded check "$cqmcheck" check --preset kb-q292030 --explorer exhaustive --out "$work/D" --quiet)
echo "$out" | grep -q "libcqm_render.so" || fail "check --out did not load the Graphviz module"
grep -q "</svg>" "$work/D/trace.svg" || fail "check --out wrote no picture"

out=$(loaded estimate "$cqmcheck" estimate --preset kb-q292030 --clients 2000 --out "$work/E" --quiet)
echo "$out" | grep -q "libcqm_plots.so" || fail "estimate --out did not load the PLplot module"
[ -n "$(find "$work/E" -name '*.svg')" ] || fail "estimate --out wrote no figure"
echo "modules test: ok"
