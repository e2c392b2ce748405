// `hoadon render`: the human-readable form of the invoices of a document, in HTML or PDF, with
// a signature panel from a verification made in the same call.
#pragma once

#include <string>

#include "dsig/result.hpp"
#include "model/essentials.hpp"
#include "model/index.hpp"
#include "pki/trust.hpp"
#include "report/report.hpp"
#include "xml/document.hpp"

namespace hoadon::render {

enum class Format { Html, Pdf };

struct Options {
  Format format = Format::Html;
  bool verify = true;  // false: every signature shown as not checked
  dsig::VerifyOptions verify_options;
  const pki::TrustStore* trust = nullptr;
  int invoice = -1;  // -1: every invoice of the document, else only this one
};

struct Result {
  std::string bytes;  // the HTML or PDF file
  std::string error;  // why nothing was rendered ("" on success)
  enum class Failure { None, NotInvoice, NoSuchInvoice, NotBuilt, Failed } failure = Failure::None;
};

// Whether this build can write `format` (PDF needs cairo and pango: HOADON_WITH_PDF).
[[nodiscard]] bool available(Format format) noexcept;

[[nodiscard]] Result render(const xml::Document& doc, const model::Index& index, const model::Essentials& essentials,
                            const Report& doc_report, const Options& options);

}  // namespace hoadon::render
