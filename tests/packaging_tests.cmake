# Packaging: the installed layout, the desktop files' validity and the icons compiled into the program
# (included by tests/CMakeLists.txt). Needs desktop-file-validate (desktop-file-utils), appstreamcli
# (appstream) and the SVG icon engine (libqt6svg6).
if(NOT TARGET proclab_resources)
    return()
endif()

# `cmake --install` into a DESTDIR staging directory, then the layout and the installed program.
add_test(NAME packaging_install
    COMMAND bash "${CMAKE_CURRENT_SOURCE_DIR}/packaging/check_install.sh"
        "${PROJECT_BINARY_DIR}" "${CMAKE_CURRENT_BINARY_DIR}/packaging-staging")
# The .desktop file, the metainfo and the man page, checked by the tools distributions use.
add_test(NAME packaging_validate
    COMMAND bash "${CMAKE_CURRENT_SOURCE_DIR}/packaging/validate.sh" "${PROJECT_SOURCE_DIR}/resources")
set_tests_properties(packaging_install packaging_validate PROPERTIES TIMEOUT 120 LABELS packaging)

# The compiled-in icons load, and render, through the paths the UI uses.
proclab_add_test(NAME tst_resources SOURCES packaging/tst_resources.cpp
    LIBRARIES proclab_resources Qt6::Gui GUI)
set_tests_properties(tst_resources PROPERTIES LABELS packaging)
