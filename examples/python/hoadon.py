"""hoadon for Python: validate, verify (and, with libhoadon's signing API, sign) Vietnamese
e-invoices through the C API of libhoadon, with ctypes and the standard library only.

    import hoadon
    report = hoadon.validate("invoice.xml")              # a dict: file, kind, ok, diagnostics
    result = hoadon.verify("invoice.xml", trust=["ca/"])   # … and signatures
    print(hoadon.amount_in_words("51570000"))

Results are the dicts of the CLI's JSON contract (README, "JSON output"). The library is found
through $HOADON_LIBRARY, then the system's loader (libhoadon.so.0), then a build tree next to
this file. ctypes releases the GIL for each call into the library, so threads may validate and
verify documents in parallel.
"""

import ctypes
import ctypes.util
import json
import os

__all__ = ["HoadonError", "Document", "validate", "verify", "amount_in_words", "version", "library"]


class HoadonError(Exception):
    """A failed call: `status` is the library's HOADON_E* code."""

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status


def _load():
    candidates = []
    if os.environ.get("HOADON_LIBRARY"):
        candidates.append(os.environ["HOADON_LIBRARY"])
    candidates.append("libhoadon.so.0")
    found = ctypes.util.find_library("hoadon")
    if found:
        candidates.append(found)
    here = os.path.dirname(os.path.abspath(__file__))
    candidates.append(os.path.join(here, "..", "..", "build", "lib", "libhoadon.so.0"))
    errors = []
    for path in candidates:
        try:
            return ctypes.CDLL(path)
        except OSError as e:
            errors.append(f"{path}: {e}")
    raise OSError("libhoadon not found; set HOADON_LIBRARY (" + "; ".join(errors) + ")")


library = _load()
_c_char_p, _c_void_p, _size_t = ctypes.c_char_p, ctypes.c_void_p, ctypes.c_size_t


class _ParseOptions(ctypes.Structure):
    _fields_ = [("size", _size_t), ("max_bytes", _size_t), ("max_depth", ctypes.c_uint)]


class _ValidateOptions(ctypes.Structure):
    _fields_ = [("size", _size_t), ("strict", ctypes.c_int), ("version", _c_char_p),
                ("skip_schema", ctypes.c_int), ("skip_rules", ctypes.c_int), ("profile", _c_void_p),
                ("tolerance", _c_char_p), ("now", ctypes.c_longlong), ("stage", _c_char_p)]


class _VerifyOptions(ctypes.Structure):
    _fields_ = [("size", _size_t), ("policy", ctypes.c_int), ("time", ctypes.c_longlong),
                ("integrity_only", ctypes.c_int), ("profile", ctypes.c_int), ("check_tax_code", ctypes.c_int)]


def _fn(name, restype, *argtypes):
    f = getattr(library, name)
    f.restype, f.argtypes = restype, list(argtypes)
    return f


_POINTER = ctypes.POINTER
_last_error = _fn("hoadon_last_error", _c_char_p)
_free = _fn("hoadon_free", None, _c_void_p)
_version = _fn("hoadon_version", _c_char_p)
_parse_init = _fn("hoadon_parse_options_init", None, _POINTER(_ParseOptions))
_doc_parse = _fn("hoadon_doc_parse", ctypes.c_int, _c_char_p, _size_t, _POINTER(_ParseOptions), _POINTER(_c_void_p))
_doc_open = _fn("hoadon_doc_open", ctypes.c_int, _c_char_p, _POINTER(_ParseOptions), _POINTER(_c_void_p))
_doc_free = _fn("hoadon_doc_free", None, _c_void_p)
_doc_kind = _fn("hoadon_doc_kind", _c_char_p, _c_void_p)
_doc_to_json = _fn("hoadon_doc_to_json", _c_void_p, _c_void_p, _c_char_p)
_validate_init = _fn("hoadon_validate_options_init", None, _POINTER(_ValidateOptions))
_doc_validate = _fn("hoadon_doc_validate", ctypes.c_int, _c_void_p, _POINTER(_ValidateOptions), _POINTER(_c_void_p))
_report_to_json = _fn("hoadon_report_to_json", _c_void_p, _c_void_p, _c_char_p)
_report_free = _fn("hoadon_report_free", None, _c_void_p)
_profile_new = _fn("hoadon_rule_profile_new", ctypes.c_int, _POINTER(_c_void_p))
_profile_set = _fn("hoadon_rule_profile_set", ctypes.c_int, _c_void_p, _c_char_p, _c_char_p)
_profile_free = _fn("hoadon_rule_profile_free", None, _c_void_p)
_trust_new = _fn("hoadon_trust_new", ctypes.c_int, _POINTER(_c_void_p))
_trust_free = _fn("hoadon_trust_free", None, _c_void_p)
_trust_add_path = _fn("hoadon_trust_add_path", ctypes.c_int, _c_void_p, ctypes.c_int, _c_char_p)
_verify_init = _fn("hoadon_verify_options_init", None, _POINTER(_VerifyOptions))
_time_parse = _fn("hoadon_time_parse", ctypes.c_int, _c_char_p, _POINTER(ctypes.c_longlong))
_doc_verify = _fn("hoadon_doc_verify", ctypes.c_int, _c_void_p, _c_void_p, _POINTER(_VerifyOptions), _POINTER(_c_void_p))
_verify_to_json = _fn("hoadon_verify_result_to_json", _c_void_p, _c_void_p, _c_char_p)
_verify_free = _fn("hoadon_verify_result_free", None, _c_void_p)
_words = _fn("hoadon_amount_in_words", _c_void_p, _c_char_p, _c_char_p, _c_void_p)

