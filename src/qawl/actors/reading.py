"""Reading one form: the name in it, the titles around it, and the roles they imply."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from qawl.actors.affiliation import _affiliation_in, _unglued, body_in
from qawl.actors.lexicon import (
    _ARABIC_LETTERS, _CLITIC_LATIN, _FORMER, _HASHTAG, _LATIN, _NAME_LINKS, _PUNCT, _SOURCE_NOUNS, MAX_TITLE_WORDS, Lexicons,
    Term, _is_modifier, _nisba_at, lexicons, match_terms, name_key, words_of,
)
from qawl.arabic import EPONYM_HEADS, NAME_LINKS, NASAB_PARTICLES, PLACE_HEADS, PREPOSITIONS, ROYAL_TITLES
from qawl.clean import match_form


@dataclass
class Reading:
    """What a form says: the name in it, the titles around it, and what they imply."""

    form: str
    name: str = ""  # the name as written, titles stripped ("" when none)
    key: str = ""  # name_key(name)
    titles: tuple = ()  # matching-form words stripped before/after the name
    office: str = ""  # the title alone, for A-OFFICE ("" unless the form is a title alone)
    roles: tuple = ()  # (role, rule) votes, nearest the name first
    affiliation: str = ""
    generic_role: str = ""  # set when the form names nobody
    rules: tuple = ()
    unstripped: str = ""  # the name with the body head noun A-TITLE stripped (جيش حلب for حلب)
    body: str = ""  # the body its title names (الرئيس التنفيذي لشركة أوبر → أوبر), for AFF-BODY
    is_body: bool = False  # the form is a body's name (حماس, شركة أبل, الحكومة السورية)
    government: bool = False  # its title opens with a head noun of government (وزارة, الحكومة)
    owns_document: bool = False  # a document noun comes with the name (بيان الرئيس): R-DOCUMENT-OWNER


def _clean_surface(form: str, disabled: frozenset) -> tuple[str, list[str]]:
    """The form with hashtags read as words and a glued ل dropped; the rules used."""
    rules = []
    text = form.strip()
    if "#" in text and "A-HASHTAG" not in disabled:
        text = _HASHTAG.sub(lambda m: m.group(1).replace("_", " "), text)
        rules.append("A-HASHTAG")
    stripped = _CLITIC_LATIN.sub("", text)
    if stripped != text and "A-CLITIC" not in disabled:
        text = stripped
        rules.append("A-CLITIC")
    if _LATIN.search(text) and not _ARABIC_LETTERS.search(text) and "A-LATIN" not in disabled:
        rules.append("A-LATIN")
    quoted = _after_quoting_noun(text)
    if quoted != text and "A-QUOTING-NOUN" not in disabled:
        text = quoted
        rules.append("A-QUOTING-NOUN")
    return text, rules


def _after_quoting_noun(text: str) -> str:
    """A-QUOTING-NOUN: the words after a noun of quoting the span took in (على لسان قاسمي → قاسمي), else the text."""
    raw = text.split()
    words = [match_form(w) for w in raw[:2]]
    skip = 1 if words and words[0] == "علي" else 0
    if len(raw) > skip + 1 and words[skip:skip + 1] and words[skip] in lexicons().quoting:
        return " ".join(raw[skip + 1:])
    return text



def _given_name_before_nasab(words: tuple, i: int, term: Term) -> bool:
    """A one-word title without the article right before بن/بنت is a given name (مساعد بن محمد العيبان،
    أمير بن علي); a definite one is a title (الرئيس بن علي)."""
    end = i + len(term.words)
    return len(term.words) == 1 and term.kind in ("person", "head") and not words[i].startswith("ال") \
        and end < len(words) and words[end] in ("بن", "بنت")  # not ابن: مستشار ابن سلمان is an adviser of his


def _for_complement(words: tuple, i: int, lex: Lexicons) -> bool:
    """A-FOR-COMPLEMENT: ``words[i]`` is ل or ب and a noun in construct with the definite word after it
    (لكرة القدم، لحقوق الإنسان، بمنطقة الرياض): what or where a title or body is for, not a name. Not a
    lexicon term (لجنة), a given name (ليلى) or before a nisba or modifier (ليفربول الإنجليزي)."""
    word = words[i]
    if not word.startswith(("ل", "ب")) or word.startswith(("لل", "بال")) or len(word) < 4 or i + 1 >= len(words):
        return False
    if word[0] == "ب" and len(words) - i < 4:
        return False  # ب opens names too (بشار الأسد): a name must follow (بمنطقة الرياض عبدالله المريبض)
    after = words[i + 1]
    return (after.startswith("ال") and not after.endswith(("ي", "يه")) and word not in lex.starts
            and word not in lex.given_names and not _nisba_at(words, i + 1, lex)[0] and (after,) not in lex.terms)


# an institution or place in construct before a royal title names a body after a person (مستشفى الملك فهد)
_NAMED_AFTER_HEADS = EPONYM_HEADS | PLACE_HEADS
_ROYAL_NAME_LINKS = NASAB_PARTICLES | {"ال"}  # بن، بنت، آل: the royal's name goes on


def _fused_eponyms(words: tuple, raw: list) -> tuple[tuple, list]:
    """A-EPONYM-BODY: the royal title and name after an institution word in construct (مستشفى الملك فهد،
    لمركز الملك سلمان، بجامعة الأمير محمد بن فهد) as one word, so that neither the title nor the name is read
    as the speaker's: both belong to the body's name."""
    out_words, out_raw, i = [], [], 0
    while i < len(words):
        end = _eponym_name_end(words, i)
        if end:
            out_words += [words[i], " ".join(words[i + 1:end])]
            out_raw += [raw[i], " ".join(raw[i + 1:end])]
            i = end
        else:
            out_words.append(words[i])
            out_raw.append(raw[i])
            i += 1
    return tuple(out_words), out_raw


def _eponym_head(word: str) -> bool:
    """An institution or place word in construct, bare or after a glued ل/ب (لمركز، بجامعة)."""
    return word in _NAMED_AFTER_HEADS or (word[:1] in ("ل", "ب") and word[1:] in _NAMED_AFTER_HEADS)


def _eponym_name_end(words: tuple, i: int) -> int:
    """End of the royal title and name after the institution word at ``i``, else 0."""
    if not _eponym_head(words[i]) or i + 2 >= len(words) or words[i + 1] not in ROYAL_TITLES:
        return 0
    end = _name_word_end(words, i + 2)
    while end + 1 < len(words) and words[end] in _ROYAL_NAME_LINKS:
        end = _name_word_end(words, end + 1)
    return end


def _name_word_end(words: tuple, j: int) -> int:
    """After one name word at ``j``; two when it is a linking word (عبد العزيز، أبو بكر)."""
    return j + 2 if words[j] in NAME_LINKS - _ROYAL_NAME_LINKS and j + 1 < len(words) else j + 1


def _describing(words: tuple, lex: Lexicons, disabled: frozenset = frozenset(),
                fired: Optional[list] = None) -> list[bool]:
    """For each word: does it belong to a description (title, nisba, ال-complement,
    connector) rather than a name? Read left to right from a title. ``fired`` collects the ids of
    the rules that marked a word (A-FOR-COMPLEMENT, A-SOURCE-ADJECTIVE)."""
    fired = [] if fired is None else fired
    marks = [False] * len(words)
    terms = dict(match_terms(words, lex))
    in_title = accusative = False
    i = 0
    while i < len(words):
        word = words[i]
        term = terms.get(i)
        if i > 0 and words[i - 1] in _NAME_LINKS:  # آل الشيخ, بن سلطان: the name goes on
            in_title = False
            i += 1
            continue
        if 0 < i < len(words) - 1 and _eponym_head(word) and words[i + 1].split(" ")[0] in ROYAL_TITLES \
                and " " in words[i + 1]:  # مدير لمركز | الملك سلمان (A-EPONYM-BODY): a title's body, described
            marks[i] = marks[i + 1] = True
            in_title = True
            i += 2
            continue
        if term is not None and term.kind in ("person", "head", "generic", "modifier") \
                and not _given_name_before_nasab(words, i, term):
            for j in range(i, i + len(term.words)):
                marks[j] = True
            in_title = True
            accusative = term.rule == "R-CASE-ENDING"
            i += len(term.words)
            continue
        if word in lex.honorifics:
            marks[i] = True
            in_title = True
            i += 1
            continue
        n, _ = _nisba_at(words, i, lex)
        if not n and in_title and word.endswith("يا") and accusative and _nisba_at((word[:-1],), 0, lex)[0]:
            n = 1  # مسؤولا سعوديا: the nisba agrees with an accusative title (R-CASE-ENDING)
        if in_title and i > 0 and words[i - 1] in _SOURCE_NOUNS and (word.endswith(("ي", "ه")) or word[:1] == "م") \
                and "A-SOURCE-ADJECTIVE" not in disabled:  # مصادر طبية، مصدر مقرب: a source's adjective names nobody
            marks[i] = True
            fired.append("A-SOURCE-ADJECTIVE")
            i += 1
            continue
        complement = in_title and "A-FOR-COMPLEMENT" not in disabled and (
            _for_complement(words, i, lex) or word.startswith("وال"))
        if in_title and (n or word.startswith("ال") or word in ("باسم", "في", "لدى", "ب", "و", "من", "عن")
                         or word.startswith("بال") or word.startswith("لل") or _is_modifier(word, lex)
                         or (term is not None and term.kind == "body") or complement):
            if complement and not (n or word.startswith("ال")):
                fired.append("A-FOR-COMPLEMENT")
            span = max(n, len(term.words) if term is not None else 1)
            for j in range(i, i + span):
                marks[j] = True
            i += span
            continue
        in_title = False
        i += 1
    return marks


def _roles_in(words: tuple, lex: Lexicons, rule: str, near_end: bool,
              disabled: frozenset = frozenset()) -> list[tuple[str, str]]:
    """Role votes of the lexicon terms in ``words``, nearest the name first.

    A head (رئيس, المتحدث باسم) takes the role of the body named within the next three
    words (رئيس غرفة التجارة → organisation), else its own.
    """
    found = match_terms(words, lex)
    votes = []
    complements = set()  # positions of titles a head took as its complement (R-TITLE-COMPLEMENT)
    in_state = _state_name_positions(words, lex, True) if "R-STATE-NAME" not in disabled else set()
    skipped = False
    for k, (i, term) in enumerate(found):
        if term.kind == "modifier" or (term.derived and "R-PLURAL" in disabled) or i in complements \
                or (term.rule and term.rule in disabled):
            continue
        if i in in_state:  # في الولايات المتحدة: a place, not the title الولايات
            skipped = True
            continue
        role, term_rule = term.role, (term.rule or ("R-PLURAL" if term.derived else rule))
        if term.words in lex.state_rulers and "R-RULER-OF-STATE" not in disabled \
                and not _state_after(words, i + len(term.words), lex):
            role, term_rule = "minister_or_official", "R-RULER-OF-STATE"  # أمير منطقة عسير: a governor
        if term.words in lex.ranks and "R-RANK" not in disabled:
            term_rule = "R-RANK"  # counts only when nothing else gives a role (roles._role_votes)
        if term.words in lex.representatives and "R-REPRESENTATIVE" not in disabled:
            # ممثلة الولايات المتحدة: a representative of what follows, not an actress
            end = i + len(term.words)
            state = " ".join(words[end:end + 2]) if end < len(words) else ""
            later = next((t for j, t in found[k + 1:] if j == end), None)
            if later is not None and later.kind in ("body", "generic") and later.role not in ("-", "document_or_report"):
                role, term_rule = later.role, "R-REPRESENTATIVE"
            elif state and (name_key(state) in lex.state_names or name_key(words[end]) in lex.state_names):
                role, term_rule = "minister_or_official", "R-REPRESENTATIVE"
        if lex.advisers and term.words in lex.advisers and "R-ADVISER" not in disabled \
                and _adviser_adjective(words, i + len(term.words), lex):
            role, term_rule = lex.advisers[term.words], "R-ADVISER"
        if term.words in lex.units and "R-BODY-UNIT" not in disabled:
            unit_role = _role_of_body_after(words, i + len(term.words), found, k)
            if unit_role:  # إدارة الاتحاد الإسباني: the federation's administration speaks for the federation
                role, term_rule = unit_role, "R-BODY-UNIT"
        if term.kind == "head":
            end = i + len(term.words)
            complemented = False
            glued = _glued_body(words, end, lex) if "R-BODY-PREPOSITION" not in disabled else None
            if glued is not None:  # المتحدث الرسمي لوزارة العمل، الناطق الإعلامي بشرطة منطقة مكة
                role, term_rule, complemented = glued.role, "R-BODY-PREPOSITION", True
            for j, later in ([] if complemented else found[k + 1:]):
                if j - end > 2:
                    break
                if later.kind in ("body", "generic") and later.role == "document_or_report" \
                        and "R-RESEARCH-HEAD" not in disabled and not _IN_PREPOSITIONS & set(words[end:j]):
                    # مدير الدراسات، رئيس قسم البحوث: who heads studies is a researcher, not a study (not الناطق في
                    # تصريح, المشاركات في الدراسة: a document the title only speaks in or takes part in)
                    role, term_rule, complemented = "expert_or_academic", "R-RESEARCH-HEAD", True
                    break
                if later.kind in ("body", "generic") and later.role != "-":
                    role = later.role
                    complemented = True
                    break
                if later.kind == "person" and j == end and later.role != "-" and "R-TITLE-COMPLEMENT" not in disabled:
                    # نائب المدير التنفيذي, المتحدث باسم الرئيس: a full office right after the head; the deputy's
                    # or spokesperson's role is the office's, and one who serves a head of state is an official
                    role = "minister_or_official" if later.role == "head_of_state_or_government" else later.role
                    term_rule = "R-TITLE-COMPLEMENT"
                    complements.add(j)
                    complemented = True
                    break
            if not complemented and role == "minister_or_official" and "R-COMPANY-HEAD" not in disabled:
                body_role = _company_after(words, end, lex)
                if body_role:
                    role, term_rule = body_role, "R-COMPANY-HEAD"
            if term_rule not in ("R-COMPANY-HEAD", "R-RESEARCH-HEAD") and "R-BODY-OVER-TITLE" not in disabled:
                body_role = _company_after(words, end, lex, any_body=True)
                if body_role and body_role != role:  # مستشار … في جامعة بريستول: the university's
                    role, term_rule = body_role, "R-BODY-OVER-TITLE"
        if role == "minister_or_official" and term.words[0] not in _STATE_ONLY_HEADS \
                and "R-INTERNATIONAL" not in disabled and _international_after(words, i + len(term.words), found, k):
            role, term_rule = "organisation_or_spokesperson", "R-INTERNATIONAL"
        elif role == "organisation_or_spokesperson" and term.kind in ("body", "generic") \
                and "R-STATE-ADJECTIVE" not in disabled and _state_adjective_after(words, i, term, found, k):
            role, term_rule = "minister_or_official", "R-STATE-ADJECTIVE"
        elif role in _DOMAIN_BODY_ROLES and term.kind in ("body", "generic") and "R-DOMAIN-BODY" not in disabled \
                and _state_domain_after(words, i + len(term.words), lex):
            role, term_rule = "minister_or_official", "R-DOMAIN-BODY"
        votes.append((role, term_rule))
    if skipped and not votes:  # الولايات المتحدة منه: no other title, the words are read as before
        return _roles_in(words, lex, rule, near_end, disabled | {"R-STATE-NAME"})
    if skipped:  # the role read once the place was passed over
        votes = [(role, "R-STATE-NAME" if vote_rule == rule else vote_rule) for role, vote_rule in votes]
    return votes[::-1] if near_end else votes


def _state_after(words: tuple, end: int, lex: Lexicons) -> bool:
    """R-RULER-OF-STATE: a state's name (or دولة and one) right after a title (أمير قطر، أمير دولة الكويت)."""
    rest = words[end + 1:] if end < len(words) and words[end] == "دوله" else words[end:]
    return any(name_key(" ".join(rest[:n])) in (lex.state_names or {}) or name_key(" ".join(rest[:n])) in lex.states
               for n in (1, 2) if len(rest) >= n)


