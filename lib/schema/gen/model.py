"""Field model of the Vietnamese e-invoice format (hoadon schemas).

Single source for every generated XSD and for required.tsv.  Written from
/work/shared/spec/vn-einvoice-format.md (section numbers in comments) and from
what the real samples show.  Python 3 standard library only.

Vocabulary
----------
version  one of VERSIONS (value of PBan).
kind     an invoice content model, chosen by KHMSHDon and the 4th character of
         KHHDon (see KINDS); forms use a form key (see FORMS).
F(...)   one child element of a container, in spec order.
  type   simple-type name from types.py, a container id (starts with '@'),
         or a function (version, kind) -> such a name.
  min/max  occurrence in the *strict* variant.
  v      versions where the element exists (None = all).
  k      kinds where it exists in strict (None = all kinds of that container).
  lk     extra kinds where only the lenient variant tolerates it (vendor extra).
  lonly  the element exists only in the lenient variant (vendor extra).
  lmin   minOccurs in the lenient variant (default: same as strict).
  lmax   maxOccurs in the lenient variant (default: same as strict).
  ltype  lenient type when a real-world quirk needs a looser one.
  lempty the lenient variant accepts an empty value although min >= 1.
"""

VERSIONS = ('2.0.0', '2.0.1', '2.1.0')
V20 = {'2.0.0', '2.0.1'}
V21 = {'2.1.0'}
V201PLUS = {'2.0.1', '2.1.0'}

# kind -> (KHMSHDon digit, allowed 4th letters of KHHDon, description)
KINDS = {
    '1':  ('1', 'TDL', 'VAT invoice (Hóa đơn GTGT)'),
    '2':  ('2', 'TDL', 'sales invoice (Hóa đơn bán hàng)'),
    '3':  ('3', 'TDL', 'public-asset sale (bán tài sản công)'),
    '4':  ('4', 'TDL', 'national-reserve sale (bán hàng dự trữ quốc gia)'),
    '5':  ('5', 'GH', 'stamps/tickets/cards and other (tem, vé, thẻ…)'),
    '6n': ('6', 'N', 'PXK internal transfer (phiếu xuất kho kiêm vận chuyển nội bộ)'),
    '6b': ('6', 'B', 'PXK to sales agents (phiếu xuất kho hàng gửi bán đại lý)'),
    '7':  ('7', 'X', 'electronic commercial invoice (2.1.0; modelled on 1, tax fields optional)'),
    '8':  ('8', 'TDL', 'VAT invoice with receipt (2.1.0; modelled on 1)'),
    '9':  ('9', 'TDL', 'sales invoice with receipt (2.1.0; modelled on 2)'),
    '1m': ('1', 'M', 'cash-register (MTT) VAT invoice'),
    '2m': ('2', 'M', 'cash-register (MTT) sales invoice'),
}
KINDS_20 = ('1', '2', '3', '4', '5', '6n', '6b', '1m', '2m')
KINDS_21 = ('1', '2', '3', '4', '5', '6n', '6b', '7', '8', '9', '1m', '2m')


def kinds_of(version):
    return KINDS_21 if version in V21 else KINDS_20


ALLK = set(KINDS)
FULL = {'1', '2', '5', '7', '8', '9'}      # full TTChung/NBan/NMua/line tables
STATE = {'3', '4'}                         # public asset, national reserve
PXK = {'6n', '6b'}
MTT = {'1m', '2m'}
VATK = {'1', '8', '1m'}                    # VAT totals required
VATOPT = {'5', '7'}                        # VAT totals optional (mixed VAT/sales layouts)
SALESK = {'2', '9', '2m'}                  # no VAT fields in the tables


class F:
    __slots__ = ('name', 'type', 'min', 'max', 'v', 'k', 'lk', 'lonly',
                 'lmin', 'lmax', 'ltype', 'lempty')

    def __init__(self, name, type, min=0, max=1, v=None, k=None, lk=None,
                 lonly=False, lmin=None, lmax=None, ltype=None, lempty=False):
        self.name, self.type, self.min, self.max = name, type, min, max
        self.v, self.k, self.lk, self.lonly = v, k, lk, lonly
        self.lmin, self.lmax, self.ltype, self.lempty = lmin, lmax, ltype, lempty


UNB = 'unbounded'


