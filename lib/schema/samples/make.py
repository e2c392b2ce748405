#!/usr/bin/env python3
"""Write the test documents under lib/schema/samples/ and samples/expect.tsv.

Usage: python3 lib/schema/samples/make.py
Valid documents are built by walking gen/model.py (strict view) for each PBan and
template kind, filling values from the tables below: a full document carries every
field the strict tables allow; a minimal one only the required fields plus those a
real invoice cannot do without (quantities, amounts, rates).  Invalid documents are
single, named mutations of valid ones.  Signatures are structurally valid
placeholders (dummy digest, value and certificate): they exercise the schema only.
"""
import os
import re
import sys
from decimal import Decimal, ROUND_HALF_UP

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'gen'))
import model as M   # noqa: E402

# --- tax codes: all pass the check digit of spec §3.1 ------------------------------
W = [31, 29, 23, 19, 17, 13, 7, 5, 3]


def mst_ok(m):
    d = m[:10]
    r = sum(w * int(c) for w, c in zip(W, d)) % 11
    return r != 0 and int(d[9]) == 10 - r


HTX = '4800123456'        # HTX Nông nghiệp hữu cơ Trùng Khánh (seller)
BUYER = '0103456789'      # Công ty CP Thực phẩm sạch Thăng Long (buyer, Hà Nội)
TCGP = '0105123457'       # solution provider (fictitious)
DELEG = '4800234565'      # delegate issuer (ủy nhiệm lập hóa đơn)
UBND = '4800345674'       # UBND huyện Trùng Khánh (public asset)
DTQG = '4900112232'       # Chi cục Dự trữ Nhà nước Lạng Sơn
BANGIOC = '4800567892'    # BQL Khu du lịch thác Bản Giốc
AGENT = '4900223341'      # agent in Lạng Sơn
PERSON = '004085012345'   # 12-digit personal id of a household business (2.1.0)
for _m in (HTX, BUYER, TCGP, DELEG, UBND, DTQG, BANGIOC, AGENT):
    assert mst_ok(_m), _m

# --- Vietnamese amount in words (spec §7.3) ------------------------------------------
DIG = 'không một hai ba bốn năm sáu bảy tám chín'.split()


def _group(n, full):
    h, t, u = n // 100, n // 10 % 10, n % 10
    w = []
    if full or h:
        w += [DIG[h], 'trăm']
    if t == 0 and u and (full or h):
        w.append('linh')
    elif t == 1:
        w.append('mười')
    elif t > 1:
        w += [DIG[t], 'mươi']
    if u:
        w.append('mốt' if u == 1 and t > 1 else 'lăm' if u == 5 and t >= 1 else DIG[u])
    return w


def words(n, unit='đồng'):
    n = int(n)
    if n == 0:
        return 'Không %s' % unit
    units = ['', 'nghìn', 'triệu', 'tỷ']
    groups = []
    while n:
        groups.append(n % 1000)
        n //= 1000
    w = []
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if g:
            w += _group(g, i != len(groups) - 1)
            if units[i]:
                w.append(units[i])
    s = ' '.join(w + [unit])
    return s[0].upper() + s[1:]


assert words(1284000) == 'Một triệu hai trăm tám mươi bốn nghìn đồng'
assert words(105) == 'Một trăm linh năm đồng'
assert words(71375040) == 'Bảy mươi mốt triệu ba trăm bảy mươi lăm nghìn không trăm bốn mươi đồng'


def q(x, places=0):
    return Decimal(x).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)


def fmt(x):
    s = format(Decimal(x).normalize(), 'f')
    return s


# --- signatures (placeholders) --------------------------------------------------------
B64 = 'TUlJQkR1bW15Q2VydGlmaWNhdGVGb3JTY2hlbWFUZXN0cw=='


def signature(slot, target, when, mst, name, ind):
    sid = 'SIG-%s' % slot
    p = ind + '  '
    return '\n'.join([
        ind + '<Signature xmlns="http://www.w3.org/2000/09/xmldsig#" Id="%s">' % sid,
        p + '<SignedInfo>',
        p + '  <CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/>',
        p + '  <SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>',
        p + '  <Reference URI="#%s">' % target,
        p + '    <Transforms><Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/></Transforms>',
        p + '    <DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>',
        p + '    <DigestValue>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=</DigestValue>',
        p + '  </Reference>',
        p + '  <Reference URI="#ST-%s">' % slot,
        p + '    <DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>',
        p + '    <DigestValue>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=</DigestValue>',
        p + '  </Reference>',
        p + '</SignedInfo>',
        p + '<SignatureValue>%s</SignatureValue>' % B64,
        p + '<KeyInfo><X509Data>',
        p + '  <X509SubjectName>CN=%s,UID=MST:%s,L=Cao Bằng,C=VN</X509SubjectName>' % (name, mst),
        p + '  <X509Certificate>%s</X509Certificate>' % B64,
        p + '</X509Data></KeyInfo>',
        p + '<Object Id="ST-%s"><SignatureProperties><SignatureProperty Target="#%s">' % (slot, sid),
        p + '  <SigningTime>%s</SigningTime>' % when,
        p + '</SignatureProperty></SignatureProperties></Object>',
        ind + '</Signature>'])


# --- model walker ---------------------------------------------------------------------
# Fields a real document needs although the schema lets them be absent.
MIN_EXTRA = {'SLuong', 'DGia', 'DVTinh', 'ThTien', 'TSuat', 'TThue', 'STT', 'TGia', 'Ten', 'MST', 'DChi'}


class Doc:
    """Values of one document: flat name->value map plus per-element item lists."""

    def __init__(self, values, items, full):
        self.values, self.items, self.full = values, items, full
        self.used = set()

    def value(self, path, name, item):
        for src in (item or {}, self.values):
            parent = path.rsplit('/', 1)[-1]
            for key in (parent + '/' + name, name):
                if key in src:
                    return src[key]
        return None


def active(f, v, k):
    if f.v is not None and v not in f.v:
        return False
    return not f.lonly and (f.k is None or k in f.k)


def lookup_items(doc, path, name, item):
    """Item list for element `name` under `path`: the longest key that is a suffix of the path."""
    full = path + '/' + name
    for src, rel in ((item or {}, True), (doc.items, False)):
        best = None
        for key, lst in src.items():
            if rel and not key.startswith('@'):
                continue
            kk = key[1:] if rel else key
            if (full == kk or full.endswith('/' + kk)) and (best is None or len(kk) > len(best[0])):
                best = (kk, lst)
        if best:
            return best[1]
    return None


def skipped(doc, path, name, item):
    parent = path.rsplit('/', 1)[-1]
    return any(src.get('-' + name) or src.get('-' + parent + '/' + name) for src in (item or {}, doc.values))


def build(cid, v, k, doc, path, ind, item=None):
    c = M.C[cid]
    out = []
    for f in c['fields']:
        if not active(f, v, k):
            continue
        t = f.type(v, k) if callable(f.type) else f.type
        if t == '#root':
            root = M.FORMS[k][0]
            rc = '@TBao.999' if k == 'tbao-999' else M.ROOT_CONT[root]
            out.append(element(root, rc, v, k, doc, path + '/' + root, ind, None))
            continue
        if t == 'ds':
            sig = doc.value(path, 'Signature', item)
            if sig:
                out.append(sig(ind) if callable(sig) else sig)
            continue
        want = f.min > 0 or doc.full or f.name in MIN_EXTRA
        if not want or (f.min == 0 and skipped(doc, path, f.name, item)):
            continue
        if t.startswith('@'):
            subs = lookup_items(doc, path, f.name, item)
            for sub in (subs if subs is not None else [None]):
                e = element(f.name, t, v, k, doc, path + '/' + f.name, ind, sub if sub is not None else item)
                if e.endswith('/>') and f.min == 0 and M.C[t]['model'][0] not in ('slot',):
                    continue      # optional container that ended up empty
                out.append(e)
                doc.used.add(path + '/' + f.name)
            continue
        val = doc.value(path, f.name, item)
        if val is None:
            if f.min > 0:
                raise KeyError('no value for %s/%s (%s %s)' % (path, f.name, v, k))
            continue
        for x in (val if isinstance(val, list) else [val]):
            out.append('%s<%s>%s</%s>' % (ind, f.name, esc(x), f.name))
        doc.used.add(path + '/' + f.name)
    return out


def element(name, cid, v, k, doc, path, ind, item):
    c = M.C[cid]
    attrs = ''
    for an, _at, sreq, _l in c['attrs']:
        val = doc.value(path, '@' + an, item)
        if val is not None and (sreq or doc.full):
            attrs += ' %s="%s"' % (an, esc(val))
    if c['model'][0] == 'simple':
        return '%s<%s%s>%s</%s>' % (ind, name, attrs, esc(doc.value(path, name, item)), name)
    if c['model'][0] == 'any':
        return '%s<%s%s>%s</%s>' % (ind, name, attrs, doc.value(path, '#content', item), name)
    kids = build(cid, v, k, doc, path, ind + '  ', item)
    if not kids:
        return '%s<%s%s/>' % (ind, name, attrs)
    return '%s<%s%s>\n%s\n%s</%s>' % (ind, name, attrs, '\n'.join(kids), ind, name)


def esc(s):
    return str(s).replace('&', '&amp;').replace('<', '&lt;')


def coverage(cid, v, k, doc, path):
    """Every strict field of (v, k) that the full document does not carry."""
    missing = []
    for f in M.C[cid]['fields']:
        if not active(f, v, k) or f.name == '#value':
            continue
        t = f.type(v, k) if callable(f.type) else f.type
        p = path + '/' + f.name
        if t == '#root' or t == 'ds':
            continue
        if p not in doc.used:
            missing.append(p)
        elif t.startswith('@'):
            missing += coverage(t, v, k, doc, p)
    return missing


# --- scenarios ------------------------------------------------------------------------
YEAR = {'2.0.0': '2022', '2.0.1': '2024', '2.1.0': '2025'}


def crc16(data):
    crc = 0xFFFF
    for b in data.encode('utf-8'):
        crc ^= b << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return '%04X' % crc


def qr(mst, tmpl, khhdon, shdon, nlap, total):
    def tlv(tag, val):
        return '%s%02d%s' % (tag, len(val), val)
    sub = (tlv('00', 'A000000775') + tlv('01', mst.replace('-', '')) + tlv('02', tmpl) + tlv('03', khhdon) +
           tlv('04', shdon) + tlv('05', nlap.replace('-', '')) + tlv('06', fmt(total)))
    body = tlv('00', '01') + tlv('01', '12') + tlv('99', sub) + '6304'
    return body + crc16(body)


SELLER = {'Ten': 'Hợp tác xã Nông nghiệp hữu cơ Trùng Khánh', 'MST': HTX,
          'DChi': 'Xóm Pác Rằng, xã Đàm Thủy, tỉnh Cao Bằng', 'SDThoai': '0206 3826 688',
          'DCTDTu': 'htx.trungkhanh@gmail.com', 'STKNHang': '8300201006688',
          'TNHang': 'Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam – Chi nhánh Cao Bằng',
          'Fax': '0206 3826 689', 'Website': 'https://htxtrungkhanh.vn',
          'MCHang': 'CH01', 'TCHang': 'Cửa hàng đặc sản Trùng Khánh – TP Cao Bằng'}
BUYERD = {'Ten': 'Công ty cổ phần Thực phẩm sạch Thăng Long', 'MST': BUYER,
          'DChi': 'Số 18 phố Nguyễn Văn Cừ, phường Bồ Đề, thành phố Hà Nội', 'MKHang': 'KH-TL0018',
          'SDThoai': '024 3872 1188', 'CCCDan': '001190123456', 'SHChieu': 'C1234567',
          'DCTDTu': 'ketoan@thucphamthanglong.vn', 'HVTNMHang': 'Nguyễn Thị Thu Hà',
          'STKNHang': '0011004123456', 'TNHang': 'Ngân hàng TMCP Ngoại thương Việt Nam – Chi nhánh Long Biên',
          'MDVQHNSach': '1088888'}