def _adviser_adjective(words: tuple, at: int, lex: Lexicons) -> bool:
    """R-ADVISER: a definite nisba-shaped adjective at ``at`` that is no nationality (الاقتصادي, not الألماني)."""
    if at >= len(words) or not words[at].startswith("ال") or len(words[at]) < 5:
        return False
    return words[at].endswith(("ي", "يه")) and not _nisba_at(words, at, lex)[0]


def _role_of_body_after(words: tuple, end: int, found: list, k: int) -> str:
    """R-BODY-UNIT: the role of a body of the lexicon right after a unit's head noun (إدارة | الاتحاد الإسباني), ""
    when none is there or it is a document (مكتب | الدراسات)."""
    later = next((t for j, t in found[k + 1:] if j == end), None)
    if later is None or later.kind not in ("body", "generic") or later.role in ("-", "document_or_report"):
        return ""
    return later.role


# international and supranational adjectives, and the UN, in matching form (R-INTERNATIONAL)
_INTERNATIONAL = frozenset({"الدولي", "الدوليه", "الاوروبي", "الاوروبيه", "الافريقي", "الافريقيه", "الاممي",
                            "الامميه", "العالمي", "العالميه"})
_UNITED_NATIONS = frozenset({("الامم", "المتحده"), ("للامم", "المتحده"), ("بالامم", "المتحده")})
# a ministry, government or state with such an adjective is still a state's (وزارة التعاون الدولي، الدول الأوروبية)
_STATE_ONLY_HEADS = frozenset({"وزاره", "الوزاره", "وزير", "الوزير", "وزيره", "حكومه", "الحكومه", "دول", "الدول",
                               "دوله", "الدوله"})
