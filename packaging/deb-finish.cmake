# Run by CPack after it made the Debian packages (CPACK_POST_BUILD_SCRIPTS), for what CPack 3.25
# does not do as Debian does:
# - its -dbgsym packages (.ddeb) list their files by absolute build path in md5sums and have no
#   /usr/share/doc: they are rebuilt with a right md5sums and the doc directory linked to their
#   package's, as debhelper makes them (test-packages.sh names them .deb, as Debian does);
# - it writes postinst/postrm scripts that only run ldconfig next to a shared library, where the
#   package's ldconfig trigger (CPACK_DEBIAN_*_PACKAGE_CONTROL_EXTRA) does that job: they go.
find_program(DPKG_DEB dpkg-deb REQUIRED)
# The packages, in CPack's work directory: CPack copies them to the build directory afterwards.
foreach(_deb IN LISTS CPACK_PACKAGE_FILES)
  set(_root ${CPACK_TOPLEVEL_DIRECTORY}/_deb-finish)
  file(REMOVE_RECURSE ${_root})
  execute_process(COMMAND ${DPKG_DEB} -R ${_deb} ${_root} COMMAND_ERROR_IS_FATAL ANY)
  set(_changed FALSE)
  if(_deb MATCHES "\\.ddeb$")
    execute_process(COMMAND ${DPKG_DEB} -f ${_deb} Depends OUTPUT_VARIABLE _depends OUTPUT_STRIP_TRAILING_WHITESPACE)
    execute_process(COMMAND ${DPKG_DEB} -f ${_deb} Package OUTPUT_VARIABLE _name OUTPUT_STRIP_TRAILING_WHITESPACE)
    string(REGEX REPLACE " .*" "" _parent "${_depends}")
    file(MAKE_DIRECTORY ${_root}/usr/share/doc)
    file(CREATE_LINK ${_parent} ${_root}/usr/share/doc/${_name} SYMBOLIC)
    # md5sums: every regular file, relative to the root, as dpkg wants it.
    file(GLOB_RECURSE _files LIST_DIRECTORIES false RELATIVE ${_root} ${_root}/usr/*)
    set(_md5 "")
    foreach(_f IN LISTS _files)
      if(NOT IS_SYMLINK ${_root}/${_f})
        file(MD5 ${_root}/${_f} _sum)
        string(APPEND _md5 "${_sum}  ${_f}\n")
      endif()
    endforeach()
    file(WRITE ${_root}/DEBIAN/md5sums "${_md5}")
    set(_changed TRUE)
  endif()
  if(EXISTS ${_root}/DEBIAN/triggers)
    file(READ ${_root}/DEBIAN/triggers _triggers)
    foreach(_script postinst postrm)
      if(_triggers MATCHES "ldconfig" AND EXISTS ${_root}/DEBIAN/${_script})
        file(READ ${_root}/DEBIAN/${_script} _text)
        # Only CPack's own script, which is nothing but the ldconfig call.
        string(REGEX REPLACE "#!/bin/sh|set -e|if \\[ \"\\$1\" = \"(configure|remove)\" \\]; then|ldconfig|fi|[ \t\n]" "" _rest "${_text}")
        if(_rest STREQUAL "")
          file(REMOVE ${_root}/DEBIAN/${_script})
          set(_changed TRUE)
        endif()
      endif()
    endforeach()
  endif()
  if(_changed)
    file(REMOVE ${_deb})
    execute_process(COMMAND ${DPKG_DEB} --root-owner-group -Zxz --build ${_root} ${_deb}
      OUTPUT_QUIET COMMAND_ERROR_IS_FATAL ANY)
  endif()
  file(REMOVE_RECURSE ${_root})
endforeach()
