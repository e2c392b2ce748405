// Keys on PKCS#11 tokens — the USB tokens Vietnamese CAs issue, HSMs, SoftHSM in the tests —
// through the module's own C interface, loaded with dlopen. hoadon hashes the canonical
// SignedInfo; the token signs the DigestInfo of that hash (CKM_RSA_PKCS, which every RSA token
// implements); the private key never leaves the token.
//
// The PKCS#11 declarations come from p11-kit's pkcs11.h (Debian libp11-kit-dev); hoadon does not
// link p11-kit: the module named by the user is the only one loaded.
#include <dlfcn.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/x509.h>
#include <p11-kit/pkcs11.h>

#include <cstring>
#include <map>
#include <mutex>
#include <optional>

#include <fmt/format.h>

#include "keys/key.hpp"
#include "keys/pkcs11_uri.hpp"

namespace hoadon::keys {
namespace {

std::string rv_text(CK_RV rv) {
  switch (rv) {
    case CKR_PIN_INCORRECT:
      return "the PIN is wrong";
    case CKR_PIN_LOCKED:
      return "the PIN is locked";
    case CKR_PIN_EXPIRED:
      return "the PIN has expired";
    case CKR_USER_NOT_LOGGED_IN:
      return "not logged in to the token";
    case CKR_TOKEN_NOT_PRESENT:
      return "the token is not present";
    case CKR_DEVICE_REMOVED:
      return "the token was removed";
    case CKR_DEVICE_ERROR:
      return "the token reports a device error";
    case CKR_KEY_FUNCTION_NOT_PERMITTED:
      return "the key may not sign";
    case CKR_MECHANISM_INVALID:
      return "the token does not offer RSA PKCS#1 v1.5 signing (CKM_RSA_PKCS)";
    default:
      return fmt::format("PKCS#11 error 0x{:08X}", rv);
  }
}

[[noreturn]] void fail(CK_RV rv, std::string_view what) {
  const bool auth = rv == CKR_PIN_INCORRECT || rv == CKR_PIN_LOCKED || rv == CKR_PIN_EXPIRED ||
                    rv == CKR_PIN_LEN_RANGE || rv == CKR_USER_NOT_LOGGED_IN;
  throw KeyError(auth ? KeyError::Kind::Auth : KeyError::Kind::Device, fmt::format("{}: {}", what, rv_text(rv)));
}

// A loaded module. PKCS#11 modules are process-wide (C_Initialize/C_Finalize once per process):
// signers naming the same module share one Module, which finalises and unloads it with the last.
class Module {
 public:
  static std::shared_ptr<Module> open(const std::string& path) {
    static std::mutex mutex;  // guards the registry of loaded modules
    static std::map<std::string, std::weak_ptr<Module>> loaded;
    std::lock_guard lock(mutex);
    if (auto m = loaded[path].lock()) return m;
    auto m = std::shared_ptr<Module>(new Module(path));
    loaded[path] = m;
    return m;
  }
  ~Module() {
    if (owns_) list_->C_Finalize(nullptr);
    dlclose(handle_);
  }
  Module(const Module&) = delete;
  Module& operator=(const Module&) = delete;

  [[nodiscard]] CK_FUNCTION_LIST* operator->() const noexcept { return list_; }

