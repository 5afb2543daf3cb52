"""The merge: forms to actors (union-find over name keys), each merge with its rule."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Optional

import pandas as pd

from qawl.arabic import MONTH_NAMES, MONTHS_AND_DAYS, NASAB_PARTICLES
from qawl.clean import match_form
from qawl.actors.affiliation import OFFICIAL_ROLES, _affiliation_in, _affiliation_of, body_in, unnamed_affiliation
from qawl.actors.lexicon import (
    ACTOR_SOURCES, ALIAS_COLUMNS, DOCLINK_MIN_SHARE, EARLIER_SOURCE, SPEAKER_SOURCES, GENERIC_PREFIX, OFFICE_MIN_SHARE, OFFICE_MIN_VOTES, SURNAME_MIN_LETTERS,
    Lexicons, generic_key, generic_label, lexicons, match_terms, name_key, skeleton_key, transliterated, vowel_variant, words_of,
)
from qawl.actors.reading import (
    FROM_PREPOSITIONS, _roles_in, apposition_after, apposition_after_cut, continued_title, counterpart_before, earlier_title,
    office_key,
    quoted_company, read_form, title_before,
)
from qawl.actors.roles import WEAK_VOTE, _role_votes, leading_vote, owned_roles


class _Clusters:
    """Union-find over name keys; each key remembers the rule that joined it."""

    def __init__(self):
        self.parent: dict[str, str] = {}
        self.why: dict[str, tuple[str, str]] = {}
        self.types: dict[str, Counter] = {}  # root -> uses of its keys by type (PER, ORG, LOC)
        self.kept_apart: dict[str, str] = {}  # key -> why A-TYPE refused to join it to another actor

    def add_type(self, key: str, kind: str, n: int) -> None:
        self.types.setdefault(self.find(key), Counter())[kind] += n

    def type_of(self, key: str) -> Optional[str]:
        """The type of at least two thirds of the actor's typed uses, and of two or more; else None
        (one ORG tag on حزب دميرتاش does not make دميرتاش a body)."""
        counts = self.types.get(self.find(key))
        if not counts:
            return None
        kind = min(counts, key=lambda k: (-counts[k], k))
        return kind if counts[kind] >= 2 and 3 * counts[kind] >= 2 * sum(counts.values()) else None

    def same_type(self, key: str, other: str) -> bool:
        """Can the two actors be one (A-TYPE)? Not when both are typed and the types differ:
        in a large corpus a chain of look-alike names runs from a person to a place."""
        a, b = self.type_of(key), self.type_of(other)
        if a is None or b is None or a == b:
            return True
        self.kept_apart.setdefault(key, f"not joined to {self.find(other)}: {a} and {b} (A-TYPE)")
        return False

    def add(self, key: str) -> None:
        self.parent.setdefault(key, key)

    def find(self, key: str) -> str:
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, key: str, into: str, rule: str, why: str) -> None:
        a, b = self.find(key), self.find(into)
        if a != b:
            self.parent[a] = b
            self.why.setdefault(key, (rule, why))
            if a in self.types:
                self.types.setdefault(b, Counter()).update(self.types.pop(a))


@dataclass
class _Evidence:
    """What the occurrences say about the forms (collected once)."""

    disabled: frozenset = frozenset()
    count: Counter = field(default_factory=Counter)
    actor_forms: set = field(default_factory=set)
    speaker_forms: set = field(default_factory=set)
    entity_forms: set = field(default_factory=set)
    kinds: dict = field(default_factory=lambda: defaultdict(Counter))
    context_roles: dict = field(default_factory=lambda: defaultdict(Counter))
    context_affiliations: dict = field(default_factory=lambda: defaultdict(Counter))  # countries
    context_bodies: dict = field(default_factory=lambda: defaultdict(Counter))  # bodies a title names
    outer_bodies: dict = field(default_factory=dict)  # body -> the rule that read it past a unit (لجنة ... بالغرفة)
    team_bodies: set = field(default_factory=set)  # teams AFF-TEAM read after a player's title (مدرب توتنهام)
    # countries of titles that name no body (AFF-OFFICIAL-COUNTRY weighs them against the bodies)
    context_countries_alone: dict = field(default_factory=lambda: defaultdict(Counter))
    context_rules: dict = field(default_factory=lambda: defaultdict(dict))  # form -> role -> rule (R-AGE...)
    # a title alone as the speaker, read with the words after it that go on describing it (R-CONTINUED)
    continued_roles: dict = field(default_factory=lambda: defaultdict(Counter))
    continued_affiliations: dict = field(default_factory=lambda: defaultdict(Counter))  # (name, rule)
    links: dict = field(default_factory=lambda: defaultdict(Counter))  # surface form -> form
    offices: dict = field(default_factory=lambda: defaultdict(Counter))  # office -> form
    tagged: set = field(default_factory=set)  # forms the entity tagger found as names
    doc_forms: dict = field(default_factory=lambda: defaultdict(set))  # article -> forms written in it (R-ARTICLE)
    doc_speakers: dict = field(default_factory=lambda: defaultdict(set))  # article -> forms quoted in it (R-VOX-POP)
    rank_titles: dict = field(default_factory=lambda: defaultdict(set))  # form -> rank titles before it (R-RANK-COMMONER, R-RULER-OF-STATE)
    earlier_roles: dict = field(default_factory=lambda: defaultdict(Counter))  # R-EARLIER-TITLE
    earlier_affiliations: dict = field(default_factory=lambda: defaultdict(Counter))  # (name, rule)


# an age in brackets or between commas right after a name: (29 عاما)، ، 33 عاماً،
_AGE_AFTER = re.compile(r"\s*[(،,]\s*(?:[0-9٠-٩]{1,3})\s*(?:عاما|عامًا|عاماً|عام|سنة|سنوات)\b")

# an age in words right after a name, in an apposition: ، وهو في الثالثة والستين، وهو شاب في الرابعة والعشرين،
# البالغ من العمر 47 عاما (R-AGE-WORDS)
_DECADES = "(?:عشرين|ثلاثين|أربعين|اربعين|خمسين|ستين|سبعين|ثمانين|تسعين)"
_AGE_WORDS_AFTER = re.compile(r"\s*[،,]?\s*(?:(?:وهو|وهي)\s+(?:\S+\s+)?في\s+(?:ال\S+\s+و)?ال" + _DECADES
                              + r"|(?:وهو|وهي)\s+(?:\S+\s+)?في\s+ال(?:عشرينات|ثلاثينات|أربعينات|اربعينات|خمسينات|ستينات|سبعينات)"
                              + r"|ال?بالغ[ةه]?\s+من\s+العمر\s+[0-9٠-٩]{1,3})")

OCCURRENCE_COLUMNS = ["doc_id", "form", "surface", "kind", "source", "before", "after", "n"]


def _between_commas(before: str, after: str) -> bool:
    """The name is an apposition set off by commas: the text before ends with one, the text after opens with one."""
    return before.rstrip().endswith(("،", ",")) and after.lstrip().startswith(("،", ","))


_PARTITIVE = frozenset({"احد", "احدي"})


def _opens_from(after: str) -> bool:
    """R-FROM-BODY: do the words after a name open with من/في, a comma before them or not (، من هيئة ...)?"""
    words = after.lstrip(" ،,").split()
    return bool(words) and words[0] in FROM_PREPOSITIONS


_PIECE_PREPOSITIONS = frozenset({"في", "خلال", "ضمن"})


def _press_piece(after: str, lex: Lexicons) -> bool:
    """R-PRESS-PIECE: do the words after a name go on with في/خلال and a piece the name wrote (في مقالة)?"""
    words = words_of(after[:60])
    if not words or words[0] not in _PIECE_PREPOSITIONS:
        return False
    return any(words[1:1 + len(piece)] == piece for piece in lex.press_pieces)


def _partitive(reading) -> bool:
    """A surface opening with أحد/إحدى and holding a name after a noun (أحد متابعي ساويرس، إحدى
    بنات ترامب): one of the name's people, not the named actor (R-PARTITIVE)."""
    words = words_of(reading.form)
    return len(words) >= 3 and words[0] in _PARTITIVE and bool(reading.key)


