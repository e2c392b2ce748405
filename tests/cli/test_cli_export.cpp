// The whole invoice as JSON (inspect --lines, export --format json) and the line exports
// (CSV, XLSX): lossless against the XML itself, formula-safe, and the XLSX read back with
// python3's zipfile and XML parser (no spreadsheet program).
#include <doctest/doctest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <map>
#include <string>
#include <vector>

#include "support/json.hpp"
#include "support/run.hpp"
#include "support/support.hpp"

using testing::hoadon;
using testing::Json;
using testing::parse_json;
using testing::parse_ndjson;

namespace {

std::string name_of(const xmlNode* n) { return reinterpret_cast<const char*>(n->name); }

std::string text_of(const xmlNode* n) {
  xmlChar* t = xmlNodeGetContent(n);
  std::string s = t ? reinterpret_cast<const char*>(t) : "";
  xmlFree(t);
  return s;
}

bool is_list_item(const std::string& name) {
  return name == "HHDVu" || name == "TTin" || name == "LTSuat" || name == "LPhi";
}

// Every attribute and element of `el` is in `j`, with its text exactly, and nothing else is.
void check_same(const xmlNode* el, const Json& j, const std::string& path) {
  CAPTURE(path);
  bool has_children = false;
  for (const xmlNode* c = el->children; c; c = c->next) has_children |= c->type == XML_ELEMENT_NODE;
  if (!el->properties && !has_children) {
    REQUIRE(std::holds_alternative<std::string>(j.v));
    CHECK(j.str() == text_of(el));
    return;
  }
  REQUIRE(std::holds_alternative<Json::Object>(j.v));
  std::size_t keys = 0;
  for (const xmlAttr* a = el->properties; a; a = a->next, ++keys) {
    xmlChar* v = xmlNodeListGetString(el->doc, a->children, 1);
    CHECK(j["@" + std::string(reinterpret_cast<const char*>(a->name))].str() == reinterpret_cast<const char*>(v));
    xmlFree(v);
  }
  std::map<std::string, std::vector<const xmlNode*>> groups;
  for (const xmlNode* c = el->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE) groups[name_of(c)].push_back(c);
  keys += groups.size();
  CHECK(j.object().size() == keys);
  for (const auto& [name, nodes] : groups) {
    REQUIRE(j.has(name));
    if (nodes.size() > 1 || is_list_item(name)) {
      REQUIRE(j[name].array().size() == nodes.size());
      for (std::size_t i = 0; i < nodes.size(); ++i) check_same(nodes[i], j[name][i], path + "/" + name);
    } else {
      check_same(nodes.front(), j[name], path + "/" + name);
    }
  }
}

// The DLHDon elements of a document, in document order.
void find_dlhdon(xmlNode* n, std::vector<xmlNode*>& out) {
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    if (name_of(n) == "DLHDon" && !n->ns && n->parent && name_of(n->parent) == "HDon") out.push_back(n);
    find_dlhdon(n->children, out);
  }
}

void check_lossless(const std::string& file, const Json& doc) {
  const std::string bytes = testing::read_file(file);
  xmlDoc* tree = xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr,
                               XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
  REQUIRE(tree);
  std::vector<xmlNode*> data;
  find_dlhdon(xmlDocGetRootElement(tree), data);
  const auto& invoices = doc["invoices"].array();
  REQUIRE(invoices.size() == data.size());
  for (std::size_t i = 0; i < data.size(); ++i) {
    CHECK(invoices[i]["index"].number() == static_cast<double>(i + 1));
    check_same(data[i], invoices[i]["data"], "/DLHDon");
    const auto& d = invoices[i]["data"];
    const std::size_t lines = d.has("NDHDon") && d["NDHDon"].has("DSHHDVu") && d["NDHDon"]["DSHHDVu"].has("HHDVu")
                                  ? d["NDHDon"]["DSHHDVu"]["HHDVu"].array().size()
                                  : 0;
    CHECK(invoices[i]["line_count"].number() == static_cast<double>(lines));
  }
  xmlFreeDoc(tree);
}

