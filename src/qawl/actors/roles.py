"""An actor's role from the votes of its forms' titles and contexts."""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from qawl.actors.lexicon import ROLE_PRIORITY, Lexicons
from qawl.arabic import NASAB_PARTICLES

if TYPE_CHECKING:  # the evidence is gathered by the merge, which imports this module
    from qawl.actors.merge import _Evidence


_LINEAGE = NASAB_PARTICLES | {"ال"}  # بن، بنت، آل (matching form): a royal's name goes on with its lineage
WEAK_VOTE = 0.01  # an R-RANK or R-AGE vote per use: below any one title or context vote, above none


def owned_roles(reading, owner: bool) -> list:
    """The role votes of a form, without its document's when the named actor owns it."""
    if owner and reading.owns_document:
        return [vote for vote in reading.roles if vote[0] != "document_or_report"]
    return list(reading.roles)


def leading_vote(votes: list, disabled: frozenset, near_end: bool = False) -> list:
    """The vote that speaks for a run of words (at most one): the first, unless it is a title of rank and an
    office is in the same words (R-RANK-YIELDS: الدكتور صالح العواجي وكيل وزارة المياه → official). Votes read
    nearest the name first (a title before it) yield to the office that opens the title (وزير الثقافة والإعلام
    الدكتور), not to a word of its complement."""
    if "R-RANK-YIELDS" not in disabled:
        offices = [vote for vote in votes if vote[1] != "R-RANK"]
        if offices and votes[0][1] == "R-RANK":
            return [(offices[-1 if near_end else 0][0], "R-RANK-YIELDS")]
    return list(votes[:1])


def _names_landform(key: str, lex: Lexicons) -> bool:
    """R-LANDFORM: does the actor's key open with a natural place's head noun (البحر، خليج، جبل)?"""
    words = key.split()
    return bool(words) and words[0] in lex.landforms


def _commoner_role(role: str, members: list, readings: dict, key: str, lex: Lexicons, before: dict) -> str:
    """R-RANK-COMMONER: a ruler's rank title (الشيخ) deciding alone for an actor none of whose names has a nasab
    or آل is a scholar's or notable's (الشيخ جعفر الربح), not a Gulf ruler's (الشيخ محمد بن زايد): the role
    rank_titles.tsv gives it there. The title is in a form or before it (``before``: form -> rank titles);
    "" when that does not hold."""
    names = [key, *(readings[form].key for form in members)]
    if any(set(name.split()) & _LINEAGE for name in names):
        return ""
    for form in members:
        for title, commoner in (lex.commoner_ranks or {}).items():
            titled = set(title) <= set(readings[form].titles) or title in before.get(form, ())
            if titled and lex.terms[title].role == role:
                return commoner
    return ""


def _prince_in_office(role: str, members: list, readings: dict, lex: Lexicons, before: dict,
                      disabled: frozenset) -> bool:
    """R-RULER-OF-STATE decided a rank's vote: الأمير before no state's name is an official's (the rule is named
    on the actor as R-RANK-YIELDS is)."""
    if role != "minister_or_official" or "R-RULER-OF-STATE" in disabled:
        return False
    return any(title in lex.state_rulers and (set(title) <= set(readings[form].titles) or title in before.get(form, ()))
               for form in members for title in lex.ranks)


def _role_votes(members: list, readings: dict, ev: _Evidence, lex: Lexicons, key: str,
                place: bool = False) -> tuple[str, str]:
    """An actor's role and the rule that gave it, from the votes of its forms."""
    disabled = ev.disabled
    if place and "R-PLACE" not in disabled and not any(form in ev.speaker_forms for form in members):
        return "none", "R-PLACE"
    # the actor's own key or one of its forms' (the root may be a variant: بايرويت for لبنان)
    if any(k in lex.states or k in lex.capitals for k in (key, *(readings[form].key for form in members))) \
            and "R-STATE" not in disabled:
        return "minister_or_official", "R-STATE"
    votes: Counter = Counter()
    rules: dict = {}
    ranks: Counter = Counter()  # the roles titles of rank give (R-RANK), for R-RANK-OVER-BODY
    # a document noun with a name the tagger knows (بيان الرئيس) is the actor's document, not its role
    owner = "R-DOCUMENT-OWNER" not in disabled and any(form in ev.tagged for form in members)
    for form in members:
        weight = max(ev.count[form], 1)
        reading = readings[form]
        for role, rule in leading_vote(owned_roles(reading, owner), disabled):
            if rule in disabled:
                continue
            # a title of rank (الشيخ) yields to any office a title or context gives (R-RANK)
            votes[role] += (WEAK_VOTE if rule == "R-RANK" else 2) * weight
            rules.setdefault(role, rule)
            if rule == "R-RANK":
                ranks[role] += weight
        for role, n in ev.context_roles.get(form, {}).items():
            votes[role] += n
            rules.setdefault(role, ev.context_rules.get(form, {}).get(role, "R-CONTEXT"))
            if ev.context_rules.get(form, {}).get(role) == "R-RANK":
                ranks[role] += n
    if votes:
        role = min(votes, key=lambda r: (-votes[r], ROLE_PRIORITY.get(r, 99)))
        if rules[role] == "R-RANK" and "R-RANK-COMMONER" not in disabled:
            commoner = _commoner_role(role, members, readings, key, lex, ev.rank_titles)
            if commoner:
                return commoner, "R-RANK-COMMONER"
        if rules[role] == "R-RANK" and _prince_in_office(role, members, readings, lex, ev.rank_titles, disabled):
            return role, "R-RULER-OF-STATE"
        if ranks and rules[role] == "R-FROM-BODY" and "R-RANK-OVER-BODY" not in disabled:
            # الدكتور مات كيرني، من هيئة الخدمات الصحية: a body one is from is no office, the rank stands
            return min(ranks, key=lambda r: (-ranks[r], ROLE_PRIORITY.get(r, 99))), "R-RANK-OVER-BODY"
        return role, rules[role]
    if not any(form in ev.tagged for form in members) and "R-UNTAGGED" not in disabled:
        return "none", "R-UNTAGGED"
    earlier = Counter()
    for form in members:
        earlier.update(ev.earlier_roles.get(form, {}))
    if earlier and "R-EARLIER-TITLE" not in disabled:  # the title an article gave before it named the person
        return min(earlier, key=lambda r: (-earlier[r], ROLE_PRIORITY.get(r, 99))), "R-EARLIER-TITLE"
    kinds = Counter()
    for form in members:
        kinds.update(ev.kinds.get(form, {}))
    # a tie between kinds is broken by the kind's name, not by the order the occurrences came in
    kind = min(kinds, key=lambda k: (-kinds[k], k)) if kinds else ""
    by_kind = {"media": "journalist_or_media", "organisation": "organisation_or_spokesperson",
               "ORG": "organisation_or_spokesperson", "LOC": "minister_or_official"}
    if kind == "LOC" and "R-LANDFORM" not in disabled and _names_landform(key, lex):
        return "none", "R-LANDFORM"  # البحر الأحمر: water or land does not speak as a government
    if kind in by_kind and "R-KIND" not in disabled:
        return by_kind[kind], "R-KIND"
    if "R-DEFAULT" in disabled:
        return "none", ""
    return "other", "R-DEFAULT"
