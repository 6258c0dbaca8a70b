"""Read roles off spaCy's dependency parse: who is the source, the target, where, per whom.

Functions here take tokens and return tokens or text; turning text into actors and places is the
resolvers' job. Rules follow the frames PLOVER coders use: subject → source, object or
prepositional object → target, passive agent → source, possessive of an event noun → source.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

MODIFIERS = {"compound", "amod", "poss", "nmod", "flat", "nummod", "case", "det", "quantmod", "npadvmod"}
NAME_MODIFIERS = {"compound", "flat"}
NAME_LINKS = {"compound", "flat", "nummod", "appos", "conj", "punct"}  # parts of one name or date
RELATIVE_PRONOUNS = {"that", "which", "who", "whom"}
PLACE_PREPS = {"in", "near", "at", "outside", "around", "across", "over", "into", "on", "from", "along", "inside",
               "within", "through", "throughout", "off", "between"}
NAME_JOINERS = {"de", "do", "dos", "da", "das", "del", "la", "las", "los", "el", "al", "on", "upon", "di", "du",
                "des", "y", "-"}  # lower-case words inside one place name: 'San Pedro de las Colonias'

PLACE_LABELS = {"GPE", "LOC", "FAC"}
PLACE_HEADS = {"oblast", "region", "province", "krai", "governorate", "district", "state", "city", "town",
               "village", "county", "municipality", "township", "commune", "tehsil", "upazila", "subdistrict"}
AREA_NOUNS = PLACE_HEADS | {"countryside", "outskirts", "area", "center", "centre", "suburbs", "vicinity",
                           "neighborhood", "neighbourhood", "border", "front", "axis", "sector"}
BROAD_HEADS = {"countryside", "province", "governorate", "region", "state", "oblast", "prefecture", "department",
               "krai"}  # a name with one of these stands for an area: 'in Idlib countryside'
DISTRICT_HEADS = {"district", "township", "county", "tehsil", "upazila", "subdistrict"}
NEIGHBOURHOOD_WORDS = {"colonia", "neighborhood", "neighbourhood", "barrio", "bairro", "ward", "quarter",
                       "locality", "square", "street", "avenue"}  # a part of a town: no town of its own
CLIMB_LIMIT = 6
AREA_TOKENS = 24  # the longest bracketed list of areas read after a place name
LOOSE_PLACE_PREPS = {"in", "near", "at", "outside", "around", "inside"}
NOT_PLACE_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "PERSON"}
CLIMB_NOUN_DEPS = {"dobj", "attr"}  # a noun a participle hangs from: climb on to its verb


def mention_text(token: Token) -> str:
    "The noun phrase a token heads, without its clauses: 'U.S. ... spokesman John Kirby'."
    indices = {token.i}
    stack = [token]
    while stack:
        for child in stack.pop().children:
            if child.dep_ in MODIFIERS and child.i < token.i:
                for t in child.subtree:
                    indices.add(t.i)
                stack.append(child)
    if token.ent_type_:
        ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        if ent is not None:
            indices.update(range(ent.start, ent.end))
    doc = token.doc
    return doc[min(indices): max(indices) + 1].text


def name_text(token: Token) -> str:
    "Just the name: compounds and the head ('Amur Oblast' out of 'Russia's far-eastern Amur Oblast')."
    left = token.i
    while left > 0 and token.doc[left - 1].dep_ in NAME_MODIFIERS and token.doc[left - 1].head.i >= left:
        left -= 1
    return token.doc[left: token.i + 1].text


def referent(token: Token) -> Token:
    "A relative pronoun stands for the noun its clause modifies ('attack that killed')."
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        return token.head.head
    return token


def with_conjuncts(token: Token) -> list[Token]:
    "'Russia and Iran' → [Russia, Iran]."
    return [token, *(t for t in token.conjuncts if t.i > token.i)]


def subject(verb: Token) -> tuple[Token | None, bool]:
    """(the source token of a verb, whether the clause is passive).

    Climbs through xcomp/conj/advcl ("used missiles to strike" → Russia), raising verbs ("is
    expected to travel … to visit" → Zelensky), nouns that a participle modifies, and "joined X
    in condemning" frames; a passive subject is returned with `passive=True` (it is the target).
    """
    current = verb
    for _ in range(CLIMB_LIMIT):
        for child in current.children:
            if child.dep_ in ("nsubj", "csubj"):
                return referent(child), False
        for child in current.children:
            if child.dep_ == "nsubjpass":
                return referent(child), current is verb
        if current.dep_ == "relcl":
            return current.head, False
        if current.dep_ == "pcomp" and current.head.lower_ in ("of", "for"):
            # "accused Iran of launching …", "blamed Kyiv for shelling …": the accused is the doer.
            accused = next((c for c in current.head.head.children if c.dep_ == "dobj"), None)
            if accused is not None:
                return referent(accused), False
        via_noun = current is not verb and current.pos_ in ("NOUN", "PROPN") and current.dep_ in CLIMB_NOUN_DEPS
        if current.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acl") or via_noun or (
            current.dep_ == "pobj" and current.head.dep_ == "prep"
        ):
            current = current.head.head if current.dep_ in ("pcomp", "pobj") else current.head
            continue
        break
    return None, False


def antecedent(pronoun: Token) -> Token | None:
    "The nearest named subject above a pronoun in its sentence ('Russia used … its attack' → Russia)."
    for node in clause_chain(pronoun):
        if node.i == pronoun.i:
            continue
        for child in node.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i < pronoun.i and child.pos_ != "PRON":
                return child
    return None


def agent(verb: Token) -> Token | None:
    "The object of 'by' in a passive clause."
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def objects(head: Token, preps: frozenset[str]) -> Iterator[Token]:
    """Direct and dative objects, then objects of the given prepositions, in that order.

    A preposition the parser hung on the object or on a coordinated noun counts too ("transfer
    technology and weaponry to North Korea").
    """
    direct = [c for c in head.children if c.dep_ in ("dobj", "dative", "obj", "attr")]
    for obj in direct:  # "sent tanks to Poland" parses "to" as the dative
        yield from ((c for c in obj.children if c.dep_ == "pobj") if obj.pos_ == "ADP" else (obj,))
    nouns = [c for c in head.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
    for holder in (head, *direct, *nouns):
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                yield from (c for c in child.children if c.dep_ == "pobj")


def between(noun: Token) -> tuple[Token, Token] | None:
    "'transfers between the DPRK and Russia' → (DPRK, Russia)."
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "between":
            first = next((c for c in child.children if c.dep_ == "pobj"), None)
            second = next(iter(first.conjuncts), None) if first is not None else None
            if first is not None and second is not None:
                return first, second
    return None


def possessor(noun: Token) -> Token | None:
    "'North Korea's transfer' → North Korea; also 'transfer by X' and 'transfer from X'."
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from"):
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def modifies(token: Token, node: Token) -> bool:
    """Whether a name or date modifies `node` itself ('protested in Bijar', 'On 5 May, … gathered'), not a
    noun inside one of its phrases ('teachers' unions in Iran protested', 'a garrison since December')."""
    current = token
    while current.i != node.i:
        head = current.head
        if head.i == current.i:
            return False
        if head.i != node.i and head.pos_ != "ADP" and current.dep_ not in NAME_LINKS:
            return False
        current = head
    return True


def clause_chain(token: Token) -> Iterator[Token]:
    "The token and its heads up to the sentence root."
    current = token
    yield current
    while current.head.i != current.i:
        current = current.head
        yield current


def own_clause_chain(token: Token) -> Iterator[Token]:
    """The token and its heads up to the first adverbial or relative clause with its own subject.

    Status cues do not cross such a boundary: in "Russian forces allegedly launched …, while
    Russia used missiles to strike Ukraine" the strike is not alleged; in "as it continues its
    invasion" the invasion is not what the main clause fears.
    """
    for node in clause_chain(token):
        yield node
        if node.dep_ in ("advcl", "relcl") and any(
            c.dep_ in ("nsubj", "nsubjpass", "mark") for c in node.children
        ):
            return


def place_tokens(sentence_tokens: list[Token]) -> list[Token]:
    "The tokens of a sentence that `is_place_token`."
    return [tok for tok in sentence_tokens if is_place_token(tok)]


def is_place_token(tok: Token) -> bool:
    """A head of a place name by the parse: an object of 'in/near/at…' (or of 'of' inside one: 'in the
    village of X', or after a place word: 'the municipality of Boma') that is a place by NER, by its head
    word, or by a name before it ('in Aleppo countryside'); or an object named as a place ('shelled Tal
    Jammeh town')."""
    if tok.dep_ == "dobj":  # 'shelled Tal Jammeh town', 'targeted Haradh district'
        return tok.lower_ in PLACE_HEADS and _local_name(tok) is not None
    return tok.dep_ == "pobj" and _place_preposition(tok.head) and (
        tok.ent_type_ in PLACE_LABELS or tok.lower_ in PLACE_HEADS or _local_name(tok) is not None
        or (tok.pos_ == "PROPN" and tok.ent_type_ not in ("DATE", "TIME", "CARDINAL", "NORP")))


def _place_preposition(prep: Token) -> bool:
    if prep.lower_ == "of" and prep.head.text in AREA_NOUNS | NEIGHBOURHOOD_WORDS:
        return True  # 'the municipality of Boma', 'the outskirts of Aleppo'; not 'the Institute of the State of Mexico'
    if prep.lower_ == "of" and prep.head.dep_ == "pobj":  # not 'between cadres of NC and …'
        return prep.head.head.lower_ in PLACE_PREPS - {"between"}
    return prep.lower_ in PLACE_PREPS or prep.lower_ == "to" and prep.head.lower_ in ("close", "next")


def _local_name(token: Token) -> Token | None:
    "The name an area noun is part of: 'Aleppo countryside', 'Rize town center' → the name's head."
    if token.lower_ not in AREA_NOUNS and not token.text[:1].isupper():
        return None
    unlike = ("DATE",) if token.lower_ in PLACE_HEADS else ("ORG", "PERSON", "DATE")  # 'Kale township': no person
    return next((c for c in token.children if c.dep_ in ("compound", "nmod", "amod") and c.pos_ == "PROPN"
                 and c.ent_type_ not in unlike), None)  # 'Aleppo' may be tagged NORP


def names_a_place(token: Token) -> bool:
    "A proper name, or an area noun with one: 'Kharkiv', 'Haradh district', 'Tal Jammeh town'."
    return token.pos_ == "PROPN" or token.lower_ in AREA_NOUNS and _local_name(token) is not None


def named_places(sentence_tokens: list[Token]) -> list[Token]:
    "Heads of every GPE/LOC name of the sentence: the last resort for an event's place."
    return [tok for tok in sentence_tokens
            if tok.ent_type_ in ("GPE", "LOC") and tok.head.ent_type_ != tok.ent_type_]


def embedded_names(sentence_tokens: list[Token]) -> list[Token]:
    "One-word names that modify a common noun ('the Lyon city council', 'the Kharkiv city hall'), in order."
    return [tok for tok in sentence_tokens
            if tok.pos_ == "PROPN" and tok.dep_ in ("compound", "nmod") and tok.text[:1].isupper()
            and tok.ent_type_ not in NOT_PLACE_LABELS and tok.head.pos_ == "NOUN"
            and not any(c.dep_ in NAME_MODIFIERS for c in tok.children)
            and not (tok.i > 0 and tok.nbor(-1).dep_ in NAME_MODIFIERS and tok.nbor(-1).head is tok.head)]


def loose_place_tokens(sentence_tokens: list[Token], found: list[Token]) -> list[Token]:
    """Names the parse does not read as places, for the gazetteer to judge after `place_tokens`: the
    capitalised word right after 'in/near/at…' ('in As Samawah city', where the parser took 'As' for a
    preposition; 'in Lavras', tagged an organisation) and the first name of a bracketed list of names
    ('in front of the City Hall (Gwacheon)')."""
    taken = {tok.i for tok in found}
    loose = []
    for tok in sentence_tokens:
        after_name = tok.i > 0 and tok.nbor(-1).i in taken  # 'Curitiba (Parana)': areas of a found name
        if tok.lower_ in LOOSE_PLACE_PREPS and tok.pos_ == "ADP" or (
                tok.text == "(" and not after_name and _names_list(tok)):
            name = tok.nbor(1) if tok.i + 1 < tok.sent.end else None
            if name is not None and name.lower_ == "the" and name.i + 1 < tok.sent.end:
                name = name.nbor(1)
            if (name is not None and name.i not in taken and name.text[:1].isupper()
                    and name.ent_type_ not in NOT_PLACE_LABELS):
                loose.append(name)
                taken.add(name.i)
    return loose


def noted_place_tokens(sentence_tokens: list[Token], notes: frozenset[str]) -> list[Token]:
    "Capitalised names right after a place note ('coded to Warsaw', `place_notes` in plover.yaml)."
    found = []
    for tok in sentence_tokens[:-2]:
        name = tok.nbor(2)
        if f"{tok.lower_} {tok.nbor(1).lower_}" in notes and name.text[:1].isupper() and name.i < tok.sent.end:
            found.append(name)
    return found


def _names_list(bracket: Token) -> bool:
    "Whether a round bracket holds only capitalised names, commas and hyphens: '(Ruzizi, Uvira, Sud-Kivu)'."
    for tok in bracket.doc[bracket.i + 1: min(bracket.sent.end, bracket.i + 1 + AREA_TOKENS)]:
        if tok.text == ")":
            return tok.i > bracket.i + 1
        if not (tok.text[:1].isupper() or tok.text in (",", "-") or tok.lower_ in NAME_JOINERS):
            return False
        if tok.i == bracket.i + 1 and tok.text.isupper():
            return False  # 'the World Economic Forum (WEF)': an acronym of the name before it
    return False


def enclosing_areas(token: Token) -> list[str]:
    """The areas a place name says it lies in, narrowest first: 'Kouyape (Kolofata, Mayo-Sava, Extreme-Nord)'
    → ['Kolofata', 'Mayo-Sava', 'Extreme-Nord'], and for a name that opens such a list, 'Gwacheon
    (Seocho, Seoul)', the rest of it; or one name after a comma ('Los Angeles, Veracruz'), or the named
    place set beside it with its areas; for the first of 'between X and Y (A, B)', Y's. Lower-case
    words before a name ('coded as X') are skipped."""
    doc = token.doc
    start = token.i + 1
    while start < min(len(doc), token.i + 4) and (doc[start].pos_ == "PROPN" or doc[start].text == "-"
                                                  or doc[start].lower_ in PLACE_HEADS):
        start += 1  # the rest of the name: 'Los Angeles - Central (California)', 'Sanandaj city (Kurdistan)'
    opened = token.i > 0 and doc[token.i - 1].text == "("
    if start < len(doc) and doc[start].text == "," and not opened:
        return _area_after_comma(doc[start + 1: token.sent.end]) or _apposed_areas(token)
    if start >= len(doc) or not (doc[start].text == "(" or opened and doc[start].text == ","):
        pair = [c for c in token.children if c.dep_ == "conj"] if token.head.lower_ == "between" else []
        return enclosing_areas(pair[0]) if pair else []  # 'between Kalo and Thiou (Thiou, Yatenga)'
    names, current = [], []
    for tok in doc[start + 1: min(len(doc), start + 1 + AREA_TOKENS)]:
        if tok.text in (",", ")", ";"):
            names.append(current)
            current = []
            if tok.text != ",":
                break
        elif current or tok.text[:1].isupper() or tok.text[1:2].isupper():  # 'eThekwini'
            current.append(tok)
    else:
        return []  # no closing bracket: not a list of areas
    return [doc[part[0].i: part[-1].i + 1].text for part in names if part]


def bracket_host(token: Token) -> Token | None:
    """The place name a bracketed list of areas follows, for a token inside the list: 'Yukon' in 'gathered
    in Carcross (Yukon)', which the parser may make the head, → 'Carcross'; 'Nuwakot' in 'Kakani municipality
    (Nuwakot district)' → 'Kakani'."""
    doc, start = token.doc, token.sent.start
    i = token.i - 1
    while i > start and (doc[i].text in (",", "-") or doc[i].text[:1].isupper() or doc[i].lower_ in NAME_JOINERS
                         or doc[i].lower_ in PLACE_HEADS):
        i -= 1
    if i <= start or doc[i].text != "(" or not _names_list(doc[i]):
        return None
    host = doc[i - 1]
    if host.lower_ in PLACE_HEADS and i - 2 >= start and doc[i - 2].text[:1].isupper():
        host = doc[i - 2]  # 'Kakani municipality (…)': the name before the kind word
    return host if host.text[:1].isupper() else None


def _apposed_areas(token: Token) -> list[str]:
    """'Lalo village, tambon Lahan (Sai Buri, Pattani)': the named place set beside a place name, and the
    areas named with that one."""
    appos = next((c for head in _name_heads(token) for c in head.children
                  if c.dep_ == "appos" and c.i > token.i and c.text[:1].isupper()), None)
    return [] if appos is None else _with_areas(appos)


def host_town(token: Token) -> list[str]:
    """'Waterfront Park in San Diego (California)': the named place a name says it lies in, and the areas
    named with that one (none when the name has no such place)."""
    if not token.text[:1].isupper():
        return []
    host = next((g for head in _name_heads(token) for c in head.children if c.dep_ == "prep" and c.lower_ == "in"
                 for g in c.children if g.dep_ == "pobj" and g.text[:1].isupper() and g.pos_ == "PROPN"), None)
    return [] if host is None else _with_areas(host)


def _with_areas(token: Token) -> list[str]:
    "A place name and the areas named with it: 'San Diego (California)' → ['San Diego', 'California']."
    return [whole_name(token), *enclosing_areas(token)]


def _area_after_comma(rest: Span) -> list[str]:
    """The area in 'in Los Angeles, Veracruz, a man was shot' or 'in Paris, Texas.': one name set off by
    commas (or ending the sentence), or followed by its own bracketed areas ('in Kaublin, Damboa LGA
    (Borno)'). Not a list ('in Kharkiv, Odesa and Kyiv') nor a clause ('in Gaza, Israel said')."""
    end = 0
    while end < len(rest) and (rest[end].text[:1].isupper() or rest[end].text == "-"
                               or end and rest[end].lower_ in NAME_JOINERS):
        end += 1
    if end and end < len(rest) and rest[end].text == "(":  # 'in Kaublin, Damboa LGA (Borno)'
        return [rest[:end].text, *enclosing_areas(rest[end - 1])]
    if end == 0 or end < len(rest) and rest[end].text not in (",", ".", ";", ":"):
        return []
    return [rest[:end].text]


def whole_name(token: Token) -> str:
    """The capitalised run around a name token, joiners and hyphenated parts included: 'Pachuca de Soto',
    'Fontaine-au-Pire'; a common noun is just its name ('Saca area')."""
    doc = token.doc
    if not token.text[:1].isupper():
        return name_text(token)

    def part(i: int) -> bool:
        tok = doc[i]
        if tok.ent_type_ in ("DATE", "TIME"):
            return False  # 'Kherson on Monday'
        return tok.text[:1].isupper() and tok.pos_ in ("PROPN", "NOUN", "ADJ") or tok.text in NAME_JOINERS

    def hyphenated(i: int) -> bool:  # doc[i] and doc[i + 1] are written together around a hyphen
        return doc[i].whitespace_ == "" and "-" in (doc[i].text, doc[i + 1].text)
    left, right = token.i, token.i
    while left > token.sent.start and (part(left - 1) or hyphenated(left - 1)):
        left -= 1
    while right + 1 < token.sent.end and (part(right + 1) or hyphenated(right)):
        right += 1
    while left < token.i and doc[left].text in NAME_JOINERS:
        left += 1
    while right > token.i and doc[right].text in NAME_JOINERS:
        right -= 1
    if right + 2 < token.sent.end and doc[right + 1].text == "'s" and doc[right + 2].is_punct:
        right += 1  # "St. John's (Newfoundland)": part of the name, not a possessive
    return doc[left: right + 1].text


def _name_heads(token: Token) -> list[Token]:
    "A name token and the nouns it is part of ('Idlib' → 'Idlib countryside'), at most three up."
    heads = [token]
    while heads[-1].dep_ in MODIFIERS and heads[-1].head is not heads[-1] and len(heads) < 4:
        heads.append(heads[-1].head)
    return heads


def name_breadth(token: Token) -> int:
    """How wide an area a place candidate's own words make it: 2 for one around its name ('Al Hasakeh
    countryside', 'Kherson province'), 1 for a district ('Ye-U township'), else 0."""
    words = {tok.lower_ for tok in _name_heads(token)}
    return 2 if words & BROAD_HEADS else 1 if words & DISTRICT_HEADS else 0


def origin_name(token: Token) -> bool:
    "Whether a place candidate is where someone comes from ('protesters from Kumano', 'marched from Largo')."
    return token.dep_ == "pobj" and token.head.lower_ == "from"


def neighbourhood_name(token: Token) -> bool:
    "Whether a place candidate names a part of a town: 'the colonia Villanueva', 'Shan Kone ward'."
    near = _name_heads(token) + [c for c in token.children if c.dep_ in MODIFIERS]
    return any(tok.lower_ in NEIGHBOURHOOD_WORDS for tok in near)


def lookup_names(token: Token) -> list[str]:
    """The texts to look a candidate up by: all its `place_names` when it is a `parsed_place`, only its
    whole name when it is a loose one ('Al Kuwayhah sector' is not 'Al')."""
    if parsed_place(token):
        return place_names(token)
    return [whole_name(token)]


def parsed_place(token: Token) -> bool:
    "A place by the parse (`is_place_token`) or the head of a GPE/LOC name; loose candidates are neither."
    return is_place_token(token) or token.ent_type_ in ("GPE", "LOC") and token.head.ent_type_ != token.ent_type_


def place_names(token: Token) -> list[str]:
    "Texts to look a place token up by, longest first: 'Mansehra city' → 'Mansehra city', 'Mansehra'."
    texts = [whole_name(token), name_text(token), mention_text(token)]
    doc = token.doc
    if token.i + 2 < token.sent.end and doc[token.i + 1].lower_ == "of" and doc[token.i + 2].text[:1].isupper():
        texts.append(f"{texts[0]} of {whole_name(doc[token.i + 2])}")  # 'Port of Spain', if the gazetteer knows it
    if token.lower_ in PLACE_HEADS and token.i > 0 and token.doc[token.i - 1].dep_ in NAME_MODIFIERS:
        texts.append(name_text(token.doc[token.i - 1]))
    local = _local_name(token) if token.pos_ == "NOUN" else None
    if local is not None:
        texts.append(whole_name(local))
    named = (text for text in texts if not text.islower()  # 'countryside' alone is no town's name
             and text.count("(") == text.count(")"))  # 'Carcross (Yukon' is no name
    return sorted(dict.fromkeys(named), key=len, reverse=True)
