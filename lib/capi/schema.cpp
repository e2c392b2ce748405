// The embedded XSD files, for integrators who want them out of the library.
#include <algorithm>
#include <vector>

#include "capi/handles.hpp"
#include "schema/embedded.hpp"

namespace {

// The .xsd files among the embedded ones (required.tsv is the library's own table).
const std::vector<const hoadon::schema::File*>& xsd_files() {
  static const std::vector<const hoadon::schema::File*> files = [] {
    std::vector<const hoadon::schema::File*> out;
    for (const auto& f : hoadon::schema::embedded_files())
      if (f.name.ends_with(".xsd")) out.push_back(&f);
    return out;
  }();
  return files;
}

}  // namespace

extern "C" {

size_t hoadon_schema_count(void) { return xsd_files().size(); }

const char* hoadon_schema_name(size_t i) {
  const auto& files = xsd_files();
  return i < files.size() ? files[i]->name.data() : nullptr;  // literals: NUL-terminated
}

const char* hoadon_schema_text(const char* name, size_t* len) {
  if (len) *len = 0;
  if (!name) {
    hoadon::capi::fail(HOADON_EINVAL, "hoadon_schema_text: name is NULL");
    return nullptr;
  }
  const auto& files = xsd_files();
  const auto it = std::find_if(files.begin(), files.end(), [&](const auto* f) { return f->name == name; });
  if (it == files.end()) {
    hoadon::capi::fail(HOADON_ENOTFOUND, std::string("no embedded schema named ") + name);
    return nullptr;
  }
  if (len) *len = (*it)->text.size();
  return (*it)->text.data();
}

}  // extern "C"