MAX_INTERNATIONAL_GAP = 3  # words between a body's head and its international adjective (محكمة التحكيم الرياضي الدولية)


def _international_after(words: tuple, end: int, found: list, k: int) -> bool:
    """R-INTERNATIONAL: an international adjective or the UN within a few words after a title or body
    (محكمة العدل الدولية، الشرطة الأوروبية، المبعوث الأممي، المبعوث الخاص للأمم المتحدة), before any other
    title, body or state: an international organisation's, not a state's."""
    window = _words_after_term(words, end, found, k)
    return any(w in _INTERNATIONAL or tuple(window[n:n + 2]) in _UNITED_NATIONS for n, w in enumerate(window))


def _words_after_term(words: tuple, end: int, found: list, k: int) -> tuple:
    """The few words after the ``k``-th term found (ending at ``end``), up to the next term: where its own
    adjectives stand (R-INTERNATIONAL, R-STATE-ADJECTIVE)."""
    stop = next((j for j, _ in found[k + 1:]), len(words))
    return words[end:min(stop, end + MAX_INTERNATIONAL_GAP + 1)]


# adjectives only a state's body carries, in matching form (R-STATE-ADJECTIVE): a federal body; a central bank
_FEDERAL = frozenset({"الفيدرالي", "الفيدراليه", "الفدرالي", "الفدراليه"})
_CENTRAL = "المركزي"
_BANK_HEADS = frozenset({"بنك", "البنك", "مصرف", "المصرف"})


def _state_adjective_after(words: tuple, i: int, term, found: list, k: int) -> bool:
    """R-STATE-ADJECTIVE: a body read as an organisation's with a federal adjective, or a bank with المركزي, a few
    words after its head and before any other title (لجنة التجارة الفيدرالية، مصرف الإمارات المركزي، بنك
    اليابان المركزي): a state's body."""
    window = _words_after_term(words, i + len(term.words), found, k)
    return any(w in _FEDERAL for w in window) or (term.words[0] in _BANK_HEADS and _CENTRAL in window)


# bodies a state domain adjective makes a state's (R-DOMAIN-BODY): a medium, a school or centre, a committee
_DOMAIN_BODY_ROLES = frozenset({"journalist_or_media", "expert_or_academic", "organisation_or_spokesperson"})


def _state_domain_after(words: tuple, end: int, lex: Lexicons) -> bool:
    """R-DOMAIN-BODY: a state domain adjective (الأمني، الحربي، برلمانية) within a few words after a body's head,
    before a preposition takes the phrase to another body (المكتب الإعلامي | للمقاومة)."""
    for word in words[end:end + MAX_INTERNATIONAL_GAP + 1]:
        if word in PREPOSITIONS or _unglued(word, lex) != word or word.startswith(("لل", "بال")):
            return False
        if word in lex.state_adjectives:
            return True
    return False


_SERVED_ROLES = frozenset({"minister_or_official", "armed_group", "party_or_opposition"})
# a place or body after these is where a title serves (مصادر محلية في عدن), not the title's bearer
_IN_PREPOSITIONS = frozenset({"في", "من", "لدى", "داخل"})


def _opens_body(words: tuple, at: int, lex: Lexicons, disabled: frozenset = frozenset()) -> bool:
    """Do the words from ``at`` (after a title) name the body or place a title belongs to: after في، من or
    لدى, or opening with a preposition, or with one glued to a listed term (بشرطة، لوزارة)?"""
    if at == 0:
        return False
    after_in = words[at - 1] in _IN_PREPOSITIONS and "A-BODY-RUN" not in disabled
    return words[at] in _PREPOSITIONS or after_in or _unglued(words[at], lex) != words[at]


def _glued_body(words: tuple, at: int, lex: Lexicons) -> Optional[Term]:
    """R-BODY-PREPOSITION: the body whose head noun is glued to ل or ب right after a head title
    (لوزارة، بشرطة، لشركة), else None."""
    if at >= len(words) or not words[at].startswith(("ل", "ب")) or words[at].startswith(("لل", "بال")):
        return None
    plain = _unglued(words[at], lex)
    term = lex.terms.get((plain,)) if plain != words[at] else None
    # only a body whose role is not a spokesperson's own (a ministry, an army, a party): the spokesperson of a
    # centre or a company stays an organisation's
    return term if term is not None and term.kind == "body" and term.role in _SERVED_ROLES else None


_PLACE_PREPOSITIONS = frozenset({"في", "من", "مع", "لدي", "عن", "الي", "علي", "داخل", "خارج"})


def _state_name_positions(words: tuple, lex: Lexicons, after_preposition: bool = False) -> set:
    """R-STATE-NAME: positions of the words of a state's name of two or more words (الولايات المتحدة،
    المملكة المتحدة) in a description: a place named there is not a title. ``after_preposition``: only
    a name after في، من، مع ... (مدير المجموعة في الولايات المتحدة), not one that opens the words."""
    positions = set()
    for i in range(len(words)):
        if after_preposition and (i == 0 or words[i - 1] not in _PLACE_PREPOSITIONS):
            continue
        for n in (4, 3, 2):
            if i + n <= len(words) and name_key(" ".join(words[i:i + n])) in lex.state_names:
                positions.update(range(i, i + n))
                break
    return positions


