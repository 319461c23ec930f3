#!/usr/bin/env python3
"""Wall time of short whole processes, finer than /usr/bin/time's hundredths of a second (issue 13, item 5).

Usage: e2e.py OUT_JSON REPS NAME CWD CLEAN -- ARGV... [;; NAME CWD CLEAN -- ARGV...]. Runs each command REPS
times, alternating, from CWD, after removing CLEAN (a folder, or "-" for none); writes each command's median
and least wall time in milliseconds, and the standard output of its last run. The time is from before fork to
after wait, as a user's shell sees it.
"""
import json
import shutil
import statistics
import subprocess
import sys
import time

out, reps = sys.argv[1], int(sys.argv[2])
specs, rest = [], sys.argv[3:]
while rest:
    cut = rest.index(";;") if ";;" in rest else len(rest)
    one, rest = rest[:cut], rest[cut + 1:]
    name, cwd, clean, sep, *argv = one
    assert sep == "--", f"e2e.py: expected -- after {name}'s CWD and CLEAN"
    specs.append((name, cwd, clean, argv))
times = {name: [] for name, *_ in specs}
stdout = {}
for _ in range(reps):
    for name, cwd, clean, argv in specs:
        if clean != "-":
            shutil.rmtree(clean, ignore_errors=True)
        start = time.perf_counter()
        run = subprocess.run(argv, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False)
        times[name].append((time.perf_counter() - start) * 1000)
        stdout[name] = run.stdout.decode(errors="replace")
with open(out, "w") as f:
    json.dump({n: {"median_ms": statistics.median(v), "min_ms": min(v), "runs": len(v), "stdout": stdout[n]}
               for n, v in times.items()}, f, indent=1)
