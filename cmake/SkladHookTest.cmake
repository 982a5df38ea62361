# SPDX-License-Identifier: GPL-3.0-or-later
find_package(GTest REQUIRED)
find_package(Qt6 REQUIRED COMPONENTS Test)
include(GoogleTest)

# skladhook_add_test(NAME <target> SOURCES <files…> LIBRARIES <targets…> [LABELS <labels…>])
# A GoogleTest executable whose main() comes from tests/support (QCoreApplication or QApplication).
function(skladhook_add_test)
    cmake_parse_arguments(ARG "GUI" "NAME" "SOURCES;LIBRARIES;LABELS" ${ARGN})
    qt_add_executable(${ARG_NAME} ${ARG_SOURCES})
    if(ARG_GUI)
        target_link_libraries(${ARG_NAME} PRIVATE skladhook_testmain_gui)
    else()
        target_link_libraries(${ARG_NAME} PRIVATE skladhook_testmain)
    endif()
    target_link_libraries(${ARG_NAME} PRIVATE ${ARG_LIBRARIES} Qt6::Test SkladHook::options GTest::gtest GTest::gmock)
    set_target_properties(${ARG_NAME} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/tests
                                                 SKLADHOOK_TEST_CODE ON)
    # The headers every test file includes, parsed once per test executable instead of once per file.
    target_precompile_headers(${ARG_NAME} PRIVATE <gtest/gtest.h> <QObject> <QString> <QList> <QDateTime>
                                                  <QJsonObject> <QJsonArray> <QTemporaryDir> <QTest>)
    gtest_discover_tests(${ARG_NAME} DISCOVERY_MODE PRE_TEST DISCOVERY_TIMEOUT 60
                         PROPERTIES LABELS "${ARG_LABELS}" ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
endfunction()
