# SPDX-License-Identifier: GPL-3.0-or-later
# One INTERFACE target carries the language standard, warnings and Qt defines for every target.
add_library(skladhook_options INTERFACE)
add_library(SkladHook::options ALIAS skladhook_options)
target_compile_features(skladhook_options INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)
target_compile_options(skladhook_options INTERFACE
    -Wall -Wextra -Wpedantic -Wold-style-cast -Wnon-virtual-dtor
    # A unity build includes each .cpp into a merged unit, where GCC takes a file-local type used by a class of that
    # .cpp for one shared by a header (-Wsubobject-linkage); each .cpp is still compiled once, so there is no ODR risk.
    $<$<BOOL:$<TARGET_PROPERTY:UNITY_BUILD>>:-Wno-subobject-linkage>
    $<$<BOOL:${SKLADHOOK_WERROR}>:-Werror>)
target_compile_definitions(skladhook_options INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_USE_QSTRINGBUILDER QT_NO_KEYWORDS QT_NO_FOREACH
    QT_NO_URL_CAST_FROM_STRING QT_DISABLE_DEPRECATED_BEFORE=0x060400
    SKLADHOOK_VERSION="${PROJECT_VERSION}")
if(SKLADHOOK_SANITIZE)
    # Our code is instrumented; the tests' own sources (SKLADHOOK_TEST_CODE) are not: what ASan and UBSan must check
    # runs in the libraries they call, and instrumenting GoogleTest's macro expansions doubled the build's time.
    # Every executable links the runtimes, so the allocator and the reports cover the test code's calls too.
    set(instrumented "$<NOT:$<BOOL:$<TARGET_PROPERTY:SKLADHOOK_TEST_CODE>>>")
    target_compile_options(skladhook_options INTERFACE
        "$<${instrumented}:-fsanitize=address,undefined;-fno-sanitize-recover=undefined>" -fno-omit-frame-pointer)
    target_link_options(skladhook_options INTERFACE -fsanitize=address,undefined)
endif()
# libFuzzer: every library is instrumented for coverage; only the fuzzers themselves link libFuzzer's main.
if(SKLADHOOK_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "SKLADHOOK_FUZZ needs clang (the fuzz preset sets it)")
    endif()
    target_compile_options(skladhook_options INTERFACE -fsanitize=fuzzer-no-link)
endif()