# words that may lead from a title to the body it belongs to (نائب رئيس السياسة العامة في أوروبا بفيسبوك)
_TO_BODY = frozenset({"في", "لدى", "ب", "ل", "من"})


# bodies no title holds office in: a document, a medium spoken to (لوكالة الأنباء الفرنسية) (R-BODY-OVER-TITLE)
_NOT_HOLDING = frozenset({"document_or_report", "journalist_or_media"})


def _company_after(words: tuple, end: int, lex: Lexicons, any_body: bool = False) -> str:
    """R-COMPANY-HEAD: the role of a company or non-governmental organisation that a head title
    (رئيس, نائب رئيس, مسؤول) belongs to further on in its phrase, after a preposition (في شركة X,
    بفيسبوك, لدى جوجل, لشركة): organisation_or_spokesperson, else "" (a government body or
    none: the head keeps its own role). ``any_body`` (R-BODY-OVER-TITLE): the role of the first
    body of any kind it belongs to, but a document, a medium spoken to or a state's name."""
    places = _state_name_positions(words, lex, True) if any_body else set()
    for i in range(end, len(words)):
        word = words[i]
        plain = _unglued(word, lex)
        glued = plain != word
        if not glued and (i == 0 or words[i - 1] not in _TO_BODY):
            continue
        found = match_terms((plain,) + words[i + 1:], lex)
        bare = lex.terms.get((plain[2:],)) if plain.startswith("ال") else None
        if (not found or found[0][0] != 0) and bare is not None and bare.kind == "body" \
                and bare.role == "organisation_or_spokesperson":
            return bare.role  # في الفيسبوك: a company listed without the article
        if not found or found[0][0] != 0:
            continue
        term = found[0][1]
        if term.kind in ("body", "generic") and term.role == "organisation_or_spokesperson":
            return term.role
        if term.kind in ("body", "generic") and term.role != "-":
            # في وزارة الصحة, بالجيش: the first body it belongs to is no company (R-BODY-OVER-TITLE: its role)
            return term.role if any_body and term.role not in _NOT_HOLDING and i not in places else ""
    return ""


def read_form(form: str, lex: Optional[Lexicons] = None, disabled: frozenset = frozenset(),
              places: frozenset = frozenset()) -> Reading:
    """Read one form: its name (titles, honorifics and descriptions stripped), the role
    votes of its words, its affiliation, or the generic role when it names nobody. ``places``: name
    keys the corpus tags as places, beyond states and capitals (A-TITLE-PLACE)."""
    lex = lex or lexicons()
    text, rules = _clean_surface(form, disabled)
    reading = Reading(form=form)
    raw = _PUNCT.sub(" ", text if "A-HASHTAG" in disabled else text.replace("_", " ")).split()
    words = tuple(match_form(w).lower() for w in raw)
    if "A-EPONYM-BODY" not in disabled:
        fused, raw = _fused_eponyms(words, raw)
        if len(fused) < len(words):
            rules.append("A-EPONYM-BODY")
        words = fused
    if not words:
        reading.generic_role = "none"
        reading.rules = ("A-NONE",)
        return reading
    if "R-QUANTIFIER" not in disabled and _people_quantifier(words, lex):
        # ويرى بعضهم، قال حوالي النصف: a number of people, ordinary unless the words after say who
        reading.generic_role = "citizen_or_witness"
        reading.roles = (("citizen_or_witness", "R-QUANTIFIER"),)
        reading.rules = ("R-QUANTIFIER", "A-GENERIC")
        return reading
    if "A-NONE" not in disabled and ((len(words) == 1 and words[0] in lex.not_speakers)
                                     or _opens_with_preposition(words[0], lex)):
        reading.generic_role = "none"
        reading.rules = ("A-NONE",)
        return reading
    if "A-ADDRESSEE" not in disabled:
        cut = _addressee_at(words, raw, lex)
        if cut:
            raw, words = raw[:cut], words[:cut]
            rules.append("A-ADDRESSEE")
    whole = lex.terms.get(words)
    if whole is None and "R-VARIANT-NAME" not in disabled and (meant := lex.variants.get(name_key(" ".join(words)))):
        whole = lex.terms.get(tuple(match_form(w).lower() for w in meant.split()))  # CNN → سي إن إن, a medium
        if whole is not None and whole.kind == "body":
            rules.append("R-VARIANT-NAME")
    if whole is None and _nationals(words, lex) and "R-NATIONALS" not in disabled:
        # الفلسطينيون، البريطانيين: a people speaking as a whole are ordinary people; no affiliation
        _read_description(reading, words, [("citizen_or_witness", "R-NATIONALS")], lex, rules)
        return reading
    fired: list = []
    marks = _describing(words, lex, disabled, fired)
    rules.extend(dict.fromkeys(fired))
    reading.affiliation = _affiliation_in(words, lex, disabled)
    reading.government = any(words[:len(g)] == g for g in lex.government)
    if whole is not None and whole.kind == "body":  # حماس, رويترز, البيت الأبيض: a named body
        marks = [False] * len(words)
        reading.is_body = True
    # the name: the longest run of words that are not description (titles, honorifics...)
    runs, start = [], None
    for i, mark in enumerate(marks + [True]):
        if not mark and start is None:
            start = i
        elif mark and start is not None:
            runs.append((start, i))
            start = None
    body_head = _body_head(words, lex)
    if body_head and (not runs or (runs[0] == (0, len(body_head.words)) and len(words) > len(body_head.words)
                                   and "A-BODY-HEAD-ALONE" not in disabled)):
        if runs:
            rules.append("A-BODY-HEAD-ALONE")
        runs = [(0, len(words))]  # إدارة الاتحاد المصري لكرة القدم، جامعة الملك سعود: a head noun alone names no body
    if "A-TITLE" in disabled:
        runs = [(0, len(words))]
    title_words = tuple(w for w, m in zip(words, marks) if m)
    reading.titles = title_words
    roles = _roles_in(words, lex, "R-TITLE", near_end=False, disabled=disabled)
    if whole is not None and whole.kind == "body":
        roles = [(whole.role, "R-NAME")]
    if not runs:
        _title_body(reading, words, raw, lex, disabled, rules)
        _read_description(reading, words, roles, lex, rules)
        return reading
    if "A-OF-NAME" not in disabled:  # a short name only: a longer run may hold a place and the bearer's name
        runs = [r for r in runs if r[1] - r[0] > OF_NAME_MAX_WORDS or not _governed_by_title(words, r[0], lex)]
        if not runs:  # مستشار ترامب، زوجة ترامب، سفير خادم الحرمين: someone of that name, not its bearer
            rules.append("A-OF-NAME")
            _title_body(reading, words, raw, lex, disabled, rules)
            _read_description(reading, words, roles, lex, rules)
            return reading
    if "A-BODY-RUN" not in disabled and len(runs) > 1:
        # الناطق الإعلامي بشرطة منطقة مكة المكرمة العقيد عاطي القرشي: the run opening with a preposition
        # glued to a body names the body the title belongs to; the name is another run
        names = [r for r in runs if not _opens_body(words, r[0], lex, disabled)]
        if names and len(names) < len(runs):
            rules.append("A-BODY-RUN")
            runs = names
    first, last = max(runs, key=lambda r: (r[1] - r[0], -r[0]))
    name_words = raw[first:last]
    if first > 0 and words[first - 1] == "باسم" and not words[0].startswith("ال"):
        # متحدثة باسم ليفايز: an unnamed spokesperson; the name is the body spoken for
        reading.body = " ".join(name_words)
        _read_description(reading, words, roles, lex, rules)
        return reading
    if _opens_body(words, first, lex, disabled):
        if not _opens_body(words, first, lex, disabled | {"A-BODY-RUN"}):
            rules.append("A-BODY-RUN")  # مصادر محلية في عدن: the place the sources are in
        # نائب عن حزب العمال, الرئيس التنفيذي لشركة أوبر: a title and the body it belongs to
        _title_body(reading, words, raw, lex, disabled, rules)
        _read_description(reading, words, roles, lex, rules)
        return reading
    if first > 0 and _free_preposition(words[first], raw[first]) and "A-PREPOSITION-RUN" not in disabled:
        # الاتفاق النووي مع إيران: the words after the preposition complete a description; they are not its name
        rules.append("A-PREPOSITION-RUN")
        _read_description(reading, words, roles, lex, rules)
        return reading
    if len(words) > 1 and words[0] in lex.not_speakers and "A-NONE" not in disabled:
        _read_description(reading, words, roles, lex, rules)  # حوالي ربع المشاركين
        if not roles:  # تلك المرحلة
            reading.generic_role, reading.rules = "none", ("A-NONE",)
        return reading
    # a named body keeps its head noun unless a proper name follows it (شركة أبل → أبل)
    reading.is_body = reading.is_body or bool(body_head and first == 0)
    if body_head and first == 0 and last == len(words) and "A-TITLE" not in disabled:
        name_words, stripped = _strip_body_head(raw, words, lex)
        if stripped:
            rules.append("A-TITLE")
            reading.unstripped = " ".join(raw)
    elif (first, last) != (0, len(words)):
        rules.append("A-TITLE")
    elif not roles and "R-NISBA-BODY" not in disabled and _nisba_body_end(words, lex):
        name_words = raw[:_nisba_body_end(words, lex)]  # شاومي الصينية → شاومي, a company
        roles = [("organisation_or_spokesperson", "R-NISBA-BODY")]
        rules.append("A-TITLE")
        reading.is_body = True
    reading.name = " ".join(name_words)
    reading.key = name_key(reading.name, disabled)
    titled = "" if not reading.key else "A-TITLE-STATE" if _titled_state(words, first, reading.key, lex, disabled) \
        else "A-TITLE-PLACE" if _titled_place(words, first, reading.key, lex, disabled, places) else ""
    if titled:
        rules.append(titled)
        _title_body(reading, words, raw, lex, disabled, rules)
        _read_description(reading, words, roles, lex, rules)
        return reading
    if not reading.key or _is_generic_body(words, lex):
        _title_body(reading, words, raw, lex, disabled, rules)
        _read_description(reading, words, roles, lex, rules)
        return reading
    before = _before_rank(words, first, lex) if "A-EPONYM-BODY" not in disabled else first
    _title_body(reading, words[:before], raw[:before], lex, disabled, rules)
    if not reading.body and last < len(words):  # حشمت ستانكزاي المتحدث باسم الشرطة
        _title_body(reading, words[last:], raw[last:], lex, disabled, rules)
    reading.owns_document = any(role == "document_or_report" for role, _ in roles)
    reading.roles = tuple(roles)
    reading.rules = tuple(dict.fromkeys(rules))
    return reading


