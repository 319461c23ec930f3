# `check --out D` and `replay --svg` draw the counterexample; the same trace gives the same bytes; an output
# that cannot be written is exit 2, one line, and no file (not even half of one).
cmake_minimum_required(VERSION 3.25)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})

function(expect code)
  execute_process(COMMAND ${ARGN} OUTPUT_VARIABLE o ERROR_VARIABLE e RESULT_VARIABLE rc)
  if(NOT rc EQUAL ${code})
    message(FATAL_ERROR "${ARGN}: expected exit ${code}, got ${rc}\n${o}${e}")
  endif()
  set(out "${o}" PARENT_SCOPE)
  set(err "${e}" PARENT_SCOPE)
endfunction()

function(expect_same a b)
  file(SHA256 ${a} ha)
  file(SHA256 ${b} hb)
  if(NOT ha STREQUAL hb)
    message(FATAL_ERROR "${a} and ${b} differ: the same trace must give the same bytes")
  endif()
endfunction()

function(expect_listing dir expected)
  file(GLOB names RELATIVE ${dir} LIST_DIRECTORIES true ${dir}/*)  # a folder listing at test time
  list(SORT names)
  if(NOT names STREQUAL "${expected}")
    message(FATAL_ERROR "${dir} holds '${names}', expected '${expected}'")
  endif()
endfunction()

function(expect_one_line_error pattern)
  string(STRIP "${err}" e)
  if(NOT e MATCHES "${pattern}" OR e MATCHES "\n")
    message(FATAL_ERROR "expected one line matching '${pattern}' on stderr, got:\n${err}")
  endif()
endfunction()

# check writes the picture with the trace.
expect(1 ${CQMCHECK} check --preset kb-q292030 --explorer exhaustive --quiet --out ${WORK}/D)
# The end-to-end property fails with the KB's: its counterexample goes in a folder of its own.
expect_listing(${WORK}/D "Cqmgr32.log;Smsapm32.log;Statmgr.log;status_reaches_site_database;trace.dot;trace.json;trace.svg")
if(NOT out MATCHES "wrote ${WORK}/D/trace.svg")
  message(FATAL_ERROR "check does not report trace.svg:\n${out}")
endif()
file(READ ${WORK}/D/trace.svg svg)
if(NOT svg MATCHES "^<\\?xml" OR NOT svg MATCHES "</svg>\n$" OR NOT svg MATCHES "delivered_before_expiry")
  message(FATAL_ERROR "D/trace.svg is not the trace's SVG")
endif()
expect(1 ${CQMCHECK} check --preset kb-q292030 --explorer exhaustive --quiet --out ${WORK}/D2)
expect_same(${WORK}/D/trace.dot ${WORK}/D2/trace.dot)
expect_same(${WORK}/D/trace.svg ${WORK}/D2/trace.svg)

# replay --svg: next to the trace file, or into --out.
file(MAKE_DIRECTORY ${WORK}/R)
file(COPY ${WORK}/D/trace.json DESTINATION ${WORK}/R)
expect(1 ${CQMCHECK} replay ${WORK}/R/trace.json --svg)
expect_listing(${WORK}/R "trace.dot;trace.json;trace.svg")
expect_same(${WORK}/D/trace.dot ${WORK}/R/trace.dot)
expect_same(${WORK}/D/trace.svg ${WORK}/R/trace.svg)
expect(1 ${CQMCHECK} replay ${WORK}/D/trace.json --svg --out ${WORK}/O)
expect_listing(${WORK}/O "Cqmgr32.log;Smsapm32.log;Statmgr.log;trace.dot;trace.json;trace.svg")
expect_same(${WORK}/D/trace.svg ${WORK}/O/trace.svg)
# A trace named without a folder: the picture goes into the working directory.
file(MAKE_DIRECTORY ${WORK}/here)
file(COPY ${WORK}/D/trace.json DESTINATION ${WORK}/here)
execute_process(COMMAND ${CQMCHECK} replay trace.json --svg WORKING_DIRECTORY ${WORK}/here RESULT_VARIABLE rc
                OUTPUT_QUIET ERROR_VARIABLE e)
if(NOT rc EQUAL 1)
  message(FATAL_ERROR "replay trace.json --svg in its folder: exit ${rc}\n${e}")
endif()
expect_listing(${WORK}/here "trace.dot;trace.json;trace.svg")

# Outputs that cannot be written: exit 2, one line, nothing left behind.
file(WRITE ${WORK}/a_file "x")
expect(2 ${CQMCHECK} check --preset kb-q292030 --explorer exhaustive --quiet --out ${WORK}/a_file/D)
expect_one_line_error("cqmcheck: error: cannot create folder .*a_file/D")
file(MAKE_DIRECTORY ${WORK}/full ${WORK}/full_replay)
# CQM_TEST_FAIL_WRITE=N: the N-th file written fails as on a full disk. The 5th is trace.dot (after trace.json,
# Cqmgr32.log, Smsapm32.log and Statmgr.log): no trace.json may stay without its picture.
expect(2 ${CMAKE_COMMAND} -E env CQM_TEST_FAIL_WRITE=5
       ${CQMCHECK} check --preset kb-q292030 --explorer exhaustive --quiet --out ${WORK}/full)
expect_one_line_error("cqmcheck: error: .*full/trace.dot")
expect_listing(${WORK}/full "")
file(COPY ${WORK}/D/trace.json DESTINATION ${WORK}/full_replay)
expect(2 ${CMAKE_COMMAND} -E env CQM_TEST_FAIL_WRITE=2 ${CQMCHECK} replay ${WORK}/full_replay/trace.json --svg)
expect_one_line_error("cqmcheck: error: .*full_replay/trace.svg")
expect_listing(${WORK}/full_replay "trace.json")
file(REMOVE_RECURSE ${WORK})
