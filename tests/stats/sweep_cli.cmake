# `cqmcheck sweep` end to end: a 2x2 grid prints its table and writes sweep.csv, sweep.json, heatmap.svg (XML)
# and heatmap.png; --format json holds every cell.
cmake_minimum_required(VERSION 3.25)
file(REMOVE_RECURSE ${WORK})
include(${CMAKE_CURRENT_LIST_DIR}/../cli/cqmcheck.cmake)

cqm_run(0 sweep --preset kb-q292030 --vary cycle=60,1380 --vary lifetime=2880,11520 --clients 5000 --out ${WORK}/S)
foreach(word "delivered_before_expiry" "HOLDS" "VIOLATED" "sweep.csv" "heatmap.png")
  string(FIND "${out}" "${word}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "sweep's table lacks '${word}':\n${out}")
  endif()
endforeach()

file(STRINGS ${WORK}/S/sweep.csv rows)
list(LENGTH rows n)
list(GET rows 0 header)
if(NOT n EQUAL 5 OR NOT header MATCHES "^cqm.wake_up_cycle,cqm.item_lifetime,verdict,")
  message(FATAL_ERROR "sweep.csv: expected a header and 4 rows, got ${n}:\n${rows}")
endif()
file(READ ${WORK}/S/sweep.json json)
string(JSON cells LENGTH "${json}" cells)
string(JSON first GET "${json}" cells 0 verdict)
if(NOT cells EQUAL 4 OR NOT first STREQUAL "HOLDS")
  message(FATAL_ERROR "sweep.json: expected 4 cells, the first HOLDS (cycle 60):\n${json}")
endif()
file(READ ${WORK}/S/heatmap.png signature LIMIT 8 HEX)
if(NOT signature STREQUAL "89504e470d0a1a0a")
  message(FATAL_ERROR "heatmap.png is not a PNG")
endif()
if(XMLLINT)
  execute_process(COMMAND ${XMLLINT} --noout ${WORK}/S/heatmap.svg RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "xmllint rejects heatmap.svg:\n${err}")
  endif()
elseif(NOT EXISTS ${WORK}/S/heatmap.svg)
  message(FATAL_ERROR "sweep --out did not write heatmap.svg")
endif()

cqm_run(0 sweep --preset kb-q292030 --vary p_init_failure=0,1 --clients 2000 --format json)
string(JSON cells LENGTH "${out}" cells)
string(JSON lost GET "${out}" cells 0 lost)
if(NOT cells EQUAL 2 OR NOT lost EQUAL 0)
  message(FATAL_ERROR "sweep --format json: expected 2 cells, none lost at p = 0:\n${out}")
endif()

# The alias after_running is the first program's option: the KB's "Program restarts computer" loses statuses,
# workaround A ("SMS restarts computer") holds.
cqm_run(0 sweep --preset kb-q292030 --vary after_running=program_restarts,sms_restarts --clients 2000 --format json)
string(JSON key GET "${out}" axes 0 key)
string(JSON bug GET "${out}" cells 0 verdict)
string(JSON fix GET "${out}" cells 1 verdict)
string(JSON fix_lost GET "${out}" cells 1 lost)
if(NOT key STREQUAL "program[0].after_running" OR NOT bug STREQUAL "VIOLATED" OR NOT fix STREQUAL "HOLDS"
   OR NOT fix_lost EQUAL 0)
  message(FATAL_ERROR "sweep --vary after_running: expected program[0].after_running, VIOLATED then HOLDS "
                      "with none lost, got ${key}, ${bug}, ${fix} (${fix_lost} lost):\n${out}")
endif()

# Q301352's question, as the README's figure asks it (fewer clients): clients per CAP x service pack. At SP3 a
# second client on the CAP loses statuses by their names (name_in_use), at SP4 none; past 4 clients the
# exhaustive verdict is INCONCLUSIVE, saying why; loss_lines draws P(loss) against the clients.
cqm_run(0 sweep --preset kb-q301352 --habits ${CMAKE_CURRENT_LIST_DIR}/../data/habits/q301352.toml
        --vary clients=1,2,8 --vary service_pack=3,4 --clients 8000 --format json --out ${WORK}/Q)
string(JSON key GET "${out}" axes 0 key)
string(JSON one GET "${out}" cells 0 lost)
string(JSON sp3 GET "${out}" cells 4 lost)
string(JSON sp3_named GET "${out}" cells 4 lost_by_path name_in_use)
string(JSON sp4 GET "${out}" cells 5 lost)
string(JSON big GET "${out}" cells 4 verdict)
string(JSON pair GET "${out}" cells 2 verdict)
if(NOT key STREQUAL "site.clients" OR NOT one EQUAL 0 OR sp3 EQUAL 0 OR NOT sp3_named EQUAL sp3 OR NOT sp4 EQUAL 0
   OR NOT big STREQUAL "INCONCLUSIVE" OR NOT pair STREQUAL "VIOLATED")
  message(FATAL_ERROR "sweep over clients per CAP: expected site.clients, 1 client none lost, 8 clients at SP3 "
                      "lost by name (INCONCLUSIVE exhaustive), at SP4 none; 2 clients VIOLATED at SP3; got ${key}, "
                      "${one}, ${sp3} (${sp3_named} by name, ${big}), ${sp4}, ${pair}:\n${out}")
endif()
foreach(f loss_lines.svg loss_lines.png heatmap.png)
  if(NOT EXISTS ${WORK}/Q/${f})
    message(FATAL_ERROR "sweep --out over clients per CAP did not write ${f}")
  endif()
endforeach()