def num(v):
    """SLuong/DGia/TgTTTBSo/LTSuat amounts: 19,4 in 2.0.x, 21,6 in 2.1.0 (§1.7, §1.8)."""
    return 'n21-6' if v in V21 else 'n19-4'


def tsuat(v):
    return 'TSuat.210' if v in V21 else 'TSuat.200'


# ---------------------------------------------------------------------------
# Containers.  Each: id -> dict(name=element name used in paths,
#   fields=[F...], attrs=[(name, type, strict_required, lenient_required)],
#   model=('seq'|special, 'all'|special) for (strict, lenient)).
# ---------------------------------------------------------------------------

C = {}


def cont(cid, fields, attrs=(), strict='seq', lenient='all'):
    C[cid] = dict(fields=fields, attrs=list(attrs), model=(strict, lenient))


# ---- invoice HDon (§1) ----------------------------------------------------

cont('@HDon', [
    F('DLHDon', '@DLHDon', 1),
    F('DLQRCode', 's512', 0),
    F('MCCQT', lambda v, k: '@MCCQT.mtt' if k in MTT else '@MCCQT', 0),
    F('DSCKS', '@DSCKS', 1, lmax=2),       # TS24 adds a second, empty <DSCKS/> (001, 194)
    F('Fkey', 's100', 0, lonly=True),      # VNPT vendor element after DSCKS (004)
], strict='hdon', lenient='hdon')

# MCCQT: simple content + @Id (§1.10, §4.1). 34-char CQT code, MTT 23-char form.
cont('@MCCQT', [F('#value', 'MCCQTcode', 1, lempty=True)], attrs=[('Id', 'xs:string', False, False)],
     strict='simple', lenient='simple')
cont('@MCCQT.mtt', [F('#value', 'MCCQTcode.mtt', 1, lempty=True)], attrs=[('Id', 'xs:string', False, False)],
     strict='simple', lenient='simple')

cont('@DLHDon', [
    F('TTChung', '@TTChung', 1),
    F('NDHDon', '@NDHDon', 1),
    F('TTKhac', '@TTKhac', 0),
], attrs=[('Id', 'xs:string', True, False)])

cont('@TTChung', [                                           # §1.3
    F('PBan', lambda v, k: 'PBan.' + v.replace('.', ''), 1),
    F('THDon', 's100', 1),
    F('KHMSHDon', lambda v, k: 'KHMSHDon.' + KINDS[k][0], 1),
    F('KHHDon', lambda v, k: 'KHHDon.' + KINDS[k][1], 1),
    F('SHDon', 'i8', 1),
    F('MHSo', 's20', 0, k=FULL),
    F('NLap', 'date', 1),
    F('HDCTTChinh', 'bit', 1, v=V21, k={'1', '8'}, lmin=0),   # "yes" in the 2.1.0 table, absent in real BKAV
    F('HDCTTChinh', 'bit', 0, v=V21, k={'2', '5', '7', '9'}),
    F('HDDCKPTQuan', 'bit', 0, k={'2', '9'}, lk={'2m'}),
    F('SBKe', 's50', 0, k=FULL),
    F('NBKe', 'date', 0, k=FULL),
    F('DVTTe', 'DVTTe', 1, k=ALLK - MTT, lk=MTT),
    F('TGia', 'n7-2', 0, k=ALLK - MTT, lk=MTT),
    F('HTTToan', 's50', 0, v=V20, k=FULL | STATE, lk=MTT),
    F('HTTToan', 's50', 1, v=V21, k=FULL | STATE, lk=MTT),
    F('MSTTCGP', 'MSTOrg', 0, v=V20, k=FULL | STATE | PXK, lk=MTT),
    F('MSTTCGP', 'MSTOrg', 1, v=V21, k=FULL | STATE | PXK, lk=MTT),
    F('MSTDVNUNLHDon', 'MSTOrg', 0, k=FULL),
    F('TDVNUNLHDon', 's400', 0, k=FULL),
    F('DCDVNUNLHDon', 's400', 0, k=FULL),
    F('TTHDLQuan', '@TTHDLQuan', 0),
    F('TTKhac', '@TTKhac', 0),
])

