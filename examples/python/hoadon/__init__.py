"""hoadon for Python: validate, verify and sign Vietnamese e-invoices through the C API of
libhoadon, with ctypes and the standard library only.

    import hoadon
    report = hoadon.validate("invoice.xml")              # a dict: file, kind, ok, diagnostics
    result = hoadon.verify("invoice.xml", trust=["ca/"])   # … and signatures
    print(hoadon.amount_in_words("51570000"))

    signer = hoadon.Signer.from_pem_files("signer.key", "signer.pem")   # or from_pkcs12_file, from_pkcs11
    signed = hoadon.sign("invoice.xml", signer, output="invoice.signed.xml")
    if not signed["ok"]:
        print([d["code"] for d in signed["diagnostics"]])               # e.g. SIGN-TAX-CODE

Results are the dicts of the CLI's JSON contract (README, "JSON output"). Signing returns the
dict of hoadon_sign_result_to_json ({"file","output","kind","ok","pending","signature",
"diagnostics"}) with one key added: "bytes", the signed (or, from sign_prepare, pending)
document as bytes, None when refused.

Verdicts are data, failures raise. An invalid invoice, a document the parser rejected
(malformed, hostile), a signature that does not verify, a refusal to sign: each is a result
whose "ok" is False and whose diagnostics say why. A file that cannot be read raises the
OSError Python would (FileNotFoundError, PermissionError, IsADirectoryError…); any other
failure of the library raises a subclass of hoadon.Error carrying the C API's status code
(`code`, e.g. -8 for HOADON_EAUTH) and its message: InvalidArgumentError, FileError (also an
OSError: a file that cannot be written), NotFoundError, AuthError, UnsupportedError, …
Two phases, for a signer hoadon never sees:

    pending = doc.sign_prepare(hoadon.Signer.from_certificate(cert_pem))
    digest = base64.b64decode(pending["signature"]["digest"])          # SHA-256 of SignedInfo
    value = external_signer(digest)                                      # RSA PKCS#1 v1.5, raw bytes
    done = hoadon.Document.parse(pending["bytes"]).sign_complete(value, output="invoice.signed.xml")

The library is found through $HOADON_LIBRARY (a path), then the system's loader
(libhoadon.so.N, N the SOVERSION below; then ctypes.util.find_library), then the build tree of
a source checkout (build/lib). ctypes releases the GIL for each call into the library, so
threads may validate, verify and sign documents in parallel (one Signer may serve them all).
"""

import ctypes
import ctypes.util
import errno
import json
import os

__version__ = "0.1.0"  # the library version this module was written for (pyproject.toml reads it)
# libhoadon's SOVERSION (the major version): packaging/python.cmake checks it against the build.
SOVERSION = 0

__all__ = ["Error", "HoadonError", "InvalidArgumentError", "OutOfMemoryError", "FileError", "RejectedError",
           "RangeError", "NotFoundError", "RefusedError", "AuthError", "UnsupportedError", "InternalError",
           "Document", "Signer", "validate", "verify", "sign", "file_write", "amount_in_words", "version",
           "library", "library_path"]


class Error(Exception):
    """A failed call into libhoadon: `code` is the C API's HOADON_E* status, `message` the
    library's explanation (hoadon_last_error)."""

    def __init__(self, code, message):
        super().__init__(f"{message} (hoadon status {code})" if message else f"hoadon status {code}")
        self.code, self.message = code, message

    @property
    def status(self):
        """The same as `code` (the name earlier versions of this module used)."""
        return self.code


HoadonError = Error  # the name of earlier versions, kept so that their callers keep working


# One class per status code, each also under the built-in exception it resembles, so that callers
# may catch either hoadon.Error or what Python code would raise (ValueError, OSError, …).
class InvalidArgumentError(Error, ValueError):  # HOADON_EINVAL
    pass


class OutOfMemoryError(Error, MemoryError):  # HOADON_ENOMEM
    pass


class FileError(Error, OSError):  # HOADON_EIO: a file that cannot be read or written
    def __init__(self, code, message, filename=None):
        Error.__init__(self, code, message)
        self.filename = filename


class RejectedError(Error):  # HOADON_EREJECTED, where no result carries the rejection (render)
    pass


class RangeError(Error, IndexError):  # HOADON_ERANGE
    pass