def _gather(occurrences: pd.DataFrame, readings: dict, lex: Lexicons,
            disabled: frozenset = frozenset(), tagged: frozenset = frozenset()) -> _Evidence:
    ev = _Evidence(disabled=disabled, tagged=set(tagged))
    frame = occurrences.reindex(columns=OCCURRENCE_COLUMNS)
    frame = frame.fillna({"form": "", "surface": "", "kind": "", "source": "", "before": "", "after": "",
                          "n": 1})
    for doc_id, form, surface, kind, source, before, after, n in zip(
            frame["doc_id"].fillna(""), frame["form"], frame["surface"], frame["kind"], frame["source"],
            frame["before"], frame["after"], frame["n"]):
        form, surface = str(form).strip(), str(surface).strip()
        if not form:
            continue
        if source == EARLIER_SOURCE:  # not a use of the form: only the title an article gave before naming it
            if before and "R-EARLIER-TITLE" not in disabled:
                _earlier_role(ev, form, str(before), lex)
            continue
        if doc_id:
            ev.doc_forms[str(doc_id)].update(f for f in (form, surface) if f)
        n = int(n)
        ev.count[form] += n
        if surface and surface != form:
            ev.count[surface] += n  # the words as written, resolved to ``form`` in the article
            ev.links[surface][form] += n
        (ev.actor_forms if source in ACTOR_SOURCES else ev.entity_forms).add(form)
        if source in SPEAKER_SOURCES:
            ev.speaker_forms.add(form)
            if doc_id:
                ev.doc_speakers[str(doc_id)].add(form)
        if kind:
            ev.kinds[form][kind] += n
        if after and "R-AGE" not in disabled and _AGE_AFTER.match(str(after)):
            # an age comes with athletes and artists too: it decides only when nothing else does
            ev.context_roles[form]["citizen_or_witness"] += WEAK_VOTE * max(n, 1)
            ev.context_rules[form].setdefault("citizen_or_witness", "R-AGE")
        elif after and "R-AGE-WORDS" not in disabled and _AGE_WORDS_AFTER.match(str(after)):
            # as R-AGE, an age written in words: weak, it decides only when nothing else does
            ev.context_roles[form]["citizen_or_witness"] += WEAK_VOTE * max(n, 1)
            ev.context_rules[form].setdefault("citizen_or_witness", "R-AGE-WORDS")
        if after and "R-PRESS-PIECE" not in disabled and _press_piece(str(after), lex):
            ev.context_roles[form]["journalist_or_media"] += max(n, 1)
            ev.context_rules[form].setdefault("journalist_or_media", "R-PRESS-PIECE")
        context = "R-CONTEXT" not in disabled
        if before and "R-COUNTERPART" not in disabled:
            office, country = counterpart_before(str(before), lex)
            if office:
                ev.context_roles[form][office] += max(n, 1)
                ev.context_rules[form].setdefault(office, "R-COUNTERPART")
                if country:
                    ev.context_affiliations[form][country] += max(n, 1)
        title, title_raw = title_before(str(before), lex, with_raw=True, disabled=disabled) if before and context else ((), [])
        comma = False
        if not title and context and "R-COMMA-TITLE" not in disabled and _between_commas(str(before), str(after)):
            # زعيم المعارضة، كمال قليجدار أوغلو، غرمته المحكمة: the title set off by commas before the name
            title, title_raw = title_before(str(before).rstrip()[:-1], lex, with_raw=True, disabled=disabled)
            comma = bool(title)
        apposition, apposition_raw, wide, cut, definite, from_body = (), [], False, False, False, False
        if after and context:
            # a mention's words after it are read only after a comma (R-APPOSITION-WIDE: also without)
            if source != "mention" or str(after).lstrip().startswith(("،", ",")):
                apposition, apposition_raw = apposition_after(str(after), lex, with_raw=True,
                                                              disabled=disabled | {"R-APPOSITION-DEFINITE"})
                from_body = bool(apposition) and _opens_from(str(after))  # R-FROM-BODY
                if not apposition and "R-APPOSITION-DEFINITE" not in disabled:
                    apposition, apposition_raw = apposition_after(str(after), lex, with_raw=True, disabled=disabled)
                    definite = bool(apposition)
            if not apposition and "R-APPOSITION-WIDE" not in disabled:
                apposition, apposition_raw = apposition_after(str(after), lex, with_raw=True, wide=True)
                wide = bool(apposition)
            if not apposition and source != "mention" and "R-APPOSITION-CUT" not in disabled:
                apposition, apposition_raw = apposition_after_cut(str(after), lex, with_raw=True)
                cut = bool(apposition)
        for (words, raw), near_end in (((title, title_raw), True), ((apposition, apposition_raw), False)):
            if not words:
                continue
            votes = _roles_in(words, lex, "R-CONTEXT", near_end, disabled)
            if near_end and "R-DOCUMENT-OWNER" not in disabled:  # قرار هاني رمزي: his decision
                votes = [vote for vote in votes if vote[0] != "document_or_report"]
            if votes and votes[0] == ("minister_or_official", "R-CONTEXT") and "R-QUOTED-COMPANY" not in disabled \
                    and quoted_company(words, raw, str(before)[-200:] if near_end else str(after)[:200], lex):
                votes[0] = ("organisation_or_spokesperson", "R-QUOTED-COMPANY")  # رئيس قسم الموسيقى في "يوتيوب"
            for role, vote_rule in leading_vote(votes, disabled, near_end):
                ev.context_roles[form][role] += WEAK_VOTE if vote_rule == "R-RANK" else max(n, 1)
                if vote_rule == "R-RANK":  # الشيخ before the name: yields to any office (R-RANK)
                    ev.context_rules[form].setdefault(role, vote_rule)
                    ev.rank_titles[form].update(t for t in lex.ranks if set(t) <= set(words))
                elif vote_rule in ("R-QUOTED-COMPANY", "R-RANK-YIELDS"):
                    ev.context_rules[form].setdefault(role, vote_rule)
                elif near_end and comma:
                    ev.context_rules[form].setdefault(role, "R-COMMA-TITLE")
                elif not near_end and from_body:
                    ev.context_rules[form].setdefault(role, "R-FROM-BODY")
                elif not near_end and definite:
                    ev.context_rules[form].setdefault(role, "R-APPOSITION-DEFINITE")
                elif not near_end and (wide or cut):
                    ev.context_rules[form].setdefault(role, "R-APPOSITION-CUT" if cut else "R-APPOSITION-WIDE")
                elif vote_rule in ("R-TITLE-COMPLEMENT", "R-COMPANY-HEAD", "R-BODY-OVER-TITLE", "R-REPRESENTATIVE", "R-STATE-NAME"):
                    ev.context_rules[form].setdefault(role, vote_rule)
            if definite and not near_end:  # الأستاذ بجامعة مانشستر: the body comes after the title
                skip = len(match_terms(words, lex)[0][1].words)
                words, raw = words[skip:], raw[skip:]
            body, kind = body_in(words, raw, lex, after_title=not near_end, disabled=disabled, outer=ev.outer_bodies,
                                 teams=ev.team_bodies)
            if kind == "body":
                ev.context_bodies[form][body] += max(n, 1)
            affiliation = body if kind == "country" else _affiliation_in(words, lex, disabled)
            if affiliation:
                ev.context_affiliations[form][affiliation] += max(n, 1)
                if kind != "body":
                    ev.context_countries_alone[form][affiliation] += max(n, 1)
        reading = readings.get(form)
        if reading is not None and not reading.key and reading.roles and after and "R-CONTINUED" not in disabled:
            _continue_title(ev, form, str(after), lex, max(n, 1))
        said_surface = readings.get(surface) if surface and surface != form else None
        if said_surface is not None and _partitive(said_surface) and "R-PARTITIVE" not in disabled:
            said_surface = None  # أحد متابعي ساويرس: one of the name's followers, someone else
        said_roles = owned_roles(said_surface, "R-DOCUMENT-OWNER" not in disabled) if said_surface else []
        said_roles = leading_vote(said_roles, disabled)
        if said_roles and "R-TITLE" not in disabled:
            # what the article wrote around the name (قرار هاني رمزي: his decision, not him)
            ev.context_roles[form][said_roles[0][0]] += n
            if said_roles[0][1] in ("R-REPRESENTATIVE", "R-RANK-YIELDS"):
                ev.context_rules[form].setdefault(*said_roles[0])
            if said_surface.affiliation:
                ev.context_affiliations[form][said_surface.affiliation] += n
            if said_surface.body:
                ev.context_bodies[form][said_surface.body] += n
        for said in (said_surface, reading):
            if said is not None and said.key and said.titles:
                office = office_key(said.titles, lex)
                if "@" in office:
                    ev.offices[office][form] += n
        if title and reading is not None and reading.key:
            office = office_key(title, lex)
            if "@" in office:
                ev.offices[office][form] += max(n, 1)
    return ev