cont('@TTHDLQuan', [                                         # §1.4
    F('TCHDon', 'TCHDon', 1),
    F('LHDCLQuan', 'LHDCLQuan', 1, v=V20),
    F('LHDCLQuan', 'LHDCLQuan', 0, v=V21),     # 2.1.0: not for the many-invoice case
    F('KHMSHDCLQuan', 's11', 0),
    F('KHHDCLQuan', 's8', 0),
    F('SHDCLQuan', 's8', 0),
    F('NLHDCLQuan', 'date', 1, v=V20),
    F('NLHDCLQuan', 'date', 0, v=V21),
    F('GChu', 's255', 0),
    F('SBKCLQuan', 's50', 0, v=V21),
    F('NBKCLQuan', 'date', 0, v=V21),
])

cont('@NDHDon', [
    F('NBan', '@NBan', 1),
    F('NMua', '@NMua', 1),
    F('DSHHDVu', '@DSHHDVu', 1),
    F('TToan', '@TToan', 1, k=ALLK - PXK),
    F('TTKhac', '@TTKhac', 0, lonly=True),     # Viettel puts TTKhac under NDHDon (007)
])

cont('@NBan', [                                              # §1.5
    F('Ten', 's400', 1),
    F('MST', 'MST', 1, k=ALLK - {'3'}),
    F('MST', 'MST', 0, k={'3'}),               # public asset: MST or MDVQHNSach
    F('MDVQHNSach', 's7', 0, k={'3'}),
    F('LDDNBo', 's255', 1, k={'6n'}),
    F('HDKTSo', 's255', 1, k={'6b'}),
    F('HDKTNgay', 'date', 1, k={'6b'}),
    F('DChi', 's400', 1),
    F('HDSo', 's255', 0, k={'6n'}),
    F('MCHang', 's50', 0, v=V21, k=FULL | MTT),
    F('TCHang', 's400', 0, v=V21, k=FULL | MTT),
    F('SQDinh', 's50', 0, k={'3'}),
    F('NQDinh', 'date', 0, k={'3'}),
    F('CQBHQDinh', 's200', 0, k={'3'}),
    F('HTBan', 's200', 0, k={'3'}),
    F('HVTNXHang', 's100', 0, k=PXK),
    F('TNVChuyen', 's100', 0, k={'6n'}),
    F('TNVChuyen', 's100', 1, k={'6b'}),
    F('HDSo', 's50', 0, k={'6b'}),
    F('PTVChuyen', 's50', 1, k=PXK),
    F('SDThoai', 's20', 0, k=FULL | STATE | MTT),
    F('DCTDTu', 's50', 0, k=FULL | STATE, lk=MTT),
    F('STKNHang', 's30', 0, k=FULL | STATE, lk=MTT),
    F('TNHang', 's400', 0, k=FULL | STATE, lk=MTT),
    F('Fax', 's20', 0, k=FULL | STATE, lk=MTT),
    F('Website', 's100', 0, k=FULL | STATE, lk=MTT),
    F('TTKhac', '@TTKhac', 0),
])

NOTPXK = ALLK - PXK
cont('@NMua', [                                              # §1.6 (2.1.0 order)
    F('Ten', 's400', 0, k=NOTPXK),
    F('Ten', 's400', 1, k=PXK),
    F('MST', 'MST', 0, ltype='MST.q9'),
    F('MDVQHNSach', 's7', 0, v=V21, k=FULL | MTT | STATE),
    F('CMND', 's20', 0, k={'4'}),
    F('DChi', 's400', 0, k=NOTPXK),
    F('DChi', 's400', 1, k=PXK),
    F('HVTNNHang', 's100', 0, k=PXK),
    F('MKHang', 's50', 0, k=NOTPXK),
    F('SDThoai', 's20', 0, k=NOTPXK),
    F('CCCDan', 'CCCDan', 0, v=V21, k=FULL | MTT | STATE),
    F('CCCDan', 'CCCDan', 0, v={'2.0.1'}, k=MTT),
    F('SHChieu', 's20', 0, v=V21, k=FULL | MTT | STATE),
    F('DCTDTu', 's50', 0, k=NOTPXK),
    F('HVTNMHang', 's100', 0, k=NOTPXK),
    F('STKNHang', 's30', 0, k=NOTPXK),
    F('TNHang', 's400', 0, k=NOTPXK),
    F('DDVCHDen', 's400', 0, k={'3'}),
    F('TGVCHDTu', 'date', 0, k={'3'}),
    F('TGVCHDDen', 'date', 0, k={'3'}),
    F('TTKhac', '@TTKhac', 0),
])