_PREPOSITIONS = frozenset({"عن", "في", "من", "لدى", "ب", "ل"})  # a name never opens with these
# A-OF-NAME reads a name of at most this many words (with its relational title) as someone else's:
# سفير نيوزيلندا جيرارد فان بوهيمن holds a state and the ambassador's own name
OF_NAME_MAX_WORDS = 3


def _before_rank(words: tuple, first: int, lex: Lexicons) -> int:
    """Where the honorifics and ranks right before the name at ``first`` start (… جامعة الملك سعود | الدكتور
    بدران العمر): they are the person's, not part of the body's name before them."""
    while first > 0 and (words[first - 1] in lex.honorifics or (words[first - 1],) in lex.ranks):
        first -= 1
    return first


def _governed_by_title(words: tuple, first: int, lex: Lexicons) -> bool:
    """A-OF-NAME: the name at ``first`` is the genitive of a relational title without the article
    right before it (مستشار ترامب، زوجة ترامب، مدير مكتب نتنياهو، سفير خادم الحرمين الشريفين), or
    opens with one (نجل صدام حسين): the form names an aide, a relative or an envoy of that name,
    not its bearer. Data: relational_titles.tsv. A definite title (المستشار فلان) is the bearer's own."""
    def relational(chunk: tuple) -> bool:
        bare = (chunk[0][1:],) + chunk[1:] if chunk and chunk[0][:1] in "وف" else None
        return chunk in lex.relational or (bare is not None and bare in lex.relational)

    def bearer_follows(start: int) -> bool:
        # سفير نيوزيلندا جيرارد فان بوهيمن: a state, then the bearer's own name; نجل بن …: a given name
        if start < len(words) and words[start] in _NAME_LINKS:
            return True
        place = words[start] if start < len(words) else ""
        return start + 1 < len(words) and (place in lex.states or place in lex.capitals
                                           or (lex.state_names or {}).get(place) is not None)
    for n in (2, 1):
        if first - n >= 0 and relational(tuple(words[first - n:first])) and not bearer_follows(first):
            return True
        if first + n < len(words) and relational(tuple(words[first:first + n])) and not bearer_follows(first + n):
            return True
    return False


def _people_quantifier(words: tuple, lex: Lexicons) -> bool:
    """R-QUANTIFIER: the words are one quantifier of people, an approximator before it allowed (حوالي النصف)."""
    rest = list(words)
    while len(rest) > 1 and rest[0] in lex.approximators:
        rest = rest[1:]
    if len(rest) == 2 and _nationals(tuple(rest[1:]), lex):  # غالبية الأمريكيين: a number of a country's people
        rest = rest[:1]
    return len(rest) == 1 and (rest[0] in lex.quantifiers or (rest[0][:1] in "وف" and rest[0][1:] in lex.quantifiers))


def _title_body(reading: Reading, words: tuple, raw: list, lex: Lexicons, disabled: frozenset = frozenset(),
                rules: list | None = None) -> None:
    """The body (or, for a government body, the country) the title words name."""
    outer: dict = {}
    teams: set = set()
    found, kind = body_in(words, raw, lex, disabled=disabled, outer=outer, teams=teams)
    if rules is not None:
        rules.extend(sorted(set(outer.values())) + (["AFF-TEAM"] if teams else []))
    if kind == "body":
        reading.body = found
    elif kind == "country" and not reading.affiliation:
        reading.affiliation = found


def _nisba_body_end(words: tuple, lex: Lexicons) -> int:
    """Where a feminine nisba closing an untitled name starts (شاومي الصينية → 1), else 0:
    the adjective agrees with an unsaid شركة or مؤسسة. Not after a definite word (القدس العربي)."""
    for n in (2, 1):
        start = len(words) - n
        if start >= 1 and _nisba_at(words, start, lex)[0] == n and words[-1].endswith("يه") \
                and not any(w.startswith("ال") for w in words[:start]):
            return start
    return 0


def _opens_with_preposition(word: str, lex: Lexicons) -> bool:
    """كالعقوبات، بالنسبة، للإذاعة: a preposition glued to a definite common noun (listed, or
    with a plural or feminine ending) opens a phrase, not a speaker's name (بالمر stays a name)."""
    if not word.startswith(("كال", "بال", "لل")) or len(word) < 6:
        return False
    noun = "ال" + word[3:] if not word.startswith("لل") else "ال" + word[2:]
    return (noun,) in lex.terms or noun.endswith(("ات", "ين", "ون", "ه"))


