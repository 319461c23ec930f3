# Bad input of every kind: exit 2 and one line naming the file, line and field.
include(${CMAKE_CURRENT_LIST_DIR}/cqmcheck.cmake)

cqm_expect_bad_input("typo_action.toml:7: event\\[2\\]\\.do: unknown value 'power_of'"
         simulate --schedule ${DATA}/schedules/typo_action.toml)
cqm_expect_bad_input("negative_cycle.toml:4: cqm.wake_up_cycle: a duration must not be negative"
         simulate --config ${DATA}/configs/negative_cycle.toml)
cqm_expect_bad_input("unknown_key.toml:5: cqm.retry_intervall: unknown key" simulate --config ${DATA}/configs/unknown_key.toml)
cqm_expect_bad_input("unknown preset 'nope'" simulate --preset nope)
cqm_expect_bad_input("command line" simulate --days 0)
cqm_expect_bad_input("command line" frobnicate)