def tt(*pairs):
    """TTKhac/TTin items from (label, kind, value) triples."""
    return [{'TTruong': a, 'KDLieu': b, 'DLieu': c} for a, b, c in pairs]


def lines_vat(v, full, vat=True, extra=()):
    L = [dict(TChat='1', MHHDVu='HD-TK01', THHDVu='Hạt dẻ Trùng Khánh loại 1', DVTinh='kg', SLuong=120,
              DGia=185000, TSuat='5%'),
         dict(TChat='1', MHHDVu='MD-PD02', THHDVu='Miến dong Phja Đén', DVTinh='kg', SLuong=250,
              DGia=68000, TSuat='8%'),
         dict(TChat='1', MHHDVu='QT-CB03', THHDVu='Hộp quà đặc sản Cao Bằng', DVTinh='hộp', SLuong=40,
              DGia=150000, TSuat='10%', TLCKhau=5)]
    if full:
        L += [dict(TChat='2', MHHDVu='MD-PD02', THHDVu='Miến dong Phja Đén (hàng khuyến mại không thu tiền)',
                   DVTinh='kg', SLuong=10, DGia=0, TSuat='8%'),
              dict(TChat='3', THHDVu='Chiết khấu thương mại 2% hạt dẻ theo hợp đồng 08/2025', TSuat='5%',
                   disc_of=0, disc_pct=2),
              dict(TChat='4', THHDVu='Hàng giao tại kho bên mua, phường Bồ Đề, Hà Nội')]
        if v in M.V21:
            L.append(dict(TChat='5', MHHDVu='VC-CB07', THHDVu='Dịch vụ vận chuyển hàng Cao Bằng – Hà Nội',
                          DVTinh='chuyến', SLuong=1, DGia=3500000, TSuat='8%',
                          hhdt=[{'LHHDTrung': '2', 'TTruong': 'BKSPTVChuyen', 'DLieu': '11C-123.45'}]))
    L += list(extra)
    out = []
    for i, d in enumerate(L, 1):
        d = dict(d)
        if d['TChat'] in ('1', '2', '5'):
            gross = q(Decimal(d['SLuong']) * Decimal(d['DGia']))
            if not full:
                d.pop('TLCKhau', None)
            disc = q(gross * Decimal(d.get('TLCKhau', 0)) / 100)
            d['ThTien'] = gross - disc
            if full:
                d.setdefault('TLCKhau', 0)
                d['STCKhau'] = disc
        elif d['TChat'] == '3':
            d['ThTien'] = q(out[d.pop('disc_of')]['ThTien'] * Decimal(d.pop('disc_pct')) / 100)
        d['STT'] = i
        if not vat:
            d.pop('TSuat', None)
        if 'hhdt' in d:
            d['@TTHHDTrung/TTin'] = d.pop('hhdt')
        elif full:
            d['-TTHHDTrung'] = True
        if full and d['TChat'] == '1' and i == 1:
            d['@TTKhac/TTin'] = tt(('Số lô', 'string', 'HDTK-0725'), ('Hạn sử dụng', 'date', YEAR[v] + '-12-31'))
        elif full:
            d['-TTKhac'] = True
        out.append(d)
    return out


def simple_lines(k, full, specs):
    """Goods lines without discounts: STT, ThTien = SLuong x DGia; full documents carry every line field."""
    out = []
    for i, d in enumerate(specs, 1):
        d = dict(d, STT=i)
        if 'ThTien' not in d:
            d['ThTien'] = q(Decimal(d['SLuong']) * Decimal(d['DGia']))
        if full:
            if k in M.LINEFULL:
                d.update(TLCKhau=0, STCKhau=0)
            d['-TTKhac'] = True
            d['-TTHHDTrung'] = True
        out.append(d)
    return out


def totals(lines, fees=(), vat=True):
    rates = {}
    for d in lines:
        if d['TChat'] in ('1', '5', '3') and 'TSuat' in d:
            sign = -1 if d['TChat'] == '3' else 1
            rates.setdefault(d['TSuat'], Decimal(0))
            rates[d['TSuat']] += sign * d['ThTien']
    lt = []
    for r in sorted(rates, key=lambda x: float(x.rstrip('%')) if x[0].isdigit() else 99):
        tax = q(rates[r] * Decimal(r.rstrip('%')) / 100) if r[0].isdigit() else Decimal(0)
        lt.append({'TSuat': r, 'ThTien': rates[r], 'TThue': tax})
    base = sum((d['ThTien'] for d in lines if d['TChat'] in ('1', '5')), Decimal(0)) - \
        sum((d['ThTien'] for d in lines if d['TChat'] == '3'), Decimal(0))
    tax = sum((x['TThue'] for x in lt), Decimal(0)) if vat else Decimal(0)
    fee = sum((Decimal(f['TPhi']) for f in fees), Decimal(0))
    disc = sum((d['ThTien'] for d in lines if d['TChat'] == '3'), Decimal(0))
    return lt, base, tax, base + tax + fee, disc


