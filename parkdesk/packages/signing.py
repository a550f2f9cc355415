"""Detached CMS (RFC 5652) signatures over the tag manifest: made with cryptography, checked here.

cryptography signs but has no CMS verification, so the SignedData is parsed
with asn1crypto: the signed attributes' messageDigest must equal the hash of
the content, and the signature over the DER SET of signed attributes must
verify with the signer certificate's public key.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime

from asn1crypto import cms
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import pkcs7

from parkdesk.errors import ParkdeskError
from parkdesk.identity.certificates import name_text, subject_text

HASHES = {"sha224": hashes.SHA224, "sha256": hashes.SHA256, "sha384": hashes.SHA384, "sha512": hashes.SHA512}
WEAK_HASHES = ("sha1", "md5")  # refused: collisions can be made (SHAttered, chosen-prefix)


class SignatureProblem(ParkdeskError):
    """The signature is missing, unreadable or does not verify."""


@dataclass(frozen=True)
class Signed:
    signer: x509.Certificate
    certificates: list[x509.Certificate]  # every certificate the signature carries, signer included
    signing_time: datetime | None
    digest_algorithm: str
    subject: str  # the signer's name for people (parsed inside the guard: names are read lazily)
    issuer: str


def sign_detached(content: bytes, key, cert: x509.Certificate, chain: list[x509.Certificate]) -> bytes:
    """DER SignedData over `content` (bytes as they are: Binary), carrying the certificate and its chain."""
    builder = pkcs7.PKCS7SignatureBuilder().set_data(content).add_signer(cert, key, hashes.SHA256())
    for issuer in chain:
        builder = builder.add_certificate(issuer)
    return builder.sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.DetachedSignature,
                                                     pkcs7.PKCS7Options.Binary, pkcs7.PKCS7Options.NoCapabilities])


def read_signature(der: bytes) -> tuple[cms.SignerInfo, list[x509.Certificate], x509.Certificate]:
    """The one signer info, the certificates carried, and the signer's certificate (signature not checked)."""
    return _hostile_input_guard(_read_signature, der)


def verify_detached(der: bytes, content: bytes) -> Signed:
    """Check a detached signature over `content`; raises SignatureProblem with the reason."""
    return _hostile_input_guard(_verify_detached, der, content)


def _hostile_input_guard(function, *args):
    """Both parsers read lazily, so malformed DER can surface as any exception anywhere: call it unreadable."""
    try:
        return function(*args)
    except SignatureProblem:
        raise
    except Exception as exc:
        raise SignatureProblem("signature.unreadable", reason=f"{type(exc).__name__}: {exc}"[:200]) from None


def _read_signature(der: bytes) -> tuple[cms.SignerInfo, list[x509.Certificate], x509.Certificate]:
    try:
        info = cms.ContentInfo.load(der, strict=True)
        if info["content_type"].native != "signed_data":
            raise ValueError(f"content type {info['content_type'].native}")
        signed_data = info["content"]
        signer_infos = list(signed_data["signer_infos"])
        detached = signed_data["encap_content_info"]["content"].native is None
        certificates = [x509.load_der_x509_certificate(choice.chosen.dump())
                        for choice in signed_data["certificates"] or [] if choice.name == "certificate"]
    except SignatureProblem:
        raise
    except Exception as exc:  # asn1crypto raises ValueError, TypeError and more on garbage
        raise SignatureProblem("signature.unreadable", reason=str(exc)[:200]) from None
    if not detached:
        raise SignatureProblem("signature.not_detached")
    if len(signer_infos) != 1:
        raise SignatureProblem("signature.signer_count", count=len(signer_infos))
    signer_info = signer_infos[0]
    signer = _signer_certificate(signer_info, certificates)
    return signer_info, certificates, signer


