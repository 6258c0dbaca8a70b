"""Gzip members (`.html.gz`, `.warc.gz`, `.jsonl.gz`): decompress under the size cap, keep what a cut file held."""

from __future__ import annotations

import zlib

from ..errors import IngestError

GZIP_WBITS = 31  # zlib: expect a gzip header and trailer


def gunzip(data: bytes, source: str, limit: int) -> tuple[bytes, str | None]:
    """Decompress every gzip member of `data`: (the bytes, why decompression stopped early or None).

    A truncated or corrupt file still returns what came before the damage, so a cut WARC keeps
    its complete records.

    Raises:
        IngestError: the decompressed data would pass `limit` bytes (a gzip bomb or a huge file).
    """
    out = bytearray()
    rest = data
    while rest:
        inflater = zlib.decompressobj(GZIP_WBITS)
        try:
            out += inflater.decompress(rest, limit + 1 - len(out))
        except zlib.error as err:
            return bytes(out), f"corrupt gzip data ({err})"
        if len(out) > limit or inflater.unconsumed_tail:
            raise IngestError(source, f"larger than the {limit:,}-byte limit once decompressed (max_bytes)")
        if not inflater.eof:
            return bytes(out), "truncated gzip data"
        rest = inflater.unused_data
    return bytes(out), None