def invoice(v, k, full):
    """values, items of an HDon of version v, kind k."""
    y = YEAR[v]
    yy = y[2:]
    tmpl, letters, _d = M.KINDS[k]
    letter = letters[0]
    nlap = y + '-07-15' if v in M.V21 else y + '-03-15'
    shdon = {'1': '128', '2': '57', '3': '3', '4': '12', '5': '1502', '6n': '41', '6b': '9', '7': '2',
             '8': '36', '9': '18', '1m': '1024', '2m': '315'}[k]
    khhdon = 'C' + yy + letter + 'TK'
    vals = {'PBan': v, 'KHMSHDon': tmpl, 'KHHDon': khhdon, 'SHDon': shdon, 'NLap': nlap,
            'THDon': 'Hóa đơn giá trị gia tăng', 'DVTTe': 'VND', 'TGia': '1', 'HTTToan': 'Chuyển khoản',
            'MSTTCGP': TCGP, 'MHSo': 'HS-CB-2025-000123', 'HDCTTChinh': '0', 'HDDCKPTQuan': '0',
            'SBKe': 'BK-%s-0128' % y, 'NBKe': nlap, 'MSTDVNUNLHDon': DELEG,
            'TDVNUNLHDon': 'Công ty TNHH Dịch vụ Kế toán Non Nước Cao Bằng',
            'DCDVNUNLHDon': 'Số 25 phố Vườn Cam, phường Thục Phán, tỉnh Cao Bằng',
            '@Id': 'DLHDon-%s' % shdon}
    items = {}
    for n, x in SELLER.items():
        vals['NBan/' + n] = x
    for n, x in BUYERD.items():
        vals['NMua/' + n] = x
    vals['TTHDLQuan/TCHDon'] = '1'
    vals.update({'LHDCLQuan': '1', 'KHMSHDCLQuan': tmpl, 'KHHDCLQuan': khhdon, 'SHDCLQuan': '00000011',
                 'NLHDCLQuan': y + '-07-10' if v in M.V21 else y + '-03-10',
                 'GChu': 'Thay thế hóa đơn ghi sai đơn giá', 'SBKCLQuan': 'BK-DCTT-%s-01' % yy,
                 'NBKCLQuan': nlap})
    items['TTChung/TTKhac/TTin'] = tt(('Mã tra cứu', 'string', 'TK%s%s' % (yy, shdon.zfill(6))),
                                     ('Trạng thái thanh toán', 'string', 'Chưa thanh toán'))
    items['NBan/TTKhac/TTin'] = tt(('Người đại diện', 'string', 'Hoàng Văn Sơn'))
    items['NMua/TTKhac/TTin'] = tt(('Mã số đơn hàng', 'string', 'DH-%s-0412' % y))
    items['TToan/TTKhac/TTin'] = tt(('Hạn thanh toán', 'date', nlap[:8] + '30'))
    items['DLHDon/TTKhac/TTin'] = tt(('Ngày giao hàng', 'date', nlap))
    vat = k in M.VATK | M.VATOPT
    fees = [{'TLPhi': 'Phí kiểm dịch thực vật', 'TPhi': '150000'}] if full else []
    unit = 'đồng'
    if k in ('1', '8', '1m', '7', '5'):
        lines = lines_vat(v, full)
    elif k in ('2', '9', '2m'):
        vals['THDon'] = 'Hóa đơn bán hàng'
        lines = [dict(TChat='1', MHHDVu='MO-BH01', THHDVu='Mật ong hoa bạc hà', DVTinh='lít', SLuong=6, DGia=450000),
                 dict(TChat='1', MHHDVu='TD-02', THHDVu='Thạch đen Thạch An', DVTinh='kg', SLuong=30, DGia=60000),
                 dict(TChat='1', MHHDVu='CG-03', THHDVu='Chè giảo cổ lam sấy khô', DVTinh='gói', SLuong=20,
                      DGia=85000)]
        lines = simple_lines(k, full, lines)
        if full:
            lines[0]['@TTKhac/TTin'] = tt(('Nguồn gốc', 'string', 'Xã Quang Hán, Cao Bằng'))
            del lines[0]['-TTKhac']
            if v in M.V21:   # special goods (TChat 5): sold through an e-commerce platform
                lines[0]['@TTHHDTrung/TTin'] = [{'LHHDTrung': '3', 'TTruong': 'MSTNGHang', 'DLieu': HTX}]
                lines[0]['TChat'] = '5'
                del lines[0]['-TTHHDTrung']
        seller = 'Hộ kinh doanh Nông Văn Thắng'
        vals['NBan/Ten'] = seller
        vals['NBan/MST'] = PERSON if v in M.V21 else '4800890126'
    elif k in ('3', '4'):
        vals['THDon'] = 'Hóa đơn bán tài sản công' if k == '3' else 'Hóa đơn bán hàng dự trữ quốc gia'
        if k == '3':
            vals.update({'NBan/Ten': 'Ủy ban nhân dân huyện Trùng Khánh', 'NBan/MST': UBND,
                         'NBan/MDVQHNSach': '1034567', 'NBan/DChi': 'Thị trấn Trùng Khánh, tỉnh Cao Bằng',
                         'SQDinh': '1256/QĐ-UBND', 'NQDinh': y + '-02-20',
                         'CQBHQDinh': 'Ủy ban nhân dân huyện Trùng Khánh', 'HTBan': 'Đấu giá công khai',
                         'DDVCHDen': 'Kho bãi số 2, phường Thục Phán, tỉnh Cao Bằng',
                         'TGVCHDTu': nlap, 'TGVCHDDen': nlap})
            lines = [dict(TChat='1', MHHDVu='TS-OTO-01', THHDVu='Xe ô tô Toyota Innova biển số 11A-002.34 (thanh lý)',
                          DVTinh='chiếc', SLuong=1, DGia=215000000)]
        else:
            vals.update({'NBan/Ten': 'Chi cục Dự trữ Nhà nước Lạng Sơn', 'NBan/MST': DTQG,
                         'NBan/DChi': 'Số 8 đường Hùng Vương, phường Đông Kinh, tỉnh Lạng Sơn',
                         'NMua/Ten': 'Hợp tác xã Nông nghiệp hữu cơ Trùng Khánh', 'NMua/MST': HTX,
                         'NMua/DChi': SELLER['DChi'], 'CMND': '004085012345'})
            lines = [dict(TChat='1', MHHDVu='DT-GAO-01', THHDVu='Gạo tẻ dự trữ quốc gia nhập kho năm ' + str(int(y) - 1),
                          DVTinh='tấn', SLuong=25, DGia=12500000)]
        lines = simple_lines(k, full, lines)
        vals['KHHDon'] = 'C' + yy + 'D' + 'TK'
        fees = [{'TLPhi': 'Phí đấu giá tài sản', 'TPhi': '2000000'}] if full else []
    elif k in M.PXK:
        vals['THDon'] = ('Phiếu xuất kho kiêm vận chuyển nội bộ' if k == '6n'
                         else 'Phiếu xuất kho hàng gửi bán đại lý')
        vals.update({'LDDNBo': 'Lệnh điều động số 05/LĐĐ-HTX ngày 14/%s' % ('07' if v in M.V21 else '03'),
                     'HDSo': 'HĐVC 21/%s/HTX-VT' % y, 'HVTNXHang': 'Bế Thị Lan (thủ kho)',
                     'TNVChuyen': 'Lương Văn Quý', 'PTVChuyen': 'Xe tải 11C-045.67',
                     'HDKTSo': 'HĐ 12/%s/ĐL-HTX' % y, 'HDKTNgay': y + '-01-05',
                     'HVTNNHang': 'Đàm Văn Khánh'})
        if k == '6n':
            vals.update({'NMua/Ten': 'Cửa hàng giới thiệu sản phẩm – HTX Nông nghiệp hữu cơ Trùng Khánh',
                         'NMua/MST': HTX, 'NMua/DChi': 'Số 60 phố Kim Đồng, phường Thục Phán, tỉnh Cao Bằng'})
        else:
            vals.update({'NMua/Ten': 'Đại lý nông sản Kỳ Lừa', 'NMua/MST': AGENT,
                         'NMua/DChi': 'Chợ Kỳ Lừa, phường Tam Thanh, tỉnh Lạng Sơn'})
        lines = [dict(TChat='1', MHHDVu='HD-TK01', THHDVu='Hạt dẻ Trùng Khánh loại 1', DVTinh='kg', SLuong=300,
                      DGia=150000),
                 dict(TChat='1', MHHDVu='MD-PD02', THHDVu='Miến dong Phja Đén', DVTinh='kg', SLuong=500, DGia=52000)]
        lines = simple_lines(k, full, lines)
        fees = []
    if k == '7':
        vals.update({'THDon': 'Hóa đơn thương mại điện tử', 'DVTTe': 'USD', 'TGia': '25480.5',
                     'HTTToan': 'Chuyển khoản (T/T)', 'NMua/Ten': 'GUANGXI PINGXIANG HUAYUAN TRADING CO., LTD',
                     'NMua/DChi': 'No. 12 Youyi Road, Pingxiang, Guangxi, China'})
        vals['-NMua/MST'] = True          # foreign buyer: no Vietnamese tax code
        vals['#absent'] = {'HDon/DLHDon/NDHDon/NMua/MST'}
        lines = simple_lines(k, full, [dict(TChat='1', MHHDVu='HD-SK01', THHDVu='Hạt dẻ Trùng Khánh sấy khô (xuất khẩu)',
                                            DVTinh='kg', SLuong=2000, DGia=Decimal('7.85'), TSuat='0%',
                                            ThTien=Decimal('15700.00'))])
        fees = [{'TLPhi': 'Phí kiểm dịch thực vật xuất khẩu', 'TPhi': '16'}] if full else []
        unit = 'đô la Mỹ'
    if k == '8':
        vals['THDon'] = 'Hóa đơn giá trị gia tăng kiêm biên lai thu phí'
    if k == '9':
        vals['THDon'] = 'Hóa đơn bán hàng kiêm biên lai thu phí'
    if k == '5':
        vals.update({'THDon': 'Vé tham quan', 'NBan/Ten': 'Ban Quản lý Khu du lịch thác Bản Giốc',
                     'NBan/MST': BANGIOC, 'NBan/DChi': 'Xã Đàm Thủy, tỉnh Cao Bằng', 'KHHDon': 'C' + yy + 'GBG'})
        lines = [dict(TChat='1', MHHDVu='VE-NL', THHDVu='Vé tham quan thác Bản Giốc – người lớn', DVTinh='vé',
                      SLuong=40, DGia=40000, TSuat='8%'),
                 dict(TChat='1', MHHDVu='VE-TE', THHDVu='Vé tham quan thác Bản Giốc – trẻ em', DVTinh='vé',
                      SLuong=15, DGia=20000, TSuat='8%')]
        lines = simple_lines(k, full, lines)
    if k in M.MTT:
        vals['KHHDon'] = 'C' + yy + 'M' + ('TK' if k == '1m' else 'NV')
        vals['MCCQT'] = 'M%s-%s-A7K2Q-%s' % (tmpl, yy, '000001' + shdon.zfill(5))
        vals['NMua/Ten'] = 'Khách lẻ – Nguyễn Thu Trang'
        if not full:
            vals['-NMua/MST'] = True
    if full and '@TTKhac/TTin' not in lines[0]:
        lines[0]['@TTKhac/TTin'] = tt(('Số lô', 'string', 'L-%s-01' % y))
        lines[0].pop('-TTKhac', None)
    if full and v in M.V21 and k in M.LINEFULL and not any('@TTHHDTrung/TTin' in d for d in lines):
        lines[0]['@TTHHDTrung/TTin'] = [{'LHHDTrung': '2', 'TTruong': 'BKSPTVChuyen', 'DLieu': '11C-123.45'}]
        lines[0]['TChat'] = '5'
        lines[0].pop('-TTHHDTrung', None)
    lt, base, tax, total, disc = totals(lines, fees, vat)
    if k in ('2', '9', '2m', '3', '4') or k in M.PXK:
        total = sum((d['ThTien'] for d in lines), Decimal(0)) + sum((Decimal(f['TPhi']) for f in fees), Decimal(0))
    if k == '7':
        lt = [{'TSuat': '0%', 'ThTien': Decimal('15700.00'), 'TThue': Decimal(0)}]
        base, tax = Decimal('15700.00'), Decimal(0)
        total = base + sum((Decimal(f['TPhi']) for f in fees), Decimal(0))
    for d in lines:
        for n in ('SLuong', 'DGia', 'ThTien', 'STCKhau', 'TLCKhau'):
            if n in d:
                d[n] = fmt(d[n]) if n != 'ThTien' or k != '7' else '15700.00'
    items['HHDVu'] = lines
    for x in lt:
        x['ThTien'], x['TThue'] = fmt(x['ThTien']), fmt(x['TThue'])
    items['LTSuat'] = lt
    items['LPhi'] = fees
    vals.update({'TgTCThue': fmt(base), 'TgTThue': fmt(tax), 'TgTTTBSo': fmt(total), 'TGTKCThue': '0',
                 'TTCKTMai': fmt(disc), 'TGTKhac': '0', 'TgTTTBChu': words(total, unit) + '.'})
    if not full:
        vals['-TTKhac'] = True
    vals['KHHDCLQuan'] = vals['KHHDon']     # the replaced invoice is of the same series
    when = nlap + 'T09:30:00'
    signer = vals['NBan/Ten']
    if full:
        vals['DLQRCode'] = qr(vals['NBan/MST'], tmpl, vals['KHHDon'], shdon, nlap, total)
        if k not in M.MTT:
            vals['MCCQT'] = '00A1B2C3D4E5F60718293A4B5C6D7E8F90'
        vals['MCCQT/@Id'] = 'Id-5f2c0d1e9a8b4c7d6e5f4a3b2c1d0e9f'
        items['DSCKS/NBan'] = [{'Signature': lambda ind: signature('NBan', vals['@Id'], when, vals['NBan/MST'], signer, ind)}]
        items['DSCKS/NMua'] = [{'Signature': lambda ind: signature('NMua', vals['@Id'], nlap + 'T10:05:00', BUYER,
                                                                   BUYERD['Ten'], ind)}]
        items['DSCKS/CCKSKhac'] = [{'Signature': lambda ind: signature('CCKSKhac', vals['@Id'], nlap + 'T10:06:00',
                                                                       DELEG, vals['TDVNUNLHDon'], ind)}]
        items['DSCKS/CQT'] = [{'Signature': lambda ind: signature('CQT', vals['@Id'], nlap + 'T09:30:21', '0100231226',
                                                                  'CỤC THUẾ', ind)}]
    return vals, items


# --- documents ------------------------------------------------------------------------
XMLDECL = '<?xml version="1.0" encoding="UTF-8"?>\n'


def hdon_text(v, k, full, ind=''):
    vals, items = invoice(v, k, full)
    doc = Doc(vals, items, full)
    text = element('HDon', '@HDon', v, k, doc, 'HDon', ind, None)
    if full:
        missing = set(coverage('@HDon', v, k, doc, 'HDon')) - vals.get('#absent', set())
        assert not missing, (v, k, missing)
    return text


def tdiep(pban, mltdiep, sender, receiver, mst, payload, n=1, ref=None, dlieu_id=None, cksnnt=None):
    mtdiep = sender + 'A3F0C2D94B6E47D1B8E5F6A7C9D0E1F2'
    lines = ['<TDiep>', '  <TTChung>', '    <PBan>%s</PBan>' % pban, '    <MNGui>%s</MNGui>' % sender,
             '    <MNNhan>%s</MNNhan>' % receiver, '    <MLTDiep>%s</MLTDiep>' % mltdiep,
             '    <MTDiep>%s</MTDiep>' % mtdiep]
    if ref:
        lines.append('    <MTDTChieu>%s</MTDTChieu>' % ref)
    lines += ['    <MST>%s</MST>' % mst, '    <SLuong>%d</SLuong>' % n, '  </TTChung>',
              '  <DLieu%s>' % (' Id="%s"' % dlieu_id if dlieu_id else ''), payload, '  </DLieu>']
    if cksnnt:
        lines += ['  <CKSNNT>', cksnnt, '  </CKSNNT>']
    lines.append('</TDiep>')
    return '\n'.join(lines)


