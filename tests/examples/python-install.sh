#!/bin/sh
# The Python package installed from source as a user would (`pip install`), into a fresh venv,
# offline: Debian's setuptools and wheel build it (no build isolation, no index), then the whole
# test suite runs against the installed copy, from outside the source tree.
#   python-install.sh PYTHON3 SOURCE_DIR WORK_DIR
set -eu
python=$1 src=$2 work=$3
missing() {
  echo "$1: the source install of the Python package is not tested"
  [ -z "${HOADON_REQUIRE_TOOLS:-}" ] || { echo "HOADON_REQUIRE_TOOLS is set: failing"; exit 1; }
  exit 77
}
"$python" -c 'import venv' 2>/dev/null || missing "python3-venv is not installed"
"$python" -c 'import setuptools, wheel' 2>/dev/null || missing "python3-setuptools or python3-wheel is not installed"
rm -rf "$work" && mkdir -p "$work"
# Built from a copy: setuptools writes build/ and *.egg-info next to the sources.
cp -r "$src/examples/python" "$work/src"
rm -rf "$work/src/hoadon/__pycache__"
# --system-site-packages: the build needs Debian's setuptools and wheel, and PyPI is not used.
"$python" -m venv --system-site-packages "$work/venv"
"$work/venv/bin/python" -m pip install -q --no-build-isolation --no-index --no-deps "$work/src"
cd "$work"
where=$("$work/venv/bin/python" -c 'import hoadon; print(hoadon.__file__)')
echo "installed: $where"
case $where in "$work/venv/"*) ;; *) echo "not the installed copy"; exit 1 ;; esac
"$work/venv/bin/python" -m pip show hoadon | grep "^Version: "
HOADON_TEST_INSTALLED=1 "$work/venv/bin/python" "$src/examples/python/test_hoadon.py"
