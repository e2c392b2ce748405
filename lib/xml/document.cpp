#include "xml/document.hpp"

#include <fcntl.h>
#include <libxml/SAX2.h>
#include <libxml/encoding.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstring>

#include <fmt/format.h>

#include "init.hpp"
#include "util/utf8.hpp"
#include "xml/census.hpp"
#include "xml/node.hpp"

namespace hoadon::xml {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Line (1-based) and column (1-based, in bytes) of a byte offset, for problems found before
// libxml2 sees the input.
unsigned line_of_offset(std::string_view bytes, std::size_t offset) {
  const auto head = bytes.substr(0, offset);
  return static_cast<unsigned>(std::count(head.begin(), head.end(), '\n')) + 1;
}

std::size_t column_of_offset(std::string_view bytes, std::size_t offset) {
  const auto nl = bytes.substr(0, offset).rfind('\n');
  return offset - (nl == std::string_view::npos ? 0 : nl + 1) + 1;
}

bool ascii_iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto l = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
    if (l(a[i]) != l(b[i])) return false;
  }
  return true;
}

// The encoding named in the XML declaration, or "" when there is none.
std::string_view declared_encoding(std::string_view s) {
  if (!s.starts_with("<?xml") || s.size() < 6 || std::string_view(" \t\r\n").find(s[5]) == std::string_view::npos)
    return {};
  const auto end = s.find("?>");
  if (end == std::string_view::npos) return {};
  const std::string_view decl = s.substr(0, end);
  const auto pos = decl.find("encoding");
  if (pos == std::string_view::npos) return {};
  auto rest = trim(decl.substr(pos + 8));
  if (!rest.starts_with('=')) return {};
  rest = trim(rest.substr(1));
  if (rest.empty() || (rest[0] != '"' && rest[0] != '\'')) return {};
  const auto close = rest.find(rest[0], 1);
  if (close == std::string_view::npos) return {};
  return rest.substr(1, close - 1);
}

// The encodings a document's first bytes announce (XML 1.0, appendix F).
enum class Family { Ascii, Utf16Le, Utf16Be, Utf32 };

Family family_of(std::string_view b) {
  const auto starts = [&](std::string_view p) { return b.starts_with(p); };
  using namespace std::string_view_literals;
  if (starts("\0\0\xFE\xFF"sv) || starts("\xFF\xFE\0\0"sv) || starts("\0\0\0<"sv) || starts("<\0\0\0"sv))
    return Family::Utf32;
  if (starts("\xFF\xFE"sv) || starts("<\0?\0"sv)) return Family::Utf16Le;
  if (starts("\xFE\xFF"sv) || starts("\0<\0?"sv)) return Family::Utf16Be;
  return Family::Ascii;
}

// A UTF-16 document seen one byte per code unit, the units beyond ASCII as 'x': enough to read
// its markup (the census), which is all ASCII.
std::string ascii_projection(std::string_view b, Family f) {
  std::string out;
  out.reserve(b.size() / 2);
  for (std::size_t i = 0; i + 1 < b.size(); i += 2) {
    const auto lo = static_cast<unsigned char>(b[i + (f == Family::Utf16Le ? 0 : 1)]);
    const auto hi = static_cast<unsigned char>(b[i + (f == Family::Utf16Le ? 1 : 0)]);
    out.push_back(hi == 0 && lo < 0x80 ? static_cast<char>(lo) : 'x');
  }
  return out;
}

bool libxml2_decodes(std::string_view encoding) {
  const std::string name(encoding);
  xmlCharEncodingHandlerPtr h = xmlFindCharEncodingHandler(name.c_str());
  if (!h) return false;
  xmlCharEncCloseFunc(h);
  return true;
}