cont('@DSHHDVu', [F('HHDVu', '@HHDVu', 1, UNB)], lenient='seq')

LINEFULL = FULL | MTT
cont('@HHDVu', [                                             # §1.7
    F('TChat', lambda v, k: 'TChat.210' if v in V21 else 'TChat.200', 1),
    F('STT', 'i4', 0),
    F('MHHDVu', 's50', 0),
    F('THHDVu', 's500', 1),
    F('DVTinh', 's50', 0),
    F('SLuong', lambda v, k: num(v), 0),
    F('DGia', lambda v, k: num(v), 0),
    F('TLCKhau', 'n6-4', 0, k=LINEFULL),
    F('STCKhau', 'n21-6', 0, k=LINEFULL),
    F('ThTien', 'n21-6', 0),                   # required except TChat 2/4 (2.0.x) / 4 (2.1.0): rule in C++
    F('TSuat', lambda v, k: tsuat(v), 0, k=VATK | VATOPT, lk=SALESK),
    F('TThue', 'n21-6', 0, k=LINEFULL, lonly=True),   # Viettel line-level VAT (007)
    F('TTKhac', '@TTKhac', 0),
    F('TTHHDTrung', '@TTHHDTrung', 0, v=V21, k=LINEFULL),
], lenient='hhdvu')   # not xs:all: the hot path of 10,000-line invoices (see DESIGN.md)

cont('@TTHHDTrung', [F('TTin', '@TTin.hhdt', 1, UNB)], lenient='seq')
cont('@TTin.hhdt', [
    F('LHHDTrung', 'LHHDTrung', 1),
    F('TTruong', 's20', 1),
    F('DLieu', 's200', 1),
])

cont('@TToan', [                                             # §1.8
    F('THTTLTSuat', '@THTTLTSuat', 1, k=VATK, lk=SALESK),
    F('THTTLTSuat', '@THTTLTSuat', 0, k=VATOPT),
    F('TgTCThue', 'n21-6', 1, k=VATK, lk=SALESK),
    F('TgTCThue', 'n21-6', 0, k=VATOPT),
    F('TgTThue', 'n21-6', 1, k=VATK, lk=SALESK),
    F('TgTThue', 'n21-6', 0, k=VATOPT),
    F('TGTKCThue', 'n21-6', 0, k=VATK | VATOPT),
    F('DSLPhi', '@DSLPhi', 0, k=FULL | {'1m'}),
    F('TTCKTMai', 'n21-6', 0, k=FULL | MTT),
    F('TGTKhac', 'n21-6', 0, k=FULL | {'1m'}),
    F('TgTTTBSo', lambda v, k: num(v), 1),
    F('TgTTTBChu', 's255', 1, lempty=True),    # CQT issued a code with <TgTTTBChu/> (011)
    F('DSLPhi', '@DSLPhi', 0, k=STATE),
    F('TTKhac', '@TTKhac', 0),
])

cont('@THTTLTSuat', [F('LTSuat', '@LTSuat', 1, UNB, lmin=0)], lenient='seq')
cont('@LTSuat', [
    F('TSuat', lambda v, k: tsuat(v), 1, lmin=0),
    F('ThTien', lambda v, k: num(v), 1, lmin=0),
    F('TThue', lambda v, k: num(v), 0),
    F('LTSuat', '@LTSuat', 0, lonly=True),     # BKSOFT nests LTSuat/LTSuat (183, 200)
])

cont('@DSLPhi', [F('LPhi', '@LPhi', 1, UNB, lmin=0)], lenient='seq')
cont('@LPhi', [
    F('TLPhi', 's100', 1, lempty=True),
    F('TPhi', 'n21-6', 1, lempty=True),
])

# TTKhac/TTin (§1.9). DLieu may be empty in both variants (a declared field without value).
cont('@TTKhac', [F('TTin', '@TTin', 1, UNB, lmin=0)], lenient='seq')
cont('@TTin', [
    F('TTruong', 's255', 1),
    F('KDLieu', 'KDLieu', 1, lmin=0),
    F('DLieu', 's500.e', 1),
])

# ---- signatures (§1.10, §5) -------------------------------------------------