class NotFoundError(Error, LookupError):  # HOADON_ENOTFOUND
    pass


class RefusedError(Error):  # HOADON_EREFUSED, where no result carries the refusal
    pass


class AuthError(Error):  # HOADON_EAUTH: a password or PIN is needed, or wrong
    pass


class UnsupportedError(Error):  # HOADON_EUNSUPPORTED: this build lacks an optional feature
    pass


class InternalError(Error):  # HOADON_EINTERNAL: a bug in hoadon
    pass


_ERRORS = {-1: InvalidArgumentError, -2: OutOfMemoryError, -3: FileError, -4: RejectedError, -5: RangeError,
           -6: NotFoundError, -7: RefusedError, -8: AuthError, -9: UnsupportedError, -99: InternalError}


def _load():
    here = os.path.dirname(os.path.abspath(__file__))
    soname = f"libhoadon.so.{SOVERSION}"
    candidates = []
    if os.environ.get("HOADON_LIBRARY"):
        candidates.append(os.environ["HOADON_LIBRARY"])
    candidates.append(soname)
    found = ctypes.util.find_library("hoadon")
    if found:
        candidates.append(found)
    # A source checkout: examples/python/hoadon/ → build/lib/.
    candidates.append(os.path.join(here, "..", "..", "..", "build", "lib", soname))
    errors = []
    for path in candidates:
        try:
            return ctypes.CDLL(path), path
        except OSError as e:
            errors.append(f"{path}: {e}")
    raise ImportError("libhoadon not found; install libhoadon" + str(SOVERSION) + " or set HOADON_LIBRARY ("
                      + "; ".join(errors) + ")")


library, library_path = _load()  # library_path: the name it was loaded by
_c_char_p, _c_void_p, _size_t = ctypes.c_char_p, ctypes.c_void_p, ctypes.c_size_t


class _ParseOptions(ctypes.Structure):
    _fields_ = [("size", _size_t), ("max_bytes", _size_t), ("max_depth", ctypes.c_uint),
                ("max_attributes", _size_t), ("max_document_attributes", _size_t),
                ("max_namespaces_in_scope", _size_t), ("max_namespace_lookups", _size_t),
                ("any_encoding", ctypes.c_int)]


class _ValidateOptions(ctypes.Structure):
    _fields_ = [("size", _size_t), ("strict", ctypes.c_int), ("version", _c_char_p),
                ("skip_schema", ctypes.c_int), ("skip_rules", ctypes.c_int), ("profile", _c_void_p),
                ("tolerance", _c_char_p), ("now", ctypes.c_longlong), ("stage", ctypes.c_int)]


class _VerifyOptions(ctypes.Structure):
    _fields_ = [("size", _size_t), ("policy", ctypes.c_int), ("time", ctypes.c_longlong),
                ("integrity_only", ctypes.c_int), ("profile", ctypes.c_int), ("check_tax_code", ctypes.c_int),
                ("online", ctypes.c_int), ("online_cache", ctypes.c_char_p), ("online_timeout", ctypes.c_int)]


class _SignOptions(ctypes.Structure):
    _fields_ = [("size", _size_t), ("role", ctypes.c_int), ("time", ctypes.c_longlong), ("sha1", ctypes.c_int),
                ("force", ctypes.c_int), ("include_chain", ctypes.c_int), ("invoice", ctypes.c_int),
                ("validate", ctypes.POINTER(_ValidateOptions)), ("validated", _c_void_p)]


def _fn(name, restype, *argtypes):
    f = getattr(library, name)
    f.restype, f.argtypes = restype, list(argtypes)
    return f


