#!/usr/bin/env bash
# Fetches the pinned ONNX Runtime artifacts from the npm registry, checks their SHA-256 and lays
# out what the build needs under DEST:
#   DEST/managed/        the official Microsoft.ML.OnnxRuntime C# API sources (MIT)
#   DEST/include/        the C API headers (for the arm64 native check)
#   DEST/native/<rid>/   libonnxruntime.so for linux-x64 and linux-arm64
# A second run with the same pins finds DEST/.complete and does nothing.
set -euo pipefail

dest=${1:?usage: fetch-onnxruntime.sh DEST}

# Pins: package@version and the SHA-256 of the tarball that `npm pack` returns.
managed_pkg="com.github.asus4.onnxruntime@0.4.9"
managed_sha="e59788788818fdde1b2e522e766a21ba0f7d8391de55737abf81e32cc801785d"
native_pkg="onnxruntime-node@1.30.0"
native_sha="6e3390d6b783e7be946fad629292799da28d0b42f84856e50d2c1b0383291e75"
stamp_text="$managed_pkg $managed_sha $native_pkg $native_sha"

fail() { echo "error: onnxruntime fetch: $*" >&2; exit 1; }

if [[ -f "$dest/.complete" && "$(cat "$dest/.complete")" == "$stamp_text" ]]; then
  exit 0
fi

command -v npm >/dev/null 2>&1 ||
  fail "npm is not installed; it is needed once to fetch ONNX Runtime ($managed_pkg, $native_pkg). Install it with 'apt-get install -y npm' (or run 'bash eng/build.sh deps')."
command -v sha256sum >/dev/null 2>&1 || fail "sha256sum (coreutils) is not installed."

mkdir -p "$dest"
exec 9>"$dest.lock"
flock 9
# Another build may have finished the fetch while this one waited for the lock.
if [[ -f "$dest/.complete" && "$(cat "$dest/.complete")" == "$stamp_text" ]]; then
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fetch() { # package expected-sha -> path of the checked tarball
  local pkg=$1 sha=$2 file actual
  echo "onnxruntime fetch: npm pack $pkg" >&2
  if ! file=$(cd "$work" && npm pack --silent "$pkg" 2>"$work/npm.err" | tail -n 1); then
    cat "$work/npm.err" >&2
    fail "could not fetch $pkg from the npm registry ($(npm config get registry 2>/dev/null)). Check the network or the npm registry setting."
  fi
  [[ -n "$file" && -f "$work/$file" ]] || fail "npm pack $pkg produced no tarball."
  actual=$(sha256sum "$work/$file" | cut -d' ' -f1)
  [[ "$actual" == "$sha" ]] || fail "$pkg: SHA-256 mismatch: expected $sha, got $actual. Refusing to use it."
  echo "$work/$file"
}

managed_tgz=$(fetch "$managed_pkg" "$managed_sha")
native_tgz=$(fetch "$native_pkg" "$native_sha")

headers='package/Plugins/iOS~/onnxruntime.xcframework/ios-arm64/onnxruntime.framework/Headers'
mkdir -p "$work/m" "$work/n"
tar -xzf "$managed_tgz" -C "$work/m" package/Runtime package/LICENSE package/ThirdPartyNotices.txt "$headers"
tar -xzf "$native_tgz" -C "$work/n" package/bin/napi-v6/linux/x64/libonnxruntime.so.1 package/bin/napi-v6/linux/arm64/libonnxruntime.so.1

out="$work/out"
mkdir -p "$out/managed/Tensors" "$out/include" "$out/native/linux-x64" "$out/native/linux-arm64"
cp "$work"/m/package/Runtime/*.shared.cs "$out/managed/"
cp "$work"/m/package/Runtime/Tensors/*.shared.cs "$out/managed/Tensors/"
cp "$work"/m/package/LICENSE "$work"/m/package/ThirdPartyNotices.txt "$out/"
cp "$work/m/$headers"/*.h "$out/include/"
# The runtime's bundled loader probes runtimes/<rid>/native/libonnxruntime.so (soname libonnxruntime.so.1).
cp "$work/n/package/bin/napi-v6/linux/x64/libonnxruntime.so.1" "$out/native/linux-x64/libonnxruntime.so"
cp "$work/n/package/bin/napi-v6/linux/arm64/libonnxruntime.so.1" "$out/native/linux-arm64/libonnxruntime.so"

rm -rf "$dest.tmp"
mv "$out" "$dest.tmp"
rm -rf "$dest"
mv "$dest.tmp" "$dest"
echo "$stamp_text" > "$dest/.complete"
echo "onnxruntime fetch: ready in $dest" >&2
