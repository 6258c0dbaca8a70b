"""HTML documents: main text and metadata by trafilatura, then the same cleaning as text dumps."""

from __future__ import annotations

import datetime as dt

from newsdesk.clean import clean
from newsdesk.clean.language import detect_language
from newsdesk.schema import Document

BODY = [
    ("Government forces retook the port city of Hodeidah on Monday after three days of fighting, the "
     "defence ministry said in a statement read on state television."),
    ("Aid agencies warned that the fighting had cut the main supply route for food and fuel into the "
     "north of the country, where millions depend on imports."),
    ("The rebels said they had withdrawn to avoid civilian casualties and would continue talks under "
     "United Nations auspices in Geneva next week."),
]
PAGE = f"""<!DOCTYPE html><html lang="en"><head>
<title>Forces retake Hodeidah port | Gulf Herald</title>
<meta property="og:title" content="Forces retake Hodeidah port">
<meta property="og:site_name" content="Gulf Herald">
<meta name="author" content="Sam Writer">
<meta property="article:published_time" content="2023-11-20T09:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="#main">Skip to content</a></nav>
<article><h1>Forces retake Hodeidah port</h1>
{''.join(f'<p>{p}</p>' for p in BODY)}
</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Storm hits coast</a></li><li><a href="/b">Prices rise</a></li></ul></aside>
<footer>Copyright 2023 Gulf Herald. All rights reserved.</footer>
</body></html>"""


def test_html_page_main_text_and_metadata():
    cleaned = clean(Document("h1", "page.html", PAGE, format="html", url="https://gulf.example/hodeidah"))
    assert cleaned.title == "Forces retake Hodeidah port"
    assert (cleaned.author, cleaned.date, cleaned.outlet) == ("Sam Writer", dt.date(2023, 11, 20), "Gulf Herald")
    assert cleaned.url == "https://gulf.example/hodeidah" and cleaned.language == "en"
    text = "\n\n".join(s.text for s in cleaned.stories)
    assert text == "\n\n".join(BODY)  # paragraph breaks kept, no navigation, aside or footer


def test_container_metadata_wins_over_the_page():
    doc = Document("h2", "feed#1", PAGE, format="html", title="Wire title", date=dt.date(2023, 11, 21))
    cleaned = clean(doc)
    assert (cleaned.title, cleaned.date) == ("Wire title", dt.date(2023, 11, 21))


def test_page_without_main_text_has_no_story():
    cleaned = clean(Document("h3", "nav.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>",
                             format="html"))
    assert cleaned.stories == ()


def test_language_detector():
    assert detect_language(" ".join(BODY)) == "en"
    assert detect_language("Die Regierung hat am Montag neue Sanktionen gegen das Land beschlossen, "
                           "teilte das Ministerium mit.") == "xx"
    assert detect_language("Kyiv.") == "und"


GERMAN = [
    ("Regierungstruppen haben am Montag die Hafenstadt Hodeidah nach drei Tagen heftiger Kämpfe "
     "zurückerobert, teilte das Verteidigungsministerium mit."),
    ("Hilfsorganisationen warnten, dass die Kämpfe die wichtigste Versorgungsroute für Lebensmittel und "
     "Treibstoff unterbrochen hätten, von der Millionen Menschen abhängen."),
    ("Die Rebellen sagten, sie hätten sich zurückgezogen, um zivile Opfer zu vermeiden, und würden die "
     "Gespräche in Genf fortsetzen."),
]


def test_non_english_page_is_marked():
    german = PAGE.replace('lang="en"', 'lang="de"')
    for english, translation in zip(BODY, GERMAN):
        german = german.replace(english, translation)
    assert clean(Document("h4", "de.html", german, format="html")).language == "de"
    assert clean(Document("h5", "de.html", german.replace('lang="de"', ""), format="html")).language == "xx"
    english_declared_german = PAGE.replace('lang="en"', 'lang="de"')
    assert clean(Document("h6", "x.html", english_declared_german, format="html")).language == "en"
