# The processes as the operating system runs them: the timeline's geometry and view, and the
# window's process tree, CPU and memory, pause and resume, signal menu, exit decoder and Python panel.
proclab_add_test(NAME tst_timeline SOURCES tst_timeline.cpp LIBRARIES proclab_ui GUI TIMEOUT 180)
proclab_add_test(NAME tst_processview SOURCES tst_processview.cpp LIBRARIES proclab_ui GUI TIMEOUT 180)
# It measures CPU use: alone, so a parallel test does not take the core it measures.
set_tests_properties(tst_processview PROPERTIES RUN_SERIAL TRUE)
