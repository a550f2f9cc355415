"""Key pairs: EC P-256 (signing) or RSA 3072 (signing and receiving encrypted packages).

Private keys exist outside memory only as encrypted PKCS#8 PEM.
"""

from __future__ import annotations

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes

from parkdesk.errors import InputProblem, ParkdeskError

EC_P256 = "ec-p256"
RSA_3072 = "rsa-3072"
ALGORITHMS = {"ec": EC_P256, "rsa": RSA_3072}

PrivateKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey


def generate_key(algorithm: str) -> PrivateKey:
    """A new private key; `algorithm` is "ec" or "rsa" (or the stored names ec-p256 / rsa-3072)."""
    algorithm = ALGORITHMS.get(algorithm, algorithm)
    if algorithm == EC_P256:
        return ec.generate_private_key(ec.SECP256R1())
    if algorithm == RSA_3072:
        return rsa.generate_private_key(public_exponent=65537, key_size=3072)
    raise InputProblem("identity.bad_algorithm", algorithm=algorithm)


def algorithm_of(key: PrivateKeyTypes) -> str:
    if isinstance(key, ec.EllipticCurvePrivateKey):
        return EC_P256 if isinstance(key.curve, ec.SECP256R1) else f"ec-{key.curve.name}"
    if isinstance(key, rsa.RSAPrivateKey):
        return f"rsa-{key.key_size}"
    return type(key).__name__


def encrypt_key(key: PrivateKey, passphrase: bytes) -> bytes:
    """PKCS#8 PEM, encrypted with the best algorithm cryptography offers (openssl reads it)."""
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.BestAvailableEncryption(passphrase))


def decrypt_key(pem: bytes, passphrase: bytes, name: str) -> PrivateKey:
    """The private key of identity `name`; a wrong passphrase gets its own clear message."""
    try:
        key = serialization.load_pem_private_key(pem, password=passphrase)
    except ValueError as exc:
        if "password" in str(exc).lower() or "decrypt" in str(exc).lower():
            raise ParkdeskError("identity.wrong_passphrase", name=name) from None
        raise ParkdeskError("identity.key_damaged", name=name, reason=exc) from None
    except TypeError as exc:  # the PEM was not encrypted, or a passphrase was missing
        raise ParkdeskError("identity.key_damaged", name=name, reason=exc) from None
    if not isinstance(key, (ec.EllipticCurvePrivateKey, rsa.RSAPrivateKey)):
        raise ParkdeskError("identity.key_damaged", name=name, reason=algorithm_of(key))
    return key


def public_bytes(key) -> bytes:
    """The DER of a public key, to compare keys."""
    return key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
