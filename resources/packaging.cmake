# The Debian package (`make package`, which runs `cpack -G DEB` in the build directory). It contains
# what `cmake --install` installs, under /usr.
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "proclab")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "ProcLab contributors")
set(CPACK_PACKAGE_CONTACT "ProcLab contributors <proclab@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "watch processes live: spawn, follow and stop them")
# The extended description is shown as written: lines under 80 columns. CPack indents each line
# and writes the empty one as " .".
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
    "ProcLab starts processes and shows them as they run: each one's PID, its"
    "state and its output, line by line, as it is written. It stops them"
    "gracefully (SIGTERM) or by force (SIGKILL), at once or after a countdown,"
    "and shows how each one ended."
    ""
    "It grew out of a Korean tutorial on Python's multiprocessing module and"
    "turns its two lessons into buttons. It also runs in a terminal without a"
    "window (proclab --headless).")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/proclab/ProcLab")

# The package installs to /usr whatever CMAKE_INSTALL_PREFIX the build was configured with; every
# install() destination is relative (GNUInstallDirs), so only the prefix moves.
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
# RelWithDebInfo binaries carry their debug information; a package should not.
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME "DEB-DEFAULT") # proclab_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${CPACK_PACKAGE_HOMEPAGE_URL}")
# dpkg-shlibdeps (dpkg-dev) reads the libraries the binaries link (libqt6core6, libqt6widgets6,
# libc6, libstdc++6…) with the versions they need. Nothing can see what Qt loads at run time, so that
# is listed by hand: the platform plugins that open the window (qt6-qpa-plugins), the SVG icon engine
# that draws the bundled toolbar icons (in libqt6svg6 on Debian 12), and a font with Hangul for the
# Korean lessons.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6svg6, fonts-noto-cjk | fonts-nanum")
# Qt's own texts (OK, Cancel, the file dialog) in Korean; ProcLab's are built in.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
find_program(PROCLAB_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(PROCLAB_DPKG_SHLIBDEPS)
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
    string(PREPEND CPACK_DEBIAN_PACKAGE_DEPENDS
        "libc6, libstdc++6, libqt6core6 (>= 6.4), libqt6gui6 (>= 6.4), libqt6widgets6 (>= 6.4), ")
endif()
# The tutorial's own examples are Python programs: `proclab --run "python3 study.py"`.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "python3")

# The byte code of ProcLab's Python hook, as Debian's py3compile and py3clean handle Python modules:
# compiled once at install, so that Python need not compile the hook at every start (a user may not
# write beside it), and removed with the package, with whatever Python wrote there since.
set(proclab_python_hook_dir "${CPACK_PACKAGING_INSTALL_PREFIX}/${CMAKE_INSTALL_DATADIR}/proclab/python")
set(proclab_postinst "${CMAKE_CURRENT_BINARY_DIR}/debian-control/postinst")
set(proclab_prerm "${CMAKE_CURRENT_BINARY_DIR}/debian-control/prerm")
file(WRITE "${proclab_postinst}"
    "#!/bin/sh\n"
    "set -e\n"
    "if [ \"$1\" = configure ] && command -v python3 >/dev/null 2>&1; then\n"
    "    python3 -m compileall -q \"${proclab_python_hook_dir}\" >/dev/null 2>&1 || true\n"
    "fi\n")
file(WRITE "${proclab_prerm}"
    "#!/bin/sh\n"
    "set -e\n"
    "rm -rf \"${proclab_python_hook_dir}/__pycache__\"\n")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA "${proclab_postinst};${proclab_prerm}")
# Maintainer scripts must be executable: 0755, as dpkg expects them.
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)

include(CPack)