def _addressee_at(words: tuple, raw: list, lex: Lexicons) -> int:
    """Where a medium the speaker talked to starts (جونسون لبي بي سي → 1), else 0: a later
    word ل + a name or title of the media lexicon, or ل glued to Latin script, right after a
    name (after a title it is the body the title heads: مديرة العلاقات العامة لشبكة فيسبوك)."""
    for k in range(1, len(words)):
        word = words[k]
        if not word.startswith("ل") or len(word) < 2 or _describing(words[:k], lex)[-1]:
            continue
        if _LATIN.match(raw[k][1:].lstrip("ـ")):
            return k
        rest = (word[1:].lstrip("ـ"),) + words[k + 1:]
        found = match_terms(rest, lex)
        if found and found[0][0] == 0 and found[0][1].role == "journalist_or_media" \
                and found[0][1].kind == "body":
            return k
    return 0


def _body_head(words: tuple, lex: Lexicons) -> Optional[Term]:
    found = match_terms(words, lex)
    if found and found[0][0] == 0 and found[0][1].kind == "body":
        return found[0][1]
    return None


def _strip_body_head(raw: list, words: tuple, lex: Lexicons) -> tuple[list, bool]:
    """``شركة أبل`` → ``أبل``; ``صحيفة "ديلي ميل" البريطانية`` → ``ديلي ميل``; a head noun
    followed by a definite word (وكالة الأنباء السعودية) stays: it is the name."""
    head = _body_head(words, lex)
    n = len(head.words)
    if words[0].startswith("ال") or n >= len(words) or words[n].startswith("ال") or words[n] in _COMPASS:
        return list(raw), False  # حلف شمال الأطلسي, جامعة شمال تكساس: a place in construct is the name
    end = len(words)
    while end > n + 1 and words[end - 2] not in _COMPASS and (
            _nisba_at(words, end - 1, lex)[0] or _is_modifier(words[end - 1], lex)
            or (words[end - 1].startswith("ال") and words[end - 1].endswith(("يه", "ي")))):
        end -= 1  # صحيفة "ديلي ميل" البريطانية, جائزة "مان بوكر" الأدبية; not شمال | الأطلسي
    return list(raw[n:end]), True


# the points of the compass (matching form): with the word after them they name a region (شمال الأطلسي)
_COMPASS = frozenset({"شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي"})


def _nationals(words: tuple, lex: Lexicons) -> bool:
    """A definite plural nisba alone (الفلسطينيون، اليابانيين): the people of a country."""
    return len(words) == 1 and words[0].startswith("ال") and words[0].endswith(("ون", "ين")) \
        and words in lex.nisba


def _titled_state(words: tuple, first: int, key: str, lex: Lexicons, disabled: frozenset) -> bool:
    """A-TITLE-STATE: a person's title or a description before a state or capital (رئيسة حكومة
    بريطانيا، زعيم كوريا الشمالية، أطباء في بريطانيا، رئيس بلدية أنقرة) names someone of that state,
    not the state: the form is a description, its country the affiliation. Not after a body's head
    noun (حكومة بريطانيا، مكتب رئيس كوريا الجنوبية stay the state)."""
    if first == 0 or "A-TITLE-STATE" in disabled:
        return False
    variant = lex.variants.get(key)
    keys = {key, name_key(variant)} if variant else {key}
    if not any(k in lex.states or k in lex.capitals or k in (lex.state_names or {}) for k in keys):
        return False
    return _title_opens(words, first, lex, ("person", "head", "generic"))


def _title_opens(words: tuple, first: int, lex: Lexicons, kinds: tuple) -> bool:
    """Do the words before the name (up to ``first``) open with a lexicon term of one of ``kinds``?"""
    found = match_terms(words[:first], lex)
    return bool(found) and found[0][0] == 0 and found[0][1].kind in kinds


def _titled_place(words: tuple, first: int, key: str, lex: Lexicons, disabled: frozenset, places: frozenset) -> bool:
    """A-TITLE-PLACE: as A-TITLE-STATE, for a place the corpus tags LOC (رئيس غرفة أبها، الأمين العام للغرفة
    التجارية بجدة): the head of the city's chamber is not the city. The name may carry a glued ب/ل (بجدة)."""
    if first == 0 or not places or "A-TITLE-PLACE" in disabled:
        return False
    unglued = key[1:] if key[:1] in ("ب", "ل") and len(key) > 3 else key
    if key not in places and unglued not in places:
        return False
    return _title_opens(words, first, lex, ("person", "head", "generic", "body"))


def _is_generic_body(words: tuple, lex: Lexicons) -> bool:
    """An indefinite head noun with only adjectives after it: منظمة خيرية بريطانية, دراسة جديدة."""
    found = match_terms(words, lex)
    if not found or found[0][0] != 0 or words[0].startswith("ال"):
        return False
    head = found[0][1]
    if head.kind not in ("body", "generic"):
        return False
    rest = words[len(head.words):]
    if not rest:
        return head.kind == "generic"
    accusative = head.rule == "R-CASE-ENDING"  # its adjectives are accusative too (R-CASE-ENDING)
    return all(not w.startswith("ال") and (_nisba_at(rest, i, lex)[0] or _is_modifier(w, lex)
                                             or w.endswith(("يه", "ي")) or w in lex.terms
                                             or (accusative and w.endswith("يا")))  # مسؤولا سعوديا: agreeing
               for i, w in enumerate(rest))


def _free_preposition(word: str, written: str) -> bool:
    """A preposition written as a word of its own; على, إلى, لدى and حتى only with their alif maqsura
    (علي خامنئي is a name)."""
    return word in PREPOSITIONS and not (word.endswith("ي") and not written.endswith("ى"))


def _read_description(reading: Reading, words: tuple, roles: list, lex: Lexicons, rules: list) -> None:
    """A form without a name: a title alone (an office, for A-OFFICE) or a generic description."""
    role = roles[0][0] if roles else "other"
    reading.name = reading.key = ""
    reading.roles = tuple(roles)
    found = match_terms(words, lex)
    first = found[0][1] if found and found[0][0] == 0 else None
    rest = words[len(first.words):] if first is not None else ()
    specific = any(w.startswith("ال") and not _is_modifier(w, lex) for w in rest) or reading.affiliation
    if first is not None and first.kind == "generic" and words[0].startswith("ال") and rest and specific \
            and role not in ("document_or_report", "journalist_or_media"):
        # الحكومة السورية, المحكمة الجنائية الدولية: an institution its complement names
        reading.name = reading.form.strip()
        reading.key = name_key(reading.name)
        reading.rules = tuple(dict.fromkeys(rules))
        reading.is_body = True
        return
    if first is not None and first.kind in ("person", "head") and reading.affiliation:
        reading.office = office_key(words, lex)
    reading.generic_role = role
    reading.rules = tuple(dict.fromkeys(rules + ["A-GENERIC"]))


def office_key(words: tuple, lex: Lexicons) -> str:
    """A title's key: its title words with every nisba replaced by the affiliation it names."""
    out, i = [], 0
    while i < len(words):
        n, affiliation = _nisba_at(words, i, lex)
        if n:
            out.append("@" + name_key(affiliation))
            i += n
        elif (_is_modifier(words[i], lex) and words[i] not in _FORMER) or words[i] in lex.honorifics:
            i += 1
        else:
            out.append(words[i])
            i += 1
    return " ".join(out)


# --- context around a speaker ---------------------------------------------------------


def _aligned_words(text: str) -> tuple[tuple, list]:
    """The matching-form words of a text and the same words as written."""
    pairs = [(match_form(w), w) for w in _PUNCT.sub(" ", text).split()]
    pairs = [(m, w) for m, w in pairs if m]
    return tuple(m for m, _ in pairs), [w for _, w in pairs]


