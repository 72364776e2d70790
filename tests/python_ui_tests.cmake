# The Python panel's own tests: the annotations it writes after a Python program's lines, and the
# panel itself showing a Python worker's source (a real python3 process) or the mirror.
proclab_add_test(NAME tst_pythonsource SOURCES tst_pythonsource.cpp)
proclab_add_test(NAME tst_pythonpanel SOURCES tst_pythonpanel.cpp LIBRARIES proclab_ui GUI)
