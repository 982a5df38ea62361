# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a shipped translation has unfinished or empty entries: every Russian string is translated.
#   cmake -DTS_FILES="a.ts;b.ts" [-DLUPDATE=lupdate -DSOURCE_ROOT=dir -DWORK_DIR=dir] -P checktranslations.cmake
# With LUPDATE, copies of the files are first brought up to the sources of SOURCE_ROOT's app, core and ui (as the
# update_translations target does), so that a string missing from them counts as unfinished.
set(checked ${TS_FILES})
if(LUPDATE)
    file(REMOVE_RECURSE ${WORK_DIR})
    file(MAKE_DIRECTORY ${WORK_DIR})
    set(checked "")
    foreach(ts IN LISTS TS_FILES)
        get_filename_component(name ${ts} NAME)
        file(COPY_FILE ${ts} ${WORK_DIR}/${name})
        list(APPEND checked ${WORK_DIR}/${name})
    endforeach()
    execute_process(COMMAND ${LUPDATE} app core ui -ts ${checked} -no-obsolete -locations none
                    WORKING_DIRECTORY ${SOURCE_ROOT} RESULT_VARIABLE failed OUTPUT_VARIABLE said ERROR_VARIABLE said)
    if(failed)
        message(FATAL_ERROR "lupdate failed: ${said}")
    endif()
endif()
foreach(ts IN LISTS checked)
    file(READ ${ts} content)
    string(REGEX MATCHALL "<translation type=\"unfinished\"" unfinished "${content}")
    string(REGEX MATCHALL "<translation></translation>|<translation/>" empty "${content}")
    list(LENGTH unfinished n_unfinished)
    list(LENGTH empty n_empty)
    if(n_unfinished GREATER 0 OR n_empty GREATER 0)
        message(FATAL_ERROR "${ts}: ${n_unfinished} unfinished and ${n_empty} empty translation(s); bring the .ts "
                            "files up to the sources with `cmake --build BUILD_DIR --target update_translations` and "
                            "translate what it marks unfinished")
    endif()
endforeach()
