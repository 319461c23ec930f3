# Issue 12's "done when" for the site, literally: check --preset kb-q311212 --out D writes a counterexample in
# which Cqmgr32.log reports the copy while Statmgr.log deletes the file; the hotfix and Q246749's fix and
# workaround hold; simulate shows Q246749's future queue.
file(REMOVE_RECURSE ${WORK})
include(${CMAKE_CURRENT_LIST_DIR}/cqmcheck.cmake)

cqm_run(1 check --preset kb-q311212 --out ${WORK}/D --quiet)
foreach(f trace.json Cqmgr32.log Statmgr.log trace.svg random/Statmgr.log)
  if(NOT EXISTS ${WORK}/D/${f})
    message(FATAL_ERROR "check did not write ${f}")
  endif()
endforeach()
file(READ ${WORK}/D/Cqmgr32.log cqmgr)
file(READ ${WORK}/D/Statmgr.log statmgr)
if(NOT cqmgr MATCHES "-Copied status message 10005 to Destination\\[CAP List for site W2K,statmsgs.box\\\\\\]")
  message(FATAL_ERROR "Cqmgr32.log does not report the copy:\n${cqmgr}")
endif()
if(NOT statmgr MATCHES "ERROR: Could not open file \"C:\\\\SMS\\\\inboxes\\\\statmgr.box\\\\statmsgs\\\\I[A-Z0-9]+\\.SVF\", the file is assumed to be corrupt\\. The operating system reported error 5: Access is denied\\. Deleted corrupt file")
  message(FATAL_ERROR "Statmgr.log does not delete the file in Q311212's words:\n${statmgr}")
endif()
cqm_run(1 replay ${WORK}/D/trace.json)

foreach(p kb-q311212-hotfix kb-q246749-sp2 workaround-q246749-restart-executive)
  cqm_run(0 check --preset ${p} --quiet)
endforeach()
cqm_run(1 check --preset kb-q246749 --explorer exhaustive --quiet)

cqm_run(0 simulate --preset kb-q246749)
if(NOT out MATCHES "== Statmgr.log ==\n[^\n]*later than the site server's time: moved to C:\\\\SMS\\\\inboxes\\\\statmgr.box\\\\futureq")
  message(FATAL_ERROR "simulate does not show the future queue:\n${out}")
endif()

# Q301352: simulate shows the article's lines on the clients that came second and third.
cqm_run(0 simulate --preset kb-q301352)
# (CMake lists group by brackets: the lines are matched in bracket-free pieces.)
cqm_expect_in_order("${out}" "--Validating Item 'Item " "--Servicing Item 'Item " "--Inserted Item" "into list"
                    "--Trying to copy Item" "copy try no. 1" "NOT copied, already exists, set status to Remove"
                    "--Skipping Item 'Item " "it is marked for deletion" "--Removing Item 'Item ")
if(NOT out MATCHES "client 1: status 10005 [^\n]*: Removed by CQM")
  message(FATAL_ERROR "the second client's status was not removed:\n${out}")
endif()
cqm_run(0 simulate --preset kb-q301352-sp4)
if(out MATCHES "Removed by CQM")
  message(FATAL_ERROR "SP4 removed a status:\n${out}")
endif()
# The exhaustive explorer takes a site of up to four clients, storing them in canonical order; past that it
# refuses, naming the key.
cqm_run(1 check --preset kb-q301352 --explorer exhaustive --quiet)
if(NOT out MATCHES "3 clients stored in canonical order" OR NOT out MATCHES "status_reaches_site_database VIOLATED")
  message(FATAL_ERROR "the exhaustive explorer did not search the site of three clients:\n${out}")
endif()
file(WRITE ${WORK}/five.toml "preset = \"kb-q301352\"\n[site]\nclients = 5\n")
cqm_expect_bad_input("five.toml:3: site.clients: the exhaustive explorer takes a site of at most 4 clients"
                     check --config ${WORK}/five.toml --explorer exhaustive)
cqm_run(1 check --config ${WORK}/five.toml --quiet)
if(NOT out MATCHES "exhaustive: not run")
  message(FATAL_ERROR "check does not say the exhaustive explorer did not run:\n${out}")
endif()
