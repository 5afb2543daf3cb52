"""An actor's affiliation (country or organisation) from titles and appositions.

The labelling rules are ``benchmarks/actors/AFFILIATIONS.md``: a state or capital speaks
for its state (AFF-STATE); a named body for itself (AFF-SELF), unless it speaks for a
central government, whose country its adjective names (AFF-NISBA); a person for the body
its title or apposition names (AFF-BODY: المتحدث باسم الجيش الإسرائيلي → الجيش الإسرائيلي),
else, when the title is an office of state, for the country (AFF-NISBA: وزير الخارجية
الروسي → روسيا). Nationality alone is no affiliation (ناشطون سوريون).
"""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from qawl.actors.lexicon import Lexicons, _nisba_at, match_terms, name_key
from qawl.arabic import PLACE_HEADS

if TYPE_CHECKING:  # the evidence is gathered by the merge, which imports this module
    from qawl.actors.merge import _Evidence

# the roles whose holders speak for their country when only a nationality is given
OFFICIAL_ROLES = frozenset({"head_of_state_or_government", "minister_or_official"})
# the roles of bodies that speak for themselves (AFF-SELF); a named "other" is a public figure
BODY_ROLES = frozenset({"minister_or_official", "party_or_opposition", "armed_group", "expert_or_academic",
                        "journalist_or_media", "religious_figure", "organisation_or_spokesperson"})
# roles a body named in a title must not have to be an affiliation (a document, a citizen)
_NOT_BODIES = frozenset({"-", "document_or_report", "citizen_or_witness", "other", "none"})
# a body's name stops at these (a place, a relative clause, the verb's complement إن)
_BODY_END = frozenset({"في", "الذي", "التي", "خلال", "عبر", "حول", "منذ", "ان", "انه", "انها", "بان", "قائلا",
                       "بعد", "قبل", "عقب", "اثناء", "يقول", "تقول", "قال", "قالت", "فيما"})


def _affiliation_in(words: tuple, lex: Lexicons, disabled: frozenset = frozenset()) -> str:
    """The country a nisba adjective (الروسي), a state's or a capital's name in ``words`` gives."""
    for i in range(len(words)):
        n, affiliation = _nisba_at(words, i, lex)
        if n and affiliation and ("AFF-NISBA-AGREEMENT" in disabled or _describes_word_before(words, i)):
            return affiliation
    for i in range(len(words)):
        for n in (2, 1):
            key = name_key(" ".join(words[i:i + n]))
            if i + n <= len(words) and key in lex.state_names:  # ولي عهد أبوظبي → الإمارات
                return lex.state_names[key]
    return ""


def _describes_word_before(words: tuple, i: int) -> bool:
    """AFF-NISBA-AGREEMENT: a nisba is an adjective only after a word it agrees with in
    definiteness (وزير الخارجية الروسي، مسؤول روسي، نظيره الكوري); not a name's first word (تركي المالكي) nor
    after a definite word (المتحدث باسم التحالف تركي المالكي)."""
    if i == 0:
        return False
    return words[i].startswith("ال") or not words[i - 1].startswith("ال")  # نظيره الكوري: a possessed noun is definite


def _indefinite_description(words: tuple, start: int, end: int) -> bool:
    """``AFF-INDEFINITE``: a common noun without the article and not in construct with a definite word
    (ضابط رفيع، طبيب نفسي) describes a person; a body is named definite (الشرطة، شرطة دبي، وزارة الخارجية)."""
    if words[start].startswith("ال"):
        return False
    return end >= len(words) or not words[end].startswith("ال")


def _unglued(word: str, lex: Lexicons) -> str:
    """A word without a glued preposition when the rest opens a listed term:
    لشركه → شركه, للامم → الامم, بالجيش → الجيش."""
    if word in lex.starts:
        return word
    for prefix, replace in (("لل", "ال"), ("بال", "ال"), ("ل", ""), ("ب", "")):
        if word.startswith(prefix) and replace + word[len(prefix):] in lex.starts:
            return replace + word[len(prefix):]
    return word


def _display(raw: str, word: str, unglued: str) -> str:
    if word == unglued:
        return raw
    return "ال" + raw[2:] if word.startswith("لل") else raw[1:]


