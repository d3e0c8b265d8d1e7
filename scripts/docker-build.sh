#!/usr/bin/env bash
# Builds the project's Docker images from local files only (no image registry is reachable):
#   collateral-keeper/anvil:local   docker/anvil   FROM scratch: the pinned npm Anvil binary + the libc files it links
#   collateral-keeper/jdk:local     docker/jdk     FROM scratch: this machine's JDK + the libc files it links
#   collateral-keeper/keeper:local  docker/keeper  multi-stage on jdk:local: jlink runtime, jar, Anvil, non-root user
# Usage: scripts/docker-build.sh [anvil|keeper|all]   (default: all; keeper (re)builds target/keeper.jar when stale)
# Needs: a running Docker engine, npm ci done (node_modules), JAVA_HOME or a JDK >= 21 under /usr/lib/jvm.
set -euo pipefail
cd "$(dirname "$0")/.."
WHAT="${1:-all}"
ANVIL=node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil
STAGE=target/docker

# Copies ELF files and every library `ldd` says they link (and the dynamic loader) into rootfs $1, at their paths.
stage_elf() {
  local root="$1"; shift
  local f lib
  for f in "$@"; do
    ldd "$f" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }' | while read -r lib; do
      [ -e "$lib" ] || continue
      mkdir -p "$root$(dirname "$lib")"
      cp -L "$lib" "$root$lib"
    done
  done
}

# Anvil's HTTP client wants the system CA certificates even for http:// fork URLs: copy this machine's bundle.
stage_certs() {
  local root="$1" bundle=/etc/ssl/certs/ca-certificates.crt
  [ -f "$bundle" ] || { echo "docker-build: $bundle missing (apt-get install ca-certificates)" >&2; exit 2; }
  mkdir -p "$root/etc/ssl/certs"
  cp -L "$bundle" "$root/etc/ssl/certs/ca-certificates.crt"
}

pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jlink" ]; then echo "$JAVA_HOME"; return; fi
  for d in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if [ -x "$d/bin/jlink" ] && "$d/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then echo "$d"; return; fi
  done
  echo "docker-build: no JDK >= 21 with jlink found; set JAVA_HOME" >&2; exit 2
}

build_anvil() {
  [ -x "$ANVIL" ] || { echo "docker-build: $ANVIL missing: run npm ci" >&2; exit 2; }
  local ctx="$STAGE/anvil"
  rm -rf "$ctx"; mkdir -p "$ctx/rootfs/usr/local/bin" "$ctx/rootfs/tmp"
  chmod 1777 "$ctx/rootfs/tmp"
  cp "$ANVIL" "$ctx/rootfs/usr/local/bin/anvil"
  stage_elf "$ctx/rootfs" "$ANVIL"
  stage_certs "$ctx/rootfs"
  docker build -q -t collateral-keeper/anvil:local -f docker/anvil/Dockerfile "$ctx"
}

build_jdk() {
  local jdk; jdk="$(pick_jdk)"
  local ctx="$STAGE/jdk"
  rm -rf "$ctx"; mkdir -p "$ctx/rootfs/opt" "$ctx/rootfs/tmp"
  chmod 1777 "$ctx/rootfs/tmp"
  # whole (jlink from a runtime image refuses one whose files changed), links followed (Debian links cacerts to /etc)
  cp -aL "$jdk" "$ctx/rootfs/opt/jdk"
  # launchers and every native library of the JDK (unresolvable ones, e.g. X11 for AWT, are skipped)
  stage_elf "$ctx/rootfs" "$jdk"/bin/* $(find "$jdk/lib" -name '*.so')
  docker build -q -t collateral-keeper/jdk:local -f docker/jdk/Dockerfile "$ctx"
}

build_keeper() {
  if [ ! -f target/keeper.jar ] || [ -n "$(find src pom.xml contracts-abi -newer target/keeper.jar -type f 2>/dev/null | head -1)" ]; then
    echo "docker-build: building target/keeper.jar" >&2
    JAVA_HOME="$(pick_jdk)" ./mvnw -q -B -DskipTests package >&2
  fi
  build_jdk
  local ctx="$STAGE/keeper"
  rm -rf "$ctx"; mkdir -p "$ctx/rootfs/usr/local/bin" "$ctx/rootfs/tmp" "$ctx/rootfs/etc" "$ctx/rootfs/opt/keeper" "$ctx/home/keeper"
  chmod 1777 "$ctx/rootfs/tmp"
  cp target/keeper.jar "$ctx/keeper.jar"
  cp "$ANVIL" "$ctx/rootfs/usr/local/bin/anvil"
  stage_elf "$ctx/rootfs" "$ANVIL"
  stage_certs "$ctx/rootfs"
  cp -r wallets.example "$ctx/rootfs/opt/keeper/wallets.example"
  printf 'root:x:0:0:root:/root:/sbin/nologin\nkeeper:x:10001:10001:Collateral Keeper:/home/keeper:/sbin/nologin\n' > "$ctx/rootfs/etc/passwd"
  printf 'root:x:0:\nkeeper:x:10001:\n' > "$ctx/rootfs/etc/group"
  docker build -q -t collateral-keeper/keeper:local -f docker/keeper/Dockerfile "$ctx"
}

case "$WHAT" in
  anvil) build_anvil ;;
  keeper) build_keeper ;;
  all) build_anvil; build_keeper ;;
  *) echo "usage: scripts/docker-build.sh [anvil|keeper|all]" >&2; exit 2 ;;
esac
