#!/usr/bin/env bash
# Builds the Linux packages, runs their linters, installs the .deb and starts what it installed.
# Run by .ci/run. Needs root (apt-get install); set INVITEDESK_DEBOOTSTRAP=1 to also install the
# .deb into a clean Debian 12 root made with debootstrap.
set -euo pipefail
cd "$(dirname "$0")/.."
.ci/install-deps --packaging

build=build/release
dist=dist
rm -rf "$dist"
cmake --preset release >/dev/null
cmake --build --preset release
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
rm -rf "$tmp"

echo "== lintian"
# initial-upload-closes-no-bugs and similar tags concern the Debian archive, not a vendor package.
lintian --fail-on error --suppress-tags initial-upload-closes-no-bugs,no-manual-page "$deb"
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
  $sudo chroot "$root" sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends /tmp/$(basename "$deb") >/dev/null && QT_QPA_PLATFORM=offscreen invitedesk --demo --smoke-test"
fi

$sudo apt-get remove -y -qq invitedesk >/dev/null
echo "== packages OK"