cont('@DSCKS', [
    F('NBan', '@Slot', 1, lmin=0),
    F('NMua', '@Slot', 0, k=ALLK - MTT, lk=MTT),
    F('CCKSKhac', '@Slot.n', 0, k=ALLK - MTT, lk=MTT),
    F('CQT', '@Slot', 0, k=ALLK - MTT, lk=MTT),
], strict='dscks', lenient='all')

# A slot is empty or holds one ds:Signature; CCKSKhac may hold several.
cont('@Slot', [F('Signature', 'ds', 0)], strict='slot', lenient='slot')
cont('@Slot.n', [F('Signature', 'ds', 0, UNB)], strict='slot', lenient='slot')

# ---- envelope TDiep (§6) ------------------------------------------------------

cont('@TDiep', [
    F('TTChung', '@TDiep.TTChung', 1),
    F('DLieu', '@DLieu', 1),
    F('CKSNNT', '@CKSNNT', 0),
])
cont('@TDiep.TTChung', [
    F('PBan', 'PBan', 1, lmin=0),              # absent in Nacencomm messages (070, 071, 088, 111)
    F('MNGui', 'MNGui', 1),
    F('MNNhan', 'MNGui', 1),
    F('MLTDiep', 'MLTDiep', 1),
    F('MTDiep', 'MTDiep', 1),
    F('MTDTChieu', 'MTDiep', 0),
    F('MST', 'MST', 1),
    F('SLuong', 'i7', 1),
])
cont('@CKSNNT', [F('Signature', 'ds', 1)], strict='slot', lenient='slot')
# DLieu of an invoice message: HDon+ (200-206; 203/206 several), 2.1.0 208: + BKe.
cont('@DLieu', [
    F('HDon', '@HDon', 1, UNB),
    F('BKe', '@BKe', 0, v=V21),
    F('TDiep', '@TDiep', 0, lonly=True),       # BKSOFT re-wrapped a TDiep in DLieu (173)
], attrs=[('Id', 'xs:string', False, False)], strict='dlieu', lenient='dlieu')

# 01/BK-ĐCTT list (2.1.0, message 208): tables unknown, content not validated.
cont('@BKe', [F('NDBKe', '@Any', 1), F('DSCKS', '@DSCKS.bke', 1)])
cont('@DSCKS.bke', [F('NBan', '@Slot', 1), F('NMua', '@Slot', 0), F('CCKSKhac', '@Slot.n', 0)])
cont('@Any', [], attrs=[('Id', 'xs:string', False, False)], strict='any', lenient='any')

# ---------------------------------------------------------------------------
# Forms and notices (§6.3, §6.4).  Version independent; kind = form key.
# ---------------------------------------------------------------------------

# form key -> (root, MSo or None, MLTDiep codes, description)
FORMS = {
    'tkhai':      ('TKhai', '01/ĐKTĐ-HĐĐT', '100 101', 'registration form 01/ĐKTĐ-HĐĐT'),
    'tbao-04ss':  ('TBao', '04/SS-HĐĐT', '300 303', 'error notice 04/SS-HĐĐT'),
    'bthdlieu':   ('BTHDLieu', '01/TH-HĐĐT', '400', 'summary table 01/TH-HĐĐT'),
    'tbao-102':   ('TBao', '01/TB-TNĐT', '102', 'CQT receipt of form 01/TB-TNĐT'),
    'tbao-103':   ('TBao', '01/TB-ĐKĐT', '103 104', 'CQT acceptance 01/TB-ĐKĐT'),
    'tbao-204':   ('TBao', '01/TB-KTDL', '204', 'CQT data check 01/TB-KTDL'),
    'tbao-301':   ('TBao', '01/TB-SSĐT', '301', 'CQT answer to 04/SS 01/TB-SSĐT'),
    'tbao-999':   ('TBao', None, '999', 'technical receipt'),
    'bban':       ('BBan', None, '-', 'adjustment minutes (vendor document, from sample A05)'),
}
FORMK = set(FORMS)
CQTN = {'tbao-102', 'tbao-103', 'tbao-204', 'tbao-301'}


def mso(v, k):
    return 'MSo.' + k


cont('@TKhai', [F('DLTKhai', '@DLTKhai', 1), F('DSCKS', '@DSCKS.nnt', 1)])
cont('@DLTKhai', [F('TTChung', '@TKhai.TTChung', 1), F('NDTKhai', '@NDTKhai', 1)],
     attrs=[('Id', 'xs:string', True, False)])
