# ProcLab as a desktop application: settings kept between runs, the two languages, and the
# About, Tutorial and Preferences dialogs, each driven through a real MainWindow (offscreen).
proclab_add_test(NAME tst_settings SOURCES tst_settings.cpp LIBRARIES proclab_ui GUI)
proclab_add_test(NAME tst_translations SOURCES tst_translations.cpp
    LIBRARIES proclab_ui proclab_app_logic GUI)
proclab_add_test(NAME tst_dialogs SOURCES tst_dialogs.cpp LIBRARIES proclab_ui GUI)
