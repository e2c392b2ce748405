#!/usr/bin/env python3
"""The layering of lib/ as lib/README.md states it, checked on the include graph.

Each part of lib/ may include only the parts listed for it below (all lower); the third-party
libraries appear only in the parts that wrap them; the public headers and the CLI see nothing of
the core. Reads every #include of lib/, include/ and examples/cli/, and prints each breach with
its file and line. Exit 0 when the rule holds, 1 otherwise.
"""
import os
import re
import sys

# Part -> the parts it may include, lowest first. "init" is lib/init.* (the process-wide set-up
# of libxml2 and xmlsec, which any part that parses or signs calls first).
PARTS = {
    "util": set(),
    "report": {"util"},
    "xml": {"util", "report", "init"},
    "pki": {"util", "report"},
    "keys": {"util", "report", "pki"},
    "model": {"util", "report", "xml"},
    "rules": {"util", "report", "xml", "model"},
    "schema": {"util", "report", "xml", "model", "init"},
    "dsig": {"util", "report", "xml", "pki", "keys", "model", "init"},
    "validate": {"util", "report", "xml", "model", "rules", "schema"},
    "sign": {"util", "report", "xml", "pki", "keys", "model", "dsig", "validate", "init"},
    "render": {"util", "report", "xml", "pki", "model", "rules", "dsig"},
    "envelope": {"util", "report", "xml", "pki", "keys", "model", "rules", "validate", "dsig", "sign"},
    "tabular": {"util", "report", "model"},
    "archive": {"util", "report"},
    "build": {"util", "report", "xml", "model", "rules", "schema", "validate"},
    "init": {"dsig"},  # init.cpp starts xmlsec through dsig/engine
    "capi": None,  # the C API may use every part
}

# Third-party headers (first path component, or the file name) -> the parts that may include
# them. libxml2's tree is read by the parts that walk documents (sign also edits it, to draft a
# signature in place); xmlsec is dsig's alone.
LIBRARIES = {
    "libxml": {"xml", "model", "rules", "schema", "dsig", "sign", "envelope", "init"},
    "xmlsec": {"dsig", "init"},
    "openssl": {"util", "pki", "keys", "dsig", "sign", "envelope"},
    "curl": {"pki"},
    "p11-kit": {"keys"},
    "archive.h": {"archive"},
    "archive_entry.h": {"archive"},
    "xlsxwriter.h": {"tabular"},
    "qrencode.h": {"render"},
    "cairo.h": {"render"},
    "cairo-pdf.h": {"render"},
    "pango": {"render"},
    "nlohmann": {"build"},
}

# libxml2 tree types: the parts above the tree walkers see none of them (render reads the
# invoice through model's views, which hand it xmlNode pointers: it may name the type).
TREE_TYPE = re.compile(r"\bxml(Node|Doc|Attr|Ns|Char)\b")
TREE_USERS = LIBRARIES["libxml"] | {"render"}

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)


def part_of(rel):
    parts = rel.split("/")
    return "init" if len(parts) == 2 and parts[1].startswith("init.") else parts[1]


def sources(top):
    for root, _, files in os.walk(top):
        for f in sorted(files):
            if f.endswith((".cpp", ".hpp", ".h", ".c")):
                yield os.path.join(root, f)


def line_of(text, pos):
    return text.count("\n", 0, pos) + 1


def main(source_dir):
    os.chdir(source_dir)
    breaches = []
    for path in sources("lib"):
        part = part_of(path)
        if part not in PARTS:
            breaches.append(f"{path}: part '{part}' is not in the layering table (tests/layering)")
            continue
        text = open(path, encoding="utf-8").read()
        for m in INCLUDE.finditer(text):
            inc, where = m.group(2), f"{path}:{line_of(text, m.start())}"
            if m.group(1) == '"':
                target = "init" if inc == "init.hpp" else inc.split("/")[0]
                allowed = PARTS[part]
                if target != part and allowed is not None and target not in allowed:
                    breaches.append(f"{where}: {part} includes {inc} ({target} is not below {part})")
            else:
                key = inc.split("/")[0] if "/" in inc else inc
                if key in LIBRARIES and part not in LIBRARIES[key] and part != "capi":
                    breaches.append(f"{where}: {part} includes <{inc}>, which only {sorted(LIBRARIES[key])} may")
        if part not in TREE_USERS and part != "capi":
            for m in TREE_TYPE.finditer(re.sub(r"//.*|/\*.*?\*/", "", text, flags=re.S)):
                breaches.append(f"{path}: {part} names the libxml2 type {m.group(0)}")
                break
    # The public headers: the C standard library only (hoadon.hpp: also the C++ one).
    for path in sources("include"):
        text = open(path, encoding="utf-8").read()
        for m in INCLUDE.finditer(text):
            inc = m.group(2)
            if not inc.startswith("hoadon/") and (m.group(1) == '"' or "/" in inc):
                breaches.append(f"{path}:{line_of(text, m.start())}: public header includes {inc}")
    # The CLI: the public API, the C++ and C standard libraries and fmt, never the core.
    for path in sources("examples/cli"):
        text = open(path, encoding="utf-8").read()
        for m in INCLUDE.finditer(text):
            inc = m.group(2)
            key = inc.split("/")[0]
            if m.group(1) == '"' and "/" in inc and not inc.startswith("hoadon/"):
                breaches.append(f"{path}:{line_of(text, m.start())}: the CLI includes the core's {inc}")
            elif m.group(1) == "<" and (key in LIBRARIES or key in ("libxml", "xmlsec")):
                breaches.append(f"{path}:{line_of(text, m.start())}: the CLI includes <{inc}>")
    for b in breaches:
        print(b)
    print(f"{len(breaches)} breach(es) of the layering" if breaches else "the layering holds")
    return 1 if breaches else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