const std::string kXlsxReader = R"(import sys, zipfile, json, datetime
import xml.etree.ElementTree as ET
M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
z = zipfile.ZipFile(sys.argv[1])
names = [s.get("name") for s in ET.fromstring(z.read("xl/workbook.xml")).iter(M + "sheet")]
shared = []
if "xl/sharedStrings.xml" in z.namelist():
    for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(M + "si"):
        shared.append("".join(t.text or "" for t in si.iter(M + "t")))
styles = ET.fromstring(z.read("xl/styles.xml"))
formats = {f.get("numFmtId"): f.get("formatCode") for f in styles.iter(M + "numFmt")}
xfs = [x.get("numFmtId", "0") for x in styles.find(M + "cellXfs")]
out = {"sheets": names, "tables": []}
for i in range(len(names)):
    rows = []
    for r in ET.fromstring(z.read("xl/worksheets/sheet%d.xml" % (i + 1))).iter(M + "row"):
        row = {}
        for c in r.iter(M + "c"):
            col = "".join(ch for ch in c.get("r") if ch.isalpha())
            t, v = c.get("t", "n"), c.find(M + "v")
            if t == "s":
                row[col] = ["text", shared[int(v.text)]]
            elif t == "inlineStr":
                row[col] = ["text", "".join(x.text or "" for x in c.iter(M + "t"))]
            elif formats.get(xfs[int(c.get("s", "0"))]) == "yyyy-mm-dd":
                day = datetime.date(1899, 12, 30) + datetime.timedelta(days=float(v.text))
                row[col] = ["date", day.isoformat()]
            else:
                row[col] = ["number", v.text]
        rows.append(row)
    out["tables"].append(rows)
print(json.dumps(out, ensure_ascii=False))
)";

// The cells of one sheet by header name: rows[i][column name] = {kind, value}.
std::vector<std::map<std::string, std::pair<std::string, std::string>>> sheet(const Json& tables, std::size_t i) {
  const auto& rows = tables[i].array();
  std::map<std::string, std::string> header;  // column letter -> name
  for (const auto& [col, cell] : rows.at(0).object()) header[col] = cell[1].str();
  std::vector<std::map<std::string, std::pair<std::string, std::string>>> out;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    out.emplace_back();
    for (const auto& [col, cell] : rows[r].object()) out.back()[header[col]] = {cell[0].str(), cell[1].str()};
  }
  return out;
}

// A CSV without quotes inside fields split into records of fields (enough for these tests).
std::vector<std::vector<std::string>> split_csv(const std::string& csv) {
  std::vector<std::vector<std::string>> out;
  std::vector<std::string> rec;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    const char c = csv[i];
    if (quoted) {
      if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rec.push_back(field);
      field.clear();
    } else if (c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') {
      rec.push_back(field);
      field.clear();
      out.push_back(rec);
      rec.clear();
      ++i;
    } else {
      field += c;
    }
  }
  return out;
}

std::size_t column(const std::vector<std::string>& header, const std::string& name) {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return i;
  FAIL("no column " << name);
  return 0;
}

}  // namespace

TEST_CASE("inspect --lines --format json: every element of every real invoice, exactly as written") {
  const std::string demo = testing::example_invoice(testing::kDemoVat);
  auto r = hoadon({"inspect", "--lines", "--format", "json", demo});
  CHECK(r.exit_code == 0);
  const auto doc = parse_json(r.out);
  check_lossless(demo, doc);
  const auto& line = doc["invoices"][0]["data"]["NDHDon"]["DSHHDVu"]["HHDVu"][2];
  CHECK(line["THHDVu"].str() == "Trà Shan tuyết Phia Oắc, hộp 200 g");
  CHECK(line["ThTien"].str() == "9000000");
  CHECK(doc["invoices"][0]["data"]["@Id"].str() == "data");
  // export --format json prints the same objects.
  const auto e = hoadon({"export", "--format", "json", demo});
  CHECK(e.exit_code == 0);
  CHECK(e.out == r.out);
  // Text: one line per invoice line.
  r = hoadon({"inspect", "--lines", demo});
  CHECK(r.out.find("line 3: Trà Shan tuyết Phia Oắc, hộp 200 g — 50 hộp × 180000 = 9000000 (tax rate 8%)") !=
        std::string::npos);

  const auto dir = testing::samples_dir();
  SKIP_UNLESS(dir, "../shared/vn-invoice-samples is absent");
  for (const auto& s : testing::manifest()) {
    CAPTURE(s.file);
    r = hoadon({"inspect", "--lines", "--format", "json", s.path.string()});
    check_lossless(s.path.string(), parse_json(r.out));
  }
}