cont('@TKhai.TTChung', [
    F('PBan', 'PBan', 1), F('MSo', mso, 1), F('Ten', 's255', 1),
    F('HThuc', 'code12', 1), F('TNNT', 's400', 1), F('MST', 'MST', 1),
    F('CQTQLy', 's100', 1), F('MCQTQLy', 's5', 1), F('NLHe', 's100', 1),
    F('DCLHe', 's400', 1), F('DCTDTu', 's50', 1), F('DTLHe', 's20', 1),
    F('DDanh', 's50', 1), F('NLap', 'date', 1),
])
cont('@NDTKhai', [
    F('HTHDon', '@HTHDon', 1), F('HTGDLHDDT', '@HTGDLHDDT', 1), F('PThuc', '@PThuc', 1),
    F('LHDSDung', '@LHDSDung', 1), F('DSCTSSDung', '@DSCTSSDung', 0),
])
cont('@HTHDon', [F('CMa', 'bit', 1), F('CMTMTTien', 'bit', 0), F('KCMa', 'bit', 1)])
cont('@HTGDLHDDT', [
    F('NNTDBKKhan', 'bit', 1), F('NNTKTDNUBND', 'bit', 1), F('CDLTTDCQT', 'bit', 1),
    F('CDLQTCTN', 'bit', 1, lmin=0),
    F('CDLQTVAN', 'bit', 0, lonly=True),       # draft name of CDLQTCTN (BKSOFT A25)
])
cont('@PThuc', [F('CDDu', 'bit', 1), F('CBTHop', 'bit', 1)])
cont('@LHDSDung', [F(n, 'bit', 1) for n in ('HDGTGT', 'HDBHang', 'HDBTSCong', 'HDBHDTQGia', 'HDKhac', 'CTu')])
cont('@DSCTSSDung', [F('CTS', '@CTS', 1, UNB)], lenient='seq')
cont('@CTS', [
    F('STT', 'i4', 1), F('TTChuc', 's400', 1), F('Seri', 's40', 1),
    F('TNgay', 'dateTime', 1, ltype='dateOrDateTime'),
    F('DNgay', 'dateTime', 1, ltype='dateOrDateTime'),
    F('HThuc', 'code123', 1),
])
cont('@DSCKS.nnt', [F('NNT', '@Slot', 1, lmin=0), F('CCKSKhac', '@Slot.n', 0)])

# 04/SS-HĐĐT (300) and the CQT notices share the root TBao/DLTBao.
cont('@TBao', [
    F('DLTBao', '@DLTBao', 1),
    F('STBao', '@STBao', 1, k={'tbao-103', 'tbao-301'}),
    F('DSCKS', '@DSCKS.nnt', 1, k={'tbao-04ss'}),
    F('DSCKS', '@DSCKS.cqt', 1, k=CQTN),
    # 999: no DLTBao, fields directly under TBao (§6.3)
])
cont('@TBao.999', [
    F('MTDiep', 'MTDiep', 1), F('MHSGoc', 'MTDiep', 0), F('MNGui', 'MNGui', 0),
    F('NNhan', 'dateTime', 1), F('TTTNhan', 'bit', 1), F('DSLDo', '@DSLDo.mta', 0),
])
cont('@DSCKS.cqt', [F('TTCQT', '@Slot', 0), F('CQT', '@Slot', 1, lmin=0)])
cont('@STBao', [F('So', 's30', 1), F('NTBao', 'dateTime', 1, k={'tbao-103'}, ltype='dateOrDateTime'),
                F('NTBao', 'date', 1, k={'tbao-301'}, ltype='dateOrDateTime')],
     attrs=[('Id', 'xs:string', False, False)])