def body_in(words: tuple, raw: list, lex: Lexicons, after_title: bool = False,
            disabled: frozenset = frozenset(), outer: dict | None = None, teams: set | None = None) -> tuple[str, str]:
    """``(name, "body")`` for the first body a title names after its head (الرئيس التنفيذي
    لشركة أوبر → أوبر; الباحث في جامعة الكويت → جامعة الكويت), ``(country, "country")`` when
    that body speaks for a government (المتحدثة باسم وزارة الخارجية الأمريكية), else ("", ""). ``outer``
    maps the bodies AFF-OUTER-BODY or AFF-OUTER-BODY-IN gave to that rule (they apply only when it is passed),
    ``teams`` collects those AFF-TEAM gave."""
    if len(raw) != len(words):
        raw = list(words)
    plain = tuple(_unglued(w, lex) for w in words)
    for i, term in match_terms(plain, lex):
        if term.kind in ("person", "head"):
            if "باسم" in term.words[:-1]:  # المتحدث باسم الجيش: the body starts inside the title
                start = i + term.words.index("باسم") + 1
                return body_in(words[start:], raw[start:], lex, after_title=True, disabled=disabled, outer=outer,
                               teams=teams)
            local = _local_office(words, raw, plain, i + len(term.words), term, lex) \
                if outer is not None and "AFF-LOCAL-OFFICE" not in disabled else ""
            if local:  # رئيس بلدية القدس: the mayor speaks for the town's council
                outer[local] = "AFF-LOCAL-OFFICE"
                return local, "body"
            # ابن محافظة الغربية، زوجة اللاعب: a relative's or a citizen's word names where he is from, not his body
            after_title = term.role != "citizen_or_witness" or "AFF-RELATIVE" in disabled
            continue
        if not after_title or term.kind not in ("body", "generic") or term.role in _NOT_BODIES:
            continue
        end = i + len(term.words)
        if term.kind == "generic" and _indefinite_description(plain, i, end) and "AFF-INDEFINITE" not in disabled:
            continue  # ضابط رفيع، طبيب نفسي، معارضا بارزا: a person described, not a body named
        stop = end
        while stop < len(plain) and plain[stop] not in _BODY_END:
            stop += 1
        at = _outer_body(words, plain, end, stop, lex) if outer is not None and "AFF-OUTER-BODY" not in disabled else 0
        if at:  # لجنة الموارد البشرية بالغرفة التجارية: the unit's body is the speaker's
            name, kind = body_in(words[at:], raw[at:], lex, after_title=True, disabled=disabled)
            if kind == "body":
                outer[name] = "AFF-OUTER-BODY"
            return name, kind
        found = _outer_body_in(words, raw, plain, stop, lex, disabled) if outer is not None else ("", "")
        if found[1]:  # عضو لجنة الأمن والدفاع في البرلمان العراقي: the unit's body is the speaker's
            outer[found[0]] = "AFF-OUTER-BODY-IN"
            return found
        if any(plain[i:i + len(g)] == g for g in lex.government):
            country = _affiliation_in(plain[i:stop], lex)
            return (country, "country") if country else ("", "")
        if stop == end and term.role != "minister_or_official" and (term.kind == "generic"
                                                                  or term.words in lex.dropped):
            return "", ""  # في المؤسسة, لشركة: a body the title does not name (الشرطة, الجيش do)
        names = [_display(raw[i], words[i], plain[i])] + list(raw[i + 1:stop])
        if term.words in lex.dropped and stop > end and not plain[end].startswith("ال"):
            names = names[len(term.words):]
            while len(names) > 1 and _nisba_at(plain, i + len(term.words) + len(names) - 1, lex)[0]:
                names = names[:-1]  # صحيفة لوموند الفرنسية → لوموند
        return " ".join(names), "body"
    team = _team_after(plain, raw, lex) if "AFF-TEAM" not in disabled else ""
    if team and teams is not None:
        teams.add(team)
    return (team, "body") if team else ("", "")


def _team_at(words: tuple, i: int, lex: Lexicons) -> int:
    """The number of words of a player's or coach's title at ``words[i]`` (لاعب خط الوسط), else 0."""
    titles = lex.team_titles or {}
    return next((n for n in (3, 2, 1) if titles.get(tuple(words[i:i + n])) == "title"), 0)


