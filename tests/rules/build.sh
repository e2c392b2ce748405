#!/usr/bin/env bash
# Builds the pure rule units and their doctest suite with warnings as errors and ASan/UBSan,
# then runs it. Usage: tests/rules/build.sh [doctest options...]
# Env: CXX (default g++), BUILD_DIR (default build/rules), HOADON_SAMPLES_DIR
# (default ../shared/vn-invoice-samples next to the repository; the real invoices are read in place).
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
cxx=${CXX:-g++}
out=${BUILD_DIR:-$repo/build/rules}
samples=${HOADON_SAMPLES_DIR:-$(cd "$repo/.." && pwd)/shared/vn-invoice-samples}
mkdir -p "$out"

flags=(-std=c++20 -Wall -Wextra -Werror -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer
       -I"$repo/lib")

# Compile each translation unit in parallel (2 cores), then link.
objs=()
pids=()
for src in "$repo"/lib/rules/*.cpp "$repo"/tests/rules/*.cpp; do
    rel=${src#"$repo"/}
    obj="$out/${rel//\//_}.o"
    objs+=("$obj")
    if [[ ! -f "$obj" || "$src" -nt "$obj" || -n "$(find "$repo/lib/rules" "$repo/tests/rules" -name '*.hpp' -newer "$obj" -print -quit)" ]]; then
        "$cxx" "${flags[@]}" -c "$src" -o "$obj" &
        pids+=($!)
        if (( ${#pids[@]} >= 2 )); then wait "${pids[0]}"; pids=("${pids[@]:1}"); fi
    fi
done
for pid in "${pids[@]}"; do wait "$pid"; done
"$cxx" "${flags[@]}" "${objs[@]}" -lfmt -o "$out/test_rules"

HOADON_SAMPLES_DIR="$samples" "$out/test_rules" "$@"
