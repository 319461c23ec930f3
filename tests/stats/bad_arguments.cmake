# Bad habits files and bad estimate / sweep arguments: exit 2 and one line naming the file, line and key, or
# the argument.
cmake_minimum_required(VERSION 3.25)
include(${CMAKE_CURRENT_LIST_DIR}/../cli/cqmcheck.cmake)

set(H ${DATA}/habits)
cqm_expect_bad_input("unknown_key.toml:3: day.hours_mn: unknown key" estimate --habits ${H}/unknown_key.toml)
cqm_expect_bad_input("bad_probability.toml:5: init.failure_probability: a probability must lie in \\[0, 1\\]"
         estimate --habits ${H}/bad_probability.toml)
cqm_expect_bad_input("wrong_type.toml:2: program.after_start_from: expected an integer" estimate --habits ${H}/wrong_type.toml)
cqm_expect_bad_input("hours_reversed.toml:3: day.hours_max: must not be less than day.hours_min"
         estimate --habits ${H}/hours_reversed.toml)
cqm_expect_bad_input("no_such.toml: cannot open the file" estimate --habits ${H}/no_such.toml)
cqm_expect_bad_input("command line: --clients: '0' lies outside \\[1, " estimate --clients 0)
cqm_expect_bad_input("command line: --clients: '0' lies outside \\[1, " sweep --vary cycle=60 --clients 0)
cqm_expect_bad_input("unknown preset 'nope'" estimate --preset nope)
cqm_expect_bad_input("command line: --vary nokey=1: unknown key 'nokey'" sweep --vary nokey=1)
cqm_expect_bad_input("command line: --vary cycle=: empty list of values for 'cycle'" sweep --vary cycle=)
cqm_expect_bad_input("command line: --vary cycle: expected KEY=V1,V2" sweep --vary cycle)
cqm_expect_bad_input("command line: --vary cycle=60,,240: empty value" sweep --vary cycle=60,,240)
cqm_expect_bad_input("--vary p_init_failure=0.5,1.5: init.failure_probability: a probability must lie in \\[0, 1\\]"
         sweep --vary p_init_failure=0.5,1.5)
cqm_expect_bad_input("--vary lifetime=abc: 'abc' is not an integer" sweep --vary lifetime=abc)
# after_running is program[0]'s; a program the preset does not have is no key.
cqm_expect_bad_input("--vary after_running=sometimes: program\\[0\\].after_running: unknown value 'sometimes'"
         sweep --vary after_running=sometimes)
cqm_expect_bad_input("--vary program\\[1\\].after_running=sms_restarts: unknown key 'program\\[1\\].after_running'"
         sweep --vary program[1].after_running=sms_restarts)
cqm_expect_bad_input("unknown_key.toml:3: day.hours_mn: unknown key" sweep --vary cycle=60 --habits ${H}/unknown_key.toml)
cqm_expect_bad_input("command line" sweep --clients 10)
