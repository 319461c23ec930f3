# `cqmcheck diagrams` with an --out it cannot use: exit 2, one line naming the folder, no file written.
cmake_minimum_required(VERSION 3.25)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
file(WRITE ${WORK}/a_file "x")  # a folder under a file cannot be created, even by root

include(${CMAKE_CURRENT_LIST_DIR}/../cli/cqmcheck.cmake)

cqm_expect_bad_input("cqmcheck: error: cannot create folder .*a_file/diagrams" diagrams --out ${WORK}/a_file/diagrams)
cqm_expect_bad_input("cqmcheck: error: .*a_file is not a folder" diagrams --out ${WORK}/a_file)
cqm_expect_bad_input("command line: --out is required" diagrams)

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
