# The language bindings' Debian packages, included by packaging/CMakeLists.txt after the others:
# python3-hoadon (examples/python) and, when the Java binding was built, libhoadon-java
# (examples/java). Both are Architecture: all — pure Python, and a jar over JNA — and load the
# runtime library by its SONAME, so they depend on libhoadon<SOVERSION> at this version or later
# (options structs carry their size: a newer library serves an older binding).
set(_bind_lib_pkg libhoadon${PROJECT_VERSION_MAJOR})

# Each binding spells the SOVERSION it loads (libhoadon.so.N) and the Python package its version:
# a release that bumps them in hoadon.h must bump them there too, which this enforces.
file(STRINGS ${PROJECT_SOURCE_DIR}/examples/python/hoadon/__init__.py _bind_py REGEX "^(SOVERSION|__version__) = ")
file(STRINGS ${PROJECT_SOURCE_DIR}/examples/java/src/vn/hoadon/LibHoadon.java _bind_java REGEX "int SOVERSION = ")
if(NOT _bind_py MATCHES "SOVERSION = ${PROJECT_VERSION_MAJOR}([^0-9]|$)"
   OR NOT _bind_py MATCHES "__version__ = \"${PROJECT_VERSION}\""
   OR NOT _bind_java MATCHES "SOVERSION = ${PROJECT_VERSION_MAJOR}[^0-9]")
  message(FATAL_ERROR "examples/python/hoadon/__init__.py (SOVERSION, __version__) or examples/java's "
    "LibHoadon.SOVERSION disagree with hoadon.h (${PROJECT_VERSION}): update them")
endif()

# Python: the package as a source install has it, into Debian's path for python3 packages.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/examples/python/hoadon/ DESTINATION lib/python3/dist-packages/hoadon
  COMPONENT python FILES_MATCHING PATTERN "*.py" PATTERN "__pycache__" EXCLUDE)
hoadon_deb_package(COMPONENT python NAME python3-hoadon SECTION python ARCHITECTURE all
  SUMMARY "Vietnamese e-invoice validation and signing - Python 3 bindings"
  DESCRIPTION "This package contains the Python module hoadon: import hoadon validates,
verifies and signs invoices with libhoadon, through ctypes (no compiled
extension)."
  DEPENDS python3 "${_bind_lib_pkg} (>= ${PROJECT_VERSION})")
set(CPACK_DEBIAN_PYTHON_PACKAGE_SHLIBDEPS OFF)  # no ELF file: ctypes loads the library

# Java: the jar as Debian's Java policy (2.4) names jars, /usr/share/java/hoadon-VERSION.jar with
# the link hoadon.jar to it; its manifest finds jna.jar beside it.
if(TARGET hoadon_java)
  get_target_property(_bind_jar hoadon_java JAR_FILE)
  install(FILES ${_bind_jar} DESTINATION ${CMAKE_INSTALL_DATADIR}/java RENAME hoadon-${PROJECT_VERSION}.jar
    COMPONENT java)
  file(CREATE_LINK hoadon-${PROJECT_VERSION}.jar ${CMAKE_CURRENT_BINARY_DIR}/hoadon.jar SYMBOLIC)
  install(FILES ${CMAKE_CURRENT_BINARY_DIR}/hoadon.jar DESTINATION ${CMAKE_INSTALL_DATADIR}/java COMPONENT java)
  hoadon_deb_package(COMPONENT java NAME libhoadon-java SECTION java ARCHITECTURE all
    SUMMARY "Vietnamese e-invoice validation and signing - Java bindings"
    DESCRIPTION "This package contains the vn.hoadon API, JNA over libhoadon's C API: it
validates, verifies and signs invoices."
    DEPENDS libjna-java "${_bind_lib_pkg} (>= ${PROJECT_VERSION})")
  set(CPACK_DEBIAN_JAVA_PACKAGE_SHLIBDEPS OFF)
else()
  message(STATUS "the Java binding is not built: no libhoadon-java package")
endif()
