#!/usr/bin/env bash
# Builds the Linux packages, runs their linters, installs the .deb and starts what it installed.
# Run by .ci/run. Needs root (apt-get install); set INVITEDESK_DEBOOTSTRAP=1 to also install the
# .deb into a clean Debian 12 root made with debootstrap.
set -euo pipefail
cd "$(dirname "$0")/.."
.ci/install-deps --packaging

# INVITEDESK_PACKAGE_BUILD: a build folder to package, as it is (.ci/run packages build/ci, the binaries its
# test suite ran, and saves a build). Otherwise the package preset, which the release workflow packages.
build=${INVITEDESK_PACKAGE_BUILD:-build/package}
dist=dist
rm -rf "$dist"
if [ -z "${INVITEDESK_PACKAGE_BUILD:-}" ]; then
  cmake --preset package >/dev/null
fi
[ -f "$build/CPackConfig.cmake" ] || { echo "$build is not a configured build folder" >&2; exit 1; }
[ "$(sed -n 's/^CMAKE_INSTALL_PREFIX:PATH=//p' "$build/CMakeCache.txt")" = /usr ] \
  || { echo "$build does not install to /usr" >&2; exit 1; }
cmake --build "$build"
cpack --config "$build/CPackConfig.cmake" -B "$dist" -G "DEB;RPM;TGZ" >/dev/null
rm -rf "$dist/_CPack_Packages"
ls -l "$dist"
deb=$(ls "$dist"/*.deb)
rpm=$(ls "$dist"/*.rpm)

echo "== package contents"
dpkg-deb --info "$deb" | sed -n '/Package:/,$p'
dpkg-deb --contents "$deb" | awk '{print $6}'
if dpkg-deb --contents "$deb" | grep -q RPATH; then echo "unexpected RPATH"; exit 1; fi
tmp=$(mktemp -d); dpkg-deb -x "$deb" "$tmp"
for bin in "$tmp"/usr/bin/*; do
  if readelf -d "$bin" | grep -qE 'RPATH|RUNPATH'; then echo "$bin has a RUNPATH"; exit 1; fi
done

echo "== hardening (CMakeLists.txt: stack protector, _FORTIFY_SOURCE, RELRO + BIND_NOW, PIE)"
# Output is read into variables first: grep -q closing a pipe early is a SIGPIPE under pipefail.
for bin in "$tmp"/usr/bin/*; do
  name=$(basename "$bin") bad=""
  header=$(readelf -h "$bin") segments=$(readelf -lW "$bin") dynamic=$(readelf -d "$bin")
  symbols=$(readelf -sW --dyn-syms "$bin")
  grep -q 'Type:.*DYN' <<<"$header" || bad+=" PIE"
  grep -q GNU_RELRO <<<"$segments" || bad+=" RELRO"
  grep -qE 'BIND_NOW|FLAGS_1.*NOW' <<<"$dynamic" || bad+=" BIND_NOW"
  grep -q '__stack_chk_fail' <<<"$symbols" || bad+=" stack-protector"
  grep -qE '__[a-z0-9_]+_chk(@| |$)' <<<"$symbols" || bad+=" fortify"
  # devscripts' own verdict too; Debian's defaults also add CET (-fcf-protection), which we do not ask for.
  if ! hardening-check --quiet --nocfprotection "$bin" >/dev/null; then
    hardening-check --nocfprotection "$bin" || true; bad+=" hardening-check"
  fi
  if [ -n "$bad" ]; then echo "$name lacks:$bad"; exit 1; fi
  echo "$name: PIE, RELRO, BIND_NOW, stack protector, fortify"
done
grep -qw ca-certificates <<<"$(dpkg-deb -f "$deb" Depends)" || { echo "the .deb does not depend on ca-certificates"; exit 1; }
if grep -qw kwalletmanager <<<"$(dpkg-deb -f "$deb" Recommends)"; then
  echo "kwalletmanager is the wallet's GUI, not a keyring"; exit 1
fi
if grep -qE '\) (unstable|UNRELEASED);' <<<"$(zcat "$tmp/usr/share/doc/invitedesk/changelog.Debian.gz")"; then
  echo "the changelog names a Debian suite, not the distribution the package was built for"; exit 1
fi
for f in bash-completion/completions/invitedesk-cli zsh/vendor-completions/_invitedesk-cli \
         fish/vendor_completions.d/invitedesk-cli.fish; do
  test -f "$tmp/usr/share/$f" || { echo "no /usr/share/$f in the .deb"; exit 1; }
done
rm -rf "$tmp"

echo "== rpm dependencies and changelog"
requires=$(rpm -qp --requires "$rpm" 2>/dev/null) recommends=$(rpm -qp --recommends "$rpm" 2>/dev/null)
grep -qx 'qt6-qtsvg' <<<"$requires" || { echo "the RPM does not require qt6-qtsvg (SVG plugins)"; exit 1; }
for weak in qt6-qtwayland qt6-qtbase-postgresql; do
  grep -qx "$weak" <<<"$recommends" || { echo "the RPM does not recommend $weak"; exit 1; }
done
if grep -q 'changelog.Debian' <<<"$(rpm -qpl "$rpm" 2>/dev/null)"; then echo "the RPM carries the Debian changelog"; exit 1; fi
grep -q '^\* .* - [0-9]' <<<"$(rpm -qp --changelog "$rpm" 2>/dev/null)" || { echo "the RPM has no %changelog"; exit 1; }

echo "== lintian"
# initial-upload-closes-no-bugs and similar tags concern the Debian archive, not a vendor package.
# -I shows the info tags too: hardening-no-bindnow and hardening-no-fortify-functions are among them.
lintian_out=$(lintian -I --fail-on error --suppress-tags initial-upload-closes-no-bugs,no-manual-page "$deb") \
  || { echo "$lintian_out"; exit 1; }
echo "$lintian_out"
if grep -q 'hardening-' <<<"$lintian_out"; then echo "lintian reports missing hardening"; exit 1; fi
echo "== rpmlint (informational: unsigned vendor packages have known cosmetic errors)"
rpmlint "$rpm" || true
echo "== desktop-file-validate, appstreamcli"
desktop-file-validate packaging/linux/*.desktop
appstreamcli validate --no-net packaging/linux/*.metainfo.xml

echo "== install and start"
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
DEBIAN_FRONTEND=noninteractive $sudo apt-get install --reinstall -y -qq "./$deb" >/dev/null
invitedesk --version
invitedesk-cli --help | sed -n 1,3p   # (head would close the pipe early: SIGPIPE under pipefail)
QT_QPA_PLATFORM=offscreen timeout 120 invitedesk --demo --smoke-test
man -w invitedesk-cli >/dev/null 2>&1 || test -f /usr/share/man/man1/invitedesk-cli.1.gz
# Every option and variable --help prints is in the man page, and every option in each completion.
packaging/check-manpage.sh "$(command -v invitedesk-cli)" /usr/share/man/man1/invitedesk-cli.1.gz \
  /usr/share/bash-completion/completions/invitedesk-cli /usr/share/zsh/vendor-completions/_invitedesk-cli \
  /usr/share/fish/vendor_completions.d/invitedesk-cli.fish
test -f /usr/share/applications/io.github.invitedesk.InviteDesk.desktop
test -f /usr/share/icons/hicolor/scalable/apps/io.github.invitedesk.InviteDesk.svg

if [ "${INVITEDESK_DEBOOTSTRAP:-0}" = "1" ]; then
  echo "== clean Debian 12 root"
  # The machine's own Debian mirror (deb822 "URIs:" lines first, then one-line "deb" entries).
  mirror=$( (grep -h '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}';
             grep -h '^deb ' /etc/apt/sources.list 2>/dev/null | awk '{print $2}') | grep -v security | head -1 || true)
  root=$(mktemp -d)
  $sudo debootstrap --variant=minbase bookworm "$root" "$mirror" > "$root.log" 2>&1 || { tail -20 "$root.log"; exit 1; }
  $sudo cp "$deb" "$root/tmp/"
  $sudo cp /etc/resolv.conf "$root/etc/"
  $sudo mount -t proc proc "$root/proc"
  trap '$sudo umount "$root/proc" || true' EXIT
  $sudo chroot "$root" sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends /tmp/$(basename "$deb") >/dev/null && invitedesk-cli --version && invitedesk-cli --help >/dev/null && QT_QPA_PLATFORM=offscreen invitedesk --demo --smoke-test"
fi

$sudo apt-get remove -y -qq invitedesk >/dev/null
echo "== packages OK"
