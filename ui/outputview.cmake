# The output pane: a scroll area that paints the merged log of the workers straight from the
# scrollback, with its find bar and the mapping of ANSI styles to colours.
target_sources(proclab_ui PRIVATE
    findbar.cpp findbar.h
    outputrenderer.cpp outputrenderer.h
    outputtheme.cpp outputtheme.h
    outputview.cpp outputview.h
    outputviewinput.cpp
    outputviewtext.cpp
)