bool encoding_ok(std::string_view bytes, const Limits& limits, Family family, Report& report) {
  if (family != Family::Ascii && !(limits.any_encoding && family != Family::Utf32)) {
    report.add(
        Code::XmlEncoding, {"", 1},
        limits.any_encoding
            ? std::string("The document is encoded in UTF-32, which is not supported")
            : std::string("The document is encoded in UTF-16 or UTF-32; e-invoices must be UTF-8 (TCVN 6909:2001)"),
        limits.any_encoding
            ? std::string("Tài liệu được mã hóa UTF-32, bảng mã không được hỗ trợ")
            : std::string("Tài liệu được mã hóa UTF-16 hoặc UTF-32; hóa đơn điện tử phải dùng UTF-8 (TCVN 6909:2001)"));
    return false;
  }
  if (family != Family::Ascii) return true;  // UTF-16: libxml2 decodes and checks it
  std::string_view body = bytes;
  if (body.starts_with(kBom)) body.remove_prefix(kBom.size());
  const auto enc = declared_encoding(body);
  const bool utf8 = enc.empty() || ascii_iequals(enc, "utf-8") || ascii_iequals(enc, "utf8");
  if (!utf8 && !limits.any_encoding) {
    report.add(Code::XmlEncoding, {"", 1},
               fmt::format("The XML declaration names the encoding \"{}\"; e-invoices must be UTF-8", enc),
               fmt::format("Khai báo XML dùng bảng mã \"{}\"; hóa đơn điện tử phải dùng UTF-8", enc));
    return false;
  }
  if (!utf8) {
    if (libxml2_decodes(enc)) return true;
    report.add(Code::XmlEncoding, {"", 1},
               fmt::format("The XML declaration names the encoding \"{}\", which the XML parser cannot decode", enc),
               fmt::format("Khai báo XML dùng bảng mã \"{}\", bảng mã mà bộ phân tích XML không giải mã được", enc));
    return false;
  }
  if (const auto bad = utf8_first_invalid(bytes); bad != std::string_view::npos) {
    const Location where{"", line_of_offset(bytes, bad)};
    const auto col = column_of_offset(bytes, bad);
    report.add(Code::XmlUtf8, where,
               fmt::format("Byte 0x{:02X} at line {}, column {} (offset {}) is not valid UTF-8",
                           static_cast<unsigned char>(bytes[bad]), where.line, col, bad),
               fmt::format("Byte 0x{:02X} ở dòng {}, cột {} (vị trí {}) không hợp lệ theo UTF-8",
                           static_cast<unsigned char>(bytes[bad]), where.line, col, bad));
    return false;
  }
  return true;
}

bool census_ok(std::string_view bytes, const Limits& limits, Family family, Report& report) {
  const std::string projected = family == Family::Ascii ? std::string() : ascii_projection(bytes, family);
  const std::string_view text = family == Family::Ascii ? bytes : std::string_view(projected);
  const auto c = take_census(text, {limits.max_attributes, limits.max_document_attributes,
                                    limits.max_namespaces_in_scope, limits.max_namespace_lookups, limits.max_depth});
  if (c.over == Census::Over::None) return true;
  // Offsets of the projection are code units: two bytes each.
  const std::size_t offset = family == Family::Ascii ? c.offset : c.offset * 2;
  const Location where{"", line_of_offset(text, c.offset)};
  switch (c.over) {
    case Census::Over::PerElement:
      report.add(Code::XmlLimit, where,
                 fmt::format("The element starting at line {} (offset {}) has more than {} attributes: refused "
                             "before parsing (attribute floods make XML parsers quadratic)",
                             where.line, offset, limits.max_attributes),
                 fmt::format("Phần tử bắt đầu ở dòng {} (vị trí {}) có hơn {} thuộc tính: bị từ chối trước khi "
                             "phân tích (tấn công làm ngập thuộc tính)",
                             where.line, offset, limits.max_attributes));
      break;
    case Census::Over::PerDocument:
      report.add(Code::XmlLimit, where,
                 fmt::format("The document has more than {} attributes (passed at line {}): refused before parsing",
                             limits.max_document_attributes, where.line),
                 fmt::format("Tài liệu có hơn {} thuộc tính (vượt ở dòng {}): bị từ chối trước khi phân tích",
                             limits.max_document_attributes, where.line));
      break;
    case Census::Over::NamespacesInScope:
      report.add(Code::XmlLimit, where,
                 fmt::format("More than {} namespace declarations are in scope at line {}: refused before parsing",
                             limits.max_namespaces_in_scope, where.line),
                 fmt::format("Có hơn {} khai báo không gian tên cùng hiệu lực ở dòng {}: bị từ chối trước khi "
                             "phân tích",
                             limits.max_namespaces_in_scope, where.line));
      break;
    case Census::Over::NamespaceLookups:
      report.add(Code::XmlLimit, where,
                 fmt::format("Resolving the namespaces of the document would take more than {} look-ups (passed at "
                             "line {}: too many declarations in scope for so many elements): refused before parsing",
                             limits.max_namespace_lookups, where.line),
                 fmt::format("Việc phân giải không gian tên của tài liệu cần hơn {} lần tra cứu (vượt ở dòng {}: quá "
                             "nhiều khai báo cùng hiệu lực cho quá nhiều phần tử): bị từ chối trước khi phân tích",
                             limits.max_namespace_lookups, where.line));
      break;
    case Census::Over::None:
      break;
  }
  return false;
}