 private:
  explicit Module(const std::string& path) {
    handle_ = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle_) {
      const char* why = dlerror();
      throw KeyError(KeyError::Kind::Io, fmt::format("cannot load the PKCS#11 module {}: {}", path, why ? why : "?"));
    }
    // POSIX guarantees that a symbol's address converts to a function pointer.
    const auto get = reinterpret_cast<CK_C_GetFunctionList>(dlsym(handle_, "C_GetFunctionList"));
    CK_RV rv = get ? get(&list_) : CKR_GENERAL_ERROR;
    if (rv == CKR_OK && list_) {
      CK_C_INITIALIZE_ARGS args{};
      args.flags = CKF_OS_LOCKING_OK;  // hoadon signs from several threads
      rv = list_->C_Initialize(&args);
      owns_ = rv == CKR_OK;
      if (rv == CKR_CRYPTOKI_ALREADY_INITIALIZED) rv = CKR_OK;  // someone else in the process did
    }
    if (rv != CKR_OK || !list_) {
      dlclose(handle_);
      throw KeyError(KeyError::Kind::Io, fmt::format("{} is not a usable PKCS#11 module ({})", path, rv_text(rv)));
    }
  }
  void* handle_ = nullptr;
  CK_FUNCTION_LIST* list_ = nullptr;
  bool owns_ = false;
};

// A fixed-size, blank-padded PKCS#11 text field as a string.
std::string field(const unsigned char* p, std::size_t n) {
  std::string s(reinterpret_cast<const char*>(p), n);
  s.erase(s.find_last_not_of(' ') + 1);
  return s;
}

bool matches(const Pkcs11Uri& uri, std::string_view name, const std::string& actual) {
  const auto* want = uri.get(name);
  return !want || *want == actual;
}

// The one slot whose token the URI names.
CK_SLOT_ID find_slot(const Module& m, const Pkcs11Uri& uri) {
  CK_INFO info{};
  if (const CK_RV rv = m->C_GetInfo(&info); rv != CKR_OK) fail(rv, "cannot query the PKCS#11 module");
  const auto version = fmt::format("{}.{}", info.libraryVersion.major, info.libraryVersion.minor);
  if (!matches(uri, "library-manufacturer", field(info.manufacturerID, sizeof info.manufacturerID)) ||
      !matches(uri, "library-description", field(info.libraryDescription, sizeof info.libraryDescription)) ||
      !matches(uri, "library-version", version))
    throw KeyError(KeyError::Kind::Device, "the PKCS#11 module is not the library the URI names");
  CK_ULONG n = 0;
  if (const CK_RV rv = m->C_GetSlotList(CK_TRUE, nullptr, &n); rv != CKR_OK) fail(rv, "cannot list the tokens");
  std::vector<CK_SLOT_ID> slots(n);
  if (const CK_RV rv = m->C_GetSlotList(CK_TRUE, slots.data(), &n); rv != CKR_OK) fail(rv, "cannot list the tokens");
  slots.resize(n);
  std::vector<CK_SLOT_ID> found;
  for (const CK_SLOT_ID slot : slots) {
    CK_TOKEN_INFO t{};
    CK_SLOT_INFO s{};
    if (m->C_GetTokenInfo(slot, &t) != CKR_OK || m->C_GetSlotInfo(slot, &s) != CKR_OK) continue;
    if (matches(uri, "token", field(t.label, sizeof t.label)) &&
        matches(uri, "manufacturer", field(t.manufacturerID, sizeof t.manufacturerID)) &&
        matches(uri, "serial", field(t.serialNumber, sizeof t.serialNumber)) &&
        matches(uri, "model", field(t.model, sizeof t.model)) && matches(uri, "slot-id", std::to_string(slot)) &&
        matches(uri, "slot-description", field(s.slotDescription, sizeof s.slotDescription)) &&
        matches(uri, "slot-manufacturer", field(s.manufacturerID, sizeof s.manufacturerID)))
      found.push_back(slot);
  }
  if (found.empty()) throw KeyError(KeyError::Kind::Device, "no token present matches the PKCS#11 URI");
  if (found.size() > 1)
    throw KeyError(KeyError::Kind::Invalid, "several tokens match the PKCS#11 URI: name one (token=, serial=)");
  return found.front();
}

// A DER DigestInfo: what CKM_RSA_PKCS signs for RSASSA-PKCS1-v1_5 (RFC 8017 §9.2).
std::string digest_info(const EVP_MD* md, std::string_view digest) {
  X509_SIG* sig = X509_SIG_new();
  X509_ALGOR* alg = nullptr;
  ASN1_OCTET_STRING* value = nullptr;
  std::string out;
  if (sig) {
    X509_SIG_getm(sig, &alg, &value);
    unsigned char* der = nullptr;
    int len = -1;
    if (X509_ALGOR_set0(alg, OBJ_nid2obj(EVP_MD_get_type(md)), V_ASN1_NULL, nullptr) == 1 &&
        ASN1_OCTET_STRING_set(value, reinterpret_cast<const unsigned char*>(digest.data()),
                              static_cast<int>(digest.size())) == 1)
      len = i2d_X509_SIG(sig, &der);
    if (len > 0) out.assign(reinterpret_cast<char*>(der), static_cast<std::size_t>(len));
    OPENSSL_free(der);
    X509_SIG_free(sig);
  }
  if (out.empty()) throw KeyError(KeyError::Kind::Invalid, "cannot encode the DigestInfo");
  return out;
}

class Session {
 public:
  Session(std::shared_ptr<Module> m, CK_SLOT_ID slot) : m_(std::move(m)) {
    if (const CK_RV rv = (*m_)->C_OpenSession(slot, CKF_SERIAL_SESSION, nullptr, nullptr, &h_); rv != CKR_OK)
      fail(rv, "cannot open a session on the token");
  }
  ~Session() { (*m_)->C_CloseSession(h_); }  // closing the last session also logs out
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  [[nodiscard]] const Module& module() const { return *m_; }
  [[nodiscard]] CK_SESSION_HANDLE handle() const { return h_; }

