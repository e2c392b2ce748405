#include "render/pdf.hpp"

#ifdef HOADON_WITH_PDF
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <fmt/format.h>

#include <algorithm>
#include <functional>

#include "render/qr_image.hpp"
#endif

namespace hoadon::render {

#ifndef HOADON_WITH_PDF

bool pdf_available() noexcept { return false; }

std::string to_pdf(const std::vector<InvoiceView>&, std::string& error) {
  error = "not built with cairo and pango (HOADON_WITH_PDF)";
  return {};
}

#else

namespace {

// A4 in points, and the margins.
constexpr double kWidth = 595.276, kHeight = 841.89, kMargin = 36, kFooter = 18;
constexpr double kLeft = kMargin, kRight = kWidth - kMargin, kTop = kMargin, kBottom = kHeight - kMargin - kFooter;
constexpr const char* kFont = "DejaVu Sans";
constexpr std::size_t kMaxText = 2000;  // bytes of one value laid out

struct Rgb {
  double r, g, b;
};
constexpr Rgb kBlack{0.07, 0.07, 0.07}, kGrey{0.35, 0.35, 0.35}, kRed{0.78, 0.16, 0.16}, kGreen{0.10, 0.50, 0.22},
    kAmber{0.70, 0.42, 0.0}, kRule{0.47, 0.47, 0.47}, kShade{0.94, 0.94, 0.94};

enum class Align { Left, Center, Right };

struct Style {
  double size = 9;
  bool bold = false;
  bool italic = false;
  Rgb color = kBlack;
  Align align = Align::Left;
};

cairo_status_t write_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// One PDF being written: a cursor going down the page, new pages as needed.
class Writer {
 public:
  explicit Writer(std::string& out)
      : surface_(cairo_pdf_surface_create_for_stream(write_to_string, &out, kWidth, kHeight)),
        cr_(cairo_create(surface_)),
        layout_(new_layout()) {
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "hoadon");
  }
  ~Writer() {
    for (PangoLayout* l : cells_) g_object_unref(l);
    for (PangoFontDescription* f : fonts_) pango_font_description_free(f);
    g_object_unref(layout_);
    cairo_destroy(cr_);
    cairo_surface_destroy(surface_);
  }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  void set_title(const std::string& t) {
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, t.c_str());
  }

  // Lays `text` out in `width` points; returns its height without drawing.
  double measure(const std::string& text, double width, const Style& s) { return measure_in(layout_, text, width, s); }
  // The same in the layout kept for table cell `i`, drawn later by draw_cell without laying it out again.
  double measure_cell(std::size_t i, const std::string& text, double width, const Style& s) {
    while (cells_.size() <= i) cells_.push_back(new_layout());
    return measure_in(cells_[i], text, width, s);
  }
  void draw_cell(std::size_t i, double x, double at, const Style& s) {
    cairo_set_source_rgb(cr_, s.color.r, s.color.g, s.color.b);
    cairo_move_to(cr_, x, at);
    pango_cairo_show_layout(cr_, cells_.at(i));
  }
  // Draws `text` at (x, y) in `width` points; returns its height.
  double draw(const std::string& text, double x, double at, double width, const Style& s) {
    const double h = measure(text, width, s);
    cairo_set_source_rgb(cr_, s.color.r, s.color.g, s.color.b);
    cairo_move_to(cr_, x, at);
    pango_cairo_show_layout(cr_, layout_);
    return h;
  }
  // Draws a paragraph at the cursor across the page width (or `width` from `x`), breaking the page first if needed.
  void paragraph(const std::string& text, const Style& s, double x = kLeft, double width = kRight - kLeft) {
    const double h = measure(text, width, s);
    need(h);
    y += draw(text, x, y, width, s) + 1.5;
  }
  void rect(double x, double yy, double w, double h, Rgb stroke, double line = 0.6, const Rgb* fill = nullptr,
            bool dashed = false) {
    cairo_rectangle(cr_, x, yy, w, h);
    if (fill) {
      cairo_set_source_rgb(cr_, fill->r, fill->g, fill->b);
      cairo_fill_preserve(cr_);
    }
    cairo_set_source_rgb(cr_, stroke.r, stroke.g, stroke.b);
    cairo_set_line_width(cr_, line);
    if (dashed) {
      const double dash[] = {3.0, 2.0};
      cairo_set_dash(cr_, dash, 2, 0);
    }
    cairo_stroke(cr_);
    cairo_set_dash(cr_, nullptr, 0, 0);
  }
  void line(double x0, double y0, double x1, double y1, Rgb color, double width) {
    cairo_move_to(cr_, x0, y0);
    cairo_line_to(cr_, x1, y1);
    cairo_set_source_rgb(cr_, color.r, color.g, color.b);
    cairo_set_line_width(cr_, width);
    cairo_stroke(cr_);
  }
  void qr(const QrMatrix& m, double x, double yy, double size) {
    const double cell = size / (m.width + 8);
    cairo_set_source_rgb(cr_, 0, 0, 0);
    for (int j = 0; j < m.width; ++j)
      for (int i = 0; i < m.width; ++i)
        if (m.at(i, j)) cairo_rectangle(cr_, x + (i + 4) * cell, yy + (j + 4) * cell, cell, cell);
    cairo_fill(cr_);
  }

