# The main window's tests: its worker table model, its Run command dialog, and the window itself
# driven offscreen.
proclab_add_test(NAME tst_workertablemodel SOURCES tst_workertablemodel.cpp LIBRARIES proclab_ui GUI)
proclab_add_test(NAME tst_runcommanddialog SOURCES tst_runcommanddialog.cpp LIBRARIES proclab_ui GUI)
proclab_add_test(NAME tst_mainwindow SOURCES tst_mainwindow.cpp LIBRARIES proclab_ui GUI TIMEOUT 180)
proclab_add_test(NAME tst_processcommands SOURCES tst_processcommands.cpp LIBRARIES proclab_ui GUI)
# The rows under a followed worker: its program's processes, nested, sorted, selected, bounded (a
# program that starts 10 000 children takes a while to trace on a busy machine).
proclab_add_test(NAME tst_descendantrows SOURCES tst_descendantrows.cpp LIBRARIES proclab_ui GUI TIMEOUT 300)
