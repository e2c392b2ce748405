// The rule families. Each is independent: it reads what it needs from the Invoice context
// (or the envelope), skips what it cannot read, and reports its own codes.
#pragma once

#include "model/index.hpp"
#include "rules/checks/context.hpp"
#include "util/dates.hpp"

namespace hoadon::rules::checks {

void check_tax_codes(const Invoice& inv, const Out& out);            // MST-*         taxcodes.cpp
void check_symbols(const Invoice& inv, Date today, const Out& out);  // INV-*         symbols.cpp
void check_related(const Invoice& inv, const Out& out);              // REL-*         related.cpp
void check_money(const Invoice& inv, const Out& out);                // MONEY-*       money_*.cpp
void check_currency(const Invoice& inv, const Out& out);             // CUR-*         currency.cpp
void check_words(const Invoice& inv, const Out& out);                // WORDS-*       words.cpp
void check_authority_code(const Invoice& inv, const Out& out);       // MCCQT-*       authority_code.cpp
void check_qr(const Invoice& inv, const Out& out);                   // QR-*          qr.cpp
void check_signatures(const Invoice& inv, const Out& out);           // SIG-*         signatures.cpp
void check_buyer(const Invoice& inv, const Out& out);                // BUYER-*       buyer.cpp
void check_special_goods(const Invoice& inv, const Out& out);        // GOODS-*       special_goods.cpp

// ENV-* and MST-ENVELOPE: the envelope header against its payload (envelope.cpp).
void check_envelope(const xml::Document& doc, const model::Index& index, const Out& out);

}  // namespace hoadon::rules::checks