# a short quoted name inside a title (لشركة "مايكروسوفت الخليج"، لصحيفة «الحياة»)
_QUOTED_NAME = re.compile(r'["“«]([^"“”«»\n.،,:؛]{1,40})["”»]')
_QUOTED_END = re.compile(r'["“«]([^"“”«»\n.،,:؛]{1,40})["”»]\s*$')


def _unquote_names(text: str, disabled: frozenset = frozenset()) -> str:
    """R-QUOTED-IN-TITLE: a title's quoted name without its marks, so the title reads on over it
    (المدير العام الإقليمي لشركة "مايكروسوفت الخليج" سيد حشيش)."""
    return text if "R-QUOTED-IN-TITLE" in disabled else _QUOTED_NAME.sub(r"\1", text)


def quoted_company(words: tuple, raw: list, text: str, lex: Lexicons) -> bool:
    """R-QUOTED-COMPANY: does a title's phrase (``words``, as written ``raw``) hold a name the article
    quoted in ``text`` (رئيس قسم الموسيقى في "يوتيوب"، المسؤول الأول عن المحتوى في "نتفليكس"), with no
    body of the lexicon in the phrase? Quotes mark a brand or firm, not a state's office."""
    if any(t.kind == "body" or (t.kind == "generic" and i > 0) for i, t in match_terms(words, lex) if t.role != "-"):
        return False  # في وزارة الصحة، بالشرطة: a body the title serves; المسؤول itself is the title
    for match in _QUOTED_NAME.finditer(text):
        quoted, quoted_raw = _aligned_words(match.group(1))
        n = len(quoted_raw)
        if not n or name_key(" ".join(quoted_raw)) in lex.state_names or match_terms(quoted, lex):
            continue
        if any(raw[i:i + n] == quoted_raw for i in range(1, len(raw) - n + 1)):
            return True
    return False


def _title_to_body(before: str, lex: Lexicons, disabled: frozenset) -> tuple[tuple, list]:
    """The title before a body's quoted name, its last word a body head glued to ل or ب or not (المدير العام
    لشركة "مايكروسوفت الخليج"), as (words, words as written); ((), []) when there is none."""
    head, head_raw = title_before(before, lex, with_raw=True, disabled=disabled)
    if head:
        return head, head_raw
    rest, _, last = before.rstrip().rpartition(" ")
    word = match_form(last)
    plain = _unglued(word, lex)
    glued = lex.terms.get((plain,)) if plain != word else None
    if glued is None or glued.kind != "body":
        return (), []
    head, head_raw = title_before(rest + " ", lex, with_raw=True, disabled=disabled)
    return (head + (word,), head_raw + [last]) if head else ((), [])


def title_before(before: str, lex: Optional[Lexicons] = None, with_raw: bool = False,
                 disabled: frozenset = frozenset()):
    """The description right before a speaker span (``وقال وزير الخارجية الروسي``
    → ``وزير الخارجيه الروسي``), as matching-form words; () when there is none.
    ``with_raw``: (words, the words as written)."""
    lex = lex or lexicons()
    end = _QUOTED_END.search(before) if "R-QUOTED-IN-TITLE" not in disabled else None
    if end:  # المحلل في شركة الأبحاث "غافيكال"، آرثر كروبر: the title ends on its body's quoted name
        head, head_raw = _title_to_body(before[:end.start()], lex, disabled)
        if head:
            words, raw = _aligned_words(end.group(1))
            return (head + words, head_raw + raw) if with_raw else head + words
    words, raw = _aligned_words(re.split(r"[.،,:;؛!?؟\"“”«»()\n]", _unquote_names(before, disabled))[-1])
    words, raw = words[-MAX_TITLE_WORDS:], raw[-MAX_TITLE_WORDS:]
    marks = _describing(words, lex)
    start = len(words)
    while start > 0 and marks[start - 1]:
        start -= 1
    phrase = words[start:]
    # the phrase must hold a title (not only ال-words)
    if not any(t.kind in ("person", "head", "generic") for _, t in match_terms(phrase, lex)):
        return ((), []) if with_raw else ()
    if "R-STATE-NAME" not in disabled and phrase and len(_state_name_positions(phrase, lex)) == len(phrase):
        # مدير مجموعة فولكسفاغن في الولايات المتحدة، هنريك ويبكن: the place the title is in, no title
        return ((), []) if with_raw else ()
    return (phrase, raw[start:]) if with_raw else phrase


_PARTITIVES = frozenset({"احد", "احدي"})
_SUPERLATIVES = frozenset({"ابرز", "اكبر", "اهم", "كبار"})
# a pronoun opening an apposition (كاميار كالانتار، وهو باحث في ...)
_APPOSITION_PRONOUNS = frozenset({"وهو", "وهي", "هو", "هي"})


def _wide_start(words: tuple, raw: list, lex: Lexicons) -> int:
    """R-APPOSITION-WIDE: where an apposition's title starts once the name's Latin spelling
    (كيندال لارسن Kendall Larsen الرئيس التنفيذي), a pronoun (وهو باحث) and leading modifiers
    (كبير خبراء الاقتصاد) are passed, else -1 when no title starts there; the title may then be an
    indefinite common noun (محلل إيرادات السينما, استشاري في مستشفى), which names the person before it."""
    i = 0
    while i < len(words) and i < 4 and _LATIN.match(raw[i]) and not _ARABIC_LETTERS.search(raw[i]):
        i += 1
    if i < len(words) and words[i] in _APPOSITION_PRONOUNS:
        i += 1
    if i + 1 < len(words) and words[i] in _PARTITIVES:  # أحد أبرز رجال الأعمال: one of them
        i += 1
    while i < len(words) and (_is_modifier(words[i], lex) or words[i] in _SUPERLATIVES) \
            and not words[i].startswith("ال"):
        i += 1
    found = match_terms(words[i:], lex)
    if not found or found[0][0] != 0:
        return -1
    term = found[0][1]
    if term.role in ("-", "document_or_report") or term.kind == "modifier":
        return -1  # كتب نيفيل تغريدة: a document after the name is the verb's object
    if term.kind in ("person", "head") or (term.kind == "generic" and not words[i].startswith("ال")):
        return i
    return -1


def _name_word(word: str, raw: str, lex: Lexicons) -> bool:
    """Could the word be the rest of a name the speaker span cut (غلام | علي بلوش)?"""
    return (len(word) >= 2 and bool(_ARABIC_LETTERS.search(raw)) and not word.startswith(("ال", "لل"))
            and word not in lex.starts and word not in lex.not_speakers and word not in _PREPOSITIONS
            and word not in _CONTINUATION_END and word not in _APPOSITION_PRONOUNS
            and not (word[0] in "وف" and word[1:] in lex.not_speakers))


def apposition_after_cut(after: str, lex: Optional[Lexicons] = None, with_raw: bool = False):
    """R-APPOSITION-CUT: a speaker span that cut its name short (وأكد [[غلام]] علي بلوش، وزير داخلية
    إقليم بلوشستان; [[ريبيكا]] فانين، أحد مؤسسي المنتدى; [[كاميار كالانتار]]-زاده وهو باحث): one or
    two words that may end the name, then a comma or وهو/وهي, then the apposition R-APPOSITION-WIDE reads."""
    lex = lex or lexicons()
    text = after.lstrip("-ـ ")
    head = re.split(r"[.،,:;؛!?؟\"“”«»()\n]", text)[0]
    words, raw = _aligned_words(head)
    empty = ((), []) if with_raw else ()
    n = next((k for k, w in enumerate(words) if w in _APPOSITION_PRONOUNS), len(words))
    if not 1 <= n <= 2 or not all(_name_word(w, r, lex) for w, r in zip(words[:n], raw[:n])):
        return empty
    if n < len(words):  # كالانتار-زاده وهو باحث
        rest = " ".join(raw[n:])
    else:
        tail = text[len(head):]
        if not tail.startswith(("،", ",")):
            return empty
        rest = tail
    return apposition_after(rest, lex, with_raw=with_raw, wide=True)


