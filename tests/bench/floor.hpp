// The part of the physical floor that signing and verification share: what any signer or
// verifier of an invoice must do before its RSA operation.
#pragma once

#include <libxml/tree.h>

#include <string>

namespace bench {

// Parses `bytes` with libxml2 alone and hashes the inclusive C14N 1.0 of /HDon/DLHDon with
// SHA-256 into `md`. Returns the document (the signer's floor serialises it afterwards); free
// it with xmlFreeDoc. Aborts when any step fails: a floor that did nothing would flatter.
xmlDocPtr parse_and_hash_data(const std::string& bytes, unsigned char (&md)[32]);

}  // namespace bench
