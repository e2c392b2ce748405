# One ctest test per doctest case, named "<prefix><case>".
#
# Why not doctest_discover_tests: Debian's doctest 2.4.9 passes each name to -tc unescaped, and
# doctest splits a filter at its commas, so a case whose name holds a comma matched nothing and
# "passed" without running (178 cases did, until 2026-12-07). Here the filter escapes commas and
# backslashes, and a test passes only when doctest's summary says exactly one case ran and passed.
#
# hoadon_doctest_cases(<target> PREFIX <text> [PROPERTIES <name> <value>...])
set(HOADON_DOCTEST_CASES_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/doctest_cases_write.cmake")

function(hoadon_doctest_cases target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "PREFIX" "PROPERTIES")
  set(out "${CMAKE_CURRENT_BINARY_DIR}/${target}_cases.cmake")
  set(props "${CMAKE_CURRENT_BINARY_DIR}/${target}_case_properties.cmake")
  # The properties as set_tests_properties arguments (an ENVIRONMENT list keeps its ';').
  set(text "")
  list(LENGTH arg_PROPERTIES n)
  if(n GREATER 0)
    math(EXPR last "${n} - 1")
    foreach(i RANGE 0 ${last} 2)
      math(EXPR j "${i} + 1")
      list(GET arg_PROPERTIES ${i} key)
      list(GET arg_PROPERTIES ${j} value)
      string(APPEND text " ${key} [==[${value}]==]")
    endforeach()
  endif()
  file(WRITE "${props}" "set(case_properties [===[${text}]===])\n")
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND "${CMAKE_COMMAND}" -D "exe=$<TARGET_FILE:${target}>" -D "out=${out}" -D "prefix=${arg_PREFIX}"
            -D "properties=${props}" -D "workdir=${CMAKE_CURRENT_BINARY_DIR}" -P "${HOADON_DOCTEST_CASES_SCRIPT}"
    VERBATIM)
  # ctest reads the list the last build wrote; before any build there is none.
  set(loader "${CMAKE_CURRENT_BINARY_DIR}/${target}_cases_include.cmake")
  file(WRITE "${loader}" "if(EXISTS [==[${out}]==])\n  include([==[${out}]==])\nelse()\n  add_test([==[${arg_PREFIX}NOT_BUILT]==] [==[${target}_NOT_BUILT]==])\nendif()\n")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES "${loader}")
endfunction()