// Files people mistake for the invoice: its PDF, the portal's ZIP. Saying what they are beats
// "byte 0xE2 is not UTF-8". (Images and other binaries stay XML-UTF8/XML-MALFORMED.)
bool other_format_ok(std::string_view bytes, Report& report) {
  struct Magic {
    std::string_view bytes, en, vi;
  };
  static constexpr Magic kMagic[] = {
      {"%PDF-", "a PDF document, not XML: hoadon reads the invoice's XML file, of which a PDF is only the printed form",
       "tài liệu PDF, không phải XML: hoadon đọc tệp XML của hóa đơn, PDF chỉ là bản thể hiện của nó"},
      {"PK\x03\x04", "a ZIP archive, not XML: open the XML files it holds",
       "tệp nén ZIP, không phải XML: hãy mở các tệp XML bên trong"},
      {"PK\x05\x06", "an empty ZIP archive, not XML", "tệp nén ZIP rỗng, không phải XML"},
      {"\x1F\x8B", "a gzip-compressed file, not XML: decompress it first",
       "tệp nén gzip, không phải XML: hãy giải nén trước"},
      {"Rar!", "a RAR archive, not XML: extract the XML files it holds",
       "tệp nén RAR, không phải XML: hãy giải nén các tệp XML bên trong"},
      {"7z\xBC\xAF\x27\x1C", "a 7-Zip archive, not XML: extract the XML files it holds",
       "tệp nén 7-Zip, không phải XML: hãy giải nén các tệp XML bên trong"},
  };
  for (const auto& m : kMagic)
    if (bytes.starts_with(m.bytes)) {
      report.add(Code::XmlOtherFormat, {}, fmt::format("The input is {}", m.en),
                 fmt::format("Dữ liệu đầu vào là {}", m.vi));
      return false;
    }
  return true;
}

// Checks done on the raw bytes, before any parsing: emptiness, size, encoding, attributes.
bool precheck(std::string_view bytes, const Limits& limits, Report& report) {
  if (bytes.empty()) {
    report.add(Code::XmlEmpty, {}, "The input is empty (0 bytes)", "Dữ liệu đầu vào rỗng (0 byte)");
    return false;
  }
  if (bytes.size() > limits.max_bytes) {
    report.add(Code::XmlSize, {},
               fmt::format("The input is {} bytes, more than the limit of {} bytes", bytes.size(), limits.max_bytes),
               fmt::format("Dữ liệu đầu vào có {} byte, vượt giới hạn {} byte", bytes.size(), limits.max_bytes));
    return false;
  }
  if (!other_format_ok(bytes, report)) return false;
  const Family family = family_of(bytes);
  return encoding_ok(bytes, limits, family, report) && census_ok(bytes, limits, family, report);
}

// What the SAX hooks share with the parse.
struct State {
  const Limits* limits;
  Report* report;
  std::vector<Span>* spans;
  std::string_view bytes;
  unsigned depth = 0;
  bool rejected = false;  // a diagnostic has been recorded: the document is refused
};

