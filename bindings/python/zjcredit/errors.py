"""Exceptions raised by zjcredit, one per C status code.

Every exception carries the C status ``code``, the ``field`` it concerns (a
JSON path such as ``balances[2].to`` where there is one) and the library's
``message``, which names the offending text.
"""

from __future__ import annotations

import builtins

__all__ = [
    "Error",
    "ParseError",
    "ValidationError",
    "OverflowError",
    "NotFoundError",
    "FileError",
    "InvalidArgumentError",
    "InternalError",
    "AbiMismatchError",
    "STATUS",
]

#: Status codes of capi/zjcredit.h; tests/python checks them against the header.
STATUS = {
    "ZJC_OK": 0,
    "ZJC_EPARSE": -1,
    "ZJC_EVALIDATION": -2,
    "ZJC_EOVERFLOW": -3,
    "ZJC_ENOTFOUND": -4,
    "ZJC_EIO": -5,
    "ZJC_EINVALID": -6,
    "ZJC_ENOMEM": -7,
    "ZJC_EINTERNAL": -8,
}


class Error(Exception):
    """Base of every zjcredit error."""

    def __init__(self, code: int, message: str, field: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field


class ParseError(Error, ValueError):
    """Text that is not a well-formed amount, rate, date or JSON document."""


class ValidationError(Error, ValueError):
    """Well-formed input that breaks a rule (a reversed window, a negative balance...)."""


class OverflowError(Error, builtins.OverflowError):  # noqa: A001 - zjcredit.OverflowError
    """A value outside the exact range: never wrapped, never rounded away."""


class NotFoundError(Error, LookupError):
    """A unit, measure or target the plan does not have."""


class FileError(Error, OSError):
    """A file could not be read or written."""


class InvalidArgumentError(Error, TypeError):
    """An argument the C library refused (NULL, an unknown mode)."""


class InternalError(Error):
    """A bug in zjcredit."""


class AbiMismatchError(Error, ImportError):
    """The shared library loaded is not the ABI this package was written for."""


_BY_CODE = {
    STATUS["ZJC_EPARSE"]: ParseError,
    STATUS["ZJC_EVALIDATION"]: ValidationError,
    STATUS["ZJC_EOVERFLOW"]: OverflowError,
    STATUS["ZJC_ENOTFOUND"]: NotFoundError,
    STATUS["ZJC_EIO"]: FileError,
    STATUS["ZJC_EINVALID"]: InvalidArgumentError,
    STATUS["ZJC_ENOMEM"]: MemoryError,
    STATUS["ZJC_EINTERNAL"]: InternalError,
}


def error_for(code: int, message: str, field: str) -> Exception:
    """The exception for a C status code."""
    cls = _BY_CODE.get(code, Error)
    if cls is MemoryError:
        return MemoryError(message)
    return cls(code, message, field)
