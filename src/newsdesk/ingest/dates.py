"""Publication dates as containers give them: ISO strings, RFC 822 strings, time tuples."""

from __future__ import annotations

import datetime as dt
import email.utils
import time


def parse_date(value: object) -> dt.date | None:
    """A date from '2024-01-10', '2024-01-10T08:00:00Z', 'Wed, 10 Jan 2024 08:00:00 GMT' or a
    `time.struct_time`; None when `value` is none of these."""
    if isinstance(value, time.struct_time):
        return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def language_code(value: object) -> str | None:
    """The primary subtag of a language tag ('en-US' → 'en'); None when there is none."""
    if not isinstance(value, str):
        return None
    code = value.strip().replace("_", "-").split("-")[0].lower()
    return code if code.isalpha() and 2 <= len(code) <= 3 else None