State& state_of(void* ctx) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  return *static_cast<State*>(ctxt->_private);
}

std::size_t offset_of(xmlParserCtxtPtr ctxt) {
  const long consumed = xmlByteConsumed(ctxt);
  return consumed < 0 ? 0 : static_cast<std::size_t>(consumed);
}

Location here(xmlParserCtxtPtr ctxt) {
  Location loc;
  loc.line = ctxt->input ? static_cast<unsigned>(ctxt->input->line) : 0;
  if (ctxt->node) loc.path = xpath(ctxt->node);
  return loc;
}

void reject(xmlParserCtxtPtr ctxt, Code code, std::string en, std::string vi) {
  State& st = state_of(ctxt);
  if (!st.rejected) st.report->add(code, here(ctxt), std::move(en), std::move(vi));
  st.rejected = true;
  xmlStopParser(ctxt);
}

void on_internal_subset(void* ctx, const xmlChar* name, const xmlChar*, const xmlChar*) {
  const std::string_view n = name ? reinterpret_cast<const char*>(name) : "";
  reject(static_cast<xmlParserCtxtPtr>(ctx), Code::XmlDoctype,
         fmt::format("A DOCTYPE declaration (<!DOCTYPE {} …>) is not allowed: invoices never carry one, and "
                     "DTDs are the vehicle of entity-expansion, XXE and ID-spoofing attacks",
                     n),
         fmt::format("Không được phép khai báo DOCTYPE (<!DOCTYPE {} …>): hóa đơn không bao giờ có, và DTD là "
                     "phương tiện của các tấn công mở rộng thực thể, XXE và giả mạo ID",
                     n));
}

void on_entity_decl(void* ctx, const xmlChar* name, int, const xmlChar*, const xmlChar*, xmlChar*) {
  const std::string_view n = name ? reinterpret_cast<const char*>(name) : "";
  reject(static_cast<xmlParserCtxtPtr>(ctx), Code::XmlEntity,
         fmt::format("The entity declaration '{}' is not allowed", n),
         fmt::format("Không được phép khai báo thực thể '{}'", n));
}

void on_start(void* ctx, const xmlChar* localname, const xmlChar* prefix, const xmlChar* uri, int nb_namespaces,
              const xmlChar** namespaces, int nb_attributes, int nb_defaulted, const xmlChar** attributes) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  State& st = state_of(ctx);
  if (++st.depth > st.limits->max_depth) {
    reject(ctxt, Code::XmlDepth,
           fmt::format("Elements are nested deeper than the limit of {} levels", st.limits->max_depth),
           fmt::format("Các phần tử lồng nhau sâu hơn giới hạn {} cấp", st.limits->max_depth));
    return;
  }
  xmlSAX2StartElementNs(ctx, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes, nb_defaulted,
                        attributes);
  xmlNode* node = ctxt->node;
  if (!node) return;
  // libxml2 calls us with the input positioned at the '>' or '/>' closing the start tag; an
  // unescaped '<' cannot occur inside a start tag, so the nearest '<' before it opens the tag.
  const std::size_t at = std::min(offset_of(ctxt), st.bytes.size());
  const auto lt = st.bytes.substr(0, at).rfind('<');
  const bool empty_tag = at < st.bytes.size() && st.bytes[at] == '/';
  const auto tag_end = static_cast<std::uint32_t>(std::min(at + (empty_tag ? 2 : 1), st.bytes.size()));
  st.spans->push_back({lt == std::string_view::npos ? 0 : static_cast<std::uint32_t>(lt), tag_end, tag_end,
                       static_cast<std::uint32_t>(ctxt->input->line)});
  node->_private = reinterpret_cast<void*>(st.spans->size());  // index + 1
}

