"""Key pairs: EC P-256 (signing) or RSA 3072 (signing and receiving encrypted packages).

Private keys exist outside memory only as encrypted PKCS#8 PEM.
"""

from __future__ import annotations

import os

from asn1crypto import algos as asn1_algos
from asn1crypto import keys as asn1_keys
from asn1crypto import pem as asn1_pem
from cryptography.hazmat.primitives import hashes, padding, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from parkdesk.errors import InputProblem, ParkdeskError

EC_P256 = "ec-p256"
RSA_3072 = "rsa-3072"
ALGORITHMS = {"ec": EC_P256, "rsa": RSA_3072}
KDF_ITERATIONS = 600_000  # PBKDF2-HMAC-SHA256 rounds (OWASP 2023): ~0.2 s per unlock, per guess

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
    """Encrypted PKCS#8 PEM: PBES2, PBKDF2-HMAC-SHA256 with KDF_ITERATIONS rounds, AES-256-CBC (openssl reads it).

    cryptography's own PKCS#8 encryption derives the key with 2,048 PBKDF2 rounds, which lets whoever copies
    a workspace try passphrases a few hundred times faster; it offers no way to ask for more.
    """
    plain = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                              serialization.NoEncryption())
    salt, iv = os.urandom(16), os.urandom(16)
    secret = PBKDF2HMAC(hashes.SHA256(), 32, salt, KDF_ITERATIONS).derive(passphrase)
    padder = padding.PKCS7(128).padder()
    encryptor = Cipher(algorithms.AES(secret), modes.CBC(iv)).encryptor()
    encrypted = encryptor.update(padder.update(plain) + padder.finalize()) + encryptor.finalize()
    info = asn1_keys.EncryptedPrivateKeyInfo({
        "encryption_algorithm": {"algorithm": "pbes2", "parameters": {
            "key_derivation_func": {"algorithm": "pbkdf2", "parameters": {
                "salt": asn1_algos.Pbkdf2Salt(name="specified", value=salt), "iteration_count": KDF_ITERATIONS,
                "prf": {"algorithm": "sha256"}}},
            "encryption_scheme": {"algorithm": "aes256_cbc", "parameters": iv}}},
        "encrypted_data": encrypted})
    return asn1_pem.armor("ENCRYPTED PRIVATE KEY", info.dump())


def decrypt_key(pem: bytes, passphrase: bytes, name: str) -> PrivateKey:
    """The private key of identity `name`; a wrong passphrase gets its own clear message."""
    try:
        key = serialization.load_pem_private_key(pem, password=passphrase)
    except ValueError as exc:
        # A wrong passphrase usually fails the padding check; about once in 200 tries the garbage it decrypts to
        # happens to end in valid padding and fails as DER instead. Either way, if the encrypted structure
        # itself is whole, it is the passphrase.
        if "password" in str(exc).lower() or "decrypt" in str(exc).lower() or _encrypted_structure_whole(pem):
            raise ParkdeskError("identity.wrong_passphrase", name=name) from None
        raise ParkdeskError("identity.key_damaged", name=name, reason=exc) from None
    except TypeError as exc:  # the PEM was not encrypted, or a passphrase was missing
        raise ParkdeskError("identity.key_damaged", name=name, reason=exc) from None
    if not isinstance(key, (ec.EllipticCurvePrivateKey, rsa.RSAPrivateKey)):
        raise ParkdeskError("identity.key_damaged", name=name, reason=algorithm_of(key))
    return key


def _encrypted_structure_whole(pem: bytes) -> bool:
    try:
        _kind, _headers, der = asn1_pem.unarmor(pem)
        info = asn1_keys.EncryptedPrivateKeyInfo.load(der, strict=True)
        info.native  # parses every part
        return True
    except (ValueError, TypeError, KeyError):
        return False


def public_bytes(key) -> bytes:
    """The DER of a public key, to compare keys."""
    return key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
