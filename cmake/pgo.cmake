# Profile-guided optimization of the libraries the explorers run in (GCC's -fprofile-generate and
# -fprofile-use). A Release build makes an instrumented copy of itself in <build>/pgo/build, runs
# bench/pgo/train with it, and compiles the machines, the properties, the harness and the statistics with the
# profile that run wrote: routing a notice through the machines is a chain of indirect calls and small
# branches, which GCC lays out and inlines better when it knows which ones are taken (doc/performance.md's
# seventeenth stop: 12-20 % less time, the same results). -DCQM_PGO=OFF builds in about half the time.
#
# CQM_PGO is ON, OFF, or `generate`: the instrumented build that ON configures for itself (not for users).
# The profile is read only by GCC, without sanitizers, in Release; otherwise CQM_PGO changes nothing.
set(CQM_PGO ON CACHE STRING "Release: train an instrumented build, then build the explorers' libraries with its profile (ON, OFF)")
set(CQM_PGO_PROFILE_DIR "" CACHE PATH "Where the instrumented build writes its profile (set by CQM_PGO=ON for it)")
mark_as_advanced(CQM_PGO_PROFILE_DIR)

# Linked by the libraries the profile is for (cqm_pgo_target below); empty when the build does not use one.
add_library(cqm_pgo INTERFACE)

string(TOUPPER "${CQM_PGO}" pgo_value)
if(NOT pgo_value MATCHES "^(ON|OFF|TRUE|FALSE|YES|NO|1|0|GENERATE)$")
  message(FATAL_ERROR "CQM_PGO: ON or OFF, not \"${CQM_PGO}\"")
endif()
set(CQM_PGO_MODE OFF)
if(pgo_value STREQUAL "GENERATE")
  if(NOT CQM_PGO_PROFILE_DIR)
    message(FATAL_ERROR "CQM_PGO=generate needs CQM_PGO_PROFILE_DIR")
  endif()
  set(CQM_PGO_MODE generate)
elseif(CQM_PGO AND CMAKE_BUILD_TYPE STREQUAL "Release" AND NOT CQM_SANITIZE AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  set(CQM_PGO_MODE use)
endif()

# Both builds name their profile files by the object's path below their own build folder
# (-fprofile-prefix-path), so the instrumented build's files are the ones this build looks for.
if(CQM_PGO_MODE STREQUAL "generate")
  # Atomic counters: the explorers run on two threads.
  target_compile_options(cqm_pgo INTERFACE -fprofile-generate -fprofile-update=atomic
                                           -fprofile-dir=${CQM_PGO_PROFILE_DIR} -fprofile-prefix-path=${PROJECT_BINARY_DIR})
  # Every link of ours: an instrumented library may end up in any executable or module.
  target_link_options(cqm_options INTERFACE -fprofile-generate)
elseif(CQM_PGO_MODE STREQUAL "use")
  include(ExternalProject)
  set(pgo_dir ${PROJECT_BINARY_DIR}/pgo)
  set(pgo_profile ${pgo_dir}/profile)
  # Only what the training runs; under make, the sub-make shares this build's jobs.
  if(CMAKE_GENERATOR MATCHES "Makefiles")
    set(pgo_build $(MAKE) cqmcheck)
  else()
    set(pgo_build ${CMAKE_COMMAND} --build <BINARY_DIR> --target cqmcheck)
  endif()
  ExternalProject_Add(cqm_pgo_instrumented
    SOURCE_DIR ${PROJECT_SOURCE_DIR}
    BINARY_DIR ${pgo_dir}/build
    CMAKE_ARGS -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER} -DCQM_PGO=generate
               -DCQM_PGO_PROFILE_DIR=${pgo_profile} -DCQM_BUILD_TESTS=OFF -DCQM_BUILD_BENCH=OFF
               -DCQM_UNITY=${CQM_UNITY} -DCQM_WERROR=${CQM_WERROR}
    BUILD_COMMAND ${pgo_build}
    INSTALL_COMMAND ""
    BUILD_ALWAYS ON  # incremental inside: a changed source is rebuilt there too, and the profile made again
    BUILD_BYPRODUCTS ${pgo_dir}/build/cqmcheck)
  find_program(CQM_BASH bash REQUIRED)
  add_custom_command(
    OUTPUT ${pgo_dir}/trained.stamp
    # A profile of another binary would not match: the old one goes first.
    COMMAND ${CMAKE_COMMAND} -E rm -rf ${pgo_profile}
    COMMAND ${CQM_BASH} ${PROJECT_SOURCE_DIR}/bench/pgo/train ${pgo_dir}/build/cqmcheck ${pgo_dir}/work
    COMMAND ${CMAKE_COMMAND} -E touch ${pgo_dir}/trained.stamp
    DEPENDS ${pgo_dir}/build/cqmcheck ${PROJECT_SOURCE_DIR}/bench/pgo/train ${PROJECT_SOURCE_DIR}/bench/pgo/train.toml
    COMMENT "Training the profile-guided build (bench/pgo/train)"
    VERBATIM)
  add_custom_target(cqm_pgo_profile DEPENDS ${pgo_dir}/trained.stamp)
  add_dependencies(cqm_pgo_profile cqm_pgo_instrumented)
  # -fprofile-partial-training: code the training never ran is optimized as without a profile, not as cold.
  target_compile_options(cqm_pgo INTERFACE -fprofile-use -fprofile-dir=${pgo_profile}
                                           -fprofile-prefix-path=${PROJECT_BINARY_DIR} -fprofile-partial-training
                                           -Wno-missing-profile)
endif()
message(STATUS "Profile-guided optimization: ${CQM_PGO_MODE}")
# In the cache, where bench/vs_spin reads how the cqmcheck it measures was built.
set(CQM_PGO_MODE ${CQM_PGO_MODE} CACHE INTERNAL "Profile-guided optimization in effect: OFF, use or generate")

# A library the explorers run in: built with the profile (after it is made), or instrumented to make it.
function(cqm_pgo_target target)
  target_link_libraries(${target} PRIVATE cqm_pgo)
  if(CQM_PGO_MODE STREQUAL "use")
    add_dependencies(${target} cqm_pgo_profile)
  endif()
endfunction()
