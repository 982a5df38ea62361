# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a shipped translation has unfinished or empty entries: every Russian string is translated.
#   cmake -DTS_FILES="a.ts;b.ts" -P checktranslations.cmake
foreach(ts IN LISTS TS_FILES)
    file(READ ${ts} content)
    string(REGEX MATCHALL "<translation type=\"unfinished\"" unfinished "${content}")
    string(REGEX MATCHALL "<translation></translation>|<translation/>" empty "${content}")
    list(LENGTH unfinished n_unfinished)
    list(LENGTH empty n_empty)
    if(n_unfinished GREATER 0 OR n_empty GREATER 0)
        message(FATAL_ERROR "${ts}: ${n_unfinished} unfinished and ${n_empty} empty translation(s)")
    endif()
endforeach()
