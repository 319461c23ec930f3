# `cqmcheck diagrams` with an --out it cannot use: exit 2, one line naming the folder, no file written.
cmake_minimum_required(VERSION 3.25)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
file(WRITE ${WORK}/a_file "x")  # a folder under a file cannot be created, even by root

function(expect_2 pattern)
  execute_process(COMMAND ${CQMCHECK} ${ARGN} OUTPUT_VARIABLE o ERROR_VARIABLE e RESULT_VARIABLE rc)
  if(NOT rc EQUAL 2)
    message(FATAL_ERROR "cqmcheck ${ARGN}: expected exit 2, got ${rc}\n${o}${e}")
  endif()
  if(NOT e MATCHES "${pattern}")
    message(FATAL_ERROR "cqmcheck ${ARGN}: message does not match '${pattern}':\n${e}")
  endif()
  string(STRIP "${e}" e)
  if(e MATCHES "\n")
    message(FATAL_ERROR "cqmcheck ${ARGN}: more than one line on stderr:\n${e}")
  endif()
endfunction()

expect_2("cqmcheck: error: cannot create folder .*a_file/diagrams" diagrams --out ${WORK}/a_file/diagrams)
expect_2("cqmcheck: error: cannot create folder .*a_file: Not a directory" diagrams --out ${WORK}/a_file)
expect_2("command line: --out is required" diagrams)

# A folder listing at test time (not a source list).
file(GLOB_RECURSE left RELATIVE ${WORK} LIST_DIRECTORIES true ${WORK}/*)
if(NOT left STREQUAL "a_file")
  message(FATAL_ERROR "cqmcheck diagrams left files behind: ${left}")
endif()
file(READ ${WORK}/a_file content)
if(NOT content STREQUAL "x")
  message(FATAL_ERROR "cqmcheck diagrams changed ${WORK}/a_file")
endif()
file(REMOVE_RECURSE ${WORK})