TEST_CASE("inspect --format json: line_count is a number") {
  const auto r = hoadon({"inspect", "--format", "json", testing::example_invoice(testing::kDemoVat)});
  CHECK(parse_json(r.out)["invoices"][0]["line_count"].number() == 5);
}

TEST_CASE("export --format csv: one row per line across a batch, keys repeated, formula-safe") {
  testing::TempDir tmp;
  std::string xml = testing::read_file(testing::example_invoice(testing::kDemoVat));
  const auto replace = [&xml](const std::string& from, const std::string& to) {
    const auto at = xml.find(from);
    REQUIRE(at != std::string::npos);
    xml.replace(at, from.size(), to);
  };
  replace("Hạt dẻ Trùng Khánh loại 1", "=HYPERLINK(&quot;http://evil.example&quot;,&quot;x&quot;)");
  replace("HD-TK-L1", "+cmd|' /C calc'!A0");
  replace("<DVTinh>kg</DVTinh>", "<DVTinh>@SUM(1+1)</DVTinh>");
  replace("MD-NB", "-2+3");
  replace("<SLuong>200</SLuong>", "<SLuong>-200</SLuong>");
  testing::write_file(tmp / "hostile.xml", xml);
  const std::string demo2 = testing::example_invoice(testing::kDemoSales);
  const std::string out = (tmp / "lines.csv").string();
  auto r = hoadon({"export", "--format", "csv", "-o", out, (tmp / "hostile.xml").string(), demo2});
  CHECK(r.exit_code == 0);
  const std::string csv = testing::read_file(out);
  CHECK(csv.rfind("file,invoice,seller_tax_code,template,series,number,issue_date,line,", 0) == 0);
  const auto rows = split_csv(csv);
  const auto lines2 =
      parse_json(hoadon({"inspect", "--format", "json", demo2}).out)["invoices"][0]["line_count"].number();
  REQUIRE(rows.size() == 1 + 5 + static_cast<std::size_t>(lines2));
  const auto& h = rows[0];
  CHECK(rows[1][column(h, "name")] == "'=HYPERLINK(\"http://evil.example\",\"x\")");
  CHECK(rows[1][column(h, "code")] == "'+cmd|' /C calc'!A0");
  CHECK(rows[1][column(h, "unit")] == "'@SUM(1+1)");
  CHECK(rows[2][column(h, "code")] == "'-2+3");
  CHECK(rows[2][column(h, "quantity")] == "-200");  // a negative number stays a number
  CHECK(rows[3][column(h, "name")] == "Trà Shan tuyết Phia Oắc, hộp 200 g");
  for (std::size_t i = 1; i <= 5; ++i) {
    CHECK(rows[i][column(h, "seller_tax_code")] == "4800123456");
    CHECK(rows[i][column(h, "series")] == "K26TCB");
    CHECK(rows[i][column(h, "issue_date")] == "2026-11-20");
    CHECK(rows[i][column(h, "line")] == std::to_string(i));
  }
  CHECK(rows[6][column(h, "file")] == demo2);
  // No field starts with a formula character unquoted.
  for (std::size_t at = 0; (at = csv.find_first_of("=+@", at)) != std::string::npos; ++at)
    if (at == 0 || csv[at - 1] == ',' || csv[at - 1] == '\n') FAIL("unsafe field at " << at);

  const auto inv = split_csv(testing::read_file(tmp / "lines.invoices.csv"));
  REQUIRE(inv.size() == 3);
  CHECK(inv[1][column(inv[0], "total")] == "51570000");
  CHECK(inv[1][column(inv[0], "total_in_words")] == "Năm mươi mốt triệu năm trăm bảy mươi nghìn đồng chẵn");

  r = hoadon({"export", "--format", "csv", "--bom", "-o", out, "--invoices", (tmp / "h.csv").string(), demo2});
  CHECK(r.exit_code == 0);
  CHECK(testing::read_file(out).rfind("\xEF\xBB\xBF"
                                      "file,",
                                      0) == 0);
  CHECK(testing::read_file(tmp / "h.csv")
            .rfind("\xEF\xBB\xBF"
                   "file,",
                   0) == 0);
  // Nothing but the outputs is left in the directory.
  std::size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(tmp.path())) files += e.is_regular_file();
  CHECK(files == 4);  // hostile.xml, lines.csv, lines.invoices.csv, h.csv
}