  // Objects matching the template (at most `limit`).
  std::vector<CK_OBJECT_HANDLE> find(std::vector<CK_ATTRIBUTE> tmpl, CK_ULONG limit) const {
    std::vector<CK_OBJECT_HANDLE> out(limit);
    CK_ULONG n = 0;
    CK_RV rv = (*m_)->C_FindObjectsInit(h_, tmpl.data(), static_cast<CK_ULONG>(tmpl.size()));
    if (rv == CKR_OK) {
      rv = (*m_)->C_FindObjects(h_, out.data(), limit, &n);
      (*m_)->C_FindObjectsFinal(h_);
    }
    if (rv != CKR_OK) fail(rv, "cannot search the token");
    out.resize(n);
    return out;
  }

  // An attribute's value; nullopt when the token does not reveal it.
  std::optional<std::string> attribute(CK_OBJECT_HANDLE o, CK_ATTRIBUTE_TYPE type) const {
    CK_ATTRIBUTE a{type, nullptr, 0};
    if ((*m_)->C_GetAttributeValue(h_, o, &a, 1) != CKR_OK || a.ulValueLen == CK_UNAVAILABLE_INFORMATION)
      return std::nullopt;
    std::string v(a.ulValueLen, '\0');
    a.pValue = v.data();
    if ((*m_)->C_GetAttributeValue(h_, o, &a, 1) != CKR_OK) return std::nullopt;
    v.resize(a.ulValueLen);
    return v;
  }

 private:
  std::shared_ptr<Module> m_;
  CK_SESSION_HANDLE h_ = 0;
};

// Logs in when the token asks for it or a PIN is given (private keys are usually private objects,
// hidden until then). Returns whether the session is logged in.
bool log_in(const Session& s, CK_SLOT_ID slot, const Secret* pin) {
  CK_TOKEN_INFO t{};
  if (const CK_RV rv = s.module()->C_GetTokenInfo(slot, &t); rv != CKR_OK) fail(rv, "cannot query the token");
  if (!(t.flags & CKF_LOGIN_REQUIRED) && !pin) return false;
  const bool pinpad = (t.flags & CKF_PROTECTED_AUTHENTICATION_PATH) != 0;
  if (!pin && !pinpad)
    throw KeyError(KeyError::Kind::Auth,
                   "the token needs its PIN (from an environment variable, a file or the prompt)");
  // A PIN pad takes the PIN on the reader itself: NULL here.
  auto* p = pin ? reinterpret_cast<CK_UTF8CHAR*>(const_cast<char*>(pin->c_str())) : nullptr;
  const CK_RV rv = s.module()->C_Login(s.handle(), CKU_USER, p, pin ? static_cast<CK_ULONG>(pin->size()) : 0);
  if (rv != CKR_OK && rv != CKR_USER_ALREADY_LOGGED_IN) fail(rv, "cannot log in to the token");
  return true;
}

class Pkcs11Key final : public Key {
 public:
  Pkcs11Key(std::unique_ptr<Session> s, CK_OBJECT_HANDLE key, std::size_t size)
      : session_(std::move(s)), key_(key), size_(size) {}

  std::string sign_digest(const EVP_MD* md, std::string_view digest) const override {
    const std::string data = digest_info(md, digest);
    std::string out(size_, '\0');
    CK_ULONG len = static_cast<CK_ULONG>(out.size());
    CK_MECHANISM mech{CKM_RSA_PKCS, nullptr, 0};
    auto* in = reinterpret_cast<CK_BYTE*>(const_cast<char*>(data.data()));
    // A session runs one operation at a time: concurrent signatures take turns.
    std::lock_guard lock(mutex_);
    const auto& m = session_->module();
    CK_RV rv = m->C_SignInit(session_->handle(), &mech, key_);
    if (rv == CKR_OK)
      rv = m->C_Sign(session_->handle(), in, static_cast<CK_ULONG>(data.size()), reinterpret_cast<CK_BYTE*>(out.data()),
                     &len);
    if (rv != CKR_OK) fail(rv, "the token cannot sign");
    out.resize(len);
    return out;
  }

 private:
  std::unique_ptr<Session> session_;
  CK_OBJECT_HANDLE key_;
  std::size_t size_;  // bytes of a signature: the modulus size
  mutable std::mutex mutex_;
};

// The RSA modulus of a certificate's key, big-endian without leading zeros.
std::string modulus_of(X509* cert) {
  BIGNUM* n = nullptr;
  std::string out;
  if (EVP_PKEY_get_bn_param(X509_get0_pubkey(cert), OSSL_PKEY_PARAM_RSA_N, &n) == 1) {
    out.resize(static_cast<std::size_t>(BN_num_bytes(n)));
    BN_bn2bin(n, reinterpret_cast<unsigned char*>(out.data()));
  }
  BN_free(n);
  return out;
}

std::string strip_zeros(std::string s) {
  s.erase(0, s.find_first_not_of('\0'));
  return s;
}

}  // namespace

