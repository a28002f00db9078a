#!/usr/bin/env bash
# Puts the Node.js line in .nvmrc first on PATH. Where the machine's own Node is another line, the npm
# registry's node-linux-<arch> package brings that line's real binary and its C headers (the registry is the
# only download this needs), unpacked once into .cache/node/. Source it: `source build/use-node.sh`.
# Native modules then build against those headers (npm_config_nodedir), never against another Node's.

_stepgate_use_node() {
  local root want arch dir pkg
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  want="$(tr -d ' \n' < "$root/.nvmrc")"
  if command -v node >/dev/null 2>&1 && [ "$(node -p 'process.versions.node.split(".")[0]')" = "$want" ]; then
    return 0
  fi
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "use-node: no Node.js $want package for $(uname -m); install Node.js $want yourself" >&2; return 1 ;;
  esac
  dir="$root/.cache/node/$want-linux-$arch"
  if [ ! -x "$dir/bin/node" ]; then
    echo "Installing Node.js $want from the npm registry (node-linux-$arch) into $dir" >&2
    local tmp
    tmp="$(mktemp -d)"
    pkg="$(cd "$tmp" && npm pack --silent "node-linux-$arch@$want")" || { rm -rf "$tmp"; return 1; }
    mkdir -p "$dir"
    tar -xzf "$tmp/$pkg" -C "$dir" --strip-components=1 || { rm -rf "$tmp" "$dir"; return 1; }
    rm -rf "$tmp"
  fi
  export PATH="$dir/bin:$PATH"
  export npm_config_nodedir="$dir"
  hash -r
  echo "Using Node.js $(node --version) from $dir" >&2
}
_stepgate_use_node
