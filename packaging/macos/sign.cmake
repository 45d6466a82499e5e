# Signs the staged InviteDesk.app inside out; CPack runs it (CPACK_PRE_BUILD_SCRIPTS) after the install
# and macdeployqt, before it makes the disk image. Apple's order: every piece of nested code first (the
# bundled libraries and plugins, the frameworks, invitedesk-cli), the app that holds them last; never
# `codesign --deep`, which signs whatever it finds with the app's options and hides what it signed.
#
# MACOS_SIGNING_IDENTITY (environment): a "Developer ID Application: …" identity in the keychain; the
# hardened runtime and a secure timestamp come with it, as notarization requires. Without it every piece
# is signed ad hoc, which Apple silicon needs to run code whose load paths macdeployqt rewrote.
# CODESIGN (a -D variable) replaces /usr/bin/codesign, for trying the order on another system.

if(NOT CODESIGN)
    find_program(CODESIGN codesign REQUIRED)
endif()
set(identity "$ENV{MACOS_SIGNING_IDENTITY}")
if(identity STREQUAL "")
    set(options --force --sign -)
    message(STATUS "sign.cmake: no MACOS_SIGNING_IDENTITY, signing ad hoc")
else()
    set(options --force --sign "${identity}" --timestamp --options runtime)
endif()

file(GLOB apps LIST_DIRECTORIES true "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*.app")
if(NOT apps)
    message(FATAL_ERROR "sign.cmake: no .app in ${CPACK_TEMPORARY_INSTALL_DIRECTORY}")
endif()

function(sign)
    execute_process(COMMAND ${CODESIGN} ${options} ${ARGN} RESULT_VARIABLE failed)
    if(failed)
        message(FATAL_ERROR "sign.cmake: codesign failed (${failed}) on ${ARGN}")
    endif()
endfunction()

foreach(app IN LISTS apps)
    set(contents "${app}/Contents")
    # 1. Libraries and plugins that are plain files (Qt's plugins, libpq and what it loads).
    file(GLOB_RECURSE libraries "${contents}/Frameworks/*.dylib" "${contents}/PlugIns/*.dylib")
    list(FILTER libraries EXCLUDE REGEX "\\.framework/")
    list(SORT libraries)
    foreach(library IN LISTS libraries)
        if(NOT IS_SYMLINK "${library}")
            sign("${library}")
        endif()
    endforeach()
    # 2. The frameworks, each as a whole (its current version and resources).
    file(GLOB frameworks LIST_DIRECTORIES true "${contents}/Frameworks/*.framework")
    list(SORT frameworks)
    foreach(framework IN LISTS frameworks)
        sign("${framework}")
    endforeach()
    # 3. The command-line tool beside the app's executable, under an identifier of its own.
    file(GLOB helpers "${contents}/MacOS/*")
    get_filename_component(app_name "${app}" NAME_WE)
    list(FILTER helpers EXCLUDE REGEX "/${app_name}$")
    foreach(helper IN LISTS helpers)
        get_filename_component(helper_name "${helper}" NAME)
        sign(--identifier "${CPACK_INVITEDESK_APP_ID}.${helper_name}" "${helper}")
    endforeach()
    # 4. The app last: its seal covers everything above and the resources (licences included).
    sign("${app}")
    execute_process(COMMAND ${CODESIGN} --verify --strict --deep --verbose=2 "${app}" RESULT_VARIABLE broken)
    if(broken)
        message(FATAL_ERROR "sign.cmake: ${app} does not verify after signing")
    endif()
endforeach()