void on_end(void* ctx, const xmlChar* localname, const xmlChar* prefix, const xmlChar* uri) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  State& st = state_of(ctx);
  if (st.depth > 0) --st.depth;
  if (xmlNode* node = ctxt->node) {
    // Called after the end tag (or '/>') has been consumed.
    if (const auto idx = reinterpret_cast<std::uintptr_t>(node->_private); idx > 0 && idx <= st.spans->size())
      (*st.spans)[idx - 1].end = static_cast<std::uint32_t>(std::min(offset_of(ctxt), st.bytes.size()));
  }
  xmlSAX2EndElementNs(ctx, localname, prefix, uri);
}

Code code_for(const xmlError* e, std::string_view bytes) {
  if (e->domain == XML_FROM_NAMESPACE) return Code::XmlNamespace;
  switch (e->code) {
    case XML_ERR_DOCUMENT_EMPTY:
      return trim(bytes).empty() || trim(bytes) == kBom ? Code::XmlEmpty : Code::XmlMalformed;
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
    case XML_ERR_ENTITY_LOOP:
    case XML_ERR_ENTITY_BOUNDARY:
    case XML_ERR_ENTITYREF_NO_NAME:
    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
    case XML_ERR_UNPARSED_ENTITY:
    case XML_ERR_ENTITY_IS_EXTERNAL:
    case XML_ERR_ENTITY_IS_PARAMETER:
      return Code::XmlEntity;
    case XML_ERR_DOCTYPE_NOT_FINISHED:
      return Code::XmlDoctype;
    case XML_ERR_INVALID_ENCODING:
    case XML_ERR_UNKNOWN_ENCODING:
    case XML_ERR_UNSUPPORTED_ENCODING:
      return Code::XmlEncoding;
    case XML_ERR_NAME_TOO_LONG:
      return Code::XmlLimit;
    default:
      return Code::XmlMalformed;
  }
}

void on_error(void* ctx, xmlErrorPtr e) {
  if (!e || e->level < XML_ERR_ERROR) return;  // warnings do not decide anything here
  auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  State& st = state_of(ctx);
  if (st.rejected) return;  // the first problem is the one worth reporting
  st.rejected = true;
  std::string msg = e->message ? std::string(trim(e->message)) : std::string("unknown error");
  Location loc;
  loc.line = e->line > 0 ? static_cast<unsigned>(e->line) : 0;
  if (ctxt->node) loc.path = xpath(ctxt->node);
  const Code code = code_for(e, st.bytes);
  const auto& info = code_info(code);
  st.report->add(code, loc, fmt::format("{}: line {}, column {}: {}", info.title_en, e->line, e->int2, msg),
                 fmt::format("{}: dòng {}, cột {} (bộ phân tích XML báo: {})", info.title_vi, e->line, e->int2, msg));
}

}  // namespace

Document::~Document() {
  if (doc_) xmlFreeDoc(doc_);
}

xmlNode* Document::root() const noexcept { return doc_ ? xmlDocGetRootElement(doc_) : nullptr; }

const Span* Document::span(const xmlNode* n) const noexcept {
  if (!n || n->type != XML_ELEMENT_NODE || n->doc != doc_) return nullptr;
  const auto idx = reinterpret_cast<std::uintptr_t>(n->_private);
  return (idx > 0 && idx <= spans_.size()) ? &spans_[idx - 1] : nullptr;
}

unsigned Document::line(const xmlNode* n) const noexcept {
  if (const Span* s = span(n)) return s->line;
  const long l = n ? xmlGetLineNo(n) : 0;
  return l > 0 ? static_cast<unsigned>(l) : 0;
}

Location Document::locate(const xmlNode* n) const { return {xpath(n), line(n)}; }