TVAN = 'V' + TCGP
FORMVALS = {
    'tkhai': {
        'PBan': '2.1.0', 'MSo': '01/ĐKTĐ-HĐĐT', 'Ten': 'Tờ khai đăng ký/thay đổi thông tin sử dụng hóa đơn điện tử',
        'TTChung/HThuc': '1', 'TNNT': SELLER['Ten'], 'MST': HTX, 'CQTQLy': 'Thuế tỉnh Cao Bằng', 'MCQTQLy': '48100',
        'NLHe': 'Hoàng Văn Sơn', 'DCLHe': SELLER['DChi'], 'DCTDTu': SELLER['DCTDTu'], 'DTLHe': '0912 345 678',
        'DDanh': 'Cao Bằng', 'NLap': '2025-06-02', 'CMa': '1', 'CMTMTTien': '1', 'KCMa': '0', 'NNTDBKKhan': '0',
        'NNTKTDNUBND': '0', 'CDLTTDCQT': '1', 'CDLQTCTN': '0', 'CDDu': '1', 'CBTHop': '0', 'HDGTGT': '1',
        'HDBHang': '0', 'HDBTSCong': '0', 'HDBHDTQGia': '0', 'HDKhac': '0', 'CTu': '0', '@Id': 'DLTKhai-01'},
    'tbao-04ss': {
        'PBan': '2.1.0', 'MSo': '04/SS-HĐĐT', 'Ten': 'Thông báo hóa đơn điện tử có sai sót', 'Loai': '1',
        'DLTBao/So': 'TB-48100-0123', 'NTBCCQT': '2025-07-16', 'MCQT': '48100', 'DLTBao/TCQT': 'Thuế tỉnh Cao Bằng',
        'TNNT': SELLER['Ten'], 'MST': HTX, 'MDVQHNSach': '1034567', 'DDanh': 'Cao Bằng', 'NTBao': '2025-07-16',
        'STT': '1', 'KHMSHDon': '1', 'KHHDon': 'C25TTK', 'SHDon': '00000011', 'Ngay': '2025-07-10', 'LADHDDT': '1',
        'TCTBao': '3', 'LDo': 'Hóa đơn lập sai đơn giá, đã lập hóa đơn thay thế số 128', '@Id': 'DLTBao-04'},
    'bthdlieu': {
        'PBan': '2.0.0', 'MSo': '01/TH-HĐĐT', 'Ten': 'Bảng tổng hợp dữ liệu hóa đơn điện tử gửi cơ quan thuế',
        'SBTHDLieu': '1', 'LKDLieu': 'T', 'TTChung/KDLieu': '07/2022', 'LDau': '1', 'BSLThu': '1',
        'TTChung/NLap': '2022-08-05', 'TNNT': SELLER['Ten'], 'TTChung/MST': HTX, 'HDDIn': '0', 'LHHoa': '9',
        'DVTTe': 'VND', '@Id': 'DLBTHop-0722'},
    'tbao-102': {
        'PBan': '2.1.0', 'MSo': '01/TB-TNĐT', 'Ten': 'Về việc tiếp nhận tờ khai đăng ký sử dụng hóa đơn điện tử',
        'So': '4810250000000217', 'DDanh': 'Cao Bằng', 'NTBao': '2025-06-02', 'MST': HTX, 'TNNT': SELLER['Ten'],
        'TTKhai': 'Tờ khai đăng ký/thay đổi thông tin sử dụng hóa đơn điện tử', 'MGDDTu': TVAN + 'A3F0C2D94B6E47D1B8E5F6A7C9D0E1F2',
        'TGGui': '2025-06-02T08:15:00', 'THop': '1', 'TGNhan': '2025-06-02T08:15:03', 'MLoi': '0000',
        'MTa': 'Tiếp nhận thành công', '@Id': 'Id-8c4e2f10a9b34d5e8f7061a2b3c4d5e6'},
    'tbao-103': {
        'PBan': '2.1.0', 'MSo': '01/TB-ĐKĐT', 'Ten': 'Thông báo về việc chấp nhận đăng ký sử dụng hóa đơn điện tử',
        'DDanh': 'Cao Bằng', 'TCQTCTren': 'Cục Thuế', 'TCQT': 'Thuế tỉnh Cao Bằng', 'MST': HTX, 'TNNT': SELLER['Ten'],
        'Ngay': '2025-06-02T00:00:00', 'HTDKy': '1', 'TTXNCQT': '1', 'HThuc': 'KT. Trưởng Thuế tỉnh',
        'CDanh': 'Phó Trưởng Thuế tỉnh', 'MLoi': '0000', 'MTa': 'Không có lý do không chấp nhận',
        'STBao/So': '1523/TB-TCB', 'STBao/NTBao': '2025-06-03T10:00:00',
        'DLTBao/@Id': 'Id-1a2b3c4d5e6f40718293a4b5c6d7e8f9', 'STBao/@Id': 'Id-9f8e7d6c5b4a40312f1e0d9c8b7a6f5e'},
    'tbao-204': {
        'PBan': '2.1.0', 'MSo': '01/TB-KTDL', 'Ten': 'Thông báo về việc kết quả kiểm tra dữ liệu hóa đơn điện tử',
        'So': '480025000123', 'DDanh': 'Cao Bằng', 'NTBao': '2025-07-15', 'MST': HTX, 'MDVQHNSach': '1034567',
        'TNNT': SELLER['Ten'], 'TGGui': '2025-07-15T09:31:00', 'LTBao': '2',
        'CCu': 'Thông điệp gửi hóa đơn điện tử khởi tạo từ máy tính tiền', 'MGDDTu': TVAN + 'A3F0C2D94B6E47D1B8E5F6A7C9D0E1F2',
        'SLuong': '2', 'MLoi': '0000', 'MTLoi': 'Không có lỗi', 'HDXLy': 'Không cần xử lý', 'GChu': 'Gói dữ liệu hợp lệ',
        '@Id': 'Id-2b3c4d5e6f7a40819203b4c5d6e7f8a9'},
    'tbao-301': {
        'PBan': '2.1.0', 'MSo': '01/TB-SSĐT', 'Ten': 'Về việc tiếp nhận và kết quả xử lý về việc hóa đơn điện tử đã lập có sai sót',
        'DDanh': 'Cao Bằng', 'TCQTCTren': 'Cục Thuế', 'TCQT': 'Thuế tỉnh Cao Bằng', 'TNNT': SELLER['Ten'], 'MST': HTX,
        'MGDDTu': TVAN + 'A3F0C2D94B6E47D1B8E5F6A7C9D0E1F2', 'MHSo': '1.010341.4810.1752630000001',
        'TGNhan': '2025-07-16', 'NTBNNT': '2025-07-16', 'STTThe': '1', 'STBao/So': '88215/TB-HĐĐT',
        'STBao/NTBao': '2025-07-16', 'DLTBao/@Id': 'Id-3c4d5e6f7a8b40910213c4d5e6f7a8b9',
        'STBao/@Id': 'Id-4d5e6f7a8b9c40a1b2c3d4e5f6a7b8c9'},
    'tbao-999': {
        'MTDiep': TVAN + 'A3F0C2D94B6E47D1B8E5F6A7C9D0E1F2', 'MHSGoc': TVAN + 'A3F0C2D94B6E47D1B8E5F6A7C9D0E1F2',
        'MNGui': TVAN, 'NNhan': '2025-07-15T09:30:40', 'TTTNhan': '0', 'MLoi': '0000', 'MTa': 'Đã tiếp nhận'},
    'bban': {
        'PBan': '2.1.0', 'TBBan': 'Biên bản điều chỉnh hóa đơn', 'SBBan': 'BB-01/2025', 'NBBan': '2025-07-14',
        'TCHDon': '2', 'TTChung/NBan': SELLER['Ten'], 'MSTNBan': HTX, 'DCNBan': SELLER['DChi'],
        'TTChung/NMua': BUYERD['Ten'], 'MSTNMua': BUYER, 'DCNMua': BUYERD['DChi'], 'KHMSHDon': '1',
        'KHHDon': 'C25TTK', 'SHDon': '00000011', 'NLHDGoc': '2025-07-10', '@Id': 'NDBBan-01',
        'DSLDTDoi/LDo': ['Điều chỉnh đơn giá hạt dẻ từ 190.000 đồng/kg xuống 185.000 đồng/kg',
                         'Hai bên thống nhất lập hóa đơn điều chỉnh giảm']},
}
FORMITEMS = {
    'tkhai': {'CTS': [{'STT': '1', 'TTChuc': 'Công ty cổ phần Chứng thực số Việt Bắc', 'Seri': '5401010F67F2CBD172F40095B44D47C4',
                       'TNgay': '2025-05-20T08:00:00', 'DNgay': '2028-05-20T08:00:00', 'HThuc': '1'}]},
    'bthdlieu': {'DSDLieu/DLieu': [
        {'STT': '1', 'KHMSHDon': '2', 'KHHDon': 'C22TNV', 'SHDon': '41', 'NLap': '2022-07-05', 'TNMua': BUYERD['Ten'],
         'MSTNMua': BUYER, 'MKHang': 'KH-TL0018', 'MHHoa': 'MO-BH01', 'THHDVu': 'Mật ong hoa bạc hà', 'DVTinh': 'lít',
         'SLuong': '6', 'TTCThue': '2700000', 'TSuat': 'KCT', 'TgTThue': '0', 'TTPhi': '0', 'TGTKhac': '0',
         'TgTTToan': '2700000', 'TThai': '0', 'LHDCLQuan': '1', 'KHMSHDCLQuan': '2', 'KHHDCLQuan': 'C22TNV',
         'SHDCLQuan': '40', 'LKDLDChinh': 'T', 'KDLDChinh': '06/2022', 'STBao': 'TB-0722-01', 'NTBao': '2022-07-06',
         'GChu': 'Điều chỉnh tăng số lượng', 'TGia': '1'}]},
}


def form_text(k, full=True):
    vals = dict(FORMVALS[k])
    doc = Doc(vals, dict(FORMITEMS.get(k, {})), full)
    root = M.FORMS[k][0]
    when = '2025-07-15T09:30:00'
    slots = {'NNT': ('NNT', HTX, SELLER['Ten']), 'CCKSKhac': ('CCKSKhac', DELEG, 'Kế toán Non Nước'),
             'TTCQT': ('TTCQT', '0100231226', 'Phó Trưởng Thuế tỉnh Cao Bằng'), 'CQT': ('CQT', '0100231226', 'CỤC THUẾ'),
             'NBan': ('NBan', HTX, SELLER['Ten']), 'NMua': ('NMua', BUYER, BUYERD['Ten'])}
    target = vals.get('@Id') or vals.get('DLTBao/@Id') or 'x'
    for s, (slot, mst, name) in slots.items():
        doc.items['DSCKS/' + s] = [{'Signature': (lambda slot=slot, mst=mst, name=name:
                                                  lambda ind: signature(slot, target, when, mst, name, ind))()}]
    rc = '@TBao.999' if k == 'tbao-999' else M.ROOT_CONT[root]
    text = element(root, rc, 'any', k, doc, root, '', None)
    missing = coverage(rc, 'any', k, doc, root)
    assert not missing, (k, missing)
    return text


def indent(text, n):
    return '\n'.join(' ' * n + x if x else x for x in text.split('\n'))


# --- mutations ------------------------------------------------------------------------
def _span(text, tag, n=1):
    """(start, end) of the n-th element <tag>…</tag> or <tag/> (line-based, generated layout)."""
    pat = re.compile(r'^([ \t]*)<%s(?=[ />])[^>]*?(/>|>)' % re.escape(tag), re.M)
    ms = list(pat.finditer(text))
    m = ms[n - 1]
    if m.group(2) == '/>':
        end = m.end()
    else:
        close = '</%s>' % tag
        depth, pos = 1, m.end()
        opener = re.compile(r'<%s(?=[ />])[^>]*?(/?)>|</%s>' % (re.escape(tag), re.escape(tag)))
        while depth:
            x = opener.search(text, pos)
            if x.group(0) == close:
                depth -= 1
            elif not x.group(1):
                depth += 1
            pos = x.end()
        end = pos
    return m.start(), end


def sub(tag, val, n=1):
    def f(t):
        a, b = _span(t, tag, n)
        seg = t[a:b]
        ind = re.match(r'[ \t]*', seg).group(0)
        attrs = re.match(r'[ \t]*<%s([^>]*?)/?>' % tag, seg).group(1)
        return t[:a] + '%s<%s%s>%s</%s>' % (ind, tag, attrs, val, tag) + t[b:]
    return f


def empty(tag, n=1):
    def f(t):
        a, b = _span(t, tag, n)
        ind = re.match(r'[ \t]*', t[a:b]).group(0)
        return t[:a] + '%s<%s/>' % (ind, tag) + t[b:]
    return f


def drop(tag, n=1):
    def f(t):
        a, b = _span(t, tag, n)
        if t[b:b + 1] == '\n':
            b += 1
        return t[:a] + t[b:]
    return f


def after(tag, xml, n=1):
    def f(t):
        a, b = _span(t, tag, n)
        ind = re.match(r'[ \t]*', t[a:b]).group(0)
        return t[:b] + '\n' + '\n'.join(ind + x for x in xml.split('\n')) + t[b:]
    return f


def before(tag, xml, n=1):
    def f(t):
        a, _b = _span(t, tag, n)
        ind = re.match(r'[ \t]*', t[a:]).group(0)
        return t[:a] + '\n'.join(ind + x for x in xml.split('\n')) + '\n' + t[a:]
    return f


def move_after(tag, anchor, n=1):
    """Move the n-th <tag> element to just after the first <anchor> element that follows its parent start."""
    def f(t):
        a, b = _span(t, tag, n)
        seg = t[a:b].strip()
        t2 = drop(tag, n)(t)
        return after(anchor, seg)(t2)
    return f


