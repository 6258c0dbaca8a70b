"""Multi-story pages split into stories, the main one first; the example article as the issue pins it."""

from __future__ import annotations

import datetime as dt

from newsdesk.clean import clean
from newsdesk.config import Settings
from newsdesk.ingest import read_inputs
from newsdesk.schema import Document

MAIN = ("Parliament approved the new budget on Thursday after a night of debate, with 240 deputies voting "
        "in favour and 120 against, the speaker announced.")
DIGEST = f"""Budget passes after all-night session

{MAIN}

Latest news

Flooding closes schools in the south
Heavy rain flooded dozens of villages in the south on Wednesday, forcing the regional government to close
schools and move hundreds of families to shelters, officials said.

Central bank holds rates
Central bank officials held interest rates at 12 percent on Thursday, citing slowing inflation and an
uncertain outlook for exports, the bank said in a statement.

Opposition leader detained in the capital…
"""


def test_digest_page_is_split_main_story_first():
    cleaned = clean(Document("d", "digest.txt", DIGEST))
    assert cleaned.title == "Budget passes after all-night session"
    assert [s.title for s in cleaned.stories] == [
        "Budget passes after all-night session", "Flooding closes schools in the south", "Central bank holds rates"]
    assert cleaned.stories[0].text == MAIN
    assert cleaned.stories[2].text.startswith("Central bank officials held") and [s.index for s in cleaned.stories] == [0, 1, 2]
    assert ("Opposition leader detained in the capital…", "truncated teaser") in {
        (r.text, r.reason) for r in cleaned.removed}


def test_example_article(kyiv_path):
    [document] = list(read_inputs([str(kyiv_path)], Settings()))
    cleaned = clean(document)
    assert cleaned.title == "US, allies condemn North Korea's alleged ballistic missile transfers to Russia"
    assert (cleaned.author, cleaned.date) == ("Dmytro Basmat", dt.date(2024, 1, 10))
    main, *items = cleaned.stories
    assert main.text.startswith("Nearly 50 countries") and main.text.endswith("satellites and rockets.\"")
    assert len(items) >= 3 and all(s.title and s.text for s in items)
    digest = next(s for s in items if s.text.startswith("Key developments"))
    assert "according to Russian officials’ claims" in digest.text and "…" not in digest.text
    everything = "\n".join(s.text + (s.title or "") for s in cleaned.stories)
    for boilerplate in ("Skip to content", "min read", "This audio is created", "Author:", "news desk",
                        "Blinken speaks", "pr…"):
        assert boilerplate not in everything
