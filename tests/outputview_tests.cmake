# The output view: the ANSI parser on its own, and the view against real workers (offscreen).
proclab_add_test(NAME tst_ansiparser SOURCES tst_ansiparser.cpp)
proclab_add_test(NAME tst_outputview SOURCES tst_outputview.cpp LIBRARIES proclab_ui GUI)