def _definite_title(term, word: str) -> bool:
    """A definite common noun of the lexicon that describes a person or body (الأستاذ، المسؤول), not a
    document or a modifier (R-APPOSITION-DEFINITE)."""
    return term.kind == "generic" and word.startswith("ال") and term.role not in ("-", "document_or_report", "none")


FROM_PREPOSITIONS = ("من", "في", "بـ")  # a body the speaker is from right after the name (R-FROM-BODY)
_LATIN_THEN_COMMA = re.compile(r"\s*(?:[A-Za-z][A-Za-z.'’-]*\s+){0,3}[A-Za-z][A-Za-z.'’-]*\s*[،,]\s*")


def apposition_after(after: str, lex: Optional[Lexicons] = None, with_raw: bool = False,
                     wide: bool = False, disabled: frozenset = frozenset()):
    """The description right after a speaker span (``، مدرب ليفربول``), as words.
    ``with_raw``: (words, the words as written). ``wide``: R-APPOSITION-WIDE."""
    lex = lex or lexicons()
    text = after.lstrip()
    comma = text.startswith(("،", ","))
    if comma:
        text = text[1:]
    if wide:  # غاري كنغ Gary King، أستاذ: the Latin spelling ends at the comma, the title follows it
        latin = _LATIN_THEN_COMMA.match(text)
        text = text[latin.end():] if latin else text
    words, raw = _aligned_words(re.split(r"[.،,:;؛!?؟\"“”«»()\n]", _unquote_names(text, disabled))[0])
    if wide:
        start = _wide_start(words[:MAX_TITLE_WORDS], raw[:MAX_TITLE_WORDS], lex)
        if start < 0:
            return ((), []) if with_raw else ()
        words, raw = words[start:start + MAX_TITLE_WORDS], raw[start:start + MAX_TITLE_WORDS]
        return (words, raw) if with_raw else words
    words, raw = words[:MAX_TITLE_WORDS], raw[:MAX_TITLE_WORDS]
    found = match_terms(words, lex)
    if found and found[0][0] == 0 and found[0][1].kind in ("person", "head"):
        return (words, raw) if with_raw else words
    if found and found[0][0] == 0 and _definite_title(found[0][1], words[0]) and comma \
            and "R-APPOSITION-DEFINITE" not in disabled:
        return (words, raw) if with_raw else words
    if found and found[0][0] == 1 and words[0] in FROM_PREPOSITIONS and (found[0][1].kind == "body" or (
            _definite_title(found[0][1], words[1]) and "R-FROM-BODY" not in disabled)):
        # ديفيد برونياتوفسكي من جامعة جورج واشنطن، بيتر موارر من اللجنة الدولية: the body he is from
        return (words[1:], raw[1:]) if with_raw else words[1:]
    return ((), []) if with_raw else ()


def counterpart_before(before: str, lex: Optional[Lexicons] = None) -> tuple[str, str]:
    """``ووزير الخارجية الكويتي ... ونظيره السعودي`` before a name: (the role of the office the
    counterpart shares, the country of its nisba), else ("", "")."""
    lex = lex or lexicons()
    words = words_of(before[-200:])
    near = [i for i in range(max(len(words) - 3, 0), len(words)) if words[i].lstrip("وف").startswith("نظير")]
    if not near:
        return "", ""
    k = near[-1]
    offices = _roles_in(words[max(k - 2 * MAX_TITLE_WORDS, 0):k], lex, "R-COUNTERPART", near_end=True)
    return (offices[0][0] if offices else ""), _affiliation_in(words[k:], lex)


# words that end a title's continuation: the verb's complement, a relative clause
_CONTINUATION_END = frozenset({"ان", "انه", "انها", "بان", "قائلا", "الذي", "التي", "الذين"})


def continued_title(form: str, after: str, lex: Optional[Lexicons] = None) -> tuple[tuple, list]:
    """A title alone as the speaker (``القيادي``) with the words after the span that go on
    describing it (``البارز في جيش الإسلام``; ``البريطانية``): the whole description as
    (words, words as written), or ((), []) when the text after does not continue it."""
    lex = lex or lexicons()
    if not after[:1].isspace() and after[:1] not in ("", "ـ"):
        return (), []
    words, raw = _aligned_words(re.split(r"[.،,:;؛!?؟()\n]", after)[0])  # quotes go round names
    words, raw = words[:MAX_TITLE_WORDS], raw[:MAX_TITLE_WORDS]
    end = next((i for i, w in enumerate(words) if w in _CONTINUATION_END), len(words))
    words, raw = words[:end], raw[:end]
    if not words:
        return (), []
    first = words[0]
    opens = (first in ("في", "من", "عن", "لدى", "باسم") or _nisba_at(words, 0, lex)[0] or _is_modifier(first, lex)
             or _unglued(first, lex) != first)
    if not opens:
        return (), []
    own, own_raw = _aligned_words(form)
    return own + words, own_raw + raw


_SENTENCE_END = re.compile(r"[.!?؟\n:]+")


def earlier_title(before: str, lex: Optional[Lexicons] = None) -> tuple:
    """R-EARLIER-TITLE: the title with no name in the latest sentence of ``before`` (its last, unfinished one left
    out) that opens the sentence, follows its first word (تعرضت وزيرة، لكن رئيس) or follows a speech verb
    (عبرت متحدثة باسم المكتب), with its description, as (words, words as written); ((), []) when there is none."""
    from qawl.cues import lookup_cue  # the quote stage's lexicon of speech verbs

    lex = lex or lexicons()
    for sentence in reversed(_SENTENCE_END.split(before)[:-1]):
        words, raw = _aligned_words(sentence)
        marks = _describing(words, lex)
        for i, term in match_terms(words, lex):
            if term.kind not in ("person", "head") or term.derived or term.rule or words[i] in _PARTITIVES \
                    or term.role in ("-", "none", "document_or_report") or (i > 0 and marks[i - 1]):
                continue
            cue = lookup_cue(words[i - 1])[0] if i > 0 else None
            if i == 0 or (i == 1 and words[0] not in PREPOSITIONS) or (cue is not None and cue.kind == "verb"):
                end = next((j for j in range(i, len(words)) if not marks[j]), len(words))
                end = min(end, i + MAX_TITLE_WORDS)
                return words[i:end], raw[i:end]
    return (), []


def _may_hold_title(before: str) -> bool:
    """A cheap test before ``title_before``: does the last word before the name end a title?"""
    lex = lexicons()
    words = words_of(before[-40:])
    return bool(words) and (any((w,) in lex.terms or w in lex.honorifics for w in words[-3:])
                            or _nisba_at(words, len(words) - 1, lex)[0] > 0)


def _may_open_apposition(after: str) -> bool:
    """A cheap test before ``apposition_after``: does a title follow the name's comma?"""
    text = after.lstrip()
    lex = lexicons()
    if not text.startswith(("،", ",")):  # R-APPOSITION-WIDE: a title right after the name
        raw = _PUNCT.sub(" ", text[:60]).split()
        words = tuple(match_form(w) for w in raw)
        return bool(words) and _wide_start(words, raw, lex) >= 0
    words = words_of(text[1:30])
    return bool(words) and ((words[0],) in lex.terms or words[:2] in lex.terms)