_POINTER = ctypes.POINTER
_last_error = _fn("hoadon_last_error", _c_char_p)
_free = _fn("hoadon_free", None, _c_void_p)
_version = _fn("hoadon_version", _c_char_p)
_parse_init = _fn("hoadon_parse_options_init", ctypes.c_int, _POINTER(_ParseOptions), ctypes.c_size_t)
_doc_parse = _fn("hoadon_doc_parse", ctypes.c_int, _c_char_p, _size_t, _POINTER(_ParseOptions), _POINTER(_c_void_p))
_doc_open = _fn("hoadon_doc_open", ctypes.c_int, _c_char_p, _POINTER(_ParseOptions), _POINTER(_c_void_p))
_doc_free = _fn("hoadon_doc_free", None, _c_void_p)
_doc_kind = _fn("hoadon_doc_kind", _c_char_p, _c_void_p)
_doc_to_json = _fn("hoadon_doc_to_json", _c_void_p, _c_void_p, _c_char_p)
_validate_init = _fn("hoadon_validate_options_init", ctypes.c_int, _POINTER(_ValidateOptions), ctypes.c_size_t)
_doc_validate = _fn("hoadon_doc_validate", ctypes.c_int, _c_void_p, _POINTER(_ValidateOptions), _POINTER(_c_void_p))
_report_to_json = _fn("hoadon_report_to_json", _c_void_p, _c_void_p, _c_char_p)
_report_free = _fn("hoadon_report_free", None, _c_void_p)
_profile_new = _fn("hoadon_rule_profile_new", ctypes.c_int, _POINTER(_c_void_p))
_profile_set = _fn("hoadon_rule_profile_set", ctypes.c_int, _c_void_p, _c_char_p, ctypes.c_int)
_profile_free = _fn("hoadon_rule_profile_free", None, _c_void_p)
_trust_new = _fn("hoadon_trust_new", ctypes.c_int, _POINTER(_c_void_p))
_trust_free = _fn("hoadon_trust_free", None, _c_void_p)
_trust_add_path = _fn("hoadon_trust_add_path", ctypes.c_int, _c_void_p, ctypes.c_int, _c_char_p)
_verify_init = _fn("hoadon_verify_options_init", ctypes.c_int, _POINTER(_VerifyOptions), ctypes.c_size_t)
_time_parse = _fn("hoadon_time_parse", ctypes.c_int, _c_char_p, _POINTER(ctypes.c_longlong))
_doc_verify = _fn("hoadon_doc_verify", ctypes.c_int, _c_void_p, _c_void_p, _POINTER(_VerifyOptions), _POINTER(_c_void_p))
_verify_to_json = _fn("hoadon_verify_result_to_json", _c_void_p, _c_void_p, _c_char_p)
_verify_free = _fn("hoadon_verify_result_free", None, _c_void_p)
_words = _fn("hoadon_amount_in_words", _c_void_p, _c_char_p, _c_char_p, _c_void_p)
_OUT = _POINTER(_c_void_p)
_signer_from_pem = _fn("hoadon_signer_from_pem", ctypes.c_int, _c_char_p, _size_t, _c_char_p, _size_t, _c_char_p, _OUT)
_signer_from_pem_files = _fn("hoadon_signer_from_pem_files", ctypes.c_int, _c_char_p, _c_char_p, _c_char_p, _OUT)
_signer_from_pkcs12 = _fn("hoadon_signer_from_pkcs12", ctypes.c_int, _c_char_p, _size_t, _c_char_p, _OUT)
_signer_from_pkcs12_file = _fn("hoadon_signer_from_pkcs12_file", ctypes.c_int, _c_char_p, _c_char_p, _OUT)
_signer_from_pkcs11 = _fn("hoadon_signer_from_pkcs11", ctypes.c_int, _c_char_p, _c_char_p, _c_char_p, _c_char_p,
                          _size_t, _OUT)
_signer_from_certificate = _fn("hoadon_signer_from_certificate", ctypes.c_int, _c_char_p, _size_t, _OUT)
_signer_add_chain = _fn("hoadon_signer_add_chain", ctypes.c_int, _c_void_p, _c_char_p, _size_t)
_signer_free = _fn("hoadon_signer_free", None, _c_void_p)
_signer_kind = _fn("hoadon_signer_kind", _c_char_p, _c_void_p)
_signer_subject = _fn("hoadon_signer_subject", _c_char_p, _c_void_p)
_sign_init = _fn("hoadon_sign_options_init", ctypes.c_int, _POINTER(_SignOptions), ctypes.c_size_t)
_doc_sign = _fn("hoadon_doc_sign", ctypes.c_int, _c_void_p, _c_void_p, _POINTER(_SignOptions), _OUT)
_doc_sign_prepare = _fn("hoadon_doc_sign_prepare", ctypes.c_int, _c_void_p, _c_void_p, _POINTER(_SignOptions), _OUT)
_doc_sign_complete = _fn("hoadon_doc_sign_complete", ctypes.c_int, _c_void_p, _c_char_p, _size_t,
                         _POINTER(_SignOptions), _OUT)
