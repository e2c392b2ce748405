"""Simple types shared by every schema (emitted once, into xsd/types.xsd).

Naming:
  sN          string of 1..N characters          sN.e   0..N characters
  nX-Y        number "X,Y" (§1.1): at most X digits, at most Y decimals, optional '-'
  iN          1..N decimal digits (SHDon, STT…)
  <Name>      a pattern or code list (see NAMED)
Every type T used by the lenient variant is resolved by lenient(T):
  T.l   the lenient form when it differs (whitespace-collapsing base, documented quirks)
  T.e   the lenient form, or an empty value (empty optional elements)
"""
import re

# name -> (base, facets, lenient override facets or None, doc)
#   strict base is xs:string (whitespace significant); lenient base is xs:token
#   (surrounding whitespace ignored, as in the pretty-printed sample 151).
TSUAT_RE = r'(0|5|8|10)%|KCT|KKKNT|KHAC(:[0-9]{1,2}(\.[0-9]{1,2})?%?)?'   # §7.1 tolerant regex
NAMED = {
    'PBan': ('enum', ['2.0.0', '2.0.1', '2.1.0'], None, 'supported format versions'),
    'PBan.200': ('enum', ['2.0.0'], None, ''),
    'PBan.201': ('enum', ['2.0.1'], None, ''),
    'PBan.210': ('enum', ['2.1.0'], None, ''),
    'MST': ('pattern', r'[0-9]{10}(-[0-9]{3})?|[0-9]{12}', None,
            '10-digit MST, 10-3 branch form, or 12-digit personal id (§3); check digit in C++'),
    'MSTOrg': ('pattern', r'[0-9]{10}(-[0-9]{3})?', None, 'organisation MST only (§3.1, §3.2)'),
    'MST.q9': ('pattern', r'[0-9]{10}(-[0-9]{3})?|[0-9]{12}', r'[0-9]{9,10}(-[0-9]{3})?|[0-9]{12}',
               'buyer MST; lenient also 9 digits (leading zero lost, BKSOFT 200)'),
    'MNGui': ('pattern', r'TCT|[VK]?[0-9]{10,13}', r'TCT|[VK]?[0-9]{9,13}',
              'party code (§6.1); lenient also 9 digits (SES 003)'),
    'MTDiep': ('pattern', r'(TCT|[VK]?[0-9]{10,13})[0-9A-F]{32}', '', 'message id (§6.1); '
               'lenient: any string of 46 (SES 003 has a non-hex character)'),
    'MLTDiep': ('pattern', r'[0-9]{3}', None, 'message type (§6.2); catalogue check in C++'),
    'KHMSHDon': ('pattern', r'[1-9]', None, 'template digit'),
    'KHHDon': ('pattern', r'[CK][0-9]{2}[TDLMNBGHX][A-Z]{2}', r'[1-9]?[CK][0-9]{2}[TDLMNBGHX][A-Z]{2}',
               'series symbol (§2.2)'),
    'DVTTe': ('pattern', r'[A-Z]{3}', r'[A-Z]{3}|đ', 'ISO 4217 alpha-3; lenient also "đ" (TS24 001)'),
    'MCCQTcode': ('pattern', r'[0-9A-F]{34}', None, 'CQT code, 34 chars (§4.1)'),
    'MCCQTcode.mtt': ('pattern', r'M[1-9]-[0-9]{2}-[0-9A-Z]{5}-[0-9]{11}', None, 'cash-register code (§4.1)'),
    'TSuat.200': ('pattern', TSUAT_RE, TSUAT_RE + '|0|5|8|10', 'VAT rate, 2.0.x (max 10); '
                  'lenient also a bare number (BKSOFT 183, 200)'),
    'TSuat.210': ('pattern', TSUAT_RE, TSUAT_RE + '|0|5|8|10', 'VAT rate, 2.1.0 (max 11)'),
    'TChat.200': ('enum', ['1', '2', '3', '4'], None, 'line nature (Phụ lục IV)'),
    'TChat.210': ('enum', ['1', '2', '3', '4', '5'], None, 'line nature, 2.1.0 adds 5'),
    'TCHDon': ('enum', ['1', '2'], None, '1 replacement, 2 adjustment'),
    'LHDCLQuan': ('enum', ['1', '2', '3', '4'], None, 'Phụ lục VI'),
    'KDLieu': ('enum', ['string', 'numeric', 'dateTime', 'date'],
               ['string', 'String', 'numeric', 'Numeric', 'numberic', 'decimal', 'Decimal',
                'dateTime', 'DateTime', 'datetime', 'date', 'Date'],
               'Phụ lục III; lenient: case variants, "numberic", "decimal" (EasyInvoice 194)'),
    'LHHDTrung': ('enum', ['1', '2', '3', '4'], None, 'Phụ lục XV (4: meaning unknown)'),
    'bit': ('enum', ['0', '1'], None, ''),
    'code12': ('enum', ['1', '2'], None, ''),
    'code123': ('enum', ['1', '2', '3'], None, ''),
    'code1234': ('enum', ['1', '2', '3', '4'], None, ''),
    'TCTBao': ('enum', ['0', '1', '2', '3', '4', '5'], None, '04/SS nature (0 and 5 in later models)'),
    'LTBao': ('enum', ['1', '2', '3', '4', '5', '6', '7', '8', '9'], None, '01/TB-KTDL type'),
    'LKDLieu': ('enum', ['T', 'Q', 'N'], None, 'period kind: month/quarter/day'),
    'LHHoa': ('enum', ['1', '2', '9'], None, '1 fuel, 2 aviation, 9 other'),
    'CCCDan': ('pattern', r'[0-9]{12}', None, '12-digit personal identification number'),
}
for _k in '123456789':
    NAMED['KHMSHDon.' + _k] = ('enum', [_k], None, '')
