# cqmcheck simulate on the KB preset prints the KB's lines in order and ends with the status Expired;
# the workarounds end Delivered; presets lists every preset.
include(${CMAKE_CURRENT_LIST_DIR}/cqmcheck.cmake)

cqm_run(0 simulate --preset kb-q292030)
set(kb "${out}")
# The KB's lines, each found after the previous one.
cqm_expect_in_order("${kb}" "-Servicing Destination[CAP List for site W2K,statmsgs.box\\]"
                    "Destination[CAP List for site W2K,statmsgs.box\\] is inaccessible"
                    "-Destination[CAP List for site W2K,statmsgs.box\\] retry set to 1"
                    "Copy cycle finished normally" "Starting Copy Cycle no. 2" "'OK to Process' event unsignalled"
                    "-Servicing Destination" "not yet ready for retry" "retry set to 1" "Copy cycle finished normally")
if(NOT kb MATCHES "status 10009 [^\n]*: Expired at day 8 10:03")
  message(FATAL_ERROR "the success status did not expire:\n${kb}")
endif()

foreach(p workaround-sms-restarts workaround-always-on fix-short-retry fix-reconnect)
  cqm_run(0 simulate --preset ${p})
  set(out "${out}")
  if(NOT out MATCHES "status 10009 [^\n]*: Delivered at")
    message(FATAL_ERROR "${p} did not deliver:\n${out}")
  endif()
endforeach()

cqm_run(0 presets)
set(list "${out}")
foreach(p kb-q292030 workaround-sms-restarts workaround-always-on fix-short-retry fix-reconnect)
  string(FIND "${list}" "${p}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "presets does not list ${p}:\n${list}")
  endif()
endforeach()

cqm_run(0 simulate --preset kb-q292030 --schedule ${DATA}/schedules/kb_week.toml)
set(week "${out}")
if(NOT week MATCHES "status 10009 [^\n]*: still in the queue \\(Overdue\\)")
  message(FATAL_ERROR "a two-day schedule should leave the status queued:\n${week}")
endif()
