# Install rules and CPack for every platform. Linux packages depend on the distribution's Qt;
# Windows and macOS packages bundle Qt through Qt's deployment script.
include(GNUInstallDirs)
# Debian and RPM want /usr/share/doc/<package>, not the CMake project's name.
set(CMAKE_INSTALL_DOCDIR ${CMAKE_INSTALL_DATAROOTDIR}/doc/invitedesk)

set(packaging_dir ${PROJECT_SOURCE_DIR}/packaging)
set(INVITEDESK_ICO ${packaging_dir}/windows/invitedesk.ico)

if(NOT INVITEDESK_BUILD_GUI)
    install(TARGETS invitedesk-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
    return()
endif()

# The licences that travel with a package that bundles Qt (Windows, macOS): InviteDesk's, Qt's (the
# LGPL-3.0 and the GPL-3.0 it builds on), QtKeychain's (linked statically, so its notice must go with the
# binary), libpq's and what it loads. Linux packages name them in their copyright file.
set(bundled_licences ${PROJECT_SOURCE_DIR}/LICENSE
    ${packaging_dir}/licenses/THIRD-PARTY.txt
    ${packaging_dir}/licenses/LGPL-3.0-only.txt
    ${packaging_dir}/licenses/GPL-3.0-only.txt
    ${packaging_dir}/licenses/QtKeychain-COPYING.txt
    ${packaging_dir}/licenses/Apache-2.0.txt)

# --- platform details of the app target -------------------------------------------------------
if(WIN32)
    configure_file(${packaging_dir}/windows/invitedesk.rc.in ${CMAKE_BINARY_DIR}/invitedesk.rc @ONLY)
    target_sources(invitedesk PRIVATE ${CMAKE_BINARY_DIR}/invitedesk.rc)
elseif(APPLE)
    set(icns ${packaging_dir}/macos/invitedesk.icns)
    set_source_files_properties(${icns} PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
    target_sources(invitedesk PRIVATE ${icns})
    set_target_properties(invitedesk PROPERTIES
        OUTPUT_NAME InviteDesk
        MACOSX_BUNDLE_INFO_PLIST ${packaging_dir}/macos/Info.plist.in
        MACOSX_BUNDLE_GUI_IDENTIFIER ${INVITEDESK_APP_ID}
        MACOSX_BUNDLE_BUNDLE_NAME InviteDesk
        MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
        MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
        MACOSX_BUNDLE_COPYRIGHT "Copyright (c) 2026 InviteDesk developers"
        MACOSX_BUNDLE_ICON_FILE invitedesk.icns)
    # The CLI lives inside the bundle and uses the frameworks macdeployqt puts there. On PATH through a
    # symbolic link the user makes ("Command Line Tool.txt" at the top of the disk image says how).
    set_target_properties(invitedesk-cli PROPERTIES INSTALL_RPATH "@executable_path/../Frameworks")
    install(FILES "${packaging_dir}/macos/Command Line Tool.txt" DESTINATION .)
    install(FILES ${bundled_licences} DESTINATION InviteDesk.app/Contents/Resources/licenses)
endif()

# --- install ----------------------------------------------------------------------------------
install(TARGETS invitedesk
    BUNDLE DESTINATION .
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(APPLE)
    install(TARGETS invitedesk-cli RUNTIME DESTINATION InviteDesk.app/Contents/MacOS)
else()
    install(TARGETS invitedesk-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

if(WIN32)
    install(FILES ${bundled_licences} DESTINATION licenses)
    if(MSVC)
        # The Visual C++ runtime beside the programs (app-local), so neither the installer nor the ZIP needs
        # the redistributable installed; the Universal CRT is part of Windows 10 and later.
        set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION ${CMAKE_INSTALL_BINDIR})
        set(CMAKE_INSTALL_UCRT_LIBRARIES OFF)
        include(InstallRequiredSystemLibraries)
    endif()
elseif(UNIX AND NOT APPLE)
    set(linux_dir ${packaging_dir}/linux)
    install(FILES ${linux_dir}/${INVITEDESK_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${linux_dir}/${INVITEDESK_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/invitedesk.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps RENAME ${INVITEDESK_APP_ID}.svg)
    foreach(size 16 24 32 48 64 128 256 512)
        install(FILES ${linux_dir}/icons/${size}.png
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps RENAME ${INVITEDESK_APP_ID}.png)
    endforeach()

    # The changelog names the distribution the package is built on (its Depends come from that
    # distribution's libraries through dpkg-shlibdeps): a vendor package, not an upload to Debian's unstable.
    set(INVITEDESK_DEB_DISTRIBUTION stable)
    if(EXISTS /etc/os-release)
        file(STRINGS /etc/os-release codename_line REGEX "^VERSION_CODENAME=[a-z]+$")
        if(codename_line)
            string(REPLACE "VERSION_CODENAME=" "" INVITEDESK_DEB_DISTRIBUTION "${codename_line}")
        endif()
    endif()
    configure_file(${linux_dir}/changelog.in ${CMAKE_BINARY_DIR}/packaging/changelog @ONLY)

    # Debian wants compressed, reproducible man pages and changelog (gzip -9n).
    find_program(GZIP_EXECUTABLE gzip REQUIRED)
    set(compressed)
    foreach(source ${linux_dir}/invitedesk.1 ${linux_dir}/invitedesk-cli.1 ${CMAKE_BINARY_DIR}/packaging/changelog)
        get_filename_component(name ${source} NAME)
        set(output ${CMAKE_BINARY_DIR}/packaging/${name}.gz)
        if(name STREQUAL "changelog")
            set(output ${CMAKE_BINARY_DIR}/packaging/changelog.Debian.gz)
        endif()
        add_custom_command(OUTPUT ${output}
            COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/packaging
            COMMAND ${GZIP_EXECUTABLE} -9n -c ${source} > ${output}
            DEPENDS ${source}
            VERBATIM)
        list(APPEND compressed ${output})
    endforeach()
    add_custom_target(packaging_files ALL DEPENDS ${compressed})
    install(FILES ${CMAKE_BINARY_DIR}/packaging/invitedesk.1.gz ${CMAKE_BINARY_DIR}/packaging/invitedesk-cli.1.gz
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
    # The RPM leaves changelog.Debian.gz out (see CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION below) and
    # carries packaging/linux/rpm-changelog as its %changelog instead.
    install(FILES ${linux_dir}/copyright ${CMAKE_BINARY_DIR}/packaging/changelog.Debian.gz
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

    # Shell completion for invitedesk-cli, where each shell looks for it without configuration.
    install(FILES ${linux_dir}/completion/invitedesk-cli.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME invitedesk-cli)
    install(FILES ${linux_dir}/completion/_invitedesk-cli
        DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
    install(FILES ${linux_dir}/completion/invitedesk-cli.fish
        DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
endif()

# --- Qt deployment (Windows, macOS) -----------------------------------------------------------
# Qt 6.4 takes FILENAME_VARIABLE and supports only Windows and macOS; Qt 6.5 renamed it OUTPUT_SCRIPT.
if(WIN32 OR APPLE)
    option(INVITEDESK_DEPLOY_QT "Bundle Qt into the installation (windeployqt / macdeployqt)" ON)
else()
    option(INVITEDESK_DEPLOY_QT "Bundle Qt into the installation" OFF)
endif()
# The team store's libpq and the DLLs it loads (OpenSSL, libintl, ...) come from the PostgreSQL the build
# linked: the release workflow names the runner's bin folder. A build without one says so when asked.
if(WIN32)
    set(INVITEDESK_LIBPQ_DIR "" CACHE PATH "Folder of libpq.dll and the DLLs it loads, installed beside the programs")
    file(TO_CMAKE_PATH "${INVITEDESK_LIBPQ_DIR}" INVITEDESK_LIBPQ_DIR)
endif()
if(INVITEDESK_DEPLOY_QT AND WIN32 AND CMAKE_CROSSCOMPILING)
    # A Windows build made on Linux (the CI's MinGW stage): Qt has no deploy tool for it, ours lays out
    # the same tree windeployqt would (packaging/windows/deploy.cmake).
    get_target_property(qt_core_dll Qt6::Core IMPORTED_LOCATION_RELEASE)
    get_filename_component(qt_bin_dir "${qt_core_dll}" DIRECTORY)
    set(runtime_dirs)
    foreach(runtime_dll libstdc++-6.dll libgcc_s_seh-1.dll libwinpthread-1.dll)
        execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=${runtime_dll}
            OUTPUT_VARIABLE runtime_path OUTPUT_STRIP_TRAILING_WHITESPACE)
        if(NOT IS_ABSOLUTE "${runtime_path}")
            message(FATAL_ERROR "The compiler does not know where its ${runtime_dll} is")
        endif()
        get_filename_component(runtime_dir "${runtime_path}" DIRECTORY)
        list(APPEND runtime_dirs "${runtime_dir}")
    endforeach()
    list(REMOVE_DUPLICATES runtime_dirs)
    set(deploy_dirs "${qt_bin_dir};${runtime_dirs}")
    install(CODE "
        set(INVITEDESK_DEPLOY_DIRS \"${deploy_dirs};${INVITEDESK_LIBPQ_DIR}\")
        set(INVITEDESK_QT_PLUGINS_DIR \"${QT6_INSTALL_PREFIX}/${QT6_INSTALL_PLUGINS}\")
        set(INVITEDESK_OBJDUMP \"${CMAKE_OBJDUMP}\")")
    install(SCRIPT ${packaging_dir}/windows/deploy.cmake)
elseif(INVITEDESK_DEPLOY_QT)
    if(Qt6_VERSION VERSION_GREATER_EQUAL 6.5)
        # With MSVC the runtime DLLs are installed app-local above (InstallRequiredSystemLibraries):
        # windeployqt's vc_redist installer would only ride along unused.
        set(no_compiler_runtime)
        if(MSVC)
            set(no_compiler_runtime NO_COMPILER_RUNTIME)
        endif()
        qt_generate_deploy_app_script(TARGET invitedesk OUTPUT_SCRIPT deploy_script NO_UNSUPPORTED_PLATFORM_ERROR
            ${no_compiler_runtime})
    else()
        qt_generate_deploy_app_script(TARGET invitedesk FILENAME_VARIABLE deploy_script NO_UNSUPPORTED_PLATFORM_ERROR)
    endif()
    install(SCRIPT ${deploy_script})
    if(WIN32 AND INVITEDESK_LIBPQ_DIR)
        install(CODE "set(INVITEDESK_DEPLOY_DIRS \"${INVITEDESK_LIBPQ_DIR}\")")
        install(SCRIPT ${packaging_dir}/windows/deploy.cmake)
    endif()
endif()

# --- CPack -------------------------------------------------------------------------------------
set(CPACK_PACKAGE_NAME invitedesk)
set(CPACK_PACKAGE_VENDOR "InviteDesk developers")
set(CPACK_PACKAGE_CONTACT "InviteDesk developers <maintainers@invitedesk.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Desktop console for revoking Clerk organization invitations")
set(CPACK_PACKAGE_DESCRIPTION
    "InviteDesk lets support staff find an organization on a Clerk instance,\n"
    "see its pending invitations and revoke one or many, paced to the\n"
    "instance's rate limit, with a tamper-evident audit log.\n"
    "Includes invitedesk-cli for scripts.")
string(REPLACE ";" "" CPACK_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "InviteDesk")
set(CPACK_PACKAGE_EXECUTABLES invitedesk "InviteDesk")
set(CPACK_CREATE_DESKTOP_LINKS invitedesk)
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/build/;/\\\\.git/")

if(WIN32)
    set(CPACK_GENERATOR "NSIS64;ZIP")
    set(CPACK_NSIS_DISPLAY_NAME "InviteDesk")
    set(CPACK_NSIS_PACKAGE_NAME "InviteDesk ${PROJECT_VERSION}")
    set(CPACK_NSIS_INSTALL_ROOT "$PROGRAMFILES64")
    set(CPACK_NSIS_MUI_ICON ${INVITEDESK_ICO})
    set(CPACK_NSIS_MUI_UNIICON ${INVITEDESK_ICO})
    set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\invitedesk.exe")
    set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
    set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
    # invitedesk-cli on PATH: the installer's options page offers it for all users or the current one.
    set(CPACK_NSIS_MODIFY_PATH ON)
    # The finish page's "Run InviteDesk" starts the app as the signed-in user, through Explorer: the
    # installer itself runs elevated, and an app it started directly would be too (with the
    # administrator's settings and keyring, not the agent's).
    set(CPACK_NSIS_MUI_FINISHPAGE_RUN invitedesk.exe)
    set(nsis_defines
        "!define MUI_FINISHPAGE_RUN_FUNCTION RunAsTheSignedInUser"
        "Function RunAsTheSignedInUser"
        "  Exec '\\\"$WINDIR\\\\explorer.exe\\\" \\\"$INSTDIR\\\\bin\\\\invitedesk.exe\\\"'"
        "FunctionEnd")
    if(CMAKE_CROSSCOMPILING)
        # Built on Linux: Debian's NSIS has the 64-bit stub; its default 32-bit one would need a 32-bit Wine.
        list(PREPEND nsis_defines "Target amd64-unicode")
    endif()
    string(REPLACE ";" "\n" CPACK_NSIS_DEFINES "${nsis_defines}")
    # Per-machine install through the NSIS installer; the ZIP is the per-user, no-admin option (unpack it
    # anywhere, e.g. %LOCALAPPDATA%\Programs\InviteDesk, and start bin\invitedesk.exe).
    set(CPACK_WIX_UPGRADE_GUID "6F1C2B8A-3D4E-4F5A-9B7C-1E2D3F4A5B6C")
    set(CPACK_WIX_PRODUCT_ICON ${INVITEDESK_ICO})
elseif(APPLE)
    set(CPACK_GENERATOR "DragNDrop")
    set(CPACK_DMG_VOLUME_NAME "InviteDesk")
    set(CPACK_DMG_FORMAT UDZO)
    # After macdeployqt and before the image is made: invitedesk-cli pointed at the libraries macdeployqt
    # bundled for the app (libpq), then the app signed inside out. The release workflow then signs,
    # notarizes and staples the image itself.
    set(CPACK_PRE_BUILD_SCRIPTS ${packaging_dir}/macos/bundle-cli.cmake ${packaging_dir}/macos/sign.cmake)
    set(CPACK_INVITEDESK_APP_ID ${INVITEDESK_APP_ID})
else()
    set(CPACK_GENERATOR "DEB;RPM;TGZ")
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
    set(CPACK_DEBIAN_PACKAGE_SECTION admin)
    set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    # Loaded at run time, so dpkg-shlibdeps cannot see them: the SVG plugins (icons). ca-certificates:
    # InviteDesk's work is HTTPS to Clerk (plain http only to this computer), and without the system's CAs
    # every such call fails on the certificate; only the demo and a private CA given alone work without it.
    # That is "unusable in all but unusual installations", Debian policy's line for Depends, not Recommends.
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6, ca-certificates")
    # A Secret Service or KWallet daemon keeps the keys (QtKeychain speaks to either over D-Bus; Debian 12:
    # gnome-keyring, or libkf5wallet-bin's kwalletd5 — kwalletmanager is only the wallet's GUI).
    # qt6-wayland: the native Wayland platform plugin. libqt6sql6-psql: the team audit store's driver, a
    # plugin (docs/TEAM-AUDIT.md).
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
        "qt6-wayland, gnome-keyring | libkf5wallet-bin, qt6-translations-l10n, libqt6sql6-psql")
    set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
    set(CPACK_RPM_PACKAGE_RELEASE 1)
    set(CPACK_RPM_PACKAGE_LICENSE MIT)
    set(CPACK_RPM_PACKAGE_GROUP "Applications/System")
    set(CPACK_RPM_PACKAGE_AUTOREQ ON)
    set(CPACK_RPM_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
    set(CPACK_PACKAGE_RELOCATABLE OFF)
    # AutoReq finds the libraries, not the plugins Qt loads at run time. Package names are Fedora's.
    # The SVG plugins draw every icon: required, as libqt6svg6 is for the .deb. CMake 3.25's CPack has no
    # variable for weak dependencies, so the Recommends lines go into the spec's preamble directly
    # (rpm >= 4.12; 4.13 for the "or"): the Wayland platform plugin, the team audit store's PostgreSQL
    # driver, a keyring.
    set(CPACK_RPM_PACKAGE_REQUIRES "qt6-qtsvg, ca-certificates")
    set(rpm_recommends
        "Recommends: qt6-qtwayland"
        "Recommends: qt6-qtbase-postgresql"
        "Recommends: (gnome-keyring or kf5-kwallet or kf6-kwallet)")
    string(REPLACE ";" "\n" rpm_recommends "${rpm_recommends}")
    set(CPACK_RPM_SPEC_MORE_DEFINE
        "%define _build_id_links none\n%define packager ${CPACK_PACKAGE_CONTACT}\n${rpm_recommends}")
    set(CPACK_RPM_CHANGELOG_FILE ${packaging_dir}/linux/rpm-changelog)
    set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
        /usr/share/applications /usr/share/metainfo /usr/share/icons /usr/share/icons/hicolor
        /usr/share/man /usr/share/man/man1 /usr/share/doc
        /usr/share/bash-completion /usr/share/bash-completion/completions
        /usr/share/zsh /usr/share/zsh/vendor-completions /usr/share/fish /usr/share/fish/vendor_completions.d
        # The Debian changelog: the RPM's is its %changelog (rpm -q --changelog invitedesk).
        /usr/share/doc/invitedesk/changelog.Debian.gz)
    foreach(size 16x16 24x24 32x32 48x48 64x64 128x128 256x256 512x512 scalable)
        list(APPEND CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
            /usr/share/icons/hicolor/${size} /usr/share/icons/hicolor/${size}/apps)
    endforeach()
endif()
include(CPack)
