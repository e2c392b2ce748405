#!/usr/bin/env bash
# Builds the Debian packages as Debian builds them (dpkg-buildflags), checks them with lintian
# (no error, no warning), installs them, and proves a vendor can use them: builds and runs
# examples/embed-c against the installed files twice (pkg-config, then find_package), runs the
# installed CLI and the installed suite, and checks that a staged install at another prefix works
# the same way (relocatable). The packages stay installed, and the .debs stay in the build
# directory (packaging/README.md). Run from the source tree: ./dev package.
set -euo pipefail

src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${PKG_BUILD_DIR:-$src/build-pkg}
jobs=${JOBS:-$(nproc)}
demo=$src/examples/invoices/htx-cao-bang-gtgt-2.1.0.xml
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

say "building the packages"
cd "$src"
# Debian's compiler and linker flags (debug information for the -dbgsym packages, hardening);
# CMake reads CFLAGS, CXXFLAGS and LDFLAGS at the first configure, and has no CPPFLAGS.
eval "$(dpkg-buildflags --export=sh)"
export CFLAGS="$CPPFLAGS $CFLAGS" CXXFLAGS="$CPPFLAGS $CXXFLAGS"
# The changelogs' date, so that a commit always makes the same packages (reproducible builds).
if [ -z "${SOURCE_DATE_EPOCH:-}" ] && git -C "$src" rev-parse --git-dir >/dev/null 2>&1; then
  SOURCE_DATE_EPOCH=$(git -C "$src" log -1 --format=%ct)
  export SOURCE_DATE_EPOCH
fi
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
  -DHOADON_BUILD_TESTS=OFF -DHOADON_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" -j "$jobs" >/dev/null