def _team_after(words: tuple, raw: list, lex: Lexicons) -> str:
    """AFF-TEAM: the team a player's or coach's title names right after it (مدرب توتنهام → توتنهام), up to a
    nisba, a listed term or three words; a lone common noun (الفريق) or a state's name (مدرب إنجلترا) names none."""
    titles = lex.team_titles or {}
    for i in range(len(words)):
        n = _team_at(words, i, lex)
        if not n:
            continue
        start = i + n
        while start < len(words) and titles.get((words[start],)) == "head":
            start += 1
        if start < len(words) and words[start].startswith("لل"):  # المدير الفني للمنتخب الإنجليزي
            words = words[:start] + ("ال" + words[start][2:],) + words[start + 1:]
            raw = raw[:start] + ["ال" + raw[start][2:]] + raw[start + 1:]
        stop = start
        while (stop < len(words) and stop - start < 3 and words[stop] not in _BODY_END
               and titles.get((words[stop],)) not in ("not", "former") and not _nisba_at(words, stop, lex)[0]
               and not (stop > start and words[stop] in lex.starts)):
            stop += 1
        name = words[start:stop]
        if not name or name_key(" ".join(name)) in lex.state_names:
            return ""
        nisba = _nisba_at(words, stop, lex)[0]
        if stop + nisba < len(words) and titles.get((words[stop + nisba],)) == "former":
            return ""  # لاعب مانشستر سيتي السابق: a team he left
        if len(name) == 1 and titles.get(name) == "common":  # المنتخب: a team only with its nisba (المنتخب المصري)
            return " ".join(raw[start:stop + nisba]) if nisba else ""
        return " ".join(raw[start:stop])
    return ""


def _outer_body(words: tuple, plain: tuple, end: int, stop: int, lex: Lexicons) -> int:
    """AFF-OUTER-BODY: where a body glued to ب opens inside a body's name (متحف نيكلسون بجامعة سيدني), else 0."""
    for j in range(end, stop):
        if words[j].startswith("ب") and plain[j] != words[j]:
            term = next((t for k, t in match_terms(plain[j:stop], lex) if k == 0), None)
            if term is not None and term.kind == "body" and term.role not in _NOT_BODIES:
                return j
    return 0


def _local_office(words: tuple, raw: list, plain: tuple, end: int, term, lex: Lexicons) -> str:
    """AFF-LOCAL-OFFICE: the council a title of local government names with the place after it (رئيس بلدية
    القدس → بلدية القدس), up to two words that are no listed term, nisba or end of a body's name; else ""."""
    offices = lex.local_offices or {}
    after = plain[end] if end < len(plain) and (term.words, plain[end]) in offices else ""
    head = offices.get((term.words, after))
    if head is None:
        return ""
    start = end + 1 if after else end
    stop = start
    while stop < len(plain) and stop - start < 2 and _place_word_at(plain, stop, lex):
        stop += 1
    if stop == start or (stop < len(plain) and stop == start + 2 and _place_word_at(plain, stop, lex)):
        return ""  # no place, or words running on past two: not a place's name
    return " ".join([head] + list(raw[start:stop]))


def _place_word_at(plain: tuple, k: int, lex: Lexicons) -> bool:
    """The word at ``k`` may go on a place's name: no end of a body's name, listed term or nisba."""
    return plain[k] not in _BODY_END and not any(j == 0 for j, _ in match_terms(plain[k:], lex)) \
        and not _nisba_at(plain, k, lex)[0]


def _outer_body_in(words: tuple, raw: list, plain: tuple, stop: int, lex: Lexicons,
                   disabled: frozenset) -> tuple[str, str]:
    """AFF-OUTER-BODY-IN: the body named right after في that ends a body's name (قسم التطعيمات في هيئة الصحة
    العامة → هيئة الصحة العامة), else ("", "")."""
    if "AFF-OUTER-BODY-IN" in disabled or stop + 1 >= len(plain) or plain[stop] != "في":
        return "", ""
    if plain[stop + 1] in PLACE_HEADS:
        return "", ""  # في محافظة البصرة: a place, not a body
    if any(name_key(" ".join(plain[j:stop])) in lex.state_names for j in range(stop)):
        return "", ""  # سفير المملكة العربية السعودية في الأمم المتحدة: a state's post at the body
    term = next((t for k, t in match_terms(plain[stop + 1:], lex) if k == 0), None)
    if term is None or term.kind not in ("body", "generic") or term.role in _NOT_BODIES:
        return "", ""
    return body_in(words[stop + 1:], raw[stop + 1:], lex, after_title=True, disabled=disabled)