def _earlier_role(ev: _Evidence, form: str, before: str, lex: Lexicons) -> None:
    """R-EARLIER-TITLE: the role of the title an article gave, with no name, before first naming the form."""
    words, raw = earlier_title(before, lex)
    for role, _ in _roles_in(words, lex, "R-EARLIER-TITLE", False, ev.disabled)[:1] if words else ():
        ev.earlier_roles[form][role] += 1
        body, kind = body_in(words, raw, lex, disabled=ev.disabled)
        if kind == "body":
            ev.earlier_affiliations[form][(body, "AFF-BODY")] += 1
        else:
            country = body if kind == "country" else _affiliation_in(words, lex, ev.disabled)
            if country:
                ev.earlier_affiliations[form][(country, "AFF-NISBA")] += 1


def _earlier_affiliation(members: list, ev: _Evidence, role: str) -> tuple[str, str]:
    """R-EARLIER-TITLE: the body the earlier title names, or the country of an official's, as the affiliation."""
    votes: Counter = Counter()
    for form in members:
        votes.update(ev.earlier_affiliations.get(form, {}))
    for (name, rule), _ in sorted(votes.items(), key=lambda item: (-item[1], item[0])):
        if rule not in ev.disabled and (rule == "AFF-BODY" or role in OFFICIAL_ROLES):
            return name, rule
    return "", ""


def _continue_title(ev: _Evidence, form: str, after: str, lex: Lexicons, n: int) -> None:
    """R-CONTINUED: what a title alone as the speaker says once read with the words after it."""
    words, raw = continued_title(form, after, lex)
    if not words:
        return
    for role, _ in _roles_in(words, lex, "R-CONTINUED", False, ev.disabled)[:1]:
        ev.continued_roles[form][role] += n
    body, kind = body_in(words, raw, lex, disabled=ev.disabled)
    if kind == "body":
        ev.continued_affiliations[form][(body, "AFF-BODY")] += n
    else:
        country = body if kind == "country" else _affiliation_in(words, lex, ev.disabled)
        if country:
            ev.continued_affiliations[form][(country, "AFF-NISBA")] += n


def build_aliases(occurrences: pd.DataFrame, disabled: Iterable[str] = ()) -> pd.DataFrame:
    """The alias table of a corpus from its speaker and entity occurrences.

    ``occurrences`` has one row per (article, form) use: ``form`` (the name the tables
    give: canonical, else as written), ``surface`` (as written), ``kind`` (speaker kind or
    entity label), ``source`` (``quote``, ``stance`` or ``mention``), ``before``/``after``
    (text around the speaker) and ``n`` (how many times). ``disabled``: rule ids to skip.
    """
    disabled = frozenset(disabled)
    lex = lexicons()
    forms = _all_forms(occurrences)
    readings = {form: read_form(form, lex, disabled) for form in forms}
    tagged = _tagged_forms(occurrences)
    if "A-TAGGED-NAME" not in disabled:
        _read_tagged_names(readings, tagged, lex, disabled)
    ev = _gather(occurrences, readings, lex, disabled, tagged)
    if "A-BODY-OF-PLACE" not in disabled:
        _keep_bodies_of_places(readings, ev, lex)
    if "A-TITLE-PLACE" not in disabled:
        _describe_titled_places(readings, ev, lex, disabled)
    clusters = _Clusters()
    for reading in readings.values():
        if reading.key:
            clusters.add(reading.key)
    _merge_variants(readings, clusters, lex, ev, disabled)
    if "A-CLITIC" not in disabled:
        _merge_clitics(readings, clusters, ev)
    types = _key_types(readings, ev)
    if "A-TYPE" not in disabled:
        _type_clusters(readings, clusters, ev)
    if "A-VOWEL" not in disabled:
        _merge_vowels(clusters, lex, types)
    if "A-TRANSLIT" not in disabled:
        _merge_transliterations(clusters, lex, types)
    _merge_short_names(readings, clusters, lex, ev, disabled, types)
    if "A-NISBA" not in disabled:
        _merge_nisba_bodies(readings, clusters, ev, lex, types)
    if "A-ARTICLE-SHIFT" not in disabled:
        _merge_article_shifts(clusters, types)
    if "A-PLURAL-CASE" not in disabled:
        _merge_plural_cases(clusters, types)
    if "A-PAREN-ALIAS" not in disabled:
        _merge_bracketed(readings, clusters, lex, types, disabled)
    if "A-LINEAGE" not in disabled:
        _merge_lineages(readings, clusters, ev, types)
    offices = {} if "A-OFFICE" in disabled else _resolve_offices(readings, clusters, ev)
    return _alias_rows(readings, clusters, offices, ev, lex, _place_keys(readings, ev, lex))


def _tagged_forms(occurrences: pd.DataFrame) -> frozenset:
    """The forms the entity tagger found as names (occurrences from the mentions table)."""
    if "source" not in occurrences or "form" not in occurrences:
        return frozenset()
    mentions = occurrences.loc[occurrences["source"] == "mention", "form"].dropna()
    return frozenset(str(form).strip() for form in mentions) - {""}


def _read_tagged_names(readings: dict, tagged: set, lex: Lexicons, disabled: frozenset) -> None:
    """A-TAGGED-NAME: a name of several words the entity tagger found is read as a name even when its
    first word is also a particle or pronoun (لي كه شيانغ، لي هوبر: Li and Lee, not لي "to me")."""
    for form in tagged:
        reading = readings.get(form)
        if reading is None or reading.rules != ("A-NONE",) or len(form.split()) < 2:
            continue
        again = read_form(form, lex, disabled | {"A-NONE"})
        if again.key:
            again.rules = tuple(again.rules) + ("A-TAGGED-NAME",)
            readings[form] = again


