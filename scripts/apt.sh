# Sourced by the scripts that install a system package the tests use (install-browser.sh,
# install-redis.sh). Defines `step`, `explain HINT...` (say what to do instead, then exit 0:
# set-up never fails for want of an optional system package) and `apt_install PACKAGE...`
# (apt-get, as root or through password-less sudo; returns non-zero on failure).

step() { echo "==> $1"; }

explain() {
  local reason="$1"
  shift
  echo "Could not install automatically: $reason." >&2
  printf '%s\n' "$@" >&2
  exit 0
}

apt_install() {
  local as_root=()
  if ! command -v apt-get > /dev/null 2>&1; then
    return 2
  fi
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo > /dev/null 2>&1 && sudo -n true 2> /dev/null; then
      as_root=(sudo -n)
    else
      return 3
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  step "apt-get install $*"
  "${as_root[@]}" apt-get update -qq && "${as_root[@]}" apt-get install -y -qq --no-install-recommends "$@"
}
