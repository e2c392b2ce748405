#include "render/render.hpp"

#include <fmt/format.h>

#include "dsig/verify.hpp"
#include "render/html.hpp"
#include "render/pdf.hpp"
#include "render/view.hpp"

namespace hoadon::render {

bool available(Format format) noexcept { return format == Format::Html || pdf_available(); }

Result render(const xml::Document& doc, const model::Index& index, const model::Essentials& essentials,
              const Report& doc_report, const Options& options) {
  Result r;
  using F = Result::Failure;
  if (!available(options.format)) {
    r.failure = F::NotBuilt;
    r.error = "PDF output: not built with cairo and pango (HOADON_WITH_PDF)";
    return r;
  }
  if (index.invoices.empty()) {
    r.failure = F::NotInvoice;
    r.error = fmt::format("a {} holds no invoice to render", model::kind_name(index.kind));
    return r;
  }
  if (options.invoice >= 0 && static_cast<std::size_t>(options.invoice) >= index.invoices.size()) {
    r.failure = F::NoSuchInvoice;
    r.error = fmt::format("invoice {} asked for, the document holds {}", options.invoice + 1, index.invoices.size());
    return r;
  }
  std::optional<dsig::Verification> verification;
  if (options.verify)
    verification = dsig::verify_document(doc, index, doc_report, options.trust, options.verify_options);
  std::vector<InvoiceView> views;
  for (std::size_t i = 0; i < index.invoices.size(); ++i) {
    if (options.invoice >= 0 && static_cast<std::size_t>(options.invoice) != i) continue;
    if (!index.invoices[i].dlhdon) continue;  // DOC-NO-DATA: nothing to show
    views.push_back(build_view(doc, index, essentials, i, verification ? &*verification : nullptr));
  }
  if (views.empty()) {
    r.failure = F::NotInvoice;
    r.error = "no invoice data (DLHDon) to render";
    return r;
  }
  if (options.format == Format::Html) {
    r.bytes = to_html(views);
  } else {
    r.bytes = to_pdf(views, r.error);
    if (r.bytes.empty()) r.failure = F::Failed;
  }
  return r;
}

}  // namespace hoadon::render