def _all_forms(occurrences: pd.DataFrame) -> list[str]:
    forms = set()
    for column in ("form", "surface"):
        if column in occurrences:
            forms.update(str(v).strip() for v in occurrences[column].dropna())
    forms.discard("")
    return sorted(forms)


def _merge_variants(readings: dict, clusters: _Clusters, lex: Lexicons, ev: _Evidence,
                    disabled: frozenset) -> None:
    """A-VARIANT-DATA and A-CAPITAL: keys the data files send to another name."""
    for form, reading in readings.items():
        key = reading.key
        if not key:
            continue
        if key in lex.variants and "A-VARIANT-DATA" not in disabled:
            target = name_key(lex.variants[key])
            clusters.add(target)
            clusters.union(key, target, "A-VARIANT-DATA", f"{form} is listed as a form of {lex.variants[key]}")
        if key in lex.capitals and form in ev.actor_forms and "A-CAPITAL" not in disabled:
            target = name_key(lex.capitals[key])
            clusters.add(target)
            clusters.union(key, target, "A-CAPITAL", f"{form} is the capital of {lex.capitals[key]}")


def _place_votes(readings: dict, ev: _Evidence) -> dict:
    """Each name key's uses by type, counted over the forms that are that name alone, not a body named
    after it."""
    votes: dict = defaultdict(Counter)
    for form, reading in readings.items():
        if reading.key and not reading.unstripped:
            for kind, n in ev.kinds.get(form, {}).items():
                votes[reading.key][_TYPES.get(kind, kind)] += n
    return votes


def _place_keys(readings: dict, ev: _Evidence, lex: Lexicons) -> set:
    """Name keys of places: states, capitals, and keys most articles tag LOC (``_place_votes``)."""
    votes = _place_votes(readings, ev)
    # LOC leads, a tie with another type (LOC 2, ORG 2) included, whatever order the occurrences came in
    tagged = {key for key, counts in votes.items()
              if all(counts["LOC"] >= n for n in counts.values()) and counts["LOC"] > 0}
    return tagged | set(lex.states) | set(lex.capitals) \
        | {key for key, name in lex.variants.items() if name_key(name) in lex.states}


def _keep_bodies_of_places(readings: dict, ev: _Evidence, lex: Lexicons) -> None:
    """A-BODY-OF-PLACE: جيش حلب keeps its head noun when حلب is a place."""
    places = _place_keys(readings, ev, lex)
    for reading in readings.values():
        if reading.unstripped and reading.key in places:
            reading.name, reading.key = reading.unstripped, name_key(reading.unstripped, ev.disabled)
            rules = [r for r in reading.rules if r != "A-TITLE"] + ["A-BODY-OF-PLACE"]
            reading.rules = tuple(dict.fromkeys(rules))


def _unmistaken_places(readings: dict, ev: _Evidence, lex: Lexicons) -> set:
    """Name keys that are places and never anything else: states and capitals, and keys the corpus tags LOC
    at least twice and never as a person (not رضوان or صبيح, which a tagger once took for a place)."""
    votes = _place_votes(readings, ev)
    tagged = {key for key, counts in votes.items() if counts["LOC"] >= 2 and not counts["PER"]
              and all(counts["LOC"] >= n for n in counts.values())}
    return tagged | set(lex.states) | set(lex.capitals)


def _describe_titled_places(readings: dict, ev: _Evidence, lex: Lexicons, disabled: frozenset) -> None:
    """A-TITLE-PLACE: a form whose titles come before a place the corpus tags LOC (رئيس غرفة أبها) is read again
    as a description of someone of that place."""
    places = frozenset(_unmistaken_places(readings, ev, lex))
    for form, reading in list(readings.items()):
        kinds = Counter({_TYPES.get(kind, kind): n for kind, n in ev.kinds.get(form, {}).items()})
        if kinds and kinds["LOC"] * 2 >= sum(kinds.values()):
            continue  # الشيخ زويد، أحد رفيدة: the whole form is a place's name, whatever its first word
        if reading.titles and reading.key and not reading.unstripped and "A-TITLE-STATE" not in reading.rules:
            again = read_form(form, lex, disabled, places)
            if "A-TITLE-PLACE" in again.rules:
                readings[form] = again


_TYPES = {"person": "PER", "PER": "PER", "organisation": "ORG", "media": "ORG", "ORG": "ORG", "LOC": "LOC"}


def _key_types(readings: dict, ev: _Evidence) -> dict:
    """Each name key's main type (PER, ORG, LOC) from the speaker kinds and entity labels."""
    votes: dict = defaultdict(Counter)
    for form, reading in readings.items():
        if reading.key:
            for kind, n in ev.kinds.get(form, {}).items():
                if kind in _TYPES:
                    votes[reading.key][_TYPES[kind]] += n
    return {key: min(counts, key=lambda kind: (-counts[kind], kind)) for key, counts in votes.items()}  # ties by name


def _type_clusters(readings: dict, clusters: _Clusters, ev: _Evidence) -> None:
    """Give each actor the uses of its forms by type, for A-TYPE's guard on the merges by look-alike names."""
    for form, reading in readings.items():
        if reading.key:
            for kind, n in ev.kinds.get(form, {}).items():
                if kind in _TYPES:
                    clusters.add_type(reading.key, _TYPES[kind], n)


def _clitic_bases(key: str) -> list[tuple[str, str]]:
    """(the name without it, the clitic) for each clitic the key may open with: ل or ب (لروبين),
    ل before the article, which drops its alif (للحلف الأطلسي → الحلف الأطلسي), and the conjunction و."""
    first = key.split()[0]
    bases = []
    if first.startswith("لل") and len(first) > 4:
        bases.append(("ال" + key[2:], "ل"))
    if key[:1] in ("ل", "ب") and len(first) >= 3:
        bases.append((key[1:], key[0]))
    if key[:1] == "و" and len(first) >= 4:
        bases.append((key[1:], "و"))
    return bases


def _merge_clitics(readings: dict, clusters: _Clusters, ev: _Evidence) -> None:
    """A-CLITIC: ``لروبين``, ``لبي بي سي``, ``للحلف الأطلسي``, ``وشريف إكرامي`` join ``روبين``, ``بي بي سي``,
    ``الحلف الأطلسي``, ``شريف إكرامي`` when the corpus has that form too and uses it at least as much."""
    counts = Counter()
    for form, reading in readings.items():
        if reading.key:
            counts[reading.key] += ev.count[form]
    for key in sorted(counts):
        for bare, clitic in _clitic_bases(key):
            if bare in counts and counts[bare] >= counts[key]:
                clusters.union(key, bare, "A-CLITIC", f"{key} is {bare} after the clitic {clitic}")
                break


def _merge_vowels(clusters: _Clusters, lex: Lexicons, types: Optional[dict] = None) -> None:
    """A-VOWEL: keys with the same skeleton (guarded words compared exactly), never a
    person with a place or an organisation."""
    types = types or {}
    by_skeleton: dict[tuple, list] = defaultdict(list)
    for key in sorted(clusters.parent):
        if key.startswith(GENERIC_PREFIX):
            continue
        skel = skeleton_key(key, lex)
        if len("".join(skel)) < 3:
            continue
        for other in by_skeleton[skel]:
            if types.get(key, types.get(other)) == types.get(other, types.get(key)) and vowel_variant(key, other, lex) \
                    and clusters.same_type(key, other):
                clusters.union(key, other, "A-VOWEL", f"{key} and {other} differ only in vowel letters")
                break
        else:
            by_skeleton[skel].append(key)


