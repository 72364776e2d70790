# Following every descendant: the tracer (`proclab-worker trace`) with real programs, and the core's
# reader of its channel and model of descendants.
proclab_add_test(NAME tst_descendants SOURCES tst_descendants.cpp)
# The tutorial's second script alone takes 5 s, and 1 000 traced forks a few more on a busy machine.
proclab_add_test(NAME tst_tracer SOURCES tst_tracer.cpp TIMEOUT 300)
# A Worker with WorkerSpec::followChildren: the same PID, stops and exit readings, plus its tree.
proclab_add_test(NAME tst_followedworker SOURCES tst_followedworker.cpp)
# Python seen as Python: the tutorial's scripts run as commands, each line by the process that wrote
# it, the multiprocessing calls against the processes they named. Example 2 alone takes 5 s.
proclab_add_test(NAME tst_pythonworkers SOURCES tst_pythonworkers.cpp TIMEOUT 300)