T04 = {'tbao-04ss'}
cont('@DLTBao', [
    F('PBan', 'PBan', 1), F('MSo', mso, 1), F('Ten', 's255', 1),
    F('Loai', 'code12', 1, k=T04),
    F('So', 's30', 0, k=T04), F('NTBCCQT', 'date', 0, k=T04),
    F('MCQT', 's5', 1, k=T04), F('TCQT', 's255', 1, k=T04),
    F('So', 's30', 1, k={'tbao-102', 'tbao-204'}),
    F('DDanh', 's50', 1, k=CQTN),
    F('NTBao', 'date', 1, k={'tbao-102', 'tbao-204'}),
    F('TCQTCTren', 's255', 1, k={'tbao-103', 'tbao-301'}),
    F('TCQT', 's255', 1, k={'tbao-103', 'tbao-301'}),
    F('TNNT', 's400', 1, k=T04 | {'tbao-301'}),
    F('MST', 'MST', 1),
    F('MDVQHNSach', 's7', 0, k=T04 | {'tbao-204'}),
    F('TNNT', 's400', 1, k={'tbao-102', 'tbao-103', 'tbao-204'}),
    F('DDanh', 's50', 1, k=T04),
    F('NTBao', 'date', 1, k=T04),
    F('DSHDon', '@DSHDon.04', 1, k=T04),
    F('TTKhai', 's255', 1, k={'tbao-102'}),
    F('MGDDTu', 'MTDiep', 1, k={'tbao-102', 'tbao-301'}),
    F('MHSo', 's50', 0, k={'tbao-301'}),
    F('TGGui', 'dateTime', 1, k={'tbao-102', 'tbao-204'}),
    F('THop', 'code1234', 1, k={'tbao-102'}),
    F('TGNhan', 'dateTime', 1, k={'tbao-102'}, ltype='dateOrDateTime'),
    F('TGNhan', 'date', 1, k={'tbao-301'}, ltype='dateOrDateTime'),
    F('NTBNNT', 'date', 0, k={'tbao-301'}),
    F('STTThe', 'i4', 0, k={'tbao-301'}),
    F('Ngay', 'dateTime', 1, k={'tbao-103'}, ltype='dateOrDateTime'),
    F('HTDKy', 'code12', 1, k={'tbao-103'}),
    F('TTXNCQT', 'code12', 1, k={'tbao-103'}),
    F('HThuc', 's100', 1, k={'tbao-103'}, lempty=True),
    F('CDanh', 's100', 1, k={'tbao-103'}),
    F('LTBao', 'LTBao', 1, k={'tbao-204'}),
    F('CCu', 's500', 0, k={'tbao-204'}),
    F('MGDDTu', 'MTDiep', 0, k={'tbao-204'}),
    F('SLuong', 'i7', 0, k={'tbao-204'}),
    F('LCMa', '@LCMa', 0, k={'tbao-204'}),
    F('DSLDKCNhan', '@DSLDo.mta', 0, k={'tbao-102', 'tbao-103'}),
], attrs=[('Id', 'xs:string', True, False)])
cont('@DSHDon.04', [F('HDon', '@HDon.04', 1, UNB)], lenient='seq')
cont('@HDon.04', [
    F('STT', 'i4', 1), F('KHMSHDon', 's11', 1), F('KHHDon', 's8', 1), F('SHDon', 's8', 1),
    F('Ngay', 'date', 1), F('LADHDDT', 'LHDCLQuan', 1), F('TCTBao', 'TCTBao', 1), F('LDo', 's255', 0),
])
cont('@LCMa', [F('DSLDo', '@DSLDo.mtloi', 1)])
cont('@DSLDo.mtloi', [F('LDo', '@LDo.mtloi', 1, UNB)], lenient='seq')
cont('@LDo.mtloi', [F('MLoi', 's4', 1), F('MTLoi', 's255', 1), F('HDXLy', 's255', 0), F('GChu', 's255', 0)])
cont('@DSLDo.mta', [F('LDo', '@LDo.mta', 1, UNB)], lenient='seq')
cont('@LDo.mta', [F('MLoi', 's4', 1), F('MTa', 's255', 1)])

# 01/TH-HĐĐT (400)
cont('@BTHDLieu', [F('DLBTHop', '@DLBTHop', 1), F('DSCKS', '@DSCKS.nnt', 1)])
cont('@DLBTHop', [F('TTChung', '@BTH.TTChung', 1), F('NDBTHDLieu', '@NDBTHDLieu', 1)],
     attrs=[('Id', 'xs:string', True, False)])