def move_before(tag, anchor, n=1, m=1):
    def f(t):
        a, b = _span(t, tag, n)
        seg = t[a:b].strip()
        t2 = drop(tag, n)(t)
        return before(anchor, seg, m)(t2)
    return f


def raw(old, new, count=1):
    def f(t):
        assert t.count(old) >= count, old
        return t.replace(old, new, count)
    return f


def chain(*fs):
    def f(t):
        for g in fs:
            t = g(t)
        return t
    return f


V0, V1, V2 = '2.0.0', '2.0.1', '2.1.0'
# base documents for mutations: (version, kind, full)
B = {
    'v2-1-min': 'valid/2.1.0/hdon-1-min.xml', 'v2-1-full': 'valid/2.1.0/hdon-1-full.xml',
    'v0-1-min': 'valid/2.0.0/hdon-1-min.xml', 'v0-1-full': 'valid/2.0.0/hdon-1-full.xml',
    'v1-1-full': 'valid/2.0.1/hdon-1-full.xml', 'v2-7-full': 'valid/2.1.0/hdon-7-full.xml',
    'v2-1m-full': 'valid/2.1.0/hdon-1m-full.xml', 'v2-2m-min': 'valid/2.1.0/hdon-2m-min.xml',
    'v2-6n-min': 'valid/2.1.0/hdon-6n-min.xml', 'v2-6b-min': 'valid/2.1.0/hdon-6b-min.xml',
    'v1-2-min': 'valid/2.0.1/hdon-2-min.xml', 'v2-1m-min': 'valid/2.1.0/hdon-1m-min.xml',
    't200': 'valid/tdiep/tdiep-200.xml', 't206': 'valid/tdiep/tdiep-206.xml', 't100': 'valid/tdiep/tdiep-100.xml',
    'v1-1-min': 'valid/2.0.1/hdon-1-min.xml',
}
LONG = 'Hợp tác xã ' + 'Nông nghiệp ' * 40
# name, base, mutation, expected: 'both' | 'strict' (invalid only in strict) , xmllint fragment
MUTATIONS = [
    # missing required fields
    ('missing-NLap', 'v2-1-min', drop('NLap'), 'both', "NLap"),
    ('missing-NBan-MST', 'v2-1-min', drop('MST'), 'both', "MST"),
    ('missing-TgTTTBSo', 'v2-1-min', drop('TgTTTBSo'), 'both', "TgTTTBSo"),
    ('missing-DSCKS', 'v2-1-min', drop('DSCKS'), 'both', "DSCKS"),
    ('missing-THHDVu', 'v0-1-min', drop('THHDVu'), 'both', "THHDVu"),
    ('missing-PTVChuyen-6n', 'v2-6n-min', drop('PTVChuyen'), 'both', "PTVChuyen"),
    ('missing-TTruong', 'v2-1-full', drop('TTruong'), 'both', "TTruong"),
    ('missing-DLHDon-Id', 'v2-1-min', raw(' Id="DLHDon-128"', ''), 'strict', "Id"),
    ('missing-HDCTTChinh', 'v2-1-min', drop('HDCTTChinh'), 'strict', "HDCTTChinh"),
    # over-long values
    ('overlong-NBan-Ten', 'v2-1-min', sub('Ten', LONG), 'both', "maxLength"),
    ('overlong-THDon', 'v0-1-min', sub('THDon', 'Hóa đơn giá trị gia tăng ' * 5), 'both', "THDon"),
    ('overlong-DVTTe', 'v2-1-min', sub('DVTTe', 'VNDD'), 'both', "DVTTe"),
    ('overlong-TSuat-2.0.0', 'v0-1-full', sub('TSuat', 'KHAC:12.34%'), 'both', "TSuat"),
    # patterns
    ('bad-KHHDon-pattern', 'v2-1-min', sub('KHHDon', 'C25TA1'), 'both', "KHHDon"),
    ('bad-KHHDon-letter', 'v2-1-min', sub('KHHDon', 'C25NTK'), 'both', "KHHDon"),
    ('bad-KHHDon-lower', 'v0-1-min', sub('KHHDon', 'c22ttk'), 'both', "KHHDon"),
    ('bad-MST-9digits-seller', 'v2-1-min', sub('MST', '480012345'), 'both', "MST"),
    ('bad-MST-branch', 'v2-1-min', sub('MST', '4800123456-01'), 'both', "MST"),
    ('bad-MSTTCGP-personal', 'v2-1-min', sub('MSTTCGP', '004085012345'), 'both', "MSTTCGP"),
    ('bad-date-format', 'v2-1-min', sub('NLap', '15/07/2025'), 'both', "NLap"),
    ('bad-date-calendar', 'v0-1-min', sub('NLap', '2022-02-30'), 'both', "NLap"),
    ('bad-MCCQT-length', 'v2-1-full', sub('MCCQT', '00A1B2C3D4E5F60718293A4B5C6D7E8F9'), 'both', "MCCQT"),
    ('bad-MCCQT-MTT-form', 'v2-1m-full', sub('MCCQT', '00A1B2C3D4E5F60718293A4B5C6D7E8F90'), 'both', "MCCQT"),
    ('bad-CCCDan', 'v2-1-full', sub('CCCDan', '00119012345'), 'both', "CCCDan"),
    ('bad-SHDon-9digits', 'v2-1-min', sub('SHDon', '123456789'), 'both', "SHDon"),
    ('bad-SigningTime', 'v2-1-full', sub('SigningTime', '15/07/2025 09:30'), 'both', "SigningTime"),
    # code lists
    ('bad-TSuat', 'v2-1-min', sub('TSuat', '7%'), 'both', "TSuat"),
    ('bad-TChat-6', 'v2-1-min', sub('TChat', '6'), 'both', "TChat"),
    ('bad-TChat-5-in-2.0.0', 'v0-1-min', sub('TChat', '5'), 'both', "TChat"),
    ('bad-TCHDon', 'v2-1-full', sub('TCHDon', '3'), 'both', "TCHDon"),
    ('bad-LHDCLQuan', 'v2-1-full', sub('LHDCLQuan', '5'), 'both', "LHDCLQuan"),
    ('bad-KDLieu', 'v2-1-full', sub('KDLieu', 'text'), 'both', "KDLieu"),
    ('bad-KDLieu-case', 'v2-1-full', sub('KDLieu', 'String'), 'strict', "KDLieu"),
    ('bad-HDCTTChinh', 'v2-1-min', sub('HDCTTChinh', '2'), 'both', "HDCTTChinh"),
    ('bad-LHHDTrung', 'v2-1-full', sub('LHHDTrung', '7'), 'both', "LHHDTrung"),
    ('bad-PBan-value', 'v2-1-min', sub('PBan', '2.2.0'), 'both', "PBan"),
    ('bad-PBan-envelope', 't200', sub('PBan', '3.0.0'), 'both', "PBan"),
    ('bad-MLTDiep', 't200', sub('MLTDiep', '20A'), 'both', "MLTDiep"),
    ('bad-MTDiep', 't200', sub('MTDiep', 'V0105123457-A3F0C2D9'), 'strict', "MTDiep"),
    # numbers
    ('bad-TGia-3-decimals', 'v2-7-full', sub('TGia', '25480.505'), 'both', "TGia"),
    ('bad-ThTien-7-decimals', 'v2-1-min', sub('ThTien', '22200000.1234567'), 'both', "ThTien"),
    ('bad-TgTCThue-22-digits', 'v2-1-min', sub('TgTCThue', '1234567890123456789012'), 'both', "TgTCThue"),
    ('bad-TgTTTBSo-20-digits-2.0.0', 'v0-1-min', sub('TgTTTBSo', '12345678901234567890'), 'both', "TgTTTBSo"),
    ('bad-DGia-5-decimals-2.0.0', 'v0-1-min', sub('DGia', '185000.12345'), 'both', "DGia"),
    ('bad-SLuong-text', 'v2-1-min', sub('SLuong', 'mười'), 'both', "SLuong"),
    ('bad-number-plus-sign', 'v2-1-min', sub('DGia', '+185000'), 'both', "DGia"),
    ('trailing-zeros-beyond-4-2.0.1', 'v1-1-min', lambda t: sub('TgTTTBSo', _first(t, 'TgTTTBSo') + '.000000')(t),
     'strict', "TgTTTBSo"),
    # 2.1.0-only fields in 2.0.x documents
    ('v21field-CCCDan-in-2.0.0', 'v0-1-full', after('SDThoai', '<CCCDan>001190123456</CCCDan>', 2), 'both', "CCCDan"),
    ('v21field-HDCTTChinh-in-2.0.0', 'v0-1-min', after('NLap', '<HDCTTChinh>0</HDCTTChinh>'), 'both', "HDCTTChinh"),
    ('v21field-MCHang-in-2.0.1', 'v1-1-full', after('DChi', '<MCHang>CH01</MCHang>'), 'both', "MCHang"),
    ('v21field-SBKCLQuan-in-2.0.1', 'v1-1-full', after('GChu', '<SBKCLQuan>BK-01</SBKCLQuan>'), 'both', "SBKCLQuan"),
    ('v21field-TTHHDTrung-in-2.0.0', 'v0-1-full',
     after('TTKhac', '<TTHHDTrung><TTin><LHHDTrung>2</LHHDTrung><TTruong>BKSPTVChuyen</TTruong>'
           '<DLieu>11C-123.45</DLieu></TTin></TTHHDTrung>', 4), 'both', "TTHHDTrung"),
    # template mismatch
    ('pxk-with-TToan', 'v2-6b-min', after('DSHHDVu', '<TToan><TgTTTBSo>1</TgTTTBSo><TgTTTBChu>Một đồng</TgTTTBChu></TToan>'),
     'both', "TToan"),
    ('mtt-without-NBan-slot', 'v2-1m-min', raw('<NBan/>', ''), 'strict', "NBan"),
    # signatures
    ('sig-no-Target', 'v2-1-full', raw('<SignatureProperty Target="#SIG-NBan">', '<SignatureProperty>'), 'both', "Target"),
    ('sig-no-X509Certificate', 'v2-1-full', drop('X509Certificate'), 'both', "X509Certificate"),
    ('sig-no-SignatureValue', 'v2-1-full', drop('SignatureValue'), 'both', "SignatureValue"),
    ('sig-bad-base64', 'v2-1-full', sub('DigestValue', 'not*base64'), 'both', "DigestValue"),
    ('sig-two-in-slot', 'v2-1-full', lambda t: after('Signature', t[slice(*_span(t, 'Signature'))].strip())(t), 'both',
     "Signature"),
    ('sig-no-Object', 'v2-1-full', drop('Object'), 'strict', "Object"),
    ('sig-no-SigningTime', 'v2-1-full', drop('SigningTime'), 'both', "SignatureProperty"),
    ('envelope-bad-MST', 't200', sub('MST', '48001234567'), 'both', "MST"),
    ('envelope-missing-TTChung', 't200', drop('TTChung'), 'both', "TTChung"),
    ('tkhai-bad-HThuc', 't100', sub('HThuc', '4'), 'both', "HThuc"),
    ('unknown-element', 'v2-1-min', after('NLap', '<GhiChu>khác</GhiChu>'), 'both', "GhiChu"),
    # wrong order (strict only)
    ('order-KHHDon-KHMSHDon', 'v2-1-min', move_before('KHHDon', 'KHMSHDon'), 'strict', "KHMSHDon"),
    ('order-NBan-DChi-before-MST', 'v2-1-min', move_before('DChi', 'MST'), 'strict', "MST"),
    ('order-TToan-THTTLTSuat-last', 'v2-1-min', move_after('THTTLTSuat', 'TgTTTBChu'), 'strict', "THTTLTSuat"),
    # real-world deviations: valid in default, invalid in strict
    ('dev-TTin-order-Viettel', 'v2-1-full', move_before('DLieu', 'TTruong'), 'strict', "DLieu"),
    ('dev-LTSuat-order', 'v2-1-min', move_before('TThue', 'ThTien', 1, 4), 'strict', "TThue"),
    ('dev-line-TSuat-before-ThTien', 'v2-1-min', move_before('TSuat', 'ThTien'), 'strict', "TSuat"),
    ('dev-empty-Fax', 'v2-1-full', empty('Fax'), 'strict', "Fax"),
    ('dev-empty-note-line-numbers', 'v0-1-full',
     after('THHDVu', '<DVTinh/>\n<SLuong/>\n<DGia/>\n<TLCKhau/>\n<STCKhau>0</STCKhau>\n<ThTien/>\n<TSuat/>', 6), 'strict',
     "SLuong"),
    ('dev-TTKhac-under-NDHDon', 'v0-1-min',
     after('TToan', '<TTKhac><TTin><TTruong>Ghi chú</TTruong><KDLieu>string</KDLieu><DLieu>Giao hàng trong ngày</DLieu>'
           '</TTin></TTKhac>'), 'strict', "TTKhac"),
    ('dev-line-TThue-Viettel', 'v1-1-min', after('TSuat', '<TThue>1110000</TThue>'), 'strict', "TThue"),
    ('dev-second-empty-DSCKS', 'v0-1-min', after('DSCKS', '<DSCKS/>'), 'strict', "DSCKS"),
    ('dev-Fkey-VNPT', 'v0-1-min', after('DSCKS', '<Fkey>HTXTK2022000128</Fkey>'), 'strict', "Fkey"),
    ('dev-MCCQT-before-DLQRCode', 'v2-1-full', move_before('MCCQT', 'DLQRCode'), 'strict', "DLQRCode"),
    ('dev-TTChung-TTKhac-first', 'v2-1-full', move_before('TTKhac', 'PBan'), 'strict', "TTKhac"),
    ('dev-envelope-no-PBan', 't200', drop('PBan'), 'strict', "PBan"),
    ('dev-envelope-DLieu-first', 't100', move_after('TTChung', 'DLieu'), 'strict', "DLieu"),
    ('dev-empty-MTDTChieu', 't200', after('MTDiep', '<MTDTChieu/>'), 'strict', "MTDTChieu"),
    ('dev-KDLieu-String-decimal', 'v0-1-full', chain(sub('KDLieu', 'String'), sub('KDLieu', 'decimal', 2)), 'strict',
     "KDLieu"),
    ('dev-no-HDCTTChinh-BKAV', 'v2-1-full', drop('HDCTTChinh'), 'strict', "HDCTTChinh"),
    ('dev-trailing-zeros-MISA', 'v1-1-min', lambda t: sub('DGia', _first(t, 'DGia') + '.000000')(t), 'strict', "DGia"),
    ('dev-whitespace-padded', 'v2-1-min', lambda t: sub('KHHDon', '\n\t\t\t' + _first(t, 'KHHDon') + '\n\t\t')(t),
     'strict', "KHHDon"),
    ('dev-DVTTe-dong-TS24', 'v0-1-min', sub('DVTTe', 'đ'), 'strict', "DVTTe"),
    ('dev-Signature-placeholder-Viettel', 'v0-1-full', before('Signature', '<Signature xmlns=""/>'), 'strict',
     "Signature"),
    ('dev-SigningTime-other-ns-SES', 'v2-1-full',
     raw('<SigningTime>', '<SigningTime xmlns="http://example.org/#signatureProperties">'), 'strict', "SigningTime"),
    ('dev-SigningTime-Z', 'v2-1-full', raw('T09:30:00</SigningTime>', 'T02:30:00Z</SigningTime>'), 'strict',
     "SigningTime"),
    ('dev-SignedProperties-BKSOFT', 'v0-1-full',
     chain(raw('<Object Id="ST-NBan"><SignatureProperties><SignatureProperty Target="#SIG-NBan">',
               '<Object Id="ST-NBan"><SignedProperties xmlns=""><SignedProperty>'),
           raw('</SignatureProperty></SignatureProperties></Object>', '</SignedProperty></SignedProperties></Object>')),
     'strict', "SignedProperties"),
    ('dev-Signature-without-Object-BKSOFT', 'v0-1-full', drop('Object'), 'strict', "Object"),
    ('dev-SignatureProperties-unqualified', 'v2-1-full',
     raw('<SignatureProperties><SignatureProperty', '<SignatureProperties xmlns=""><SignatureProperty'), 'both-valid', ''),
    ('dev-KHHDon-7chars-BKSOFT', 'v0-1-min', lambda t: sub('KHHDon', '1' + _first(t, 'KHHDon'))(t), 'strict', "KHHDon"),
    ('dev-TSuat-bare-number-BKSOFT', 'v0-1-min', sub('TSuat', '5'), 'strict', "TSuat"),
    ('dev-nested-LTSuat-BKSOFT', 'v0-1-min', lambda t: _nest_ltsuat(t), 'strict', "LTSuat"),
    ('dev-NMua-MST-9digits-BKSOFT', 'v0-1-min', lambda t: sub('MST', _first(t, 'MST', 2)[1:], 2)(t), 'strict', "MST"),
    ('dev-empty-TgTTTBChu', 'v2-1-min', empty('TgTTTBChu'), 'strict', "TgTTTBChu"),
    ('dev-empty-THTTLTSuat', 'v1-1-min', empty('THTTLTSuat'), 'strict', "THTTLTSuat"),
    ('dev-empty-MCCQT', 'v0-1-min', before('DSCKS', '<MCCQT/>'), 'strict', "MCCQT"),
    ('dev-empty-TTKhac', 'v2-1-min', after('DChi', '<TTKhac/>'), 'strict', "TTKhac"),
    ('dev-sales-with-VAT-fields', 'v2-2m-min',
     chain(after('ThTien', '<TSuat>KCT</TSuat>'),
           before('TgTTTBSo', '<THTTLTSuat><LTSuat><TSuat>KCT</TSuat><ThTien>1</ThTien><TThue>0</TThue></LTSuat>'
                  '</THTTLTSuat>\n<TgTCThue>1</TgTCThue>\n<TgTThue>0</TgTThue>')), 'strict', "TSuat"),
    ('dev-mtt-full-TTChung', 'v2-1m-min', after('NLap', '<DVTTe>VND</DVTTe>\n<HTTToan>Tiền mặt</HTTToan>\n'
                                                 '<MSTTCGP>%s</MSTTCGP>' % TCGP), 'strict', "DVTTe"),
    ('dev-DLHDon-without-Id-BKSOFT', 'v0-1-min', raw(' Id="DLHDon-128"', ''), 'strict', "Id"),
    ('dev-nested-TDiep-BKSOFT', 't200', lambda t: _nest_tdiep(t), 'strict', "TDiep"),
    ('dev-MTDiep-nonhex-SES', 't200', lambda t: sub('MTDiep', _first(t, 'MTDiep')[:-1] + 'ê')(t), 'strict', "MTDiep"),
    ('dev-DSCKS-order-SES', 'v2-1-full', move_after('CCKSKhac', 'CQT'), 'both-valid', ''),
    ('valid-DGia-6-decimals-2.1.0', 'v2-1-min', sub('DGia', '185000.123456'), 'both-valid', ''),
    ('valid-negative-adjustment', 'v2-1-min', sub('ThTien', '-22200000'), 'both-valid', ''),
    ('valid-TSuat-KHAC-2.1.0', 'v2-1-min', sub('TSuat', 'KHAC:5.26%'), 'both-valid', ''),
]