# One CPack configuration per version: the project's, and one for each package with its own
# (hoadon-conformance has the suite's). CPack names debug packages .ddeb; Debian names them .deb.
(cd "$build" && rm -f ./*.deb ./*.ddeb && for c in CPackConfig*.cmake; do cpack --config "$c" >/dev/null; done)
for d in "$build"/*.ddeb; do [ -e "$d" ] || continue; mv "$d" "${d%.ddeb}.deb"; done
all=("$build"/*.deb)
debs=() dbgsym=()
for d in "${all[@]}"; do
  case $(basename "$d") in *-dbgsym_*) dbgsym+=("$d") ;; *) debs+=("$d") ;; esac
  printf '  %s: %s\n' "$(basename "$d")" "$(dpkg-deb -f "$d" Depends)"
done

say "lintian on every package"
# Errors and warnings fail; pedantic and informational tags are shown for what they are worth.
lintian --fail-on error,warning --display-info "${all[@]}"

say "installing them with apt (they stay installed)"
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${debs[@]}" >/dev/null
for d in "${debs[@]}"; do
  printf '  %s %s\n' "$(dpkg-deb -f "$d" Package)" "$(dpkg-query -W -f='${Version}' "$(dpkg-deb -f "$d" Package)")"
done

# Test material (a test CA and the demo seller's certificate) for the embedded program's signing.
sh "$src/examples/test-material.sh" "$work/material" >/dev/null
check_embed() {  # check_embed BINARY: validate, sign and verify the demo invoice
  local out signed=$work/signed.xml
  rm -f "$signed"
  out=$("$1" "$demo" "$work/material/test-seller.key" "$work/material/test-seller.pem" "$work/material/test-ca.pem" \
    "$signed")
  printf '%s\n' "$out" | sed 's/^/  /'
  grep -q "signed NBan" <<<"$out"
  grep -q "signature NBan: valid" <<<"$out"
  grep -q "<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"" "$signed"
}

say "examples/embed-c through pkg-config"
cp "$src/examples/embed-c/main.c" "$src/examples/embed-c/Makefile" "$work/"
make -s -C "$work" embed
check_embed "$work/embed"

say "examples/embed-c through find_package(hoadon)"
cmake -S "$src/examples/embed-c" -B "$work/cmake" -G Ninja >/dev/null
cmake --build "$work/cmake" >/dev/null
check_embed "$work/cmake/embed"

say "the installed CLI"
/usr/bin/hoadon --version
/usr/bin/hoadon inspect "$demo" | sed 's/^/  /'
man -w hoadon >/dev/null 2>&1 || test -f /usr/share/man/man1/hoadon.1.gz || test -f /usr/share/man/man1/hoadon.1
/usr/bin/hoadon conformance | tail -n 1 | sed 's/^/  conformance suite: /'  # the installed suite, found by default
test ! -e /usr/share/hoadon/conformance/pki/private  # test keys stay in the source tree
# The installed adapter grades the installed CLI, as an integrator runs it.
/usr/bin/hoadon conformance --case 'structure/template-2.1.0-1' --impl /usr/share/hoadon/conformance/adapters/hoadon-cli.sh \
  | tail -n 1 | sed 's/^/  through the installed adapter: /'

say "the installed library's symbols"
runtime=$(for d in "${debs[@]}"; do dpkg-deb -f "$d" Package; done | grep -x 'libhoadon[0-9]*')
lib=$(dpkg -L "$runtime" | grep '/libhoadon\.so\.[0-9]*$')
symbols=$(dpkg-query --control-path "$runtime" symbols)
# Every exported function is versioned HOADON_0 and the symbols file lists exactly them.
diff <(objdump -T "$lib" | awk '$4 == ".text" { print $7 "@" $6 }' | sort) \
     <(awk '/^ hoadon_/ { print $1 }' "$symbols" | sort)
printf '  %s: %s functions, all in the symbols file\n' "$lib" "$(grep -c '^ hoadon_' "$symbols")"

# --- The language bindings (packaging/bindings.cmake): the installed modules with the installed
# library, run from $work so that nothing of the source tree is on the path.
say "the installed Python package (python3-hoadon)"
(cd "$work" && env -u HOADON_LIBRARY /usr/bin/python3 - "$demo" <<'PY'
import sys
import hoadon
assert hoadon.__file__.startswith("/usr/lib/python3/dist-packages/hoadon/"), hoadon.__file__
report = hoadon.validate(sys.argv[1])
assert report["ok"] and report["kind"] == "HDon", report
with open("/proc/self/maps") as f:  # the library the loader mapped, not the build tree's
    lib = next(line.split()[-1] for line in f if "libhoadon.so" in line)
assert lib.startswith("/usr/lib/"), lib
print(f"  {hoadon.__file__}: {report['kind']} ok, {lib}")
PY
)
if [ -f /usr/share/java/hoadon.jar ]; then
  say "the installed Java binding (libhoadon-java)"
  cat >"$work/Check.java" <<'JAVA'
import java.nio.file.Path;
import vn.hoadon.Document;
import vn.hoadon.Hoadon;
import vn.hoadon.Report;

public class Check {
  public static void main(String[] args) throws Exception {
    try (Document d = Document.open(Path.of(args[0]))) {
      Report r = d.validate();
      System.out.println("  /usr/share/java/hoadon.jar: " + d.kind() + (r.ok() ? " ok" : " FAILED") + ", libhoadon " + Hoadon.version());
      System.exit(r.ok() ? 0 : 1);
    }
  }
}
JAVA
  # The jar alone on the class path: its manifest brings /usr/share/java/jna.jar.
  (cd "$work" && env -u HOADON_LIBRARY java -cp /usr/share/java/hoadon.jar Check.java "$demo")
fi
# --- end of the language bindings

say "a staged install at another prefix (relocatable)"
stage=$work/stage/opt/hoadon
cmake --install "$build" --prefix "$stage" >/dev/null
mv "$stage" "$work/moved"  # move it after installing: nothing may point at the old place
stage=$work/moved
libdir=$(cd "$stage" && dirname "$(find . -name hoadon.pc)" | sed 's|/pkgconfig$||; s|^\./||')
PKG_CONFIG_PATH=$stage/$libdir/pkgconfig make -s -C "$work" -B embed
LD_LIBRARY_PATH=$stage/$libdir check_embed "$work/embed"
grep -q "prefix=\${pcfiledir}" "$stage/$libdir/pkgconfig/hoadon.pc"
cmake -S "$src/examples/embed-c" -B "$work/cmake-staged" -G Ninja -DCMAKE_PREFIX_PATH="$stage" >/dev/null
cmake --build "$work/cmake-staged" >/dev/null
grep -q "$stage" "$work/cmake-staged/CMakeCache.txt"
LD_LIBRARY_PATH=$stage/$libdir check_embed "$work/cmake-staged/embed"
"$stage/bin/hoadon" inspect "$demo" >/dev/null
"$stage/bin/hoadon" conformance --format json | grep -q '"implementation":"hoadon'  # the moved suite, found

say "packages OK; installed: $(for d in "${debs[@]}"; do dpkg-deb -f "$d" Package; done | tr '\n' ' ')"
say "the .debs (and the -dbgsym ones) are in $build; sudo apt-get remove them when done"
