# Following every descendant: the tracer (`proclab-worker trace`) with real programs, and the core's
# reader of its channel and model of descendants.
proclab_add_test(NAME tst_descendants SOURCES tst_descendants.cpp)
# The tutorial's second script alone takes 5 s, and 1 000 traced forks a few more on a busy machine.
proclab_add_test(NAME tst_tracer SOURCES tst_tracer.cpp TIMEOUT 300)
# A Worker with WorkerSpec::followChildren: the same PID, stops and exit readings, plus its tree.
proclab_add_test(NAME tst_followedworker SOURCES tst_followedworker.cpp)
