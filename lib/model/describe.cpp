#include "model/describe.hpp"

#include <fmt/format.h>

#include <cstdint>

namespace hoadon::model {
namespace {

void write_optional(JsonWriter& w, std::string_view key, const std::optional<std::string>& v) {
  w.key(key);
  if (v)
    w.value(std::string_view(*v));
  else
    w.null();
}

std::string_view or_dash(const std::optional<std::string>& v) {
  if (v && !v->empty()) return *v;  // (a ?: between std::string and a literal would dangle)
  return "–";
}

}  // namespace

std::string essentials_to_json(const Essentials& e, const Report& r, std::string_view file,
                               const InvoiceJsonExtra& extra) {
  JsonWriter w;
  w.begin_object().field("file", file).field("kind", std::string_view(r.kind())).field("ok", r.ok());
  w.key("document").begin_object();
  for (int f = 100; f <= static_cast<int>(DocField::Last); ++f) {
    const auto field = static_cast<DocField>(f);
    if (e.get(field)) write_optional(w, doc_field_info(field)->json, e.get(field));
  }
  w.end_object();
  w.key("invoices").begin_array();
  for (std::size_t i = 0; i < e.invoices.size(); ++i) {
    const auto& inv = e.invoices[i];
    w.begin_object();
    for (int f = 1; f <= static_cast<int>(InvoiceField::Last); ++f) {
      const auto field = static_cast<InvoiceField>(f);
      if (field == InvoiceField::LineCount && inv.get(field)) {  // a count, written as a number
        w.key(invoice_field_info(field)->json).value(static_cast<std::uint64_t>(std::stoull(*inv.get(field))));
        continue;
      }
      write_optional(w, invoice_field_info(field)->json, inv.get(field));
    }
    if (extra) extra(w, i);
    w.end_object();
  }
  w.end_array();
  w.key("signatures").begin_array();
  for (const auto& s : e.signatures) {
    w.begin_object().field("slot", std::string_view(s.slot)).key("invoice").position_or_null(s.invoice);
    w.field("id", std::string_view(s.id))
        .field("algorithm", std::string_view(s.algorithm))
        .field("c14n", std::string_view(s.c14n))
        .field("signing_time", std::string_view(s.signing_time))
        .field("path", std::string_view(s.path))
        .end_object();
  }
  w.end_array();
  write_diagnostics(w, r);
  w.end_object();
  return w.take();
}

std::string essentials_to_text(const Essentials& e, const Report& r, std::string_view file, Lang lang,
                               const InvoiceTextExtra& extra) {
  const bool vi = lang == Lang::Vi;
  std::string out = fmt::format("{}: {}", file, r.kind());
  if (const auto& t = e.get(DocField::MessageType))
    out += fmt::format(" {} ({} {} → {})", *t, vi ? "thông điệp" : "message", or_dash(e.get(DocField::Sender)),
                       or_dash(e.get(DocField::Receiver)));
  if (const auto& f = e.get(DocField::FormCode)) out += fmt::format(" {}", *f);
  out += '\n';
  for (std::size_t i = 0; i < e.invoices.size(); ++i) {
    const auto& inv = e.invoices[i];
    using F = InvoiceField;
    out += fmt::format("  {} {}: {}{}{} {} {} {}, PBan {}\n", vi ? "hóa đơn" : "invoice", i + 1,
                       or_dash(inv.get(F::Template)), or_dash(inv.get(F::Series)), vi ? " số" : " no.",
                       or_dash(inv.get(F::Number)), vi ? "ngày" : "of", or_dash(inv.get(F::IssueDate)),
                       or_dash(inv.get(F::Version)));
    out += fmt::format("    {}: {} (MST {})\n", vi ? "người bán" : "seller", or_dash(inv.get(F::SellerName)),
                       or_dash(inv.get(F::SellerTaxCode)));
    out += fmt::format("    {}: {} (MST {})\n", vi ? "người mua" : "buyer", or_dash(inv.get(F::BuyerName)),
                       or_dash(inv.get(F::BuyerTaxCode)));
    out += fmt::format("    {}: {} + {} = {} {} ({})\n", vi ? "tổng tiền" : "totals",
                       or_dash(inv.get(F::TotalBeforeTax)), or_dash(inv.get(F::TotalTax)), or_dash(inv.get(F::Total)),
                       or_dash(inv.get(F::Currency)), or_dash(inv.get(F::TotalInWords)));
    out += fmt::format("    {}: {}, MCCQT: {}\n", vi ? "số dòng" : "lines", or_dash(inv.get(F::LineCount)),
                       or_dash(inv.get(F::TaxAuthorityCode)));
    if (extra) extra(out, i);
  }
  for (const auto& s : e.signatures)
    out += fmt::format("  {} {}: {}, {} {}\n", vi ? "chữ ký" : "signature", s.slot,
                       s.algorithm.empty() ? "–" : s.algorithm, vi ? "ký lúc" : "signed",
                       s.signing_time.empty() ? "–" : s.signing_time);
  for (const auto& d : r.items()) out += fmt::format("  {}\n", diagnostic_to_text(d, lang));
  return out;
}

std::string identity(const Essentials& e, Lang lang) {
  const bool vi = lang == Lang::Vi;
  using F = InvoiceField;
  if (e.invoices.size() == 1) {
    const auto& inv = e.invoices.front();
    std::string out = fmt::format("{} {}{} {} {}", vi ? "hóa đơn" : "invoice", or_dash(inv.get(F::Template)),
                                  or_dash(inv.get(F::Series)), vi ? "số" : "no.", or_dash(inv.get(F::Number)));
    if (const auto& d = inv.get(F::IssueDate)) out += fmt::format(" {} {}", vi ? "ngày" : "of", *d);
    if (const auto& mst = inv.get(F::SellerTaxCode))
      out += fmt::format(", {} {}", vi ? "người bán MST" : "seller", *mst);
    return out;
  }
  if (const auto& t = e.get(DocField::MessageType))
    return e.invoices.empty() ? fmt::format("{} {}", vi ? "thông điệp" : "message", *t)
                              : fmt::format("{} {} {} {} {}", vi ? "thông điệp" : "message", *t, vi ? "gồm" : "with",
                                            e.invoices.size(), vi ? "hóa đơn" : "invoices");
  if (const auto& f = e.get(DocField::FormCode)) return fmt::format("{} {}", vi ? "mẫu" : "form", *f);
  return {};
}

}  // namespace hoadon::model