Signer from_pkcs11(std::string_view uri_text, const std::string& module_option, const Secret* pin,
                   std::string_view certificate) {
  const Pkcs11Uri uri = parse_pkcs11_uri(uri_text);
  std::string path = !module_option.empty() ? module_option : uri.module_path;
  if (path.empty()) path = "p11-kit-proxy.so";  // every module p11-kit is configured with
  auto module = Module::open(path);
  const CK_SLOT_ID slot = find_slot(*module, uri);
  auto session = std::make_unique<Session>(module, slot);
  const bool logged_in = log_in(*session, slot, pin);

  // The private key: by label (object=) and CKA_ID (id=), exactly one.
  CK_OBJECT_CLASS key_class = CKO_PRIVATE_KEY;
  std::vector<CK_ATTRIBUTE> tmpl = {{CKA_CLASS, &key_class, sizeof key_class}};
  std::string label, id;
  if (const auto* o = uri.get("object")) tmpl.push_back({CKA_LABEL, (label = *o).data(), label.size()});
  if (const auto* i = uri.get("id")) tmpl.push_back({CKA_ID, (id = *i).data(), id.size()});
  const auto keys = session->find(tmpl, 2);
  if (keys.empty())
    throw KeyError(logged_in ? KeyError::Kind::Invalid : KeyError::Kind::Auth,
                   logged_in ? "no private key on the token matches the PKCS#11 URI"
                             : "no private key visible on the token without logging in: give its PIN");
  if (keys.size() > 1)
    throw KeyError(KeyError::Kind::Invalid, "several private keys match the PKCS#11 URI: name one (object=, id=)");
  const CK_OBJECT_HANDLE key = keys.front();
  const auto type = session->attribute(key, CKA_KEY_TYPE);
  CK_KEY_TYPE key_type = CKK_RSA;
  if (type && type->size() == sizeof key_type) std::memcpy(&key_type, type->data(), sizeof key_type);
  if (key_type != CKK_RSA)
    throw KeyError(KeyError::Kind::Invalid, "the token's key is not RSA: it cannot sign e-invoices");

  Signer s;
  s.kind = "pkcs11";
  if (!certificate.empty()) {
    auto certs = read_certificates(certificate, "the certificate");
    s.certificate = std::move(certs.front());
    for (std::size_t i = 1; i < certs.size(); ++i) s.chain.push_back(std::move(certs[i]));
  } else {
    // The token's certificate of this key: same CKA_ID (the PKCS#11 convention), else same label.
    CK_OBJECT_CLASS cert_class = CKO_CERTIFICATE;
    CK_CERTIFICATE_TYPE x509 = CKC_X_509;
    std::vector<CK_ATTRIBUTE> ct = {{CKA_CLASS, &cert_class, sizeof cert_class},
                                    {CKA_CERTIFICATE_TYPE, &x509, sizeof x509}};
    auto key_id = session->attribute(key, CKA_ID).value_or("");
    auto key_label = session->attribute(key, CKA_LABEL).value_or("");
    if (!key_id.empty())
      ct.push_back({CKA_ID, key_id.data(), key_id.size()});
    else if (!key_label.empty())
      ct.push_back({CKA_LABEL, key_label.data(), key_label.size()});
    const auto certs = session->find(ct, 2);
    if (certs.size() != 1)
      throw KeyError(KeyError::Kind::Invalid,
                     certs.empty() ? "the token holds no certificate for the key: give its certificate"
                                   : "the token holds several certificates for the key: give the certificate to use");
    const auto der = session->attribute(certs.front(), CKA_VALUE);
    s.certificate = der ? pki::parse_der(*der) : nullptr;
    if (!s.certificate) throw KeyError(KeyError::Kind::Invalid, "the token's certificate cannot be read");
  }
  // The key must be the certificate's: compared by modulus when the token shows it (it usually
  // does; otherwise the first signature, checked against the certificate, tells).
  const std::string cert_modulus = modulus_of(s.certificate.get());
  if (cert_modulus.empty()) throw KeyError(KeyError::Kind::Invalid, "the certificate's key is not RSA");
  if (const auto n = session->attribute(key, CKA_MODULUS); n && strip_zeros(*n) != cert_modulus)
    throw KeyError(KeyError::Kind::Invalid, fmt::format("the token's key does not belong to the certificate of {}",
                                                        pki::name_text(X509_get_subject_name(s.certificate.get()))));
  s.key = std::make_unique<Pkcs11Key>(std::move(session), key, cert_modulus.size());
  return s;
}

}  // namespace hoadon::keys