std::unique_ptr<Document> parse(std::string bytes, const Limits& limits_in, Report& report) {
  ensure_initialized();
  Limits limits = limits_in;
  limits.max_depth = std::min(limits.max_depth, 256u);
  limits.max_bytes = std::min<std::size_t>(limits.max_bytes, INT_MAX);  // libxml2 takes an int size
  if (!precheck(bytes, limits, report)) return nullptr;

  std::unique_ptr<Document> doc(new Document());
  doc->bytes_ = std::move(bytes);
  const std::string_view view = doc->bytes_;

  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (!ctxt) {
    report.add(Code::XmlMalformed, {}, "The XML parser could not be created (out of memory?)",
               "Không tạo được bộ phân tích XML (thiếu bộ nhớ?)");
    return nullptr;
  }
  // One allocation for the spans: there are at most as many elements as '<' characters.
  doc->spans_.reserve(static_cast<std::size_t>(std::count(view.begin(), view.end(), '<')));
  State st{&limits, &report, &doc->spans_, view};
  ctxt->_private = &st;
  xmlSAXHandler* sax = ctxt->sax;
  sax->internalSubset = on_internal_subset;
  sax->externalSubset = on_internal_subset;
  sax->entityDecl = on_entity_decl;
  sax->startElementNs = on_start;
  sax->endElementNs = on_end;
  sax->serror = on_error;
  sax->warning = nullptr;
  sax->error = nullptr;
  sax->fatalError = nullptr;
  // xmlCtxtReadMemory reads the caller's buffer in place (no copy) and keeps the handlers.
  // No XML_PARSE_NOENT (no substitution), no DTDLOAD/DTDATTR/DTDVALID, no HUGE; NONET for
  // defence in depth even though nothing external is ever loaded.
  xmlDoc* tree = xmlCtxtReadMemory(ctxt, view.data(), static_cast<int>(view.size()), nullptr, nullptr,
                                   XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  const bool good =
      tree && ctxt->wellFormed && ctxt->nsWellFormed && !st.rejected && xmlDocGetRootElement(tree) != nullptr;
  xmlFreeParserCtxt(ctxt);
  if (!good) {
    if (tree) xmlFreeDoc(tree);
    if (report.ok())
      report.add(Code::XmlMalformed, {}, "The document is not well-formed XML", "Tài liệu không phải XML hợp lệ");
    return nullptr;
  }
  doc->doc_ = tree;
  return doc;
}

namespace {

void report_io(Report& report, const std::string& what, int err) {
  report.add(Code::IoRead, {}, fmt::format("Cannot read {}: {}", what, std::strerror(err)),
             fmt::format("Không đọc được {}: {}", what, std::strerror(err)));
}

void report_too_large(Report& report, std::size_t size, std::size_t max, bool at_least) {
  report.add(
      Code::XmlSize, {},
      fmt::format("The input is {}{} bytes, more than the limit of {} bytes", at_least ? "at least " : "", size, max),
      fmt::format("Dữ liệu đầu vào có {}{} byte, vượt giới hạn {} byte", at_least ? "ít nhất " : "", size, max));
}

}  // namespace

ReadResult read_fd(int fd, std::size_t max_bytes, std::string& out, Report& report) {
  out.clear();
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      report_io(report, "the input", errno);
      return ReadResult::IoError;
    }
    if (n == 0) break;
    out.append(buf, static_cast<std::size_t>(n));
    if (out.size() > max_bytes) {  // stop reading: memory stays bounded by the limit
      report_too_large(report, out.size(), max_bytes, true);
      out.clear();
      return ReadResult::TooLarge;
    }
  }
  return ReadResult::Ok;
}

ReadResult read_file(const std::string& path, std::size_t max_bytes, std::string& out, Report& report) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    report_io(report, path, errno);
    return ReadResult::IoError;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int err = errno;
    ::close(fd);
    report_io(report, path, err);
    return ReadResult::IoError;
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    report_io(report, path, EISDIR);
    return ReadResult::IoError;
  }
  // Refuse over-size regular files from their size alone, without reading them.
  if (S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) > max_bytes) {
    ::close(fd);
    report_too_large(report, static_cast<std::size_t>(st.st_size), max_bytes, false);
    return ReadResult::TooLarge;
  }
  if (S_ISREG(st.st_mode)) out.reserve(static_cast<std::size_t>(st.st_size));
  const ReadResult r = read_fd(fd, max_bytes, out, report);
  ::close(fd);
  return r;
}

}  // namespace hoadon::xml
