# Helpers shared by every folder of XinDai Workbench.
#
#   xindai_add_module(NAME SOURCES ... [PUBLIC_DEPS ...] [PRIVATE_DEPS ...])
#       one folder under modules/ = one static library target xindai_<NAME>,
#       alias XinDai::<NAME>; the folder's parent is the include root, so code
#       includes "core/uscc.h", "store/database.h".
#   xindai_add_test(NAME SOURCES ... DEPS ... [GUI] [LABELS ...] [TIMEOUT s])
#       a Qt Test executable registered with ctest. GUI tests run offscreen.
#   xindai_check_module_dependencies()
#       fails the configure step if any modules/ target reaches Qt::Widgets.

set(XINDAI_COMPILE_DEFINITIONS
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
)

function(xindai_apply_defaults target)
    target_compile_definitions(${target} PRIVATE ${XINDAI_COMPILE_DEFINITIONS})
    if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
        target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
        if(XINDAI_WERROR)
            target_compile_options(${target} PRIVATE -Werror)
        endif()
    endif()
endfunction()

set_property(GLOBAL PROPERTY XINDAI_MODULES "")

function(xindai_add_module name)
    cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_DEPS;PRIVATE_DEPS" ${ARGN})
    set(target xindai_${name})
    qt_add_library(${target} STATIC ${ARG_SOURCES})
    add_library(XinDai::${name} ALIAS ${target})
    target_include_directories(${target} PUBLIC "${PROJECT_SOURCE_DIR}/modules")
    target_link_libraries(${target} PUBLIC ${ARG_PUBLIC_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
    xindai_apply_defaults(${target})
    set_property(GLOBAL APPEND PROPERTY XINDAI_MODULES ${target})
endfunction()

function(xindai_add_test name)
    cmake_parse_arguments(ARG "GUI" "TIMEOUT" "SOURCES;DEPS;LABELS" ${ARGN})
    set(target tst_${name})
    qt_add_executable(${target} ${ARG_SOURCES})
    target_link_libraries(${target} PRIVATE Qt6::Test ${ARG_DEPS})
    target_compile_definitions(${target} PRIVATE
        XINDAI_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        XINDAI_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared")
    xindai_apply_defaults(${target})
    add_test(NAME ${name} COMMAND ${target})
    set(env "XINDAI_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
    if(ARG_GUI)
        list(APPEND env "QT_QPA_PLATFORM=offscreen")
        list(APPEND ARG_LABELS gui)
    endif()
    set_tests_properties(${name} PROPERTIES ENVIRONMENT "${env}" LABELS "${ARG_LABELS}")
    if(ARG_TIMEOUT)
        set_tests_properties(${name} PROPERTIES TIMEOUT ${ARG_TIMEOUT})
    endif()
endfunction()

# Walks the link closure of each module target and fails if Qt::Widgets is in it.
function(_xindai_collect_links target out_var)
    set(seen "${${out_var}}")
    if(NOT TARGET ${target})
        return()
    endif()
    get_target_property(aliased ${target} ALIASED_TARGET)
    if(aliased)
        set(target ${aliased})
    endif()
    if(target IN_LIST seen)
        return()
    endif()
    list(APPEND seen ${target})
    get_target_property(libs ${target} LINK_LIBRARIES)
    get_target_property(ilibs ${target} INTERFACE_LINK_LIBRARIES)
    foreach(lib IN LISTS libs ilibs)
        if(lib AND NOT lib MATCHES "NOTFOUND$" AND NOT lib MATCHES "^\\$<")
            _xindai_collect_links(${lib} seen)
        endif()
    endforeach()
    set(${out_var} "${seen}" PARENT_SCOPE)
endfunction()

function(xindai_check_module_dependencies)
    get_property(modules GLOBAL PROPERTY XINDAI_MODULES)
    foreach(module IN LISTS modules)
        set(closure "")
        _xindai_collect_links(${module} closure)
        foreach(forbidden Qt6::Widgets Qt::Widgets Qt6::PrintSupport Qt6::Charts)
            if(forbidden IN_LIST closure)
                message(FATAL_ERROR "Module target ${module} links ${forbidden}: modules/ must stay free of QtWidgets (see CONVENTIONS).")
            endif()
        endforeach()
    endforeach()
endfunction()
