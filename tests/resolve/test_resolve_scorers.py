"""The gold readers and scorers of `newsdesk eval geo | time`, on tiny files written here."""

from __future__ import annotations

import datetime as dt

from newsdesk.evaluate.geo import read_gold, score_given_toponyms
from newsdesk.evaluate.time import read_timeml, score_timeml

GEO = """<?xml version="1.0" encoding="utf-8"?>
<articles><article docid="1"><text>Shelling hit Kharkiv and Kyiv.</text><toponyms>
<toponym><phrase>Kharkiv</phrase><start>13</start><end>20</end>
<gaztag geonameid="706483"><lat>49.98</lat><lon>36.25</lon></gaztag></toponym>
<toponym><phrase>Kyiv</phrase><start>25</start><end>29</end>
<gaztag geonameid="703448"><lat>50.45</lat><lon>30.52</lon></gaztag></toponym>
</toponyms></article></articles>"""

TIMEML = """<?xml version="1.0" ?><TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" functionInDocument="CREATION_TIME">March 22, 2013</TIMEX3></DCT>
<TEXT>Troops left on <TIMEX3 tid="t1" type="DATE" value="2013-03-21">Thursday</TIMEX3> after
<TIMEX3 tid="t2" type="DURATION" value="P2W">two weeks</TIMEX3> &amp; more.</TEXT></TimeML>"""


def test_geo_reader_and_score(tmp_path):
    path = tmp_path / "mini.xml"
    path.write_text(GEO, encoding="utf-8")
    article = next(read_gold(path))
    assert [t.phrase for t in article.toponyms] == ["Kharkiv", "Kyiv"]
    scores = score_given_toponyms(path)
    assert scores["toponyms"] == 2 and scores["acc161"] == 100.0


def test_timeml_reader_offsets_and_score(tmp_path):
    (tmp_path / "mini.tml").write_text(TIMEML, encoding="utf-8")
    doc = read_timeml(tmp_path / "mini.tml")
    assert doc.dct == dt.date(2013, 3, 22)
    assert [doc.text[t.span[0] : t.span[1]] for t in doc.timexes] == ["Thursday", "two weeks"]
    scores = score_timeml(tmp_path)
    assert scores["strict_f1"] == 100.0 and scores["value_f1"] == 100.0
