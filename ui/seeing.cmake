# Seeing processes: the timeline, the process tree, live CPU and memory, pause and resume, the
# signal menu and the Python mirror's panel (included by ui/CMakeLists.txt).
target_sources(proclab_ui PRIVATE
    mainwindowprocess.cpp
    processtreemodel.cpp processtreemodel.h
    processview.cpp processview.h
    pythonpanel.cpp pythonpanel.h
    sparklinedelegate.cpp sparklinedelegate.h
    timelinegeometry.cpp timelinegeometry.h
    timelinepaint.cpp
    timelineview.cpp timelineview.h
    workeractionsprocess.cpp
)