_TRUST_ANCHOR, _TRUST_INTERMEDIATE, _TRUST_CRL = 0, 1, 2
_POLICIES = {"default": 0, "strict": 1}
_PROFILES = {"invoice": 0, "xmldsig": 1}


def _error(status):
    return HoadonError(status, (_last_error() or b"").decode("utf-8", "replace"))


def _check(status):
    if status != 0:
        raise _error(status)


def _take_json(ptr):
    """A char* the library returned, as parsed JSON (the string is freed)."""
    if not ptr:
        raise _error(-99)
    try:
        return json.loads(ctypes.string_at(ptr).decode("utf-8"))
    finally:
        _free(ptr)


def _b(s):
    return s.encode("utf-8") if isinstance(s, str) else s


def _checked_size(struct, init):
    """Options initialised by the library, after checking that this module agrees on their size."""
    o = struct()
    init(ctypes.byref(o))
    if o.size != ctypes.sizeof(struct):
        raise HoadonError(-99, f"{struct.__name__}: libhoadon has {o.size} bytes, this module "
                               f"{ctypes.sizeof(struct)}: update hoadon.py for this library")
    return o


def version():
    return _version().decode()


class Document:
    """A parsed document. Rejected inputs are Documents too: `parsed` is False and
    `summary()["diagnostics"]` says why."""

    def __init__(self, handle, status, label):
        self._h, self.status, self.label = handle, status, label

    @classmethod
    def open(cls, path, max_bytes=None):
        return cls._make(lambda o, out: _doc_open(_b(os.fspath(path)), o, out), str(path), max_bytes)

    @classmethod
    def parse(cls, data, label="-", max_bytes=None):
        data = _b(data)
        return cls._make(lambda o, out: _doc_parse(data, len(data), o, out), label, max_bytes)

    @classmethod
    def _make(cls, call, label, max_bytes):
        o = _checked_size(_ParseOptions, _parse_init)
        if max_bytes:
            o.max_bytes = max_bytes
        h = _c_void_p()
        status = call(ctypes.byref(o), ctypes.byref(h))
        if not h.value:
            raise _error(status)
        return cls(h, status, label)

    def close(self):
        if self._h:
            _doc_free(self._h)
            self._h = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        self.close()

    @property
    def parsed(self):
        return self.status == 0

    @property
    def kind(self):
        return _doc_kind(self._h).decode()

    def summary(self):
        """The essentials, as `hoadon inspect --format json` prints them."""
        return _take_json(_doc_to_json(self._h, _b(self.label)))

    def validate(self, strict=False, version=None, schema=True, rules=True, rules_severity=None,
                 tolerance=None, now=None, stage=None):
        """Schema and business rules; returns the report dict. `rules_severity` maps codes to
        "off"/"info"/"warning"/"error"; `now` is Unix seconds or a date string."""
        o = _checked_size(_ValidateOptions, _validate_init)
        o.strict, o.skip_schema, o.skip_rules = int(strict), int(not schema), int(not rules)
        keep = [_b(version), _b(tolerance), _b(stage)]  # alive for the call
        o.version, o.tolerance, o.stage = keep
        if now is not None:
            o.now = _unix_time(now)
        profile = _c_void_p()
        if rules_severity:
            _check(_profile_new(ctypes.byref(profile)))
        try:
            for code, severity in (rules_severity or {}).items():
                _check(_profile_set(profile, _b(code), _b(severity)))
            o.profile = profile.value
            report = _c_void_p()
            _check(_doc_validate(self._h, ctypes.byref(o), ctypes.byref(report)))
            try:
                return _take_json(_report_to_json(report, _b(self.label)))
            finally:
                _report_free(report)
        finally:
            if profile.value:
                _profile_free(profile)

    def verify(self, trust=(), intermediates=(), crls=(), at=None, policy="default", integrity_only=False,
               profile="invoice", check_tax_code=True):
        """Every signature; returns the verification dict (with "signatures")."""
        o = _checked_size(_VerifyOptions, _verify_init)
        o.policy, o.profile = _POLICIES[policy], _PROFILES[profile]
        o.integrity_only, o.check_tax_code = int(integrity_only), int(check_tax_code)
        if at is not None:
            o.time = _unix_time(at)
        store = _c_void_p()
        _check(_trust_new(ctypes.byref(store)))
        try:
            for kind, paths in ((_TRUST_ANCHOR, trust), (_TRUST_INTERMEDIATE, intermediates), (_TRUST_CRL, crls)):
                for p in paths:
                    _check(_trust_add_path(store, kind, _b(os.fspath(p))))
            result = _c_void_p()
            status = _doc_verify(self._h, store, ctypes.byref(o), ctypes.byref(result))
            if not result.value:
                raise _error(status)
            try:
                return _take_json(_verify_to_json(result, _b(self.label)))
            finally:
                _verify_free(result)
        finally:
            _trust_free(store)


def _unix_time(value):
    if isinstance(value, (int, float)):
        return int(value)
    t = ctypes.c_longlong()
    _check(_time_parse(_b(value), ctypes.byref(t)))
    return t.value


def validate(path, **options):
    """Validates a file; see Document.validate."""
    with Document.open(path) as d:
        return d.validate(**options)


def verify(path, **options):
    """Verifies a file's signatures; see Document.verify."""
    with Document.open(path) as d:
        return d.verify(**options)


def amount_in_words(amount, currency="VND"):
    """The Vietnamese words of a decimal amount ("51570000" → "Năm mươi mốt triệu …")."""
    ptr = _words(_b(str(amount)), _b(currency), None)
    if not ptr:
        raise _error(-1)
    try:
        return ctypes.string_at(ptr).decode("utf-8")
    finally:
        _free(ptr)
