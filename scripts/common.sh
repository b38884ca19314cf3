# Sourced by the scripts in this folder: paths, package installation, configure + build.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PRESET=${XINDAI_PRESET:-dev}
BUILD_DIR="$ROOT/build/$PRESET"

# ccache lives outside the clone so a fresh clone (CI) still hits the cache.
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/xindai-ccache}
export CCACHE_BASEDIR="$ROOT"
export CCACHE_NOHASHDIR=1
export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-5G}
if [ -z "${XDG_RUNTIME_DIR:-}" ]; then
    XDG_RUNTIME_DIR=$(mktemp -d /tmp/xindai-runtime.XXXXXX)
    export XDG_RUNTIME_DIR
fi

XINDAI_PACKAGES=(
    cmake ninja-build ccache g++ pkg-config
    qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev qt6-charts-dev qt6-httpserver-dev
    qt6-websockets-dev qt6-l10n-tools qt6-tools-dev qt6-tools-dev-tools qt6-pdf-dev
    libqt6sql6-sqlite libqt6sql6-psql libpq-dev qt6-qpa-plugins libssl-dev qtkeychain-qt6-dev libxkbcommon-dev
    fonts-noto-cjk fonts-wqy-microhei xvfb xauth poppler-utils postgresql sqlite3 libsqlite3-dev nodejs openssl
)

install_packages() {
    local missing=()
    for p in "${XINDAI_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "== installing Debian packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -q
    $sudo apt-get install -y -q "${missing[@]}"
}

configure_and_build() {
    echo "== configure ($PRESET)"
    cmake --preset "$PRESET" -S "$ROOT" >/dev/null
    echo "== build ($PRESET)"
    cmake --build --preset "$PRESET" -- -j"$(nproc)"
}
