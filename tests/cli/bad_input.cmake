# Bad input of every kind: exit 2 and one line naming the file, line and field.
function(expect_2 pattern)
  execute_process(COMMAND ${CQMCHECK} ${ARGN} OUTPUT_VARIABLE o ERROR_VARIABLE e RESULT_VARIABLE rc)
  if(NOT rc EQUAL 2)
    message(FATAL_ERROR "cqmcheck ${ARGN}: expected exit 2, got ${rc}\n${o}${e}")
  endif()
  if(NOT e MATCHES "${pattern}")
    message(FATAL_ERROR "cqmcheck ${ARGN}: message does not match '${pattern}':\n${e}")
  endif()
endfunction()

expect_2("typo_action.toml:7: event\\[2\\]\\.do: unknown value 'power_of'"
         simulate --schedule ${DATA}/schedules/typo_action.toml)
expect_2("negative_cycle.toml:4: cqm.wake_up_cycle: a duration must not be negative"
         simulate --config ${DATA}/configs/negative_cycle.toml)
expect_2("unknown_key.toml:5: cqm.retry_intervall: unknown key" simulate --config ${DATA}/configs/unknown_key.toml)
expect_2("unknown preset 'nope'" simulate --preset nope)
expect_2("command line" simulate --days 0)
expect_2("command line" frobnicate)
