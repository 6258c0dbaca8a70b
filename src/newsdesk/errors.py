"""The exceptions newsdesk raises, each carrying the input or stage it concerns.

    NewsdeskError
     ├── ConfigError        a bad setting or option value
     ├── LexiconError       a bad entry in a data file (names the file and key)
     ├── IngestError        an input that cannot be read (names the input)
     │    └── UnsupportedInput   empty, binary, or of an unknown kind
     ├── NLPError           the spaCy model is missing or broken
     └── StoreError         the database cannot be opened or written

Messages start with a stable prefix (``E-INGEST`` ...) so users can search for them. Content the
cleaner rejects (boilerplate, non-English pages) is a result with a reason, not an exception.
"""

from __future__ import annotations


class NewsdeskError(Exception):
    """Base of every error newsdesk raises on purpose."""

    code = "E-NEWSDESK"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")
        self.reason = message


class ConfigError(NewsdeskError):
    code = "E-CONFIG"


class LexiconError(NewsdeskError):
    code = "E-LEXICON"

    def __init__(self, path: str, key: str, problem: str) -> None:
        super().__init__(f"{path}: {key}: {problem}")
        self.path, self.key = path, key


class IngestError(NewsdeskError):
    code = "E-INGEST"

    def __init__(self, input: str, reason: str) -> None:
        super().__init__(f"{input}: {reason}")
        self.input, self.reason = input, reason


class UnsupportedInput(IngestError):
    code = "E-UNSUPPORTED"


class NLPError(NewsdeskError):
    code = "E-NLP"


class StoreError(NewsdeskError):
    code = "E-STORE"