# A-TRANSLIT: a family name shorter than this is too common to carry a loose given name
TRANSLIT_MIN_FAMILY = 4


def _merge_transliterations(clusters: _Clusters, lex: Lexicons, types: dict) -> None:
    """A-TRANSLIT: two people with the same family name (four letters or more, no Arabic given name, without the
    article: الحربي is a tribe's) whose
    other words are the same foreign name transliterated two ways: the same letters once vowels and ث/ت
    are set aside (سامانثا / سامنتا باور، بيير / بيار نكورونزيزا); never an Arabic given name."""
    by_family: dict[str, list] = defaultdict(list)
    for key in sorted(clusters.parent):
        words = key.split()
        if len(words) >= 2 and types.get(key) == "PER" and len(words[-1]) >= TRANSLIT_MIN_FAMILY \
                and words[-1] not in lex.given_names and not words[-1].startswith("ال"):  # الحربي: a tribe's name
            by_family[words[-1]].append(key)
    for family, keys in by_family.items():
        for i, key in enumerate(keys):
            for other in keys[i + 1:]:
                if transliterated(key.split()[:-1], other.split()[:-1], lex) and clusters.same_type(key, other):
                    clusters.union(key, other, "A-TRANSLIT", f"{key} and {other}: one family name, the given "
                                                             "name transliterated two ways")


def _contains(short: tuple, long: tuple) -> bool:
    """Do the words ``short`` appear in order, contiguously, in ``long``?"""
    n = len(short)
    return any(long[i:i + n] == short for i in range(len(long) - n + 1))


_NASAB = NASAB_PARTICLES  # a nasab (عادل بن أحمد الجبير) opens with one of these (matching form)


def _fathers_name(short: tuple, long: tuple) -> bool:
    """``short`` stands in ``long`` only right after a nasab particle: the father's name (سلمان in محمد بن
    سلمان), not the person's (an article tagger may have linked them: the king is not the crown prince)."""
    n = len(short)
    starts = [i for i in range(len(long) - n + 1) if long[i:i + n] == short]
    return bool(starts) and all(i > 0 and long[i - 1] in _NASAB for i in starts)
# a family name that more given names than this come before is a tribe's or a common one (القحطاني): no A-NASAB
NASAB_MAX_FAMILY = 10


def _merge_short_names(readings: dict, clusters: _Clusters, lex: Lexicons, ev: _Evidence,
                       disabled: frozenset, types: Optional[dict] = None) -> None:
    """A-DOCLINK, then A-SURNAME, then A-NASAB: a shorter name joins the one actor whose names contain it
    (A-SURNAME only for people: الشام is not فيلق الشام), or, given and family name, the one actor
    with that given and family name around a nasab (عادل الجبير, عادل بن أحمد الجبير)."""
    types = types or {}
    keys = sorted(clusters.parent)
    skeletons = {key: skeleton_key(key, lex) for key in keys}
    endings: dict[tuple, set] = defaultdict(set)  # ending -> roots of longer names
    loose_endings: dict[tuple, set] = defaultdict(set)  # skeleton of an ending -> (root, the ending's words)
    for key, skel in skeletons.items():
        words = tuple(key.split())
        for k in range(1, len(skel)):
            if len(words) == len(skel) and words[-k - 1] in _NASAB:
                continue  # محمد بن سلمان does not end in the name سلمان: that is his father
            loose_endings[skel[-k:]].add((clusters.find(key), " ".join(words[-k:])))
            endings[words[-k:]].add(clusters.find(key))
    # (given name, family name) -> root of each name with a nasab between -> its nasab words (بن محمد)
    chains: dict[tuple, dict] = defaultdict(dict)
    families: dict = defaultdict(set)  # last word -> the words right before it in the corpus's names
    for key in keys:
        words = key.split()
        if len(words) >= 4 and words[1] in _NASAB:
            chains[(words[0], words[-1])].setdefault(clusters.find(key), tuple(words[1:-1]))
        if len(words) >= 2:
            families[words[-1]].add(words[-2])
    forms_of: dict = defaultdict(list)
    for form, reading in readings.items():
        if reading.key:
            forms_of[reading.key].append(form)
    decisions = []
    for key, forms in sorted(forms_of.items()):
        if len(skeletons[key]) > 2 or key in lex.states or key in lex.capitals:
            continue
        root = clusters.find(key)
        form = forms[0]
        # what the articles resolve any form of this name to (الملك عبدالعزيز and الكاتب عبدالعزيز are one
        # name): several actors and the name stays apart
        linked = Counter()
        for each in forms:
            for target_form, n in ev.links.get(each, {}).items():
                target = readings.get(target_form)
                if target is not None and target.key and len(skeletons[target.key]) > len(skeletons[key]) \
                        and _contains(skeletons[key], skeletons[target.key]) \
                        and not _fathers_name(skeletons[key], skeletons[target.key]):
                    linked[clusters.find(target.key)] += n
        linked.pop(root, None)
        if linked and "A-DOCLINK" not in disabled:
            target, n = min(linked.items(), key=lambda item: (-item[1], item[0]))
            if n >= DOCLINK_MIN_SHARE * sum(linked.values()):
                decisions.append((key, target, "A-DOCLINK", f"articles resolve {form} to {target} "
                                                            f"({n} of {sum(linked.values())} links)"))
            continue
        loose = len("".join(skeletons[key])) >= SURNAME_MIN_LETTERS  # short words must match exactly
        candidates = set(endings.get(tuple(key.split()), ()))
        if loose:  # an ending spelled with more or fewer vowel letters (A-VOWEL's test)
            candidates = candidates | {root_of for root_of, ending in loose_endings.get(skeletons[key], ())
                                       if vowel_variant(key, ending, lex)}
        candidates -= {root}
        clipped = key.split()[-1] in _NASAB  # سلمان بن: a name cut before its father's name ends nothing
        if len(candidates) == 1 and "A-SURNAME" not in disabled and len("".join(skeletons[key])) >= 3 and not clipped \
                and key not in lex.given_names and types.get(key) == "PER" \
                and types.get(next(iter(candidates)), "PER") == "PER":
            target = next(iter(candidates))
            decisions.append((key, target, "A-SURNAME", f"{form} ends only the names of {target}"))
        words = tuple(key.split())  # also after A-SURNAME: الوزير عادل الجبير is still عادل بن أحمد الجبير
        fuller = set(chains.get(words, ())) - {root} if len(words) == 2 else set()
        nasab_rule = "A-NASAB"
        if len(fuller) > 1 and "A-NASAB-CHAIN" not in disabled:
            fuller, nasab_rule = _one_lineage(fuller, chains[words]), "A-NASAB-CHAIN"
        if len(fuller) == 1 and "A-NASAB" not in disabled and types.get(key) == "PER" \
                and words[1] not in lex.given_names and len(words[1]) >= 3 and len(families[words[1]]) <= NASAB_MAX_FAMILY:
            target = next(iter(fuller))
            decisions.append((key, target, nasab_rule, f"{form} is {target} without the father's name"))
    for key, target, rule, why in decisions:
        if clusters.same_type(key, target):  # earlier decisions may have joined either to a place
            clusters.union(key, target, rule, why)


def _one_lineage(roots: set, chains: dict) -> set:
    """A-NASAB-CHAIN: names with one given and family name whose nasabs agree, one the other's start (وليد بن
    محمد الصمعاني, وليد بن محمد بن صالح الصمعاني), are one lineage: the shortest chain stands for them; names
    whose nasabs differ (بن محمد / بن أحمد) stay several."""
    ordered = sorted(roots, key=lambda root: (len(chains[root]), root))
    shortest = chains[ordered[0]]
    if all(chains[root][:len(shortest)] == shortest for root in ordered[1:]):
        return {ordered[0]}
    return roots


