# The main window, its worker table, its actions and dialogs (included by ui/CMakeLists.txt).
target_sources(proclab_ui PRIVATE
    runcommanddialog.cpp runcommanddialog.h
    workeractions.cpp workeractions.h
    workertablemodel.cpp workertablemodel.h
    workertableproxy.cpp workertableproxy.h
    workertableview.cpp workertableview.h
)