TEST_CASE("export: usage, failed inputs and unwritable outputs") {
  testing::TempDir tmp;
  const std::string demo = testing::example_invoice(testing::kDemoVat);
  CHECK(hoadon({"export", demo}).exit_code == 2);
  CHECK(hoadon({"export", "--format", "csv", demo}).exit_code == 2);
  CHECK(hoadon({"export", "--format", "pdf", "-o", "x", demo}).exit_code == 2);
  testing::write_file(tmp / "bad.xml", "<HDon>");
  auto r = hoadon({"export", "--format", "csv", "-o", (tmp / "l.csv").string(), (tmp / "bad.xml").string(), demo});
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("XML-MALFORMED") != std::string::npos);
  CHECK(split_csv(testing::read_file(tmp / "l.csv")).size() == 6);
  r = hoadon({"export", "--format", "csv", "-o", (tmp / "no/such/dir/l.csv").string(), demo});
  CHECK(r.exit_code == 3);
}

TEST_CASE("export --format xlsx: numbers as numbers, dates as dates, Vietnamese intact") {
  SKIP_UNLESS_TOOL(testing::find_program("python3").has_value(), "python3 is not installed");
  testing::TempDir tmp;
  const std::string demo = testing::example_invoice(testing::kDemoVat);
  const std::string out = (tmp / "batch.xlsx").string();
  const auto r = hoadon({"export", "--format", "xlsx", "-o", out, demo, testing::example_invoice(testing::kDemoSales)});
  if (r.err.find("not built with libxlsxwriter") != std::string::npos) {
    CHECK(r.exit_code == 3);
    MESSAGE("skipped: hoadon was built without libxlsxwriter");
    return;
  }
  REQUIRE(r.exit_code == 0);
  const auto read = testing::run({*testing::find_program("python3"), "-c", kXlsxReader, out});
  REQUIRE(read.exit_code == 0);
  const auto book = parse_json(read.out);
  REQUIRE(book["sheets"].array().size() == 2);
  CHECK(book["sheets"][0].str() == "Lines");
  CHECK(book["sheets"][1].str() == "Invoices");
  const auto lines = sheet(book["tables"], 0);
  REQUIRE(lines.size() >= 5);
  CHECK(lines[0].at("name") == std::pair<std::string, std::string>{"text", "Hạt dẻ Trùng Khánh loại 1"});
  CHECK(lines[0].at("quantity") == std::pair<std::string, std::string>{"number", "120"});
  CHECK(lines[0].at("amount") == std::pair<std::string, std::string>{"number", "18000000"});
  CHECK(lines[0].at("issue_date") == std::pair<std::string, std::string>{"date", "2026-11-20"});
  CHECK(lines[0].at("tax_rate") == std::pair<std::string, std::string>{"text", "5%"});
  CHECK(lines[0].at("number").first == "text");
  CHECK(lines[4].at("unit") == std::pair<std::string, std::string>{"text", "cái"});
  const auto invoices = sheet(book["tables"], 1);
  REQUIRE(invoices.size() == 2);
  CHECK(invoices[0].at("total") == std::pair<std::string, std::string>{"number", "51570000"});
  CHECK(invoices[0].at("seller_name").second == "Hợp tác xã Nông nghiệp và Dịch vụ Phia Oắc");
  CHECK(invoices[0].at("line_count") == std::pair<std::string, std::string>{"number", "5"});
}