# What hoadon reports for each mutation (checked by the C++ suite, tests/schema): the code and
# XPath of the first schema diagnostic of the expected severity — the error, or for
# deviations valid in default mode the warning (then the strict error follows). Two entries:
# the same in both variants; four: default code and path, then strict code and path.
DIAGNOSTIC = {
    'missing-NLap': ('SCHEMA-MISSING', '/HDon/DLHDon/TTChung'),
    'missing-NBan-MST': ('SCHEMA-MISSING', '/HDon/DLHDon/NDHDon/NBan'),
    'missing-TgTTTBSo': ('SCHEMA-MISSING', '/HDon/DLHDon/NDHDon/TToan'),
    'missing-DSCKS': ('SCHEMA-MISSING', '/HDon'),
    'missing-THHDVu': ('SCHEMA-MISSING', '/HDon/DLHDon/NDHDon/DSHHDVu/HHDVu[1]'),
    'missing-PTVChuyen-6n': ('SCHEMA-MISSING', '/HDon/DLHDon/NDHDon/NBan'),
    'missing-TTruong': ('SCHEMA-MISSING', '/HDon/DLHDon/TTChung/TTKhac/TTin[1]'),
    'missing-DLHDon-Id': ('SCHEMA-DEV-MISSING', '/HDon/DLHDon/@Id', 'SCHEMA-MISSING', '/HDon/DLHDon/@Id'),
    'missing-HDCTTChinh': ('SCHEMA-DEV-MISSING', '/HDon/DLHDon/TTChung', 'SCHEMA-MISSING', '/HDon/DLHDon/TTChung'),
    'overlong-NBan-Ten': ('SCHEMA-LENGTH', '/HDon/DLHDon/NDHDon/NBan/Ten'),
    'overlong-THDon': ('SCHEMA-LENGTH', '/HDon/DLHDon/TTChung/THDon'),
    'overlong-DVTTe': ('SCHEMA-LENGTH', '/HDon/DLHDon/TTChung/DVTTe'),
    'overlong-TSuat-2.0.0': ('SCHEMA-LENGTH', '/HDon/DLHDon/NDHDon/DSHHDVu/HHDVu[1]/TSuat'),
    'bad-KHHDon-pattern': ('SCHEMA-PATTERN', '/HDon/DLHDon/TTChung/KHHDon'),
    'bad-KHHDon-letter': ('SCHEMA-PATTERN', '/HDon/DLHDon/TTChung/KHHDon'),
    'bad-KHHDon-lower': ('SCHEMA-PATTERN', '/HDon/DLHDon/TTChung/KHHDon'),
    'bad-MST-9digits-seller': ('SCHEMA-PATTERN', '/HDon/DLHDon/NDHDon/NBan/MST'),
    'bad-MST-branch': ('SCHEMA-PATTERN', '/HDon/DLHDon/NDHDon/NBan/MST'),
    'bad-MSTTCGP-personal': ('SCHEMA-PATTERN', '/HDon/DLHDon/TTChung/MSTTCGP'),
    'bad-date-format': ('SCHEMA-TYPE', '/HDon/DLHDon/TTChung/NLap'),
    'bad-date-calendar': ('SCHEMA-TYPE', '/HDon/DLHDon/TTChung/NLap'),
    'bad-MCCQT-length': ('SCHEMA-PATTERN', '/HDon/MCCQT'),
    'bad-MCCQT-MTT-form': ('SCHEMA-LENGTH', '/HDon/MCCQT'),
    'bad-CCCDan': ('SCHEMA-PATTERN', '/HDon/DLHDon/NDHDon/NMua/CCCDan'),
    'bad-SHDon-9digits': ('SCHEMA-DIGITS', '/HDon/DLHDon/TTChung/SHDon'),
    'bad-SigningTime': ('SCHEMA-TYPE', '/HDon/DSCKS/NBan/ds:Signature/ds:Object/ds:SignatureProperties/ds:SignatureProperty/ds:SigningTime'),
    'bad-TSuat': ('SCHEMA-PATTERN', '/HDon/DLHDon/NDHDon/DSHHDVu/HHDVu[1]/TSuat'),
    'bad-TChat-6': ('SCHEMA-ENUM', '/HDon/DLHDon/NDHDon/DSHHDVu/HHDVu[1]/TChat'),
    'bad-TChat-5-in-2.0.0': ('SCHEMA-ENUM', '/HDon/DLHDon/NDHDon/DSHHDVu/HHDVu[1]/TChat'),
    'bad-TCHDon': ('SCHEMA-ENUM', '/HDon/DLHDon/TTChung/TTHDLQuan/TCHDon'),
    'bad-LHDCLQuan': ('SCHEMA-ENUM', '/HDon/DLHDon/TTChung/TTHDLQuan/LHDCLQuan'),
    'bad-KDLieu': ('SCHEMA-ENUM', '/HDon/DLHDon/TTChung/TTKhac/TTin[1]/KDLieu'),
    'bad-KDLieu-case': ('SCHEMA-DEV-VALUE', '/HDon/DLHDon/TTChung/TTKhac/TTin[1]/KDLieu', 'SCHEMA-ENUM', '/HDon/DLHDon/TTChung/TTKhac/TTin[1]/KDLieu'),
    'bad-HDCTTChinh': ('SCHEMA-ENUM', '/HDon/DLHDon/TTChung/HDCTTChinh'),
    'bad-LHHDTrung': ('SCHEMA-ENUM', '/HDon/DLHDon/NDHDon/DSHHDVu/HHDVu[7]/TTHHDTrung/TTin/LHHDTrung'),
    'bad-PBan-value': ('SCHEMA-VERSION', '/HDon/DLHDon/TTChung/PBan'),
    'bad-PBan-envelope': ('SCHEMA-ENUM', '/TDiep/TTChung/PBan'),
    'bad-MLTDiep': ('SCHEMA-PATTERN', '/TDiep/TTChung/MLTDiep'),
    'bad-MTDiep': ('SCHEMA-DEV-VALUE', '/TDiep/TTChung/MTDiep', 'SCHEMA-PATTERN', '/TDiep/TTChung/MTDiep'),
    'bad-TGia-3-decimals': ('SCHEMA-DECIMALS', '/HDon/DLHDon/TTChung/TGia'),
    'bad-ThTien-7-decimals': ('SCHEMA-DECIMALS', '/HDon/DLHDon/NDHDon/DSHHDVu/HHDVu[1]/ThTien'),
    'bad-TgTCThue-22-digits': ('SCHEMA-DIGITS', '/HDon/DLHDon/NDHDon/TToan/TgTCThue'),
    'bad-TgTTTBSo-20-digits-2.0.0': ('SCHEMA-DIGITS', '/HDon/DLHDon/NDHDon/TToan/TgTTTBSo'),
    'bad-DGia-5-decimals-2.0.0': ('SCHEMA-DECIMALS', '/HDon/DLHDon/NDHDon/DSHHDVu/HHDVu[1]/DGia'),
    'bad-SLuong-text': ('SCHEMA-TYPE', '/HDon/DLHDon/NDHDon/DSHHDVu/HHDVu[1]/SLuong'),
    'bad-number-plus-sign': ('SCHEMA-TYPE', '/HDon/DLHDon/NDHDon/DSHHDVu/HHDVu[1]/DGia'),
    'trailing-zeros-beyond-4-2.0.1': ('SCHEMA-DEV-DECIMALS', '/HDon/DLHDon/NDHDon/TToan/TgTTTBSo', 'SCHEMA-DECIMALS', '/HDon/DLHDon/NDHDon/TToan/TgTTTBSo'),
    'v21field-CCCDan-in-2.0.0': ('SCHEMA-UNEXPECTED', '/HDon/DLHDon/NDHDon/NMua/CCCDan'),
    'v21field-HDCTTChinh-in-2.0.0': ('SCHEMA-UNEXPECTED', '/HDon/DLHDon/TTChung/HDCTTChinh'),
    'v21field-MCHang-in-2.0.1': ('SCHEMA-UNEXPECTED', '/HDon/DLHDon/NDHDon/NBan/MCHang'),
    'v21field-SBKCLQuan-in-2.0.1': ('SCHEMA-UNEXPECTED', '/HDon/DLHDon/TTChung/TTHDLQuan/SBKCLQuan'),
    'v21field-TTHHDTrung-in-2.0.0': ('SCHEMA-UNEXPECTED', '/HDon/DLHDon/NDHDon/DSHHDVu/HHDVu[1]/TTHHDTrung'),
    'pxk-with-TToan': ('SCHEMA-UNEXPECTED', '/HDon/DLHDon/NDHDon/TToan'),
    'mtt-without-NBan-slot': ('SCHEMA-DEV-MISSING', '/HDon/DSCKS', 'SCHEMA-MISSING', '/HDon/DSCKS'),
    'sig-no-Target': ('SCHEMA-MISSING', '/HDon/DSCKS/NBan/ds:Signature/ds:Object/ds:SignatureProperties/ds:SignatureProperty/@Target'),
    'sig-no-X509Certificate': ('SCHEMA-MISSING', '/HDon/DSCKS/NBan/ds:Signature/ds:KeyInfo/ds:X509Data'),
    'sig-no-SignatureValue': ('SCHEMA-MISSING', '/HDon/DSCKS/NBan/ds:Signature'),
    'sig-bad-base64': ('SCHEMA-TYPE', '/HDon/DSCKS/NBan/ds:Signature/ds:SignedInfo/ds:Reference[1]/ds:DigestValue'),
    'sig-two-in-slot': ('SCHEMA-REPEATED', '/HDon/DSCKS/NBan/ds:Signature[2]'),
    'sig-no-Object': ('SCHEMA-DEV-SIGNATURE', '/HDon/DSCKS/NBan/ds:Signature', 'SCHEMA-MISSING', '/HDon/DSCKS/NBan/ds:Signature'),
    'sig-no-SigningTime': ('SCHEMA-MISSING', '/HDon/DSCKS/NBan/ds:Signature/ds:Object/ds:SignatureProperties/ds:SignatureProperty'),
    'envelope-bad-MST': ('SCHEMA-PATTERN', '/TDiep/TTChung/MST'),
    'envelope-missing-TTChung': ('SCHEMA-MISSING', '/TDiep'),
    'tkhai-bad-HThuc': ('SCHEMA-ENUM', '/TDiep/DLieu/TKhai/DLTKhai/TTChung/HThuc'),
    'unknown-element': ('SCHEMA-UNEXPECTED', '/HDon/DLHDon/TTChung/GhiChu'),
    'order-KHHDon-KHMSHDon': ('SCHEMA-DEV-ORDER', '/HDon/DLHDon/TTChung/KHMSHDon', 'SCHEMA-ORDER', '/HDon/DLHDon/TTChung/KHHDon'),
    'order-NBan-DChi-before-MST': ('SCHEMA-DEV-ORDER', '/HDon/DLHDon/NDHDon/NBan/MST', 'SCHEMA-ORDER', '/HDon/DLHDon/NDHDon/NBan/DChi'),
    'order-TToan-THTTLTSuat-last': ('SCHEMA-DEV-ORDER', '/HDon/DLHDon/NDHDon/TToan/THTTLTSuat', 'SCHEMA-ORDER', '/HDon/DLHDon/NDHDon/TToan/TgTCThue'),
    'dev-TTin-order-Viettel': ('SCHEMA-DEV-ORDER', '/HDon/DLHDon/TTChung/TTKhac/TTin[1]/TTruong', 'SCHEMA-ORDER', '/HDon/DLHDon/TTChung/TTKhac/TTin[1]/DLieu'),
    'dev-LTSuat-order': ('SCHEMA-DEV-ORDER', '/HDon/DLHDon/NDHDon/TToan/THTTLTSuat/LTSuat[1]/ThTien', 'SCHEMA-ORDER', '/HDon/DLHDon/NDHDon/TToan/THTTLTSuat/LTSuat[1]/TThue'),
    'dev-line-TSuat-before-ThTien': ('SCHEMA-DEV-ORDER', '/HDon/DLHDon/NDHDon/DSHHDVu/HHDVu[1]/ThTien', 'SCHEMA-ORDER', '/HDon/DLHDon/NDHDon/DSHHDVu/HHDVu[1]/ThTien'),
    'dev-empty-Fax': ('SCHEMA-DEV-EMPTY', '/HDon/DLHDon/NDHDon/NBan/Fax', 'SCHEMA-EMPTY', '/HDon/DLHDon/NDHDon/NBan/Fax'),
    'dev-empty-note-line-numbers': ('SCHEMA-DEV-EMPTY', '/HDon/DLHDon/NDHDon/DSHHDVu/HHDVu[6]/DVTinh', 'SCHEMA-EMPTY', '/HDon/DLHDon/NDHDon/DSHHDVu/HHDVu[6]/DVTinh'),
    'dev-TTKhac-under-NDHDon': ('SCHEMA-DEV-EXTRA', '/HDon/DLHDon/NDHDon/TTKhac', 'SCHEMA-UNEXPECTED', '/HDon/DLHDon/NDHDon/TTKhac'),
    'dev-line-TThue-Viettel': ('SCHEMA-DEV-EXTRA', '/HDon/DLHDon/NDHDon/DSHHDVu/HHDVu[1]/TThue', 'SCHEMA-UNEXPECTED', '/HDon/DLHDon/NDHDon/DSHHDVu/HHDVu[1]/TThue'),
    'dev-second-empty-DSCKS': ('SCHEMA-DEV-MISSING', '/HDon/DSCKS[2]', 'SCHEMA-REPEATED', '/HDon/DSCKS[2]'),
    'dev-Fkey-VNPT': ('SCHEMA-DEV-EXTRA', '/HDon/Fkey', 'SCHEMA-UNEXPECTED', '/HDon/Fkey'),
    'dev-MCCQT-before-DLQRCode': ('SCHEMA-DEV-ORDER', '/HDon/DLQRCode', 'SCHEMA-ORDER', '/HDon/DLQRCode'),
    'dev-TTChung-TTKhac-first': ('SCHEMA-DEV-ORDER', '/HDon/DLHDon/TTChung/PBan', 'SCHEMA-ORDER', '/HDon/DLHDon/TTChung/TTKhac'),
    'dev-envelope-no-PBan': ('SCHEMA-DEV-MISSING', '/TDiep/TTChung', 'SCHEMA-MISSING', '/TDiep/TTChung'),
    'dev-envelope-DLieu-first': ('SCHEMA-DEV-ORDER', '/TDiep/TTChung', 'SCHEMA-ORDER', '/TDiep/DLieu'),
    'dev-empty-MTDTChieu': ('SCHEMA-DEV-EMPTY', '/TDiep/TTChung/MTDTChieu', 'SCHEMA-EMPTY', '/TDiep/TTChung/MTDTChieu'),
    'dev-KDLieu-String-decimal': ('SCHEMA-DEV-VALUE', '/HDon/DLHDon/TTChung/TTKhac/TTin[1]/KDLieu', 'SCHEMA-ENUM', '/HDon/DLHDon/TTChung/TTKhac/TTin[1]/KDLieu'),
    'dev-no-HDCTTChinh-BKAV': ('SCHEMA-DEV-MISSING', '/HDon/DLHDon/TTChung', 'SCHEMA-MISSING', '/HDon/DLHDon/TTChung'),
    'dev-trailing-zeros-MISA': ('SCHEMA-DEV-DECIMALS', '/HDon/DLHDon/NDHDon/DSHHDVu/HHDVu[1]/DGia', 'SCHEMA-DECIMALS', '/HDon/DLHDon/NDHDon/DSHHDVu/HHDVu[1]/DGia'),
    'dev-whitespace-padded': ('SCHEMA-DEV-SPACE', '/HDon/DLHDon/TTChung/KHHDon', 'SCHEMA-PATTERN', '/HDon/DLHDon/TTChung/KHHDon'),
    'dev-DVTTe-dong-TS24': ('SCHEMA-DEV-VALUE', '/HDon/DLHDon/TTChung/DVTTe', 'SCHEMA-PATTERN', '/HDon/DLHDon/TTChung/DVTTe'),
    'dev-Signature-placeholder-Viettel': ('SCHEMA-DEV-SIGNATURE', '/HDon/DSCKS/NBan/Signature', 'SCHEMA-UNEXPECTED', '/HDon/DSCKS/NBan/Signature'),
    'dev-SigningTime-other-ns-SES': ('SCHEMA-DEV-SIGNATURE', '/HDon/DSCKS/NBan/ds:Signature', 'SCHEMA-UNEXPECTED', "/HDon/DSCKS/NBan/ds:Signature/ds:Object/ds:SignatureProperties/ds:SignatureProperty/*[local-name()='SigningTime']"),
    'dev-SigningTime-Z': ('SCHEMA-DEV-SIGNATURE', '/HDon/DSCKS/NBan/ds:Signature', 'SCHEMA-PATTERN', '/HDon/DSCKS/NBan/ds:Signature/ds:Object/ds:SignatureProperties/ds:SignatureProperty/ds:SigningTime'),
    'dev-SignedProperties-BKSOFT': ('SCHEMA-DEV-SIGNATURE', '/HDon/DSCKS/NBan/ds:Signature', 'SCHEMA-UNEXPECTED', '/HDon/DSCKS/NBan/ds:Signature/ds:Object/SignedProperties'),
    'dev-Signature-without-Object-BKSOFT': ('SCHEMA-DEV-SIGNATURE', '/HDon/DSCKS/NBan/ds:Signature', 'SCHEMA-MISSING', '/HDon/DSCKS/NBan/ds:Signature'),
    'dev-KHHDon-7chars-BKSOFT': ('SCHEMA-DEV-VALUE', '/HDon/DLHDon/TTChung/KHHDon', 'SCHEMA-LENGTH', '/HDon/DLHDon/TTChung/KHHDon'),
    'dev-TSuat-bare-number-BKSOFT': ('SCHEMA-DEV-VALUE', '/HDon/DLHDon/NDHDon/DSHHDVu/HHDVu[1]/TSuat', 'SCHEMA-PATTERN', '/HDon/DLHDon/NDHDon/DSHHDVu/HHDVu[1]/TSuat'),
    'dev-nested-LTSuat-BKSOFT': ('SCHEMA-DEV-EXTRA', '/HDon/DLHDon/NDHDon/TToan/THTTLTSuat/LTSuat[1]/LTSuat', 'SCHEMA-UNEXPECTED', '/HDon/DLHDon/NDHDon/TToan/THTTLTSuat/LTSuat[1]/LTSuat'),
    'dev-NMua-MST-9digits-BKSOFT': ('SCHEMA-DEV-VALUE', '/HDon/DLHDon/NDHDon/NMua/MST', 'SCHEMA-PATTERN', '/HDon/DLHDon/NDHDon/NMua/MST'),
    'dev-empty-TgTTTBChu': ('SCHEMA-DEV-EMPTY', '/HDon/DLHDon/NDHDon/TToan/TgTTTBChu', 'SCHEMA-EMPTY', '/HDon/DLHDon/NDHDon/TToan/TgTTTBChu'),
    'dev-empty-THTTLTSuat': ('SCHEMA-DEV-MISSING', '/HDon/DLHDon/NDHDon/TToan/THTTLTSuat', 'SCHEMA-MISSING', '/HDon/DLHDon/NDHDon/TToan/THTTLTSuat'),
    'dev-empty-MCCQT': ('SCHEMA-DEV-EMPTY', '/HDon/MCCQT', 'SCHEMA-EMPTY', '/HDon/MCCQT'),
    'dev-empty-TTKhac': ('SCHEMA-DEV-MISSING', '/HDon/DLHDon/NDHDon/NBan/TTKhac', 'SCHEMA-MISSING', '/HDon/DLHDon/NDHDon/NBan/TTKhac'),
    'dev-sales-with-VAT-fields': ('SCHEMA-DEV-EXTRA', '/HDon/DLHDon/NDHDon/DSHHDVu/HHDVu[1]/TSuat', 'SCHEMA-UNEXPECTED', '/HDon/DLHDon/NDHDon/DSHHDVu/HHDVu[1]/TSuat'),
    'dev-mtt-full-TTChung': ('SCHEMA-DEV-EXTRA', '/HDon/DLHDon/TTChung/DVTTe', 'SCHEMA-UNEXPECTED', '/HDon/DLHDon/TTChung/DVTTe'),
    'dev-DLHDon-without-Id-BKSOFT': ('SCHEMA-DEV-MISSING', '/HDon/DLHDon/@Id', 'SCHEMA-MISSING', '/HDon/DLHDon/@Id'),
    'dev-nested-TDiep-BKSOFT': ('SCHEMA-DEV-EXTRA', '/TDiep/DLieu/TDiep', 'SCHEMA-UNEXPECTED', '/TDiep/DLieu/TDiep'),
    'dev-MTDiep-nonhex-SES': ('SCHEMA-DEV-VALUE', '/TDiep/TTChung/MTDiep', 'SCHEMA-PATTERN', '/TDiep/TTChung/MTDiep'),
}