_sign_result_ok = _fn("hoadon_sign_result_ok", ctypes.c_int, _c_void_p)
_sign_result_bytes = _fn("hoadon_sign_result_bytes", _c_void_p, _c_void_p, _POINTER(_size_t))
_sign_result_write = _fn("hoadon_sign_result_write", ctypes.c_int, _c_void_p, _c_char_p, ctypes.c_uint)
_sign_result_to_json = _fn("hoadon_sign_result_to_json", _c_void_p, _c_void_p, _c_char_p)
_sign_result_free = _fn("hoadon_sign_result_free", None, _c_void_p)
_file_write = _fn("hoadon_file_write", ctypes.c_int, _c_char_p, _c_char_p, _size_t, ctypes.c_uint)

_TRUST_ANCHOR, _TRUST_INTERMEDIATE, _TRUST_CRL = 0, 1, 2
_POLICIES = {"default": 0, "strict": 1}
_PROFILES = {"invoice": 0, "xmldsig": 1}
_ROLES = {"auto": 0, "seller": 1, "buyer": 2, "taxpayer": 3}
_OK, _EREJECTED, _EREFUSED = 0, -4, -7


def _error(status, filename=None):
    """The exception for a failed call, built from the calling thread's last error."""
    message = (_last_error() or b"").decode("utf-8", "replace")
    cls = _ERRORS.get(status, Error)
    if cls is FileError:
        return FileError(status, message, filename)
    return cls(status, message)


def _read_error(status, path):
    """A file the library could not read: the OSError Python itself gives for it (a missing file
    is a FileNotFoundError), else hoadon's FileError. Python's own attempt only names the reason;
    the library's message is kept as the cause."""
    cause = _error(status, path)
    if status != -3:
        return cause
    try:
        with open(path, "rb"):
            pass
    except OSError as e:
        e.__cause__ = cause
        return e
    return cause


def _check(status, path=None):
    """Raises for a failed status; `path` names the file read when that is what failed."""
    if status != 0:
        raise _read_error(status, path) if path is not None else _error(status)


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


# hoadon_stage and hoadon_rule_profile_set's severities, by the names the CLI uses.
_STAGES = {"auto": 0, "draft": 1, "signed": 2, "issued": 3}
_SEVERITIES = {"off": -1, "default": -2, "info": 0, "warning": 1, "error": 2}


def _checked_size(struct, init):
    """Options initialised by the library within the size this module knows (the library reads
    only the members that fit, so an older module works with a newer library)."""
    o = struct()
    _check(init(ctypes.byref(o), ctypes.sizeof(struct)))
    return o


def version():
    return _version().decode()


class _Owned:
    """A handle of the library, freed by close(), at the end of a `with` block, or when
    collected; subclasses name their free function in _release."""

    _h = None

    def close(self):
        if self._h:
            type(self)._release(self._h)
            self._h = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        self.close()


