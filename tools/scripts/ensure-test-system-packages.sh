#!/usr/bin/env bash
# Installs the Debian packages that the integration tests run as real services (a Secret Service
# for the keychain store, OpenLDAP, a Samba AD DC) and the desktop's end-to-end tests drive
# (Chromium). Idempotent and quiet when all is present, so test setup can call it every time.
set -euo pipefail

# One entry per package: "<debian package>:<command it provides>[,<command>...]". A package counts
# as present when every listed command is on PATH (or in the sbin directories, for servers). An
# entry starting with "/" is a path that must exist instead, for packages that bring only data.
REQUIRED=(
  'dbus:dbus-daemon,dbus-run-session,dbus-send'
  'gnome-keyring:gnome-keyring-daemon'
  'slapd:slapd,slapadd'
  'ldap-utils:ldapsearch,ldapadd'
  # GNU time: the benchmark runner (tools/bench/src/scenario) measures every process with it.
  'time:/usr/bin/time'
  # Samba AD DC (tools/directory-servers/samba-ad): samba-ad-dc pulls in samba, samba-tool and the
  # python bindings (the seed loader imports them with Debian's /usr/bin/python3).
  'samba-ad-dc:samba'
  'samba-common-bin:samba-tool'
  'python3-samba:/usr/lib/python3/dist-packages/samba/samdb.py'
  # The AD schema files: `samba-tool domain provision` fails without them.
  'samba-ad-provision:/usr/share/samba/setup/ad-schema'
  'ldb-tools:ldbsearch,ldbmodify'
  # Relays a unix socket to the DC's fixed ports inside its network namespace.
  'socat:socat'
  # The emulators' throw-away CA and certificates (tools/directory-emulators/tls).
  'openssl:openssl'
  # Headless Chromium for the desktop app's end-to-end tests (apps/desktop/src/e2e), driven by
  # playwright-core. Its fonts-liberation is only a Recommends, which --no-install-recommends
  # skips; without it the screenshots fall back to whatever font fontconfig finds, if any.
  'chromium:chromium'
  'fonts-liberation:/usr/share/fonts/truetype/liberation'
)

has_command() {
  if [[ $1 == /* ]]; then
    [[ -e $1 ]]
  else
    command -v "$1" >/dev/null 2>&1 || [[ -x "/usr/sbin/$1" || -x "/sbin/$1" ]]
  fi
}

missing=()
for entry in "${REQUIRED[@]}"; do
  package="${entry%%:*}"
  IFS=',' read -r -a commands <<<"${entry#*:}"
  for cmd in "${commands[@]}"; do
    if ! has_command "$cmd"; then
      missing+=("$package")
      break
    fi
  done
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

if [[ $EUID -ne 0 ]]; then
  printf 'The tests need these Debian packages, which are not installed: %s\n' "${missing[*]}" >&2
  printf 'Install them with: sudo apt-get install -y --no-install-recommends %s\n' "${missing[*]}" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  printf 'Missing packages %s, and apt-get is not available to install them.\n' "${missing[*]}" >&2
  exit 1
fi

# A policy-rc.d that exits 101 stops the packages' postinst from starting their system services
# (Debian's slapd would take port 389, samba its AD/file server). Debian's container images ship
# one; when it is missing, put one in place for the install only.
policy=/usr/sbin/policy-rc.d
added_policy=''
if [[ ! -e $policy ]]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy"
  chmod 755 "$policy"
  added_policy=1
fi
trap '[[ -z $added_policy ]] || rm -f "$policy"' EXIT

printf 'Installing test system packages: %s\n' "${missing[*]}" >&2
apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