def _affiliation_of(members: list, readings: dict, ev: _Evidence, lex: Lexicons, key: str, role: str,
                    label: str, person: bool = False) -> tuple[str, str]:
    """An actor's affiliation and the rule that gave it (``person``: AFF-PERSON-NOUN ruled AFF-SELF out)."""
    disabled = ev.disabled | {"AFF-SELF"} if person else ev.disabled
    if key in lex.state_names and "AFF-STATE" not in disabled:
        return lex.state_names[key], "AFF-STATE"
    government = any(readings[form].government for form in members)
    if not government and role in BODY_ROLES and _is_body(members, readings, ev) and "AFF-SELF" not in disabled:
        if "AFF-PERSON-NOUN" in disabled or not all(_person_noun(readings[f], lex) for f in members):
            return label, "AFF-SELF"
        affiliation, rule = _affiliation_of(members, readings, ev, lex, key, role, label, person=True)
        return affiliation, "AFF-PERSON-NOUN" + ("+" + rule if rule else "")
    if not government and "AFF-BODY" not in disabled:
        bodies = _votes(members, readings, ev, "body", ev.context_bodies)
        if bodies and not _country_outweighs(members, readings, ev, role, bodies):
            body = _most_common(bodies)
            return body, "AFF-BODY" + _body_rule(body, members, readings, ev)
        outweighed = bool(bodies)
    else:
        outweighed = False
    if (government or role in OFFICIAL_ROLES) and "AFF-NISBA" not in disabled:
        countries = _votes(members, readings, ev, "affiliation", ev.context_affiliations)
        if countries:
            return _most_common(countries), "AFF-OFFICIAL-COUNTRY" if outweighed else "AFF-NISBA"
    return "", ""


def _body_rule(body: str, members: list, readings: dict, ev: _Evidence) -> str:
    """The rule past AFF-BODY that found the body, if any (AFF-OUTER-BODY, AFF-OUTER-BODY-IN, AFF-LOCAL-OFFICE,
    AFF-TEAM), as a suffix."""
    if body in ev.outer_bodies:
        return "+" + ev.outer_bodies[body]
    for rule in ("AFF-OUTER-BODY", "AFF-OUTER-BODY-IN", "AFF-LOCAL-OFFICE", "AFF-TEAM"):
        if (rule == "AFF-TEAM" and body in ev.team_bodies) or any(
                rule in readings[f].rules and readings[f].body == body for f in members):
            return "+" + rule
    return ""


def _person_noun(reading, lex: Lexicons) -> bool:
    """AFF-PERSON-NOUN: is the form only titles, the first a person's title with the article (المسؤول ← مسؤول)?"""
    words = reading.titles
    if not words or not words[0].startswith("ال") or len(words) != len(reading.form.split()):
        return False
    bare = lex.terms.get((words[0][2:],))
    return bare is not None and bare.kind in ("person", "head")


def _country_outweighs(members: list, readings: dict, ev: _Evidence, role: str, bodies: Counter) -> bool:
    """``AFF-OFFICIAL-COUNTRY``: an official's titles that name a country and no body (الرئيس الأمريكي)
    outnumber the titles that name any one body (مدير حملة ترامب، ترامب عبر تويتر)."""
    if role not in OFFICIAL_ROLES or "AFF-OFFICIAL-COUNTRY" in ev.disabled or "AFF-NISBA" in ev.disabled:
        return False
    alone: Counter = Counter()
    for form in members:
        reading = readings[form]
        if reading.affiliation and not reading.body:
            alone[reading.affiliation] += 2 * max(ev.count[form], 1)
        alone.update(ev.context_countries_alone.get(form, {}))
    return bool(alone) and max(alone.values()) > max(bodies.values())


def _votes(members, readings, ev, field: str, context: dict) -> Counter:
    """Votes for a key's ``field`` (body, affiliation): each form's own reading counts twice its
    occurrences, then what the contexts around its occurrences gave."""
    votes: Counter = Counter()
    for form in members:
        value = getattr(readings[form], field)
        if value:
            votes[value] += 2 * max(ev.count[form], 1)
        votes.update(context.get(form, {}))
    return votes


def unnamed_affiliation(reading, role: str, disabled: frozenset) -> tuple[str, str]:
    """The affiliation of a form that names nobody: the body its words name, or the country
    of an office of state (وزير الخارجية التركي → تركيا); nothing for منظمة حقوقية بريطانية."""
    if reading.body and "AFF-BODY" not in disabled:
        return reading.body, "AFF-BODY" + "".join("+" + r for r in ("AFF-OUTER-BODY", "AFF-TEAM") if r in reading.rules)
    if reading.affiliation and (role in OFFICIAL_ROLES or reading.government) and "AFF-NISBA" not in disabled:
        return reading.affiliation, "AFF-NISBA"
    return "", ""


def _is_body(members: list, readings: dict, ev: _Evidence) -> bool:
    """Is the actor a body (its forms are a body's name, or most tables call it an organisation)?"""
    if any(readings[form].is_body for form in members):
        return True
    kinds: Counter = Counter()
    for form in members:
        kinds.update(ev.kinds.get(form, {}))
    people = kinds["person"] + kinds["PER"]
    bodies = kinds["organisation"] + kinds["media"] + kinds["ORG"]
    return bodies > people


def _most_common(votes: Counter) -> str:
    return min(votes, key=lambda name: (-votes[name], len(name), name))