def _ends_on_nisba(word: str, lex: Lexicons) -> bool:
    """A definite relational adjective (matching form): a place's nisba, or the shape الـ…ي / الـ…يه
    (not an elative, الأعلى، الأدنى, nor a verbal noun of تفعّل, التصدي، التحدي)."""
    if (word,) in lex.nisba:
        return True
    elative = len(word) == 6 and word.startswith("الا") and word.endswith("ي")
    verbal_noun = word.startswith("الت") and word.endswith("ي") and len(word) <= 7
    return word.startswith("ال") and len(word) >= 6 and word.endswith(("ي", "يه")) and not elative and not verbal_noun


def _docs_of_keys(keys: set, readings: dict, ev: _Evidence) -> dict:
    """The articles each of ``keys`` is written in (only these keys: the corpus has a hundred thousand)."""
    docs: dict = defaultdict(set)
    for doc_id, forms in ev.doc_forms.items():
        for form in forms:
            reading = readings.get(form)
            if reading is not None and reading.key in keys:
                docs[reading.key].add(doc_id)
    return docs


def _merge_nisba_bodies(readings: dict, clusters: _Clusters, ev: _Evidence, lex: Lexicons, types: dict) -> None:
    """A-NISBA: a body's name of two words or more (قوات البيشمركه) joins the one body that the corpus names
    with it and a closing nisba (قوات البيشمركه الكرديه), when one article at least writes both; not when
    several nisbas follow it (وزارة الخارجية الأمريكية / الروسية: which ministry is unknown), nor for a
    person or a place."""
    keys = set(clusters.parent)
    extended: dict[str, set] = defaultdict(set)  # the name without its nisba -> the names with one
    for key in keys:
        words = key.split()
        if len(words) >= 3 and _ends_on_nisba(words[-1], lex) and not key.startswith(GENERIC_PREFIX):
            extended[" ".join(words[:-1])].add(key)
    pairs = [(short, next(iter(longer))) for short, longer in sorted(extended.items())
             if short in keys and len(longer) == 1 and types.get(short) == "ORG"]
    docs = _docs_of_keys({key for pair in pairs for key in pair}, readings, ev)
    for short, target in pairs:
        if not docs[short] & docs[target]:
            continue  # no article writes both: كلية الاقتصاد may be another college than كلية الاقتصاد المنزلي
        if types.get(target, "ORG") == "ORG" and clusters.same_type(short, target):
            clusters.union(short, target, "A-NISBA", f"{short} is named with one nisba only: {target}, "
                                                     "and one article at least writes both")


def _merge_article_shifts(clusters: _Clusters, types: dict) -> None:
    """A-ARTICLE-SHIFT: a body named as a noun and a definite adjective (الحلف الاطلسي) is the body named
    in construct with the same words (حلف الاطلسي), when the corpus writes both and both are bodies."""
    keys = set(clusters.parent)
    for key in sorted(keys):
        words = key.split()
        if len(words) < 2 or not (words[0].startswith("ال") and words[1].startswith("ال")) or len(words[0]) < 5:
            continue
        construct = " ".join([words[0][2:], *words[1:]])
        if construct in keys and types.get(key) == "ORG" and types.get(construct) == "ORG" \
                and clusters.same_type(key, construct):
            clusters.union(construct, key, "A-ARTICLE-SHIFT", f"{construct} is {key} with the article moved "
                                                               "to the second word (a construct)")


def _merge_plural_cases(clusters: _Clusters, types: dict) -> None:
    """A-PLURAL-CASE: a group named by a nisba in the sound plural is one group in the nominative and the
    oblique case (الحوثيون / الحوثيين, الإخوان المسلمون / المسلمين), when the corpus writes both and
    neither is a person."""
    keys = set(clusters.parent)
    for key in sorted(keys):
        words = key.split()
        last = words[-1] if words else ""
        if not last.endswith("يون") or len(last) < PLURAL_CASE_MIN_LETTERS or not words[0].startswith("ال"):
            continue  # امنيون: an adjective a description left (مسؤولون أمنيون), not a group's name
        oblique = " ".join([*words[:-1], last[:-3] + "يين"])
        if oblique in keys and "PER" not in (types.get(key), types.get(oblique)) and clusters.same_type(key, oblique):
            clusters.union(key, oblique, "A-PLURAL-CASE", f"{key} is {oblique} in the nominative case")


PLURAL_CASE_MIN_LETTERS = 6  # الحوثيون: a nisba plural, not a short word that happens to end so
_BRACKETED = re.compile(r"^(?P<long>[^()]+?)\s*\(\s*(?P<short>[^()]+?)\s*\)$")
BRACKETED_MAX_WORDS = 3  # a short name in brackets (سانا، الناتو، إف بي آي), not a description


def _bracketed_short(form: str, clusters: _Clusters, lex: Lexicons, types: dict, disabled: frozenset,
                     heads_of: dict) -> Optional[str]:
    """The short name's key of a form that writes a body with its short name in brackets (وكالة الأنباء
    السورية (سانا)), else None. The body is read whole (no complement set aside:
    not الاتحاد الأوروبي لكرة القدم); the short name is no date, state or capital, no adjectives (اشتراكي
    ديمقراطي، المركزي), no body description (البنك المركزي), not a word of the body's own name, and no common
    noun that heads other names of the corpus (كأس، سلامة)."""
    match = _BRACKETED.match(form)
    if match is None:
        return None
    long, short = match["long"], match["short"]
    short_key, long_key = name_key(short), name_key(long)
    words = short_key.split()
    if not words or len(words) > BRACKETED_MAX_WORDS or short_key not in clusters.parent or short_key in long_key.split():
        return None
    if short_key in lex.states or short_key in lex.capitals or set(match_form(short).split()) & (MONTH_NAMES | MONTHS_AND_DAYS):
        return None  # (تموز), (روسيا): a date or a place, not a name
    if all(word.endswith(("ي", "يه")) for word in words) or (len(words) > 1 and read_form(short, lex, disabled).is_body):
        return None  # (اشتراكي ديمقراطي), (البنك المركزي): a description
    if heads_of.get(short_key, 0) >= BRACKETED_MAX_HEADED or types.get(short_key, "ORG") != "ORG":
        return None
    body = read_form(long, lex, disabled)
    if not body.is_body or body.key != long_key:
        return None
    return short_key


BRACKETED_MAX_HEADED = 2  # كأس heads كأس العالم, كأس الملك …: a common noun, not a short name


def _headed_counts(keys: Iterable[str]) -> Counter:
    """For each one-word key, how many longer keys open with it (كاس: كاس العالم، كاس الملك)."""
    counts: Counter = Counter()
    for key in keys:
        words = key.split()
        if len(words) > 1:
            counts[words[0]] += 1
    return counts


def _merge_bracketed(readings: dict, clusters: _Clusters, lex: Lexicons, types: dict, disabled: frozenset) -> None:
    """A-PAREN-ALIAS: a body written with its short name in brackets (حلف شمال الأطلسي (الناتو)، وكالة الأنباء
    السورية (سانا)) is the actor of that short name. Only the bracketed form joins: that the body's name
    alone is always that actor is left unsaid (one wrong pair on the alias gold, no pair gained)."""
    heads_of = _headed_counts(clusters.parent)
    for form, reading in sorted(readings.items()):
        short_key = _bracketed_short(form, clusters, lex, types, disabled, heads_of) if reading.key else None
        if short_key is None:
            continue
        if reading.key.split()[-len(short_key.split()):] == short_key.split() and clusters.same_type(reading.key, short_key):
            clusters.union(reading.key, short_key, "A-PAREN-ALIAS", f"{form} writes the short name in brackets")