  // Starts a new page when `h` points do not fit below the cursor; on_new_page then runs
  // (the table's header repeats itself through it).
  void need(double h) {
    if (y + h <= kBottom || y <= kTop + 0.5) return;
    new_page();
  }
  void new_page() {
    if (before_break) before_break();
    finish_page();
    cairo_show_page(cr_);
    ++page_;
    y = kTop;
    if (continued_) {
      y += draw(continued_label_, kLeft, y, kRight - kLeft, Style{7.5, false, true, kGrey}) + 3;
    }
    if (on_new_page) on_new_page();
  }
  void finish_page() {
    draw(fmt::format("Trang {}", page_), kLeft, kHeight - kMargin - 8, kRight - kLeft,
         Style{7, false, false, kGrey, Align::Right});
  }
  void end_document() {
    finish_page();
    cairo_show_page(cr_);
    cairo_surface_finish(surface_);
  }
  // The next invoice starts on a page of its own.
  void next_invoice() {
    continued_ = false;
    on_new_page = nullptr;
    new_page();
  }
  void start_invoice(const std::string& label) {
    continued_ = true;
    continued_label_ = label;
  }
  [[nodiscard]] bool ok() const { return cairo_surface_status(surface_) == CAIRO_STATUS_SUCCESS; }
  [[nodiscard]] int page() const { return page_; }

  double y = kTop;
  std::function<void()> on_new_page;   // after a page break (the table repeats its header)
  std::function<void()> before_break;  // before it (the table closes its grid)

