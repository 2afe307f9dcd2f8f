#!/usr/bin/env bash
# Installs the Debian packages that the integration tests run as real services (a Secret Service
# for the keychain store; later LDAP and Samba servers). Idempotent and quiet when all is present,
# so test setup can call it every time.
set -euo pipefail

# One entry per package: "<debian package>:<command it provides>[,<command>...]". A package counts
# as present when every listed command is on PATH (or in the sbin directories, for servers).
# Later suites add their servers here (slapd, ldap-utils, samba...).
REQUIRED=(
  'dbus:dbus-daemon,dbus-run-session,dbus-send'
  'gnome-keyring:gnome-keyring-daemon'
  'slapd:slapd,slapadd'
  'ldap-utils:ldapsearch,ldapadd'
)

has_command() {
  command -v "$1" >/dev/null 2>&1 || [[ -x "/usr/sbin/$1" || -x "/sbin/$1" ]]
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

printf 'Installing test system packages: %s\n' "${missing[*]}" >&2
apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