cont('@BTH.TTChung', [
    F('PBan', 'PBan', 1), F('MSo', mso, 1, lmin=0), F('Ten', 's255', 1, lmin=0),
    F('SBTHDLieu', 'i4', 1), F('LKDLieu', 'LKDLieu', 1), F('KDLieu', 's10', 1),
    F('LDau', 'bit', 1), F('BSLThu', 'i4', 0), F('NLap', 'date', 1), F('TNNT', 's400', 1),
    F('MST', 'MST', 1), F('HDDIn', 'bit', 1), F('LHHoa', 'LHHoa', 1), F('DVTTe', 'DVTTe', 0),
])
cont('@NDBTHDLieu', [F('DSDLieu', '@DSDLieu', 1)])
# BKSOFT emits <DLieu xmlns="DSDLieu"> (A23): lenient accepts foreign-namespace rows unchecked.
cont('@DSDLieu', [F('DLieu', '@BTH.DLieu', 1, UNB)], strict='seq', lenient='dsdlieu')
cont('@BTH.DLieu', [
    F('STT', 'i6', 1), F('KHMSHDon', 'KHMSHDon', 1), F('KHHDon', 'KHHDon', 1), F('SHDon', 'i8', 1),
    F('NLap', 'date', 1), F('TNMua', 's400', 0), F('MSTNMua', 'MST', 0), F('MKHang', 's50', 0),
    F('MHHoa', 's50', 0), F('THHDVu', 's500', 0), F('DVTinh', 's50', 0), F('SLuong', 'n21-6', 0),
    F('TTCThue', 'n21-6', 0), F('TSuat', 'TSuat.210', 0), F('TgTThue', 'n21-6', 0),
    F('TTPhi', 'n21-6', 0), F('TGTKhac', 'n21-6', 0), F('TgTTToan', 'n21-6', 0),
    F('TThai', 'i1', 1), F('LHDCLQuan', 'LHDCLQuan', 0), F('KHMSHDCLQuan', 's11', 0),
    F('KHHDCLQuan', 's8', 0), F('SHDCLQuan', 's8', 0), F('LKDLDChinh', 'LKDLieu', 0),
    F('KDLDChinh', 's10', 0), F('STBao', 's30', 0), F('NTBao', 'date', 0), F('GChu', 's255', 0),
    F('TGia', 'n7-2', 0),
])

# Biên bản (BBan, Nacencomm A05) — no official table; modelled on the sample.
cont('@BBan', [F('NDBBan', '@NDBBan', 1), F('DSCKS', '@DSCKS.bban', 1)])
cont('@NDBBan', [F('TTChung', '@BBan.TTChung', 1)], attrs=[('Id', 'xs:string', True, False)])
cont('@BBan.TTChung', [
    F('PBan', 'PBan', 1), F('TBBan', 's255', 1), F('SBBan', 's50', 1), F('NBBan', 'date', 1),
    F('TCHDon', 'TCHDon', 1, lempty=True), F('NBan', 's400', 1), F('MSTNBan', 'MST', 1),
    F('DCNBan', 's400', 1, lmin=0),
    F('DCNban', 's400', 0, lonly=True),        # Nacencomm spelling (A05)
    F('NMua', 's400', 1), F('MSTNMua', 'MST', 0), F('DCNMua', 's400', 1),
    F('KHMSHDon', 's11', 1), F('KHHDon', 's8', 1), F('SHDon', 's8', 1), F('NLHDGoc', 'date', 1),
    F('DSLDTDoi', '@DSLDTDoi', 0),
])
cont('@DSLDTDoi', [F('LDo', 's500', 1, UNB)], lenient='seq')
cont('@DSCKS.bban', [F('NBan', '@Slot', 1), F('NMua', '@Slot', 0)])

# Form envelope: TDiep whose DLieu holds the form root.
cont('@TDiep.form', [
    F('TTChung', '@TDiep.TTChung', 1),
    F('DLieu', '@DLieu.form', 1),
    F('CKSNNT', '@CKSNNT', 0),
])
cont('@DLieu.form', [F('#root', '#root', 1)], attrs=[('Id', 'xs:string', False, False)],
     strict='seq', lenient='seq')

ROOT_OF_FORM = {k: v[0] for k, v in FORMS.items()}
ROOT_CONT = {'TKhai': '@TKhai', 'TBao': '@TBao', 'BTHDLieu': '@BTHDLieu', 'BBan': '@BBan'}

# form code (MSo) of each form is a one-value code list
from xsdtypes import NAMED  # noqa: E402
for _k, (_root, _mso, _codes, _d) in FORMS.items():
    if _mso:
        NAMED['MSo.' + _k] = ('enum', [_mso], None, 'form code')
