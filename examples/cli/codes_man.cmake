# Writes `hoadon codes --format man` to OUT (atomically: a partial page never stays behind).
file(MAKE_DIRECTORY "${OUT}.d")
# (Leak checking off: in a sanitizer build the generator's exit is not what is under test.)
execute_process(COMMAND "${CMAKE_COMMAND}" -E env ASAN_OPTIONS=detect_leaks=0 "${CLI}" codes --format man
  OUTPUT_FILE "${OUT}.d/page" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  file(REMOVE_RECURSE "${OUT}.d")
  message(FATAL_ERROR "hoadon codes --format man failed: ${rc}")
endif()
file(RENAME "${OUT}.d/page" "${OUT}")
file(REMOVE_RECURSE "${OUT}.d")
