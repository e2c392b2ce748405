#include "suite.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace conformance {

void Suite::file(const std::string& file, std::string bytes) {
  const auto [it, inserted] = files_.emplace(file, std::move(bytes));
  if (!inserted) throw std::logic_error("case file registered twice: " + file);
}

void Suite::add(Case c) {
  if (!files_.count(c.file)) throw std::logic_error(c.id + ": unknown file " + c.file);
  for (const auto& other : cases_)
    if (other.id == c.id) throw std::logic_error("duplicate case id " + c.id);
  if (c.en.empty() || c.vi.empty()) throw std::logic_error(c.id + ": a description in both languages is required");
  if (!c.pass && c.codes.empty()) throw std::logic_error(c.id + ": a failing case names the codes it fails with");
  cases_.push_back(std::move(c));
}

std::vector<std::pair<std::string, std::string>> validate_options(
    std::vector<std::pair<std::string, std::string>> extra) {
  std::vector<std::pair<std::string, std::string>> o = {{"now", std::string(kNow)}};
  o.insert(o.end(), extra.begin(), extra.end());
  return o;
}

std::vector<std::pair<std::string, std::string>> verify_options(
    std::vector<std::pair<std::string, std::string>> extra) {
  std::vector<std::pair<std::string, std::string>> o = {{"trust", "pki/root.pem"},
                                                        {"intermediate", "pki/intermediate.pem"},
                                                        {"crl", "pki/crl.pem"},
                                                        {"tax-authority", "pki/certs/authority.pem"},
                                                        {"at", std::string(kAt)}};
  // A later value of the same option replaces the default ("trust=…", "crl=" to drop it).
  for (auto& [k, v] : extra) {
    bool replaced = false;
    for (auto& [dk, dv] : o)
      if (dk == k) dv = v, replaced = true;
    if (!replaced) o.emplace_back(k, v);
  }
  std::erase_if(o, [](const auto& kv) { return kv.second.empty(); });
  return o;
}

std::string edit(std::string xml, std::string_view from, std::string_view to) {
  const auto pos = xml.find(from);
  if (pos == std::string::npos || xml.find(from, pos + 1) != std::string::npos)
    throw std::logic_error("edit: \"" + std::string(from) + "\" does not occur exactly once");
  xml.replace(pos, from.size(), to);
  return xml;
}

std::string set(std::string xml, std::string_view tag, std::string_view value) {
  const std::string open = "<" + std::string(tag) + ">", close = "</" + std::string(tag) + ">";
  const auto begin = xml.find(open);
  const auto end = begin == std::string::npos ? begin : xml.find(close, begin);
  if (end == std::string::npos) throw std::logic_error("set: no <" + std::string(tag) + ">");
  xml.replace(begin + open.size(), end - begin - open.size(), value);
  return xml;
}

std::string source(std::string_view relative) {
  const std::filesystem::path p = std::filesystem::path(HOADON_SOURCE_DIR) / relative;
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string body(const std::string& xml) {
  auto start = xml.starts_with("<?xml") ? xml.find("?>") + 2 : 0;
  while (start < xml.size() && (xml[start] == '\n' || xml[start] == '\r')) ++start;
  auto end = xml.size();
  while (end > start && (xml[end - 1] == '\n' || xml[end - 1] == '\r')) --end;
  return xml.substr(start, end - start);
}

}  // namespace conformance

namespace conformance {

void add_case(Suite& s, const std::string& id, const std::string& doc, const std::string& op,
              std::vector<std::pair<std::string, std::string>> options, bool pass, std::string signatures,
              std::vector<std::string> codes, std::string en, std::string vi) {
  s.file(id + ".xml", doc);
  s.add({id, id + ".xml", op, std::move(options), pass, std::move(signatures), std::move(codes), std::move(en),
         std::move(vi)});
}

}  // namespace conformance
