# ProcLab as a desktop application: settings kept between runs, the language switched at run time,
# and the Preferences, About and Tutorial dialogs (included by ui/CMakeLists.txt).
target_sources(proclab_ui PRIVATE
    aboutdialog.cpp aboutdialog.h
    appsettings.cpp appsettings.h
    languagemanager.cpp languagemanager.h
    mainwindowdesktop.cpp
    preferencesdialog.cpp preferencesdialog.h
    tablecolumns.cpp tablecolumns.h
    tutorialdialog.cpp tutorialdialog.h
    workeractionsdesktop.cpp
)
