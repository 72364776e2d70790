#pragma once

#include <cstdio>
#include <cstdlib>

// An invariant of the code under fuzzing: when it breaks, say which and abort, so that libFuzzer
// keeps the input that broke it as a crash artifact.
#define FUZZ_CHECK(condition) \
    do { \
        if (!(condition)) { \
            std::fprintf(stderr, "invariant broken: %s (%s:%d)\n", #condition, __FILE__, __LINE__); \
            std::abort(); \
        } \
    } while (false)