def _verify_detached(der: bytes, content: bytes) -> Signed:
    signer_info, certificates, signer = _read_signature(der)
    try:
        digest_name = signer_info["digest_algorithm"]["algorithm"].native
        algorithm = signer_info["signature_algorithm"].signature_algo
        signature = signer_info["signature"].native
        attributes = signer_info["signed_attrs"]
        has_attributes = bool(attributes.contents) if attributes is not None else False
    except Exception as exc:
        raise SignatureProblem("signature.unreadable", reason=str(exc)[:200]) from None
    hash_algorithm = _hash(digest_name)
    signing_time = None
    if has_attributes:
        values = {attribute["type"].native: attribute["values"] for attribute in attributes}
        content_type = values.get("content_type")
        digest = values.get("message_digest")
        if content_type is None or digest is None or len(digest) != 1 or content_type[0].native != "data":
            raise SignatureProblem("signature.unreadable", reason="signed attributes incomplete")
        if not hmac.compare_digest(digest[0].native, hashlib.new(digest_name, content).digest()):
            raise SignatureProblem("signature.digest_mismatch")
        if "signing_time" in values:
            signing_time = values["signing_time"][0].native
        signed_bytes = b"\x31" + attributes.dump()[1:]  # [0] IMPLICIT → the SET OF that was signed
    else:
        signed_bytes = content
    _check(signer.public_key(), algorithm, signature, signed_bytes, hash_algorithm, signer_info)
    return Signed(signer, certificates, signing_time, digest_name, subject_text(signer), name_text(signer.issuer))


def _signer_certificate(signer_info: cms.SignerInfo, certificates: list[x509.Certificate]) -> x509.Certificate:
    sid = signer_info["sid"]
    for cert in certificates:
        if sid.name == "issuer_and_serial_number":
            wanted = sid.chosen
            if cert.serial_number == wanted["serial_number"].native and \
                    cert.issuer.public_bytes() == wanted["issuer"].dump():
                return cert
        else:
            try:
                ski = cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest
            except x509.ExtensionNotFound:
                continue
            if ski == sid.chosen.native:
                return cert
    raise SignatureProblem("signature.no_certificate")


def _hash(name: str) -> hashes.HashAlgorithm:
    """The hash called `name` in asn1crypto's terms; weak and unknown ones are refused with their name."""
    if name in WEAK_HASHES:
        raise SignatureProblem("signature.weak_digest", algorithm=name)
    if name not in HASHES:
        raise SignatureProblem("signature.unsupported", algorithm=name)
    return HASHES[name]()


def _check(public_key, algorithm: str, signature: bytes, data: bytes, hash_algorithm, signer_info) -> None:
    try:
        if algorithm == "ecdsa" and isinstance(public_key, ec.EllipticCurvePublicKey):
            public_key.verify(signature, data, ec.ECDSA(hash_algorithm))
        elif algorithm == "rsassa_pkcs1v15" and isinstance(public_key, rsa.RSAPublicKey):
            public_key.verify(signature, data, padding.PKCS1v15(), hash_algorithm)
        elif algorithm == "rsassa_pss" and isinstance(public_key, rsa.RSAPublicKey):
            pss, pss_hash = _pss_padding(signer_info["signature_algorithm"]["parameters"])
            public_key.verify(signature, data, pss, pss_hash)
        else:
            raise SignatureProblem("signature.unsupported", algorithm=f"{algorithm}/{type(public_key).__name__}")
    except InvalidSignature:
        raise SignatureProblem("signature.bad") from None


def _pss_padding(params) -> tuple[padding.PSS, hashes.HashAlgorithm]:
    """RSASSA-PSS-params (RFC 4055) as the signer chose them: the hash, MGF1 and its own hash, the salt length.

    Absent fields take RFC 4055's defaults (SHA-1, MGF1 with SHA-1, 20 bytes), so SHA-1 is refused as weak.
    """
    mask = params["mask_gen_algorithm"]
    if mask["algorithm"].native != "mgf1":
        raise SignatureProblem("signature.unsupported", algorithm=f"rsassa_pss/{mask['algorithm'].native}")
    if params["trailer_field"].native not in ("trailer_field_bc", 1):
        raise SignatureProblem("signature.unsupported", algorithm=f"rsassa_pss/trailer {params['trailer_field'].native}")
    pss_hash = _hash(params["hash_algorithm"]["algorithm"].native)
    mgf_hash = _hash(mask["parameters"]["algorithm"].native)
    return padding.PSS(padding.MGF1(mgf_hash), params["salt_length"].native), pss_hash
