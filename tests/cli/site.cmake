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
