# Shared by the CLI tests (run with cmake -P and -DCQMCHECK=...): run cqmcheck, check its exit code, and for bad
# input its one-line message.

# cqm_run(CODE ARGS...): runs cqmcheck with ARGS; fails unless it exits CODE. Leaves stdout in `out`, stderr in
# `err` for the caller.
function(cqm_run code)
  execute_process(COMMAND ${CQMCHECK} ${ARGN} OUTPUT_VARIABLE o ERROR_VARIABLE e RESULT_VARIABLE rc)
  if(NOT rc EQUAL ${code})
    message(FATAL_ERROR "cqmcheck ${ARGN}: expected exit ${code}, got ${rc}\n${o}${e}")
  endif()
  set(out "${o}" PARENT_SCOPE)
  set(err "${e}" PARENT_SCOPE)
endfunction()

# cqm_expect_bad_input(PATTERN ARGS...): exit 2 and exactly one line on stderr, matching PATTERN.
function(cqm_expect_bad_input pattern)
  cqm_run(2 ${ARGN})
  if(NOT err MATCHES "${pattern}")
    message(FATAL_ERROR "cqmcheck ${ARGN}: message does not match '${pattern}':\n${err}")
  endif()
  string(STRIP "${err}" line)
  if(line MATCHES "\n")
    message(FATAL_ERROR "cqmcheck ${ARGN}: expected one line on stderr, got:\n${err}")
  endif()
endfunction()

# cqm_expect_in_order(TEXT LINES...): each line is found in TEXT after the one before it.
function(cqm_expect_in_order text)
  set(rest "${text}")
  foreach(line ${ARGN})
    string(FIND "${rest}" "${line}" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "line '${line}' missing or out of order:\n${text}")
    endif()
    string(LENGTH "${line}" len)
    math(EXPR next "${at} + ${len}")
    string(SUBSTRING "${rest}" ${next} -1 rest)
  endforeach()
endfunction()