# series symbol per kind: 4th character restricted to the kind's letters
for _letters in ('TDL', 'GH', 'N', 'B', 'X', 'M'):
    NAMED['KHHDon.' + _letters] = ('pattern', '[CK][0-9]{2}[%s][A-Z]{2}' % _letters,
                                   '[1-9]?[CK][0-9]{2}[%s][A-Z]{2}' % _letters,
                                   'series symbol; lenient also with the template digit in front '
                                   '(7 chars, BKSOFT 183/200)')
MAXLEN = {'PBan': 6, 'MST': 14, 'MSTOrg': 14, 'MST.q9': 14, 'MNGui': 14, 'MTDiep': 46,
          'KHHDon': 6, 'DVTTe': 3, 'MCCQTcode': 34, 'MCCQTcode.mtt': 23, 'TSuat.200': 10, 'TSuat.210': 11}
LMAXLEN = {'KHHDon': 7}

DATE_RE = r'[0-9]{4}-[0-9]{2}-[0-9]{2}'
TIME_RE = r'T[0-9]{2}:[0-9]{2}:[0-9]{2}'


def _r(base, *facets):
    body = ''.join('<xs:%s value="%s"/>' % (f, _esc(v)) for f, v in facets)
    return '<xs:restriction base="%s">%s</xs:restriction>' % (base, body)


def _esc(s):
    return s.replace('&', '&amp;').replace('"', '&quot;').replace('<', '&lt;')


class Registry:
    """Collects the simple types actually referenced and renders them."""

    def __init__(self):
        self.defs = {}

    def lenient(self, t, empty):
        """Name of the lenient form of t; with empty=True also accepts ''."""
        base = t
        m = re.fullmatch(r's(\d+)(\.e)?', t)
        if m:   # lenient strings: whitespace collapsed before the length check (151)
            return self.need('s%s.l%s' % (m.group(1), '.e' if (empty or m.group(2)) else ''))
        if t.endswith('.e'):
            return self.need(t)
        if self._has_lenient(t):
            base = t + '.l'
        if empty:
            return self.need(base + '.e')
        return self.need(base)

    def _has_lenient(self, t):
        if re.fullmatch(r'n\d+-\d+', t) or re.fullmatch(r'i\d+', t):
            return True
        return t in NAMED

    def need(self, name):
        if name.startswith('xs:'):
            return name
        if name not in self.defs:
            self.defs[name] = self._make(name)
        return name

    def _make(self, name):
        m = re.fullmatch(r's(\d+)(\.l)?(\.e)?', name)
        if m:
            return _r('xs:token' if m.group(2) else 'xs:string',
                      *((() if m.group(3) else (('minLength', '1'),)) + (('maxLength', m.group(1)),)))
        if name == 'Empty':
            return _r('xs:string', ('length', '0'))
        if name.endswith('.e'):
            inner = self.need(name[:-2])
            self.need('Empty')
            return '<xs:union memberTypes="%s Empty"/>' % inner
        lenient = name.endswith('.l')
        core = name[:-2] if lenient else name
        m = re.fullmatch(r'n(\d+)-(\d+)', core)
        if m:
            x, y = m.groups()
            frac = r'(\.[0-9]+)?' if lenient else (r'(\.[0-9]{1,%s})?' % y if y != '0' else '')
            return _r('xs:decimal', ('pattern', '-?[0-9]+' + frac),
                      ('totalDigits', x), ('fractionDigits', y))
        m = re.fullmatch(r'i(\d+)', core)
        if m:
            return _r('xs:token' if lenient else 'xs:string', ('pattern', '[0-9]{1,%s}' % m.group(1)))
        if core == 'date':
            return _r('xs:date', ('pattern', DATE_RE))
        if core == 'dateTime':
            return _r('xs:dateTime', ('pattern', DATE_RE + TIME_RE))
        if core == 'dateOrDateTime':
            return '<xs:union memberTypes="%s %s"/>' % (self.need('date'), self.need('dateTime'))
        if core == 'SigningTime':
            if lenient:   # zone designator / fractions tolerated (§1.1: some signers emit Z)
                return _r('xs:dateTime', ('pattern', DATE_RE + TIME_RE +
                                          r'(\.[0-9]+)?(Z|[+\-][0-9]{2}:[0-9]{2})?'))
            return _r('xs:dateTime', ('pattern', DATE_RE + TIME_RE))
        if core in NAMED:
            kind, val, lval, _doc = NAMED[core]
            base = 'xs:token' if lenient else 'xs:string'
            if lenient and lval is not None:
                val = lval
            fam = core.split('.')[0] if core.startswith('KHHDon') else core
            facets = []
            if kind == 'enum':
                facets += [('enumeration', e) for e in val]
            elif val == '':
                pass
            else:
                facets.append(('pattern', val))
            ml = (LMAXLEN.get(fam) if lenient else None) or MAXLEN.get(fam)
            if ml:
                facets.append(('maxLength', str(ml)))
            return _r(base, *facets)
        raise KeyError('unknown simple type ' + name)

    def render(self):
        out = []
        for name in sorted(self.defs, key=_sortkey):
            core = name.split('.l')[0].split('.e')[0] if name not in NAMED else name
            doc = NAMED[core][3] if core in NAMED else ''
            ann = '<xs:annotation><xs:documentation>%s</xs:documentation></xs:annotation>' % _esc(doc) if doc else ''
            out.append('  <xs:simpleType name="%s">%s%s</xs:simpleType>' % (name, ann, self.defs[name]))
        return '\n'.join(out)


def _sortkey(n):
    m = re.match(r'([a-zA-Z.]*?)(\d+)(.*)', n)
    return (m.group(1), int(m.group(2)), m.group(3)) if m else (n, 0, '')
