// Certificate outcomes (format §5.4; README "Verifying signatures", steps 4 and 5): the
// signer's certificate read from its own fields, its chain to the suite's root, its validity
// at the fixed verification time of the manifest (2026-11-20), its revocation by the CRL.
#include "documents.hpp"
#include "sign.hpp"

namespace conformance {
namespace {

using Options = std::vector<std::pair<std::string, std::string>>;

void cert_case(Suite& s, const std::string& name, const std::string& doc, bool pass, std::string sigs,
               std::vector<std::string> codes, const char* en, const char* vi, Options extra = {}) {
  add_case(s, "certificates/" + name, doc, "verify", verify_options(std::move(extra)), pass, std::move(sigs),
           std::move(codes), en, vi);
}

// A second case on the file of an earlier one, with other options.
void again(Suite& s, const std::string& name, const std::string& of, bool pass, std::string sigs,
           std::vector<std::string> codes, const char* en, const char* vi, Options extra) {
  s.add({"certificates/" + name, "certificates/" + of + ".xml", "verify", verify_options(std::move(extra)), pass,
         std::move(sigs), std::move(codes), en, vi});
}

}  // namespace

void add_certificates(Suite& s) {
  const auto& p = s.pki();
  const auto t = seller_template();
  cert_case(s, "valid-chain", seller_signed(s), true, "NBan=valid", {},
            "The seller's certificate chains through the intermediate to the root, unrevoked",
            "Chứng thư số của người bán có chuỗi qua CA trung gian tới CA gốc, chưa bị thu hồi");
  cert_case(s, "expired", seller_signed(s, t, false, &p.expired), false, "NBan=invalid/expired", {"PKI-EXPIRED"},
            "A certificate that expired on 2025-12-31", "Chứng thư số đã hết hạn ngày 31/12/2025");
  // Checked at an earlier time, a signature must also have been made by then: a signing time
  // after the verification time is invalid.
  auto signed_at = [&](const char* when) {
    auto early = t;
    early.signing_time = when;
    return early;
  };
  cert_case(s, "expired-at-its-time", seller_signed(s, signed_at("2025-06-01T10:00:00"), false, &p.expired), true,
            "NBan=valid", {},
            "Near miss: the expired certificate's signature made and checked inside its validity (2025-06-01)",
            "Gần đúng: chữ ký bằng chứng thư đã hết hạn, được ký và kiểm tra khi chứng thư còn hiệu lực (01/06/2025)",
            {{"at", "2025-06-01T10:00:00+07:00"}});
  cert_case(s, "not-yet-valid", seller_signed(s, t, false, &p.not_yet_valid), false, "NBan=invalid/not-yet-valid",
            {"PKI-NOT-YET-VALID"}, "A certificate valid only from 2027-01-01",
            "Chứng thư số chỉ có hiệu lực từ ngày 01/01/2027");
  cert_case(s, "revoked", seller_signed(s, t, false, &p.revoked), false, "NBan=invalid/revoked", {"PKI-REVOKED"},
            "A certificate the CRL revoked on 2026-01-15", "Chứng thư số bị CRL thu hồi ngày 15/01/2026");
  cert_case(s, "revoked-later", seller_signed(s, signed_at("2026-01-10T10:00:00"), false, &p.revoked), true,
            "NBan=valid", {},
            "Near miss: the revoked certificate's signature made and checked before the revocation (2026-01-10)",
            "Gần đúng: chữ ký bằng chứng thư bị thu hồi, được ký và kiểm tra trước thời điểm thu hồi (10/01/2026)",
            {{"at", "2026-01-10T10:00:00+07:00"}});
  // The tax authority's slot takes only the tax authority's certificates (suite 1.1.0): a seller
  // that invents an MCCQT and signs it with its own, trusted certificate.
  {
    auto doc = edit(seller_signed(s, t, true), "</DLHDon>", "</DLHDon>" + mccqt_element());
    doc = edit(doc, "<CCKSKhac/>", "<CCKSKhac/><CQT>" + dsig::render(authority_template()) + "</CQT>");
    cert_case(s, "not-tax-authority", sign_pending(doc, p.signer_key, {p.signer}), false,
              "NBan=valid,CQT=invalid/not-tax-authority", {"PKI-NOT-TAX-AUTHORITY"},
              "A seller invents an MCCQT and signs it in DSCKS/CQT with its own trusted certificate",
              "Người bán tự tạo MCCQT và ký vào DSCKS/CQT bằng chính chứng thư số tin cậy của mình");
    cert_case(s, "tax-authority-default-rule", issued(s), false, "NBan=valid,CQT=invalid/not-tax-authority",
              {"PKI-NOT-TAX-AUTHORITY"},
              "Without the suite's tax-authority certificate, its TEST CỤC THUẾ certificate (no O=BỘ TÀI CHÍNH, not "
              "issued by Ban Cơ yếu Chính phủ) is refused by the default rule",
              "Không có chứng thư cơ quan thuế của bộ thử, chứng thư TEST CỤC THUẾ (không có O=BỘ TÀI CHÍNH, không do "
              "Ban Cơ yếu Chính phủ cấp) bị quy tắc mặc định từ chối",
              {{"tax-authority", ""}});
  }
  cert_case(s, "wrong-key-usage", seller_signed(s, t, false, &p.no_signing), false, "NBan=invalid/key-usage",
            {"PKI-KEY-USAGE"}, "A certificate for encryption only (keyEncipherment)",
            "Chứng thư số chỉ dùng để mã hóa (keyEncipherment)");
  cert_case(s, "tax-code-mismatch", seller_signed(s, t, false, &p.other_mst), false, "NBan=invalid/tax-code-mismatch",
            {"PKI-TAX-CODE"}, "Signed with the certificate of another taxpayer (MST 0101243150)",
            "Ký bằng chứng thư số của người nộp thuế khác (MST 0101243150)");
  again(s, "tax-code-not-checked", "tax-code-mismatch", true, "NBan=valid", {},
        "Near miss: the same signature when the tax-code check is turned off",
        "Gần đúng: cùng chữ ký khi tắt kiểm tra mã số thuế", {{"tax-code-check", "no"}});
  {
    const auto delegated = edit(demo_vat(), "<MSTTCGP>0101234565</MSTTCGP>",
                                "<MSTTCGP>0101234565</MSTTCGP><MSTDVNUNLHDon>0101243150</MSTDVNUNLHDon><TDVNUNLHDon>"
                                "Công ty Khác</TDVNUNLHDon><DCDVNUNLHDon>Hà Nội</DCDVNUNLHDon>");
    cert_case(s, "delegate-signs",
              sign_pending(put_in_slot(delegated, "NBan", dsig::render(t)), p.signer_key, {p.other_mst}), true,
              "NBan=valid", {}, "Delegated issuing: the delegate (MSTDVNUNLHDon) signs in the seller's slot",
              "Ủy nhiệm lập hóa đơn: đơn vị nhận ủy nhiệm (MSTDVNUNLHDon) ký ở ô của người bán");
  }
  cert_case(s, "untrusted", seller_signed(s, t, false, &p.stranger), false, "NBan=indeterminate/untrusted",
            {"PKI-UNTRUSTED"}, "A certificate under a root that is not trusted",
            "Chứng thư số thuộc một CA gốc không được tin cậy");
  again(s, "untrusted-root-added", "untrusted", true, "NBan=valid", {},
        "Near miss: the same signature once that root is configured as a trust anchor",
        "Gần đúng: cùng chữ ký khi CA gốc đó được cấu hình là tin cậy",
        {{"trust", "pki/stranger-root.pem"}, {"intermediate", ""}, {"crl", ""}});
  cert_case(s, "forged-issuer", seller_signed(s, t, false, &p.forged), false, "NBan=indeterminate/bad-chain",
            {"PKI-CHAIN"}, "A certificate naming the intermediate CA as its issuer, signed by another key",
            "Chứng thư số ghi CA trung gian là bên cấp nhưng được ký bằng khóa khác");
  {
    auto doc = seller_signed(s);
    const auto b = doc.find("<X509Certificate>") + 17, e = doc.find("</X509Certificate>");
    doc.replace(b, e - b, "TUlJQkR1bW15Q2VydGlmaWNhdGU=");
    cert_case(s, "unreadable-certificate", doc, false, "NBan=invalid/no-certificate", {"PKI-CERTIFICATE"},
              "An X509Certificate that holds no readable certificate",
              "X509Certificate không chứa chứng thư số đọc được");
  }
  cert_case(s, "weak-1024", seller_signed(s, t, false, &p.weak), true, "NBan=valid", {"PKI-WEAK-KEY"},
            "An RSA-1024 seller key, as some 2025 invoices still have: valid with a warning",
            "Khóa RSA-1024 của người bán, như một số hóa đơn năm 2025: hợp lệ, kèm cảnh báo");
  s.add({"certificates/weak-1024-strict",
         "certificates/weak-1024.xml",
         "verify",
         verify_options({{"policy", "strict"}}),
         false,
         "NBan=invalid/weak-key",
         {"PKI-WEAK-KEY"},
         "The RSA-1024 key under the strict policy",
         "Khóa RSA-1024 theo chính sách nghiêm ngặt"});
  again(s, "no-crl", "valid-chain", true, "NBan=valid", {"PKI-REVOCATION-UNKNOWN"},
        "Without any CRL, revocation is unknown: noted by default",
        "Không có CRL, không biết tình trạng thu hồi: chỉ ghi nhận ở chế độ mặc định", {{"crl", ""}});
  again(s, "no-crl-strict", "valid-chain", false, "NBan=indeterminate/revocation-unknown", {"PKI-REVOCATION-UNKNOWN"},
        "Without any CRL under the strict policy: indeterminate",
        "Không có CRL theo chính sách nghiêm ngặt: không xác định", {{"crl", ""}, {"policy", "strict"}});
  again(s, "no-intermediate", "valid-chain", false, "NBan=indeterminate/untrusted", {"PKI-UNTRUSTED"},
        "The intermediate CA is neither in KeyInfo nor configured: no chain",
        "CA trung gian không có trong KeyInfo và không được cấu hình: không có chuỗi", {{"intermediate", ""}});
  cert_case(s, "chain-in-keyinfo",
            sign_pending(put_in_slot(demo_vat(), "NBan", dsig::render(t)), p.signer_key, {p.signer, p.ca}), true,
            "NBan=valid", {}, "Near miss: the intermediate CA carried in KeyInfo instead of configured",
            "Gần đúng: CA trung gian nằm trong KeyInfo thay vì được cấu hình", {{"intermediate", ""}});
  again(s, "integrity-only", "untrusted", true, "NBan=indeterminate/trust-not-checked", {"PKI-INTEGRITY-ONLY"},
        "Integrity only, for auditors without the CA certificates: intact, trust not checked",
        "Chỉ kiểm tra tính toàn vẹn, cho kiểm toán viên không có chứng thư CA: nguyên vẹn, không kiểm tra tin cậy",
        {{"integrity-only", "yes"}, {"trust", ""}, {"intermediate", ""}, {"crl", ""}});
  {
    dsig::Template buyer = seller_template();
    buyer.id = "buyer";
    buyer.object_id = "BuyerTime";
    buyer.refs = {dsig::data_ref(), dsig::time_ref("BuyerTime")};
    cert_case(s, "buyer-tax-code-mismatch",
              sign_pending(put_in_slot(seller_signed(s), "NMua", dsig::render(buyer)), p.signer_key, {p.signer}), false,
              "NBan=valid,NMua=invalid/tax-code-mismatch", {"PKI-TAX-CODE"},
              "The buyer's slot signed with the seller's certificate",
              "Ô của người mua được ký bằng chứng thư của người bán");
  }
}

}  // namespace conformance