 private:
  PangoLayout* new_layout() {
    PangoLayout* l = pango_cairo_create_layout(cr_);
    // Sizes in points: one user unit of the PDF surface (pango assumes 96 dpi otherwise).
    pango_cairo_context_set_resolution(pango_layout_get_context(l), 72);
    pango_layout_context_changed(l);
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    return l;
  }
  // One font description per style, made once.
  const PangoFontDescription* font(const Style& s) {
    const int key = static_cast<int>(s.size * 10) * 4 + (s.bold ? 2 : 0) + (s.italic ? 1 : 0);
    for (std::size_t i = 0; i < font_keys_.size(); ++i)
      if (font_keys_[i] == key) return fonts_[i];
    PangoFontDescription* fd = pango_font_description_new();
    pango_font_description_set_family(fd, kFont);
    pango_font_description_set_size(fd, static_cast<int>(s.size * PANGO_SCALE));
    pango_font_description_set_weight(fd, s.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(fd, s.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    font_keys_.push_back(key);
    fonts_.push_back(fd);
    return fd;
  }
  double measure_in(PangoLayout* l, const std::string& text, double width, const Style& s) {
    pango_layout_set_font_description(l, font(s));
    pango_layout_set_width(l, static_cast<int>(std::max(width, 1.0) * PANGO_SCALE));
    pango_layout_set_alignment(l, s.align == Align::Center  ? PANGO_ALIGN_CENTER
                                  : s.align == Align::Right ? PANGO_ALIGN_RIGHT
                                                            : PANGO_ALIGN_LEFT);
    // Plain text, never markup: the invoice's values are not interpreted. A value far beyond
    // what the format allows (names are 500 characters at most) is cut, visibly, so that one
    // hostile field cannot cost minutes of layout; the HTML form shows it whole.
    if (text.size() > kMaxText) {
      std::size_t cut = kMaxText;
      while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // a UTF-8 boundary
      const std::string shown = fmt::format("{}… [+{} byte không hiển thị (not shown): xem bản HTML]",
                                            std::string_view(text).substr(0, cut), text.size() - cut);
      pango_layout_set_text(l, shown.data(), static_cast<int>(shown.size()));
    } else {
      pango_layout_set_text(l, text.data(), static_cast<int>(text.size()));
    }
    int w = 0, h = 0;
    pango_layout_get_size(l, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
  }

  cairo_surface_t* surface_;
  cairo_t* cr_;
  PangoLayout* layout_;
  std::vector<PangoLayout*> cells_;
  std::vector<int> font_keys_;
  std::vector<PangoFontDescription*> fonts_;
  int page_ = 1;
  bool continued_ = false;
  std::string continued_label_;
};

double weight(Column c) {
  switch (c) {
    case Column::Stt:
      return 0.05;
    case Column::Code:
      return 0.10;
    case Column::Name:
      return 0.0;  // the rest
    case Column::Unit:
      return 0.08;
    case Column::Quantity:
      return 0.09;
    case Column::Price:
      return 0.12;
    case Column::Discount:
      return 0.09;
    case Column::Rate:
      return 0.07;
    case Column::Amount:
      return 0.14;
  }
  return 0.1;
}

Rgb status_color(SignatureStatus s) {
  switch (s) {
    case SignatureStatus::Valid:
      return kGreen;
    case SignatureStatus::Invalid:
      return kRed;
    case SignatureStatus::Indeterminate:
      return kAmber;
    case SignatureStatus::NotChecked:
      return kGrey;
  }
  return kGrey;
}

void fields(Writer& w, const std::vector<Field>& fs, double x = kLeft, double width = kRight - kLeft) {
  for (const auto& f : fs) w.paragraph(fmt::format("{}: {}", f.label, f.value), Style{9}, x, width);
}

void heading2(Writer& w, const std::string& text) {
  w.need(30);
  w.y += 4;
  w.paragraph(text, Style{10, true});
}

void coverage_banner(Writer& w, Coverage c, const std::string& what) {
  if (c == Coverage::Signed) return;
  const std::string text = fmt::format("{}: {}", what, coverage_words(c));
  const double h = w.measure(text, kRight - kLeft - 8, Style{8, true, false, kRed});
  w.need(h + 6);
  w.rect(kLeft, w.y, kRight - kLeft, h + 4, c == Coverage::NotChecked ? kGrey : kRed, 1.0, nullptr, true);
  w.draw(text, kLeft + 4, w.y + 2, kRight - kLeft - 8, Style{8, true, false, c == Coverage::NotChecked ? kGrey : kRed});
  w.y += h + 7;
}

void header(Writer& w, const InvoiceView& v) {
  const double top = w.y, qr_size = 86;
  std::string why;
  if (const auto m = encode_qr(v.qr_payload, why)) {
    w.qr(*m, kLeft, top, qr_size);
  } else {
    w.draw("QR: " + why, kLeft, top, qr_size, Style{7, false, false, kGrey});
  }
  w.draw(v.qr_from_document ? "DLQRCode" : "Tra cứu (lookup)", kLeft, top + qr_size, qr_size,
         Style{6.5, false, false, kGrey, Align::Center});
  const double mid_x = kLeft + qr_size + 8, right_w = 150, mid_w = kRight - right_w - mid_x - 8;
  double y = top;
  y += w.draw(v.title, mid_x, y, mid_w, Style{14, true, false, kBlack, Align::Center}) + 2;
  if (!v.layout.subheading.empty())
    y += w.draw(std::string(v.layout.subheading), mid_x, y, mid_w, Style{8.5, false, true, kBlack, Align::Center});
  y += w.draw("(Bản thể hiện của hóa đơn điện tử)", mid_x, y, mid_w, Style{8.5, false, true, kBlack, Align::Center});
  y += w.draw(v.issue_date_long, mid_x, y, mid_w, Style{9, false, true, kBlack, Align::Center}) + 2;
  if (!v.mccqt.empty()) {
    const Rgb color = v.mccqt_coverage == Coverage::Signed ? kBlack : kRed;
    y += w.draw("Mã của cơ quan thuế:", mid_x, y, mid_w, Style{8, false, false, color, Align::Center});
    y += w.draw(v.mccqt, mid_x, y, mid_w, Style{7.5, true, false, color, Align::Center});
    if (v.mccqt_coverage != Coverage::Signed)
      y += w.draw(coverage_words(v.mccqt_coverage), mid_x, y, mid_w, Style{7, false, true, kRed, Align::Center});
  }
  double ry = top;
  const double rx = kRight - right_w;
  for (const Field& f : std::vector<Field>{
           {"Mẫu số", v.template_code}, {"Ký hiệu", v.series}, {"Số", v.number}, {"Ngày lập", v.issue_date}})
    ry += w.draw(fmt::format("{}: {}", f.label, f.value), rx, ry, right_w, Style{9, true});
  w.y = std::max({y, ry, top + qr_size + 10}) + 4;
}

void lines_table(Writer& w, const InvoiceView& v) {
  const auto& cols = v.layout.columns;
  const double total = kRight - kLeft;
  double fixed = 0;
  for (Column c : cols) fixed += weight(c) * total;
  std::vector<double> widths;
  for (Column c : cols) widths.push_back(c == Column::Name ? std::max(total - fixed, 60.0) : weight(c) * total);
  const double pad = 2.5;
  const auto draw_header = [&] {
    double h = 0;
    for (std::size_t i = 0; i < cols.size(); ++i)
      h = std::max(h, w.measure(std::string(column_heading(cols[i])), widths[i] - 2 * pad, Style{7.5, true}));
    h += 2 * pad;
    double x = kLeft;
    for (std::size_t i = 0; i < cols.size(); ++i) {
      w.rect(x, w.y, widths[i], h, kRule, 0.6, &kShade);
      w.draw(std::string(column_heading(cols[i])), x + pad, w.y + pad, widths[i] - 2 * pad,
             Style{7.5, true, false, kBlack, Align::Center});
      x += widths[i];
    }
    w.y += h;
  };
  // The grid: a line under each row, and the columns' lines once per page the table reaches.
  double top = 0;
  const auto close_grid = [&] {
    double x = kLeft;
    for (double width : widths) {
      w.line(x, top, x, w.y, kRule, 0.4);
      x += width;
    }
    w.line(kRight, top, kRight, w.y, kRule, 0.4);
  };
  w.need(40);
  draw_header();
  top = w.y;
  w.on_new_page = [&] {
    draw_header();
    top = w.y;
  };
  w.before_break = close_grid;
  for (const auto& l : v.lines) {
    std::vector<std::string> cells;
    for (Column c : cols) {
      std::string s = l.cell(c);
      if (c == Column::Name) {
        if (l.nature == "2") s += " (Khuyến mại)";
        if (l.nature == "3") s += " (Chiết khấu thương mại)";
        for (const auto& x : l.extra) s += fmt::format("\n{}: {}", x.label, x.value);
      }
      cells.push_back(std::move(s));
    }
    const Style cell{8, false, l.nature == "4"};
    double h = 0;
    for (std::size_t i = 0; i < cols.size(); ++i) {
      Style s = cell;
      s.align = is_numeric(cols[i]) ? Align::Right : is_centred(cols[i]) ? Align::Center : Align::Left;
      h = std::max(h, w.measure_cell(i, cells[i], widths[i] - 2 * pad, s));
    }
    h += 2 * pad;
    w.need(h);
    double x = kLeft;
    for (std::size_t i = 0; i < cols.size(); ++i) {
      w.draw_cell(i, x + pad, w.y + pad, cell);
      x += widths[i];
    }
    w.y += h;
    w.line(kLeft, w.y, kRight, w.y, kRule, 0.4);
  }
  close_grid();
  w.on_new_page = nullptr;
  w.before_break = nullptr;
  w.y += 6;
}

void totals(Writer& w, const InvoiceView& v) {
  const double label_w = (kRight - kLeft) * 0.65, value_x = kLeft + label_w, value_w = kRight - value_x;
  const auto row = [&](const std::string& label, const std::string& value, const Style& s) {
    const double h = std::max(w.measure(label, label_w - 4, s), w.measure(value, value_w - 4, s)) + 3;
    w.need(h);
    w.draw(label, kLeft + 2, w.y + 1.5, label_w - 4, s);
    Style r = s;
    r.align = Align::Right;
    w.draw(value, value_x + 2, w.y + 1.5, value_w - 4, r);
    w.y += h;
  };
  if (!v.rate_totals.empty()) {
    row("Thuế suất — Thành tiền chưa thuế / Tiền thuế GTGT", "", Style{8.5, true});
    for (const auto& r : v.rate_totals)
      row(fmt::format("Thuế suất {}: {}", r.rate.empty() ? "—" : r.rate, r.base), r.tax, Style{8.5});
  }
  for (const auto& t : v.totals) row(t.label, t.value, Style{9});
  row("Tổng tiền thanh toán", fmt::format("{} {}", v.grand_total, v.currency), Style{10.5, true});
  w.y += 2;
  w.paragraph("Số tiền viết bằng chữ: " + v.amount_in_words, Style{9, false, true});
}

void signatures(Writer& w, const InvoiceView& v) {
  heading2(w, "Chữ ký số (digital signatures)");
  if (!v.verified)
    w.paragraph(std::string(kNotVerified), Style{9, true, false, kGrey});
  else if (!v.trust_checked)
    w.paragraph(std::string(kIntegrityOnly), Style{8, false, true, kGrey});
  if (v.signatures.empty()) w.paragraph(std::string(kNoSignature), Style{10, true, false, kRed});
  const double width = kRight - kLeft;
  for (const auto& s : v.signatures) {
    std::vector<std::pair<std::string, Style> > rows;
    const Rgb color = status_color(s.status);
    rows.push_back({s.role, Style{9}});
    rows.push_back({s.status_text, Style{11, true, false, color}});
    for (const auto& d : s.details())
      rows.push_back({d.label + ": " + d.value, d.label.starts_with("Lý do") ? Style{8.5, true} : Style{7.5}});
    double h = 8;
    for (const auto& [t, st] : rows) h += w.measure(t, width - 12, st) + 1;
    w.need(h + 4);
    w.rect(kLeft, w.y, width, h, color, 1.6);
    double y = w.y + 4;
    for (const auto& [t, st] : rows) y += w.draw(t, kLeft + 6, y, width - 12, st) + 1;
    w.y += h + 5;
  }
  if (!v.unsigned_paths.empty()) {
    w.paragraph(std::string(kUnsignedContent) + ":", Style{9, true, false, kRed});
    for (const auto& p : v.unsigned_paths) w.paragraph(p, Style{7.5, false, false, kRed});
  }
}

void invoice(Writer& w, const InvoiceView& v, bool first) {
  if (!first) w.next_invoice();
  w.start_invoice(fmt::format("{} {} số {} (tiếp theo)", v.template_code, v.series, v.number));
  coverage_banner(w, v.data_coverage, "Dữ liệu hóa đơn (invoice data)");
  header(w, v);
  if (v.qr_from_document) coverage_banner(w, v.qr_coverage, "Mã QR (DLQRCode)");
  if (v.related) {
    heading2(w, v.related_nature);
    fields(w, *v.related);
  }
  heading2(w, std::string(v.layout.seller));
  fields(w, v.seller);
  heading2(w, std::string(v.layout.buyer));
  fields(w, v.buyer);
  w.y += 3;
  fields(w, v.general);
  w.y += 4;
  lines_table(w, v);
  totals(w, v);
  if (!v.notes.empty()) {
    heading2(w, "Thông tin khác (notes)");
    fields(w, v.notes);
  }
  signatures(w, v);
  w.paragraph(fmt::format("Hiển thị bởi hoadon · PBan {} · {} dòng", v.version, v.lines.size()),
              Style{7, false, false, kGrey});
}

}  // namespace

bool pdf_available() noexcept { return true; }

std::string to_pdf(const std::vector<InvoiceView>& invoices, std::string& error) {
  std::string out;
  {
    Writer w(out);
    if (!invoices.empty())
      w.set_title(fmt::format("{} {} {}", invoices.front().title, invoices.front().series, invoices.front().number));
    for (std::size_t i = 0; i < invoices.size(); ++i) invoice(w, invoices[i], i == 0);
    w.end_document();
    if (!w.ok()) {
      error = "cairo could not write the PDF";
      return {};
    }
  }
  return out;
}

#endif

}  // namespace hoadon::render