class Document(_Owned):
    """A parsed document. Rejected inputs are Documents too: `parsed` is False and
    `summary()["diagnostics"]` says why."""

    def __init__(self, handle, status, label):
        self._h, self.status, self.label = handle, status, label

    @classmethod
    def open(cls, path, max_bytes=None):
        """Reads and parses a file. A file that cannot be read raises OSError (FileNotFoundError…);
        a file read but rejected (malformed, hostile, over a limit) is a Document whose `parsed`
        is False."""
        path = os.fspath(path)
        return cls._make(lambda o, out: _doc_open(_b(path), o, out), str(path), max_bytes, path)

    @classmethod
    def parse(cls, data, label="-", max_bytes=None):
        data = _b(data)
        return cls._make(lambda o, out: _doc_parse(data, len(data), o, out), label, max_bytes)

    @classmethod
    def _make(cls, call, label, max_bytes, path=None):
        o = _checked_size(_ParseOptions, _parse_init)
        if max_bytes:
            o.max_bytes = max_bytes
        h = _c_void_p()
        status = call(ctypes.byref(o), ctypes.byref(h))
        if status == -3 and path is not None:  # unreadable: a failure, not a verdict
            err = _read_error(status, path)
            _doc_free(h)
            raise err
        if not h.value:
            raise _error(status)
        return cls(h, status, label)

    _release = staticmethod(_doc_free)

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
        keep = [_b(version), _b(tolerance)]  # alive for the call
        o.version, o.tolerance = keep
        if stage is not None:
            if stage not in _STAGES:
                raise InvalidArgumentError(-1, f"unknown stage {stage!r} (expected one of {', '.join(_STAGES)})")
            o.stage = _STAGES[stage]
        if now is not None:
            o.now = _unix_time(now)
        profile = _c_void_p()
        if rules_severity:
            _check(_profile_new(ctypes.byref(profile)))
        try:
            for code, severity in (rules_severity or {}).items():
                if severity not in _SEVERITIES:
                    raise InvalidArgumentError(-1, f"unknown severity {severity!r} for {code}")
                _check(_profile_set(profile, _b(code), _SEVERITIES[severity]))
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
                    _check(_trust_add_path(store, kind, _b(os.fspath(p))), os.fspath(p))
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

    def sign(self, signer, role="auto", time=None, sha1=False, force=False, include_chain=False, invoice=None,
             output=None, mode=0):
        """Signs with `signer` (a Signer holding a key) in the slot of `role` ("auto", "seller",
        "buyer", "taxpayer"); `time` is the signing time (Unix seconds or a date string; None:
        now), within the certificate's validity. Returns the result dict with "bytes" (module
        docstring). `output`: where to write the signed document, atomically (whole or absent),
        with permission bits `mode` (0: 0666 less the umask); nothing is written when refused."""
        o = self._sign_options(role, time, sha1, force, include_chain, invoice)
        return self._signed(lambda out: _doc_sign(self._h, signer._handle(), ctypes.byref(o), out), output, mode)

    def sign_prepare(self, signer, role="auto", time=None, sha1=False, force=False, include_chain=False,
                     invoice=None, output=None, mode=0):
        """Two-phase signing, phase 1: the same checks as sign, with a signer that needs only a
        certificate (Signer.from_certificate). "bytes" is the pending document (keep it: it is the
        whole state); result["signature"]["digest"] is what to sign, in base64 (the canonical
        SignedInfo is "to_be_signed")."""
        o = self._sign_options(role, time, sha1, force, include_chain, invoice)
        return self._signed(lambda out: _doc_sign_prepare(self._h, signer._handle(), ctypes.byref(o), out),
                            output, mode)

    def sign_complete(self, value, force=False, output=None, mode=0):
        """Two-phase signing, phase 2, on the parsed pending document: `value` is the raw
        signature value (bytes, not base64) of the digest phase 1 gave."""
        o = _checked_size(_SignOptions, _sign_init)
        o.force = int(force)
        value = bytes(value)
        return self._signed(lambda out: _doc_sign_complete(self._h, value, len(value), ctypes.byref(o), out),
                            output, mode)

    @staticmethod
    def _sign_options(role, time, sha1, force, include_chain, invoice):
        if role not in _ROLES:
            raise InvalidArgumentError(-1, f"unknown role {role!r}: one of {', '.join(_ROLES)}")
        o = _checked_size(_SignOptions, _sign_init)
        o.role, o.sha1, o.force, o.include_chain = _ROLES[role], int(sha1), int(force), int(include_chain)
        if time is not None:
            o.time = _unix_time(time)
        if invoice is not None:
            o.invoice = invoice
        return o

    def _signed(self, call, output, mode):
        """Runs a signing call; refused and rejected documents are results, other failures raise."""
        result = _c_void_p()
        status = call(ctypes.byref(result))
        if not result.value:
            raise _error(status)
        try:
            if status not in (_OK, _EREFUSED, _EREJECTED):
                raise _error(status)
            if output is not None and _sign_result_ok(result):
                status = _sign_result_write(result, _b(os.fspath(output)), mode)
                if status != 0:
                    raise _error(status, os.fspath(output))
            d = _take_json(_sign_result_to_json(result, _b(self.label)))
            n = _size_t()
            p = _sign_result_bytes(result, ctypes.byref(n))
            d["bytes"] = ctypes.string_at(p, n.value) if p else None
            return d
        finally:
            _sign_result_free(result)


