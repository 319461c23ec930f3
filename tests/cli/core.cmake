# The core issue's "done when", literally: an envelope with no point on the quantum grid is refused (no false
# HOLDS); a 60000-minute wake-up cycle sweeps; a config with two programs runs through simulate, check (both
# explorers, both keys), estimate and replay.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
include(${CMAKE_CURRENT_LIST_DIR}/cqmcheck.cmake)

file(WRITE ${WORK}/g.toml "preset=\"kb-q292030\"\n[environment]\non_from=\"08:30\"\non_until=\"08:45\"\n")
cqm_expect_bad_input("g.toml:3: environment.on_from: the power-on window 08:30-08:45 holds no point"
                     check --config ${WORK}/g.toml --explorer exhaustive)
cqm_run(1 check --config ${WORK}/g.toml --explorer random --quiet)

cqm_run(0 sweep --preset kb-q292030 --vary cycle=1380,60000 --clients 1000 --quiet)
if(NOT out MATCHES "60000 +VIOLATED")
  message(FATAL_ERROR "the 60000-minute cell must have an exhaustive verdict:\n${out}")
endif()

set(two ${DATA}/configs/two_programs.toml)
cqm_run(0 simulate --config ${two})
if(NOT out MATCHES "status 10008 [^\n]*: " OR NOT out MATCHES "status 10009 [^\n]*: Expired")
  message(FATAL_ERROR "simulate should report both programs' statuses:\n${out}")
endif()
cqm_run(1 check --config ${two} --explorer all --out ${WORK}/two --quiet)
if(NOT out MATCHES "queue bound 4 items")
  message(FATAL_ERROR "check should print the queue bound with the verdict:\n${out}")
endif()
set(abstract "${out}")
cqm_run(1 check --config ${two} --explorer exhaustive --exact-states --quiet)
if(NOT out MATCHES "exact: the full state")
  message(FATAL_ERROR "--exact-states should say so:\n${out}")
endif()
# Fingerprint mode: a holding preset holds up to fingerprint collisions, with their probability; the bug's
# counterexample is the exact one.
cqm_run(0 check --preset workaround-always-on --explorer exhaustive --fingerprints --quiet)
if(NOT out MATCHES "delivered_before_expiry +HOLDS \\(up to fingerprint collisions, probability ≤ [0-9.]+e-[0-9]+\\)"
   OR NOT out MATCHES "stored as 64-bit fingerprints")
  message(FATAL_ERROR "--fingerprints should qualify HOLDS with the collision probability:\n${out}")
endif()
cqm_run(1 check --preset kb-q292030 --explorer exhaustive --fingerprints --quiet)
if(NOT out MATCHES "shortest counterexample: 202 environment decisions")
  message(FATAL_ERROR "--fingerprints should find the exact store's shortest counterexample:\n${out}")
endif()
cqm_run(0 estimate --config ${two} --clients 2000 --quiet)
cqm_run(1 replay ${WORK}/two/trace.json)
cqm_run(1 replay ${WORK}/two/random/trace.json)
file(READ ${WORK}/two/trace.json trace)
if(NOT trace MATCHES "\"program\": 1")
  message(FATAL_ERROR "the trace should name the second program's events")
endif()
