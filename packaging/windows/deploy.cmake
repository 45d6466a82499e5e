# Puts the DLLs a Windows build needs beside its programs, run by `cmake --install` (and so by CPack).
# Two uses:
# - A build made on Linux (the CI's MinGW stage): Qt 6.4 cannot deploy it, windeployqt runs on Windows
#   only. This script copies the plugins and follows the imports into Qt's and the compiler's folders,
#   laying out windeployqt's own tree: the DLLs beside the .exe files, each plugin in a folder named after
#   its type (platforms/, tls/, ...), found by Qt through the application's folder without a qt.conf.
# - After windeployqt (the release runner): the team store's libpq and what it loads, which windeployqt
#   does not know, followed from the programs and the plugins windeployqt put there.
#
# Set by Packaging.cmake before this script runs: INVITEDESK_DEPLOY_DIRS (folders of DLLs that may be
# shipped), and for a cross build INVITEDESK_QT_PLUGINS_DIR (the plugins to copy) and INVITEDESK_OBJDUMP.

cmake_policy(PUSH)
cmake_policy(VERSION 3.25) # an install script runs under CMake's oldest policies: IN_LIST needs this

set(bin "$ENV{DESTDIR}${CMAKE_INSTALL_PREFIX}/bin")
set(programs "${bin}/invitedesk.exe" "${bin}/invitedesk-cli.exe")

# The plugins the app loads by name: the window system, the native style, TLS through the system's
# schannel (certonly is schannel's fallback for certificate checks), the SVG icons, the .ico window icon,
# and the team store's PostgreSQL driver where the Qt at hand has one.
set(plugins
    platforms/qwindows styles/qwindowsvistastyle tls/qschannelbackend tls/qcertonlybackend
    imageformats/qsvg imageformats/qico iconengines/qsvgicon sqldrivers/qsqlpsql)
if(NOT INVITEDESK_QT_PLUGINS_DIR)
    set(plugins)
endif()
foreach(plugin IN LISTS plugins)
    set(source "${INVITEDESK_QT_PLUGINS_DIR}/${plugin}.dll")
    if(NOT EXISTS "${source}")
        if(plugin MATCHES "^sqldrivers/")
            message(STATUS "Deploy: this Qt has no ${plugin}.dll; the team audit store says so when asked")
            continue()
        endif()
        message(FATAL_ERROR "Deploy: ${source} is missing; the app needs it")
    endif()
    get_filename_component(type "${plugin}" DIRECTORY)
    file(INSTALL "${source}" DESTINATION "${bin}/${type}")
endforeach()
file(GLOB libraries "${bin}/*/*.dll")

# Every DLL this build may ship, by lower-case name: objdump reports imports as they are written, CMake
# reports them lower-cased, and Linux's file names are case-sensitive.
foreach(dir IN LISTS INVITEDESK_DEPLOY_DIRS)
    file(GLOB dlls "${dir}/*.dll")
    foreach(dll IN LISTS dlls)
        get_filename_component(name "${dll}" NAME)
        string(TOLOWER "${name}" key)
        if(NOT DEFINED shippable_${key})
            set(shippable_${key} "${dll}")
        endif()
    endforeach()
endforeach()

# Follow the imports from the programs and plugins until nothing new turns up. A DLL in none of the folders
# above is Windows' own (kernel32, schannel's secur32, ...) or already beside the programs; they are listed,
# and the installed app's first start in a clean Windows (Wine) prefix with nothing else on PATH is what
# proves the list complete.
if(INVITEDESK_OBJDUMP)
    set(CMAKE_GET_RUNTIME_DEPENDENCIES_PLATFORM "windows+pe")
    set(CMAKE_GET_RUNTIME_DEPENDENCIES_TOOL "objdump")
    set(CMAKE_GET_RUNTIME_DEPENDENCIES_COMMAND "${INVITEDESK_OBJDUMP}")
endif()
set(executables ${programs})
set(shipped)
set(system)
while(executables OR libraries)
    file(GET_RUNTIME_DEPENDENCIES
        EXECUTABLES ${executables}
        LIBRARIES ${libraries}
        RESOLVED_DEPENDENCIES_VAR resolved
        UNRESOLVED_DEPENDENCIES_VAR unresolved
        PRE_EXCLUDE_REGEXES "^api-ms-win-" "^ext-ms-win-")
    set(executables)
    set(libraries)
    foreach(dependency IN LISTS resolved unresolved)
        get_filename_component(name "${dependency}" NAME)
        string(TOLOWER "${name}" key)
        if(key IN_LIST shipped OR key IN_LIST system)
            continue()
        endif()
        if(DEFINED shippable_${key} AND NOT EXISTS "${bin}/${name}")
            file(INSTALL "${shippable_${key}}" DESTINATION "${bin}")
            get_filename_component(real_name "${shippable_${key}}" NAME)
            list(APPEND libraries "${bin}/${real_name}")
            list(APPEND shipped "${key}")
        else()
            list(APPEND system "${key}")
        endif()
    endforeach()
endwhile()
list(SORT shipped)
list(SORT system)
string(REPLACE ";" " " shipped "${shipped}")
string(REPLACE ";" " " system "${system}")
message(STATUS "Deploy: shipped beside the programs: ${shipped}")
message(STATUS "Deploy: left to Windows or already there: ${system}")
cmake_policy(POP)
