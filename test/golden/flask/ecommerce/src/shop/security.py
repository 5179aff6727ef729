"""Password hashing (argon2) and the one token algorithm."""

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

# One algorithm, fixed here: tokens can never choose how they are checked.
ALGORITHM = "HS256"

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    """Argon2id hash of a password."""
    return _hasher.hash(password)


def verify_password(password: str, password_hash: str) -> bool:
    """Whether the password matches the hash."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