class Signer(_Owned):
    """A private key (or, for two-phase signing, only a certificate) with its certificate and CA
    chain. Load it once: one Signer may sign for any number of threads at once. Passwords and
    PINs may be str or bytes; None means none (a key that needs one raises AuthError, code
    -8, HOADON_EAUTH, as does a wrong one)."""

    def __init__(self, handle):
        self._h = handle

    @staticmethod
    def _call(call):
        h = _c_void_p()
        status = call(ctypes.byref(h))
        return status, h

    @classmethod
    def _make(cls, call, path=None):
        status, h = cls._call(call)
        _check(status, path)
        return cls(h)

    @classmethod
    def from_pem(cls, key, certificates, password=None):
        """A PEM or DER private key and certificates (bytes); the signer's certificate is the one
        whose key this is, the others its chain."""
        key, certificates = _b(key), _b(certificates)
        return cls._make(lambda out: _signer_from_pem(key, len(key), certificates, len(certificates),
                                                      _b(password), out))

    @classmethod
    def from_pem_files(cls, key_path, certificates_path, password=None):
        key_path, certificates_path = os.fspath(key_path), os.fspath(certificates_path)
        status, h = cls._call(lambda out: _signer_from_pem_files(_b(key_path), _b(certificates_path), _b(password),
                                                                 out))
        if status == -3:  # which of the two files failed: the first one Python cannot read
            for p in (key_path, certificates_path):
                err = _read_error(status, p)
                if isinstance(err, OSError) and not isinstance(err, Error):
                    raise err
        _check(status)
        return cls(h)

    @classmethod
    def from_pkcs12(cls, data, password=None):
        """A PKCS#12 (.p12, .pfx) file's bytes; None password: the empty one."""
        data = bytes(data)
        return cls._make(lambda out: _signer_from_pkcs12(data, len(data), _b(password), out))

    @classmethod
    def from_pkcs12_file(cls, path, password=None):
        path = os.fspath(path)
        return cls._make(lambda out: _signer_from_pkcs12_file(_b(path), _b(password), out), path)

    @classmethod
    def from_pkcs11(cls, uri, module=None, pin=None, certificate=None):
        """A key on a PKCS#11 token, named by an RFC 7512 URI ("pkcs11:token=…;object=…").
        `module`: the PKCS#11 module's path (None: the URI's module-path, else p11-kit's proxy);
        `pin`: logs in (None: no login); `certificate` (bytes) replaces the token's own."""
        cert = _b(certificate) if certificate is not None else None
        return cls._make(lambda out: _signer_from_pkcs11(_b(uri), _b(os.fspath(module)) if module else None, _b(pin),
                                                         cert, len(cert) if cert else 0, out))

    @classmethod
    def from_certificate(cls, certificates):
        """An external signer: only a certificate (PEM or DER bytes; more certificates are its
        chain), for Document.sign_prepare."""
        data = _b(certificates)
        return cls._make(lambda out: _signer_from_certificate(data, len(data), out))

    def add_chain(self, certificates):
        """Adds CA certificates (PEM or DER bytes), embedded when signing with include_chain."""
        data = _b(certificates)
        _check(_signer_add_chain(self._handle(), data, len(data)))
        return self

    @property
    def kind(self):
        """What holds the key: "pem", "pkcs12", "pkcs11" or "external"."""
        return _signer_kind(self._handle()).decode()

    @property
    def subject(self):
        """The certificate's subject, RFC 4514 form."""
        return _signer_subject(self._handle()).decode("utf-8")

    def _handle(self):
        if not self._h:
            raise InvalidArgumentError(-1, "the signer is closed")
        return self._h

    # close() frees the key now (a PKCS#11 signer also closes its session on the token).
    _release = staticmethod(_signer_free)


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


def sign(path, signer, **options):
    """Signs a file; see Document.sign (output=… writes the signed document)."""
    with Document.open(path) as d:
        return d.sign(signer, **options)


def file_write(path, data, mode=0):
    """Writes bytes atomically, as signing writes its outputs (e.g. the digest for an external
    signer): the file is whole or absent."""
    data = _b(data)
    status = _file_write(_b(os.fspath(path)), data, len(data), mode)
    if status != 0:
        raise _error(status, os.fspath(path))


def amount_in_words(amount, currency="VND"):
    """The Vietnamese words of a decimal amount ("51570000" → "Năm mươi mốt triệu …")."""
    ptr = _words(_b(str(amount)), _b(currency), None)
    if not ptr:
        raise _error(-1)
    try:
        return ctypes.string_at(ptr).decode("utf-8")
    finally:
        _free(ptr)