# A-LINEAGE: a continuation used less than this share of the commonest one is a tagger's run-on (… آل سعود
# أيده الله، … البطولية), not another person
LINEAGE_MIN_SHARE = 0.05
LINEAGE_MIN_USES = 3


def _lineage(extra: tuple) -> Optional[tuple[tuple, str]]:
    """(nasab words, family) of the words that go on a nasab name (بن عبدالعزيز / آل سعود / الربيعة), or
    None when they are something else."""
    nasab, i = [], 0
    while i + 1 < len(extra) and extra[i] in _NASAB:
        nasab += extra[i:i + 2]
        i += 2
    rest = extra[i:]
    if not rest:
        return (tuple(nasab), "") if nasab else None
    if len(rest) == 2 and rest[0] == "ال":
        return tuple(nasab), "آل " + rest[1]  # آل سعود (matching form: ال سعود)
    if len(rest) == 1 and rest[0].startswith("ال") and len(rest[0]) >= 5:
        return tuple(nasab), rest[0]  # الربيعة
    return None


def _merge_lineages(readings: dict, clusters: _Clusters, ev: _Evidence, types: dict) -> None:
    """A-LINEAGE: a person's nasab name (سلمان بن عبدالعزيز, محمد بن سلمان) joins its fullest form in
    the corpus, which names a house (سلمان بن عبدالعزيز آل سعود, محمد بن سلمان بن عبدالعزيز آل سعود),
    when every common way the corpus goes on with it agrees: the same further nasab and one family.
    Two families (عبدالله بن عبدالعزيز آل سعود / الربيعة) keep it apart; a fullest form without a
    house (سعد بن عبدالرحمن العبدان) joins nothing: the short name may be many people's."""
    uses: Counter = Counter()
    for form, reading in readings.items():
        if reading.key:
            uses[reading.key] += ev.count.get(form, 0)
    keys = sorted(k for k in clusters.parent if not k.startswith(GENERIC_PREFIX))
    by_start: dict[tuple, list] = defaultdict(list)
    for key in keys:
        words = tuple(key.split())
        if len(words) >= 4 and words[1] in _NASAB:
            for n in range(3, len(words)):
                by_start[words[:n]].append((key, words[n:]))
    for key in keys:
        words = tuple(key.split())
        if len(words) < 3 or words[1] not in _NASAB or types.get(key) != "PER" or words not in by_start:
            continue
        goes_on = [(other, _lineage(extra)) for other, extra in by_start[words]]
        top = max((uses[other] for other, _ in goes_on), default=0)
        common = [(other, line) for other, line in goes_on
                  if uses[other] >= max(LINEAGE_MIN_USES, LINEAGE_MIN_SHARE * top)]
        if not common or any(line is None for _, line in common):
            continue
        longest = max(common, key=lambda item: (len(item[1][0]), bool(item[1][1]), uses[item[0]]))
        nasab, family = longest[1]
        if not family.startswith("آل "):
            continue  # only a house (آل سعود، آل نهيان) says whose line it is: سعد بن عبدالرحمن العبدان may be one of many
        if any(line[0] != nasab[:len(line[0])] or (line[1] and line[1] != family) for _, line in common):
            continue
        target = longest[0]
        if types.get(target, "PER") == "PER" and clusters.same_type(key, target):
            clusters.union(key, target, "A-LINEAGE", f"{key} goes on in the corpus only as {target}")


def _resolve_offices(readings: dict, clusters: _Clusters, ev: _Evidence) -> dict:
    """A-OFFICE: office -> (root, why) when the corpus gives that title to one actor."""
    resolved = {}
    for office, forms in ev.offices.items():
        votes = Counter()
        for form, n in forms.items():
            reading = readings.get(form)
            if reading is not None and reading.key:
                votes[clusters.find(reading.key)] += n
        if not votes:
            continue
        root, n = votes.most_common(1)[0]
        total = sum(votes.values())
        if n >= OFFICE_MIN_VOTES and n / total >= OFFICE_MIN_SHARE:
            resolved[office] = (root, f"{n} of {total} named uses of this title are {root}")
    return resolved


def _label_of(members: list, readings: dict, ev: _Evidence) -> str:
    """An actor's label: its most used name, or the most used fuller name that contains it
    (دونالد ترامب rather than ترامب) when that is used at least a fifth as often."""
    names = Counter()
    for form in members:
        reading = readings[form]
        names[reading.name] += max(ev.count[form], 1)
    best = max(names, key=lambda name: (names[name], -len(name)))
    words = tuple(name_key(best).split())
    fuller = [name for name in names if len(name.split()) > len(words) and names[name] * 5 >= names[best]
              and _contains(words, tuple(name_key(name).split()))]
    return max(fuller, key=lambda name: (names[name], -len(name))) if fuller else best


def _alias_rows(readings: dict, clusters: _Clusters, offices: dict, ev: _Evidence,
                lex: Lexicons, places: frozenset = frozenset()) -> pd.DataFrame:
    members: dict[str, list] = defaultdict(list)
    for form, reading in readings.items():
        if reading.key:
            members[clusters.find(reading.key)].append(form)
    actors, taken = {}, set()
    for root, forms in sorted(members.items()):
        label = _label_of(forms, readings, ev)
        place = root in places or any(readings[form].key in places for form in forms)
        role, role_rule = _role_votes(forms, readings, ev, lex, root, place)
        key = name_key(label, ev.disabled)
        if key in taken:  # two actors whose labels read alike stay two keys
            key = f"{key}|{root}"
        taken.add(key)
        affiliation, affiliation_rule = _affiliation_of(forms, readings, ev, lex, root, role, label) \
            if role_rule != "R-PLACE" else ("", "")
        if role_rule == "R-EARLIER-TITLE" and not affiliation:
            affiliation, affiliation_rule = _earlier_affiliation(forms, ev, role)
        actors[root] = (key, label, role, affiliation, "+".join(r for r in (role_rule, affiliation_rule) if r))
    if "R-ARTICLE" not in ev.disabled:
        _article_roles(actors, readings, clusters, ev, lex)
    if "R-VOX-POP" not in ev.disabled:
        _vox_pop_roles(actors, readings, clusters, ev)
    rows = []
    for form in sorted(readings):
        reading = readings[form]
        if reading.key:
            root = clusters.find(reading.key)
            key, label, role, affiliation, role_rule = actors[root]
            merge = _merge_path(reading.key, clusters)
            if reading.key in clusters.kept_apart:
                merge.append(("A-TYPE", clusters.kept_apart[reading.key]))
            rules = list(reading.rules) + [r for r, _ in merge] or ["A-NORM"]
            why = "; ".join(w for _, w in merge)
            rows.append((form, key, label, role, affiliation, "+".join(dict.fromkeys(rules + [role_rule])),
                         why, ev.count[form]))
        elif reading.office and reading.office in offices:
            root, why = offices[reading.office]
            key, label, role, affiliation, role_rule = actors[root]
            rows.append((form, key, label, role, affiliation, "A-OFFICE+" + role_rule, why, ev.count[form]))
        else:
            role, role_rules = reading.generic_role or "other", [r for _, r in reading.roles[:1]]
            continued = _continued(ev.continued_roles.get(form), ev.count[form])
            if continued:
                role, role_rules = continued, ["R-CONTINUED"]
            affiliation, affiliation_rule = unnamed_affiliation(reading, role, ev.disabled)
            if not affiliation and _continued(ev.continued_affiliations.get(form), ev.count[form]):
                affiliation, affiliation_rule = _continued(ev.continued_affiliations[form], ev.count[form])
                if affiliation_rule == "AFF-NISBA" and role not in OFFICIAL_ROLES and not reading.government:
                    affiliation = affiliation_rule = ""  # a nationality alone
            rules = list(reading.rules or ("A-GENERIC",)) + role_rules + [affiliation_rule]
            if "A-GENERIC" in ev.disabled:  # the form stays an actor of its own
                key, label, rules = name_key(form), form.strip(), [r for r in rules if r != "A-GENERIC"]
            else:
                key, label = generic_key(role), generic_label(role)
            rows.append((form, key, label, role, affiliation,
                         "+".join(r for r in dict.fromkeys(rules) if r), "no name in the form", ev.count[form]))
    table = pd.DataFrame(rows, columns=ALIAS_COLUMNS)
    return table.sort_values(["count", "form"], ascending=[False, True]).reset_index(drop=True)


