# bench_smoke: runs `proclab-bench --quick --json` and checks that it exits 0 and that its stdout is
# one JSON object with the figure "spawn4_ratio". string(JSON) fails on anything that is not JSON.
execute_process(COMMAND "${BENCH}" --quick --json
    OUTPUT_VARIABLE output
    RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "bench_smoke: FAILED: proclab-bench exited with ${status}")
endif()
string(JSON figure ERROR_VARIABLE error GET "${output}" figures spawn4_ratio)
if(error)
    message(FATAL_ERROR "bench_smoke: FAILED: ${error}\n${output}")
endif()
string(JSON goals GET "${output}" goals)
message(STATUS "bench_smoke: \"spawn4_ratio\": ${figure}")
message(STATUS "bench_smoke: goals ${goals}")
