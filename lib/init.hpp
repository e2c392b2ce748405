// One-time process-wide initialisation of the libraries hoadon builds on.
#pragma once

namespace hoadon {

// Initialises libxml2, xmlsec and xmlsec's OpenSSL backend exactly once per
// process, from whichever thread comes first. Every public entry point calls it; it is cheap
// after the first call.
void ensure_initialized();

}  // namespace hoadon
