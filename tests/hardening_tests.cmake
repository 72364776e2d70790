# Hardening, core and headless: what must not survive, leak, grow without bound or be injected,
# proved against the operating system rather than our own bookkeeping.
proclab_add_test(NAME tst_hardening_survivors SOURCES tst_hardening_survivors.cpp TIMEOUT 120)
proclab_add_test(NAME tst_hardening_leaks SOURCES tst_hardening_leaks.cpp TIMEOUT 180)
proclab_add_test(NAME tst_hardening_output SOURCES tst_hardening_output.cpp TIMEOUT 300)
proclab_add_test(NAME tst_hardening_input SOURCES tst_hardening_input.cpp TIMEOUT 120)
add_subdirectory("${CMAKE_CURRENT_SOURCE_DIR}/soak" "${CMAKE_CURRENT_BINARY_DIR}/soak")
