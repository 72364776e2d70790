# ProcLab in English and Korean: Qt Linguist files, compiled to .qm and embedded under :/i18n.
# (Included by resources/CMakeLists.txt, after core/, ui/ and app/ have defined their targets.)
#
# lupdate must read the sources of every layer: on Qt 6.4 it otherwise sees only the sources of the
# target it is attached to, and the strings of core/ and ui/ (libraries of their own) would be
# missed. They are taken from the targets themselves, so a file added to a target is read too.
# `cmake --build build --target update_translations` refreshes the .ts files from the sources.
set(proclab_translated_sources)
foreach(target IN ITEMS proclab_core proclab_ui proclab_app_logic proclab)
    get_target_property(target_sources ${target} SOURCES)
    get_target_property(target_dir ${target} SOURCE_DIR)
    foreach(source IN LISTS target_sources)
        if(source MATCHES "\\.(cpp|h)$")
            get_filename_component(source "${source}" ABSOLUTE BASE_DIR "${target_dir}")
            list(APPEND proclab_translated_sources "${source}")
        endif()
    endforeach()
endforeach()

# The .qm files go into proclab_resources rather than straight into the program, as
# qt_add_translations(... RESOURCE_PREFIX) would do: the tests that check the translations link
# proclab_resources too.
qt_add_translations(proclab
    TS_FILES
        translations/proclab_en.ts
        translations/proclab_ko.ts
    SOURCES ${proclab_translated_sources}
    LUPDATE_OPTIONS -no-obsolete -locations none
    QM_FILES_OUTPUT_VARIABLE proclab_qm_files)
qt_add_resources(proclab_resources "translations"
    PREFIX "/i18n"
    BASE "${CMAKE_CURRENT_BINARY_DIR}"
    FILES ${proclab_qm_files})