def _first(t, tag, n=1):
    a, b = _span(t, tag, n)
    return re.sub(r'^\s*<[^>]*>|</[^>]*>\s*$', '', t[a:b].strip()).strip()


def _nest_ltsuat(t):
    a, b = _span(t, 'LTSuat')
    seg = t[a:b]
    ind = re.match(r'[ \t]*', seg).group(0)
    inner = '\n'.join('  ' + x for x in seg.split('\n'))
    return t[:a] + ind + '<LTSuat>\n' + inner + '\n' + ind + '</LTSuat>' + t[b:]


def _nest_tdiep(t):
    a, b = _span(t, 'HDon')
    return t[:a] + indent(tdiep('2.1.0', '200', TVAN, 'TCT', HTX, t[a:b]), 4) + t[b:]


def main():
    files = {}
    for v in M.VERSIONS:
        for k in M.kinds_of(v):
            for full in (False, True):
                files['valid/%s/hdon-%s-%s.xml' % (v, k, 'full' if full else 'min')] = hdon_text(v, k, full)
    # envelopes (§6) and forms (§6.3, §6.4)
    h = lambda v, k, full: indent(hdon_text(v, k, full), 4)   # noqa: E731
    files['valid/tdiep/tdiep-200.xml'] = tdiep('2.1.0', '200', TVAN, 'TCT', HTX, h(V2, '1', False))
    files['valid/tdiep/tdiep-202.xml'] = tdiep('2.0.0', '202', 'TCT', TVAN, HTX, h(V0, '1', True),
                                               ref=TVAN + 'B7C1D2E3F4A5469788A9B0C1D2E3F4A5')
    k2 = h(V1, '1', False).replace('<KHHDon>C24TTK</KHHDon>', '<KHHDon>K24TTK</KHHDon>')
    files['valid/tdiep/tdiep-203.xml'] = tdiep('2.0.1', '203', TVAN, 'TCT', HTX,
                                               k2 + '\n' + k2.replace('<SHDon>128</SHDon>', '<SHDon>129</SHDon>'), n=2)
    m1 = h(V2, '1m', True)
    cks = indent(signature('CKSNNT', 'DL-206', '2025-07-15T09:35:00', HTX, SELLER['Ten'], ''), 4)
    files['valid/tdiep/tdiep-206.xml'] = tdiep('2.1.0', '206', TVAN, 'TCT', HTX,
                                               m1 + '\n' + m1.replace('<SHDon>1024</SHDon>', '<SHDon>1025</SHDon>'),
                                               n=2, dlieu_id='DL-206', cksnnt=cks)
    bke = indent('<BKe>\n  <NDBKe>\n    <TTChung><PBan>2.1.0</PBan><TBKe>Bảng kê các hóa đơn điện tử đã lập sai</TBKe>'
                 '<KHMBKe>01/BK-ĐCTT</KHMBKe><SBKe>BK-DCTT-25-01</SBKe><NBKe>2025-07-15</NBKe></TTChung>\n  </NDBKe>\n'
                 '  <DSCKS>\n    <NBan/>\n  </DSCKS>\n</BKe>', 4)
    files['valid/tdiep/tdiep-208.xml'] = tdiep('2.1.0', '208', TVAN, 'TCT', HTX, h(V2, '1', False) + '\n' + bke)
    for k, code, snd, rcv, ref in (('tkhai', '100', TVAN, 'TCT', None), ('tbao-102', '102', 'TCT', TVAN, 1),
                                   ('tbao-103', '103', 'TCT', TVAN, 1), ('tbao-204', '204', 'TCT', TVAN, 1),
                                   ('tbao-04ss', '300', TVAN, 'TCT', None), ('tbao-301', '301', 'TCT', TVAN, 1),
                                   ('bthdlieu', '400', TVAN, 'TCT', None), ('tbao-999', '999', 'TCT', TVAN, 1)):
        files['valid/tdiep/tdiep-%s.xml' % code] = tdiep(
            '2.1.0' if k != 'bthdlieu' else '2.0.0', code, snd, rcv, HTX, indent(form_text(k), 4),
            ref=TVAN + 'A3F0C2D94B6E47D1B8E5F6A7C9D0E1F2' if ref else None)
    for k in ('tkhai', 'tbao-04ss', 'bthdlieu', 'tbao-103', 'bban'):
        files['valid/forms/%s.xml' % k] = form_text(k)
    expect = [('# GENERATED by samples/make.py. file\tvariant\texpect\tfragment (grep -F in xmllint output)'
               '\tcode\txpath (hoadon: first schema diagnostic, an error when invalid, a warning when valid)',)]
    for name in sorted(files):
        expect.append((name, 'both', 'valid', '', '', ''))
    for name, base, fn, exp, frag in MUTATIONS:
        text = fn(files[B[base]])
        assert text != files[B[base]], name
        folder = 'invalid' if exp in ('both', 'strict') else 'valid/edge'
        path = '%s/%s.xml' % (folder, name)
        files[path] = text
        diag = DIAGNOSTIC.get(name, ('', ''))
        default_diag, strict_diag = diag[:2], (diag[2:] or diag[:2])
        if exp == 'both':
            assert default_diag == strict_diag, name
            expect.append((path, 'both', 'invalid', frag) + default_diag)
        elif exp == 'strict':
            expect.append((path, 'default', 'valid', '') + default_diag)
            expect.append((path, 'strict', 'invalid', frag) + strict_diag)
        else:
            expect.append((path, 'both', 'valid', '', '', ''))
    exp_text = '\n'.join('\t'.join(r) for r in expect) + '\n'
    on_disk = set()
    for d in ('valid', 'invalid'):
        for root, _dirs, names in os.walk(os.path.join(HERE, d)):
            on_disk |= {os.path.relpath(os.path.join(root, n), HERE) for n in names if n.endswith('.xml')}
    if '--check' in sys.argv:
        stale = sorted(on_disk ^ set(files))
        for name, text in files.items():
            p = os.path.join(HERE, name)
            if os.path.exists(p) and open(p, encoding='utf-8').read() != XMLDECL + text + '\n':
                stale.append(name)
        if open(os.path.join(HERE, 'expect.tsv'), encoding='utf-8').read() != exp_text:
            stale.append('expect.tsv')
        for x in stale:
            print('stale:', x)
        return 1 if stale else 0
    for n in on_disk:
        os.remove(os.path.join(HERE, n))
    for name, text in files.items():
        p = os.path.join(HERE, name)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, 'w', encoding='utf-8', newline='\n') as fh:
            fh.write(XMLDECL + text + '\n')
    with open(os.path.join(HERE, 'expect.tsv'), 'w', encoding='utf-8', newline='\n') as fh:
        fh.write(exp_text)
    print('wrote %d documents, %d expectations' % (len(files), len(expect) - 1))
    return 0


if __name__ == '__main__':
    sys.exit(main())
