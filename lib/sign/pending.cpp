#include "sign/pending.hpp"

#include <fmt/format.h>

#include "dsig/findings.hpp"
#include "dsig/integrity.hpp"
#include "dsig/relative_ns.hpp"
#include "init.hpp"
#include "xml/edits.hpp"
#include "xml/node.hpp"

namespace hoadon::sign {

// The verifier's engine, which signing shares.
using dsig::base64;
using dsig::Findings;
using dsig::IdTable;
using dsig::Integrity;
using dsig::parse_signature;
using dsig::ParsedSignature;
using dsig::RelativeNamespaces;
using dsig::set_text;
using dsig::signature_value;
using dsig::SignatureResult;
using dsig::ToBeSigned;
using dsig::value_verifies;

std::unique_ptr<Pending> Pending::find(const xml::Document& doc, const model::Index& index, Report& report) {
  ensure_initialized();
  const Location here = doc.locate(doc.root());
  auto refuse = [&](const Location& where, const std::string& en, const std::string& vi) -> std::unique_ptr<Pending> {
    report.add(Code::SignPending, where, fmt::format("Not completed: {}", en), fmt::format("Không hoàn tất: {}", vi));
    return nullptr;
  };
  std::vector<const model::SignatureNodes*> pending;
  for (const auto& s : index.signatures)
    if (const xmlNode* v = signature_value(s.signature); v && xml::trimmed_text(v).empty()) pending.push_back(&s);
  if (pending.size() != 1)
    return refuse(here,
                  pending.empty() ? "the document holds no pending signature (one with an empty SignatureValue)"
                                  : fmt::format("the document holds {} pending signatures", pending.size()),
                  pending.empty() ? "tài liệu không có chữ ký đang chờ (SignatureValue rỗng)"
                                  : fmt::format("tài liệu có {} chữ ký đang chờ", pending.size()));
  std::unique_ptr<Pending> p(new Pending(doc));
  p->nodes_ = *pending.front();
  const Location at = doc.locate(p->nodes_.signature);
  // The verifier's reading: allowed algorithms and transforms only, references resolved.
  Report scratch;
  SignatureResult result;
  Findings findings(scratch, result);
  p->parsed_ = parse_signature(doc, p->nodes_.signature, p->ids_, findings);
  if (!p->parsed_.checkable)
    return refuse(at, fmt::format("the pending signature cannot be completed: {}", scratch.items().front().message),
                  fmt::format("không hoàn tất được chữ ký đang chờ: {}", scratch.items().front().message_vi));
  if (p->parsed_.certificates.empty() || !(p->cert_ = pki::decode_base64(xml::text(p->parsed_.certificates.front()))))
    return refuse(at, "the pending signature carries no readable certificate",
                  "chữ ký đang chờ không có chứng thư số đọc được");
  auto tbs = dsig::to_be_signed(p->nodes_.signature, false, report);
  if (!tbs) return nullptr;
  p->tbs_ = std::move(*tbs);
  if (p->parsed_.signing_time) p->signing_time_ = xml::trimmed_text(p->parsed_.signing_time);
  p->id_ = xml::attribute(p->nodes_.signature, "Id").value_or("");
  return p;
}

std::string Pending::complete(std::string_view value, Report& report) {
  const Location at = doc_.locate(nodes_.signature);
  if (!value_verifies(tbs_, value, cert_.get())) {
    report.add(Code::SignValue, at,
               "Not completed: the signature value does not verify with the certificate of the pending signature (a "
               "value made by another key, over other data, or with another hash)",
               "Không hoàn tất: giá trị chữ ký không khớp với chứng thư số của chữ ký đang chờ (do khóa khác tạo, trên "
               "dữ liệu khác, hoặc với hàm băm khác)");
    return {};
  }
  xmlNode* sv = signature_value(nodes_.signature);
  const std::string text = base64(value);
  set_text(sv, text);
  // The whole signature, as the verifier checks it: every digest too, so that a document changed
  // between the two phases is not completed.
  const RelativeNamespaces relative(doc_.tree());
  const Integrity in = check_integrity(parsed_, X509_get0_pubkey(cert_.get()), relative);
  xmlNodeSetContent(sv, nullptr);
  if (in.status != Integrity::Status::Intact) {
    report.add(Code::SignPending, at,
               fmt::format("Not completed: the document changed since the signature was prepared ({})", in.detail),
               fmt::format("Không hoàn tất: tài liệu đã thay đổi từ khi chuẩn bị chữ ký ({})", in.detail));
    return {};
  }
  xml::Edits edits(doc_);
  edits.set_content(sv, text);
  return edits.apply();
}

}  // namespace hoadon::sign
