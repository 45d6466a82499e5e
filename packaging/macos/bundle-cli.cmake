# Makes invitedesk-cli load what it links from inside the app; CPack runs it (CPACK_PRE_BUILD_SCRIPTS)
# after the install and macdeployqt, before sign.cmake. macdeployqt copies into Contents/Frameworks
# what the app's own executable links from outside the system (libpq, and what libpq loads) and rewrites
# the app's load commands, but not those of the other executables in Contents/MacOS: each of their
# load commands that still names a path outside /usr/lib and /System is pointed at the copy in
# Contents/Frameworks, and a library that has no copy there stops the package.
#
# OTOOL and INSTALL_NAME_TOOL (-D variables) replace Apple's tools, for trying the logic elsewhere.

if(NOT OTOOL)
    find_program(OTOOL otool REQUIRED)
endif()
if(NOT INSTALL_NAME_TOOL)
    find_program(INSTALL_NAME_TOOL install_name_tool REQUIRED)
endif()

file(GLOB apps LIST_DIRECTORIES true "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*.app")
foreach(app IN LISTS apps)
    get_filename_component(app_name "${app}" NAME_WE)
    file(GLOB executables "${app}/Contents/MacOS/*")
    list(FILTER executables EXCLUDE REGEX "/${app_name}$")
    foreach(executable IN LISTS executables)
        execute_process(COMMAND ${OTOOL} -L "${executable}" OUTPUT_VARIABLE listing RESULT_VARIABLE failed)
        if(failed)
            message(FATAL_ERROR "bundle-cli.cmake: otool -L ${executable} failed")
        endif()
        # "\t/Applications/Postgres.app/Contents/Versions/17/lib/libpq.5.dylib (compatibility version …)",
        # once for each architecture of a universal binary.
        string(REPLACE "\n" ";" lines "${listing}")
        set(dependencies)
        foreach(line IN LISTS lines)
            if(line MATCHES "^[ \t]+(/[^ ]+) \\(")
                set(dependency "${CMAKE_MATCH_1}")
                if(NOT dependency MATCHES "^/(usr/lib|System)/")
                    list(APPEND dependencies "${dependency}")
                endif()
            endif()
        endforeach()
        list(REMOVE_DUPLICATES dependencies)
        foreach(dependency IN LISTS dependencies)
            get_filename_component(name "${dependency}" NAME)
            if(NOT EXISTS "${app}/Contents/Frameworks/${name}")
                message(FATAL_ERROR "bundle-cli.cmake: ${executable} loads ${dependency}, which is not in "
                                    "${app_name}.app/Contents/Frameworks (macdeployqt copies only what the app links)")
            endif()
            execute_process(COMMAND ${INSTALL_NAME_TOOL} -change "${dependency}"
                                    "@executable_path/../Frameworks/${name}" "${executable}"
                            RESULT_VARIABLE failed)
            if(failed)
                message(FATAL_ERROR "bundle-cli.cmake: install_name_tool failed on ${executable}")
            endif()
            message(STATUS "bundle-cli.cmake: ${executable} loads ${name} from Contents/Frameworks")
        endforeach()
    endforeach()
endforeach()