# role rules that say nothing of the actor: an actor with one of them may take an article partner's role,
# and an actor with one of them gives none (R-ARTICLE)
_NO_EVIDENCE = frozenset({"R-DEFAULT", "R-UNTAGGED", "R-KIND", "R-PLACE"})
# a partner's role that is not the person's (دراسة أجراها موقع X: the study, not the site)
_NOT_PERSON_ROLES = frozenset({"document_or_report", "none"})


def _article_roles(actors: dict, readings: dict, clusters: _Clusters, ev: _Evidence, lex: Lexicons) -> None:
    """R-ARTICLE: an actor that nothing gives a role (R-DEFAULT) takes the role of an actor of
    the same article whose longer name opens or ends with its name (باتريشيا in an article that
    has وعلقت المشرفة على الدراسة باتريشيا كونرود; مريم مصطفى and مريم مصطفى عبد السلام), when
    that actor's role comes from a title or context and every such partner agrees. Forms that are one Arabic given name give
    nothing and take only as the partner's last name (R-ARTICLE-SURNAME: رشيد of غلام علي رشيد; محمد is not محمد بن
    سلمان)."""
    def given_alone(key: str) -> bool:
        return " " not in key and key in lex.given_names

    def usable(reading, as_surname: bool = False) -> bool:
        words = reading.key.split()
        return bool(words) and not (len(words) == 1 and ((given_alone(words[0]) and not as_surname) or len(words[0]) < 3))

    surnames = "R-ARTICLE-SURNAME" not in ev.disabled

    by_doc_root: dict = defaultdict(set)  # root -> articles of its forms
    for doc_id, forms in ev.doc_forms.items():
        for form in forms:
            reading = readings.get(form)
            if reading is not None and reading.key:
                by_doc_root[clusters.find(reading.key)].add(doc_id)
    tagged_keys: dict = defaultdict(set)  # root -> the keys of its forms the entity tagger found
    for form in ev.tagged:
        reading = readings.get(form)
        if reading is not None and reading.key:
            tagged_keys[clusters.find(reading.key)].add(reading.key)
    updates = {}
    for root, (key, label, role, affiliation, rule) in actors.items():
        if rule.split("+")[0] != "R-DEFAULT":
            continue
        partners, by_surname = {}, False
        for doc_id in by_doc_root.get(root, ()):
            # the actor's names as the article writes them, unless the corpus gave that name a fuller
            # tagged name (تيم of دومينيك تيم): then another article's تيم كوك is someone else
            own = {readings[f].key for f in ev.doc_forms[doc_id]
                   if readings.get(f) is not None and readings[f].key and clusters.find(readings[f].key) == root
                   and usable(readings[f], surnames)}
            own = {k for k in own if not any(_opens_or_ends(tuple(k.split()), tuple(m.split()))
                                             for m in tagged_keys.get(root, ()))}
            for form in ev.doc_forms[doc_id]:
                other = readings.get(form)
                if other is None or not other.key or not usable(other):
                    continue
                other_root = clusters.find(other.key)
                if other_root == root or other_root not in actors:
                    continue
                words = tuple(other.key.split())
                # a given name alone only as the partner's last name (رشيد of غلام علي رشيد): R-ARTICLE-SURNAME
                matched = [k for k in own if _opens_or_ends(tuple(k.split()), words)
                           and (not given_alone(k) or words[-1:] == (k,))]
                if not matched:
                    continue
                partner_rule = actors[other_root][4].split("+")[0]
                partner_role = actors[other_root][2]
                if partner_rule in _NO_EVIDENCE or partner_role in _NOT_PERSON_ROLES:
                    continue
                by_surname = by_surname or all(given_alone(k) for k in matched)
                partners[other_root] = partner_role
        found = set(partners.values())
        if len(found) == 1:
            new_role = found.pop()
            why = "+".join(["R-ARTICLE-SURNAME" if by_surname else "R-ARTICLE"] + [r for r in rule.split("+")[1:] if r])
            updates[root] = (key, label, new_role, affiliation, why)
    actors.update(updates)


# untitled people named in full (two words or more) quoted in one article that make it a street interview
VOX_POP_SPEAKERS = 4


def _vox_pop_roles(actors: dict, readings: dict, clusters: _Clusters, ev: _Evidence) -> None:
    """R-VOX-POP: an actor nothing gives a role (R-DEFAULT), quoted only in articles that quote at least
    VOX_POP_SPEAKERS such actors named in full, is one of the ordinary people a street interview asks (وقال زاهر
    العلي … وأشار هاشم الباروت … ودعا يوسف الصقر): citizen_or_witness. Full names, as such a report introduces each
    person it asks; a story's characters go by one name (لوبين، كاري)."""
    untitled = {root for root, actor in actors.items() if actor[4].split("+")[0] == "R-DEFAULT"}
    docs_of: dict = defaultdict(set)
    plain: dict = {}
    for doc_id, forms in ev.doc_speakers.items():
        roots = {clusters.find(readings[f].key) for f in forms if readings.get(f) is not None and readings[f].key}
        for root in roots:
            docs_of[root].add(doc_id)
        plain[doc_id] = sum(" " in actors[root][0] for root in roots & untitled)
    for root in untitled:
        docs = docs_of.get(root)
        if docs and all(plain[doc_id] >= VOX_POP_SPEAKERS for doc_id in docs):
            key, label, _, affiliation, rule = actors[root]
            actors[root] = (key, label, "citizen_or_witness", affiliation,
                            "+".join(["R-VOX-POP"] + [r for r in rule.split("+")[1:] if r]))


def _opens_or_ends(short: tuple, long: tuple) -> bool:
    """Is ``short`` the first or the last words of the longer name ``long`` (a given name, a surname)?"""
    n = len(short)
    return len(long) > n and (long[:n] == short or long[-n:] == short)


def _continued(votes: Optional[Counter], uses: int):
    """The most common continuation of a title when at least half its uses continue it."""
    if not votes:
        return None
    best, n = max(votes.items(), key=lambda item: (item[1], str(item[0])))
    return best if 2 * n >= max(uses, 1) else None


def _merge_path(key: str, clusters: _Clusters) -> list[tuple[str, str]]:
    """The rules that took ``key`` to its actor: its own merge, then its parents'."""
    path, seen = [], set()
    while key in clusters.why and key not in seen:
        seen.add(key)
        path.append(clusters.why[key])
        key = clusters.parent[key]
    return path
