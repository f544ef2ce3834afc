# SPDX-License-Identifier: GPL-3.0-or-later
# CPack pre-build script (CPACK_PRE_BUILD_SCRIPTS): runs on the staged files
# before the .deb is made. CPACK_STRIP_FILES has already stripped the
# programs; this also removes the sections dh_strip removes (.comment, the
# compiler's version, and .note), which lintian reports otherwise.
file(GLOB programs "${CPACK_TEMPORARY_DIRECTORY}${CPACK_PACKAGING_INSTALL_PREFIX}/bin/*")
foreach(program IN LISTS programs)
    execute_process(
        COMMAND "${CPACK_RESGUARDA_STRIP}" --remove-section=.comment --remove-section=.note "${program}"
        RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "strip-sections: ${CPACK_RESGUARDA_STRIP} failed on ${program}")
    endif()
endforeach()
