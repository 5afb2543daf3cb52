"""Cue finding for the constructions that are no cue verb: relays (نقلت الوكالة عن X),
attribution phrases (بحسب X), verbal nouns (عقب تأكيد X أن), documents (جاء في البيان),
بالقول, statement owners (في بيان لـ X), headlines (X: …) and closers (على حد قوله).

Input and output as in ``cue_finding``: each method gives a ``_Candidate`` with its source
span and content start, or None. Headline and closer candidates are read after a first
selection (they must not repeat an accepted quote).
"""
from __future__ import annotations

import itertools
from dataclasses import replace
from typing import Optional

from qawl.arabic import (
    APODOSIS_OPENERS, ATTRIBUTION_CONNECTORS, CLAUSE_OPENERS, CLAUSE_STOPPER_PAIRS, CLAUSE_STOPPERS, COMPLEMENTISERS, CONJUNCTIONS_WAW_FA, CONTENT_OPENERS, DEMONSTRATIVES, DOCUMENT_VERBS, EVENT_PREPOSITIONS,
    HEADLINE_TOPICS, ISSUED_VERBS, ISSUED_WORDS, LAST_CLAUSE_OPENERS, LINK_WORDS, MAKER_LINKS, NOUN_FRAME_FROM_HEADS, NOUN_FRAME_PREPS, OBJECT_PRONOUNS, PREPOSITIONS, PRONOUN_SUFFIXES,
    CLAUSE_PREPOSITION_PRONOUNS, MA_RELATIVES, NORM_NOUNS, PREDICATE_CLOSERS, QUESTION_MARKS, RELATIVES, SAYING_NOUNS, SEMICOLONS, SOURCE_PREPOSITIONS, STATE_VOICES, SUBJECT_RELATIVES, COPULA_PRONOUNS, DASHES, LABEL_SEPARATORS, PAUSE_MARKS, PARTICLES, TIME_QUALIFIERS, TIME_WORDS, is_plain_verbal_noun, is_verbal_noun, says_we_after,
)
from qawl.clean import match_form
from qawl.cues import CueEntry, lookup_cue
from .candidate import DOCUMENT_CUE, _CLOSER_ENTRY, _COLON_ENTRY, _Candidate, _OWNER_ENTRY
from .config import (
    MAX_APPOSITION_GAP, MAX_ATTRIBUTION_SOURCE_WORDS, MAX_DATE_TAIL_WORDS, MAX_DESCRIBED_GAP, MAX_RELAYED_FRAME_TOKENS, MAX_RELAYED_SUBJECT_TOKENS, MAX_HEADLINE_SPEAKER_WORDS, MAX_HEADLINE_TOPIC_WORDS, MAX_OPENING_TAIL_WORDS,
    MAX_FINAL_SOURCE_TAIL, MAX_HEADLINE_LABEL_WORDS, MAX_HEADLINE_WORDS, MAX_ISSUED_ADJECTIVES, MAX_ISSUED_GAP, MAX_MIDDLE_HEAD_WORDS, MAX_NAME_WORDS, MAX_OWNED_SAYING_GAP, MAX_RELAY_GAP, MAX_SAYING_GAP, MIN_SPEECH_WORDS, NOUN_FRAME_FROM_REACH, TERMINAL_WINDOW,
)
from .content_end import _is_norm, _starts_closer, _trim_credit
from .lexical import (
    PREPOSITION_PRONOUN_RE, SOURCE_KINDS, _is_cue_token, _is_definite, _is_stop, _key_text, _prev_word, _strip_conj, _strip_noun, _title_key,
    _strip_object, _time_phrase_width,
)
from .rules import rule_on
from .select import _QuotedTokens
from .source_span import EVIDENCE_HEADS, _owned_head, listed_head
from .titles import _place_keys
from .tokens import ALL_MARKS, COMMAS, _Token, _ends_sentence, _is_ellipsis, _is_title_abbreviation


def _purpose_or_time(key: str) -> bool:
    """لتوضيح، لاحق، لاحقة: after a statement noun, a ل + verbal noun says what for, a time qualifier when."""
    bare = key[:-1] if key.endswith("ه") else key
    return bare in TIME_QUALIFIERS or key[:1] == "ل" and (is_verbal_noun(key[1:]) or is_plain_verbal_noun(key[1:]))


def _norm_source(key: str) -> bool:
    """``Q-ATTRIB-NORM``: a rule, decision or plan with its ل, article or pronoun (لقرار، للمعايير، برنامجها;
    clause_words.json norm_nouns) as an attribution's source."""
    if not rule_on("Q-ATTRIB-NORM"):
        return False
    return any(key.startswith(prefix) and _is_norm(key[len(prefix):]) for prefix in ("ل", "لل", "ال")) \
        or (key not in NORM_NOUNS and _is_norm(key))


def _addressee_start(tokens: list[_Token], colon: int, start: int = 0) -> int:
    """Where "لـ X" / "لX" (whom a headline speaker addresses) starts before the colon, else the colon."""
    for t in range(start + 1, colon):
        key = tokens[t].key
        if key in ("ل", "لـ") or (key.startswith("ل") and not key.startswith("لل") and len(key) > 3 and t == colon - 1):
            rest = tokens[t + 1 : colon] if key in ("ل", "لـ") else []
            if all(r.is_word or r.text in ALL_MARKS for r in rest):
                return t
    return colon


def _nisba_place(key: str) -> str:
    """The title key of the place a nisba names (الكندية -> كندا's key), else ""."""
    place = _place_keys().get(_title_key(key))
    return _title_key(match_form(place)) if place else ""


def _relay_pronoun(key: str, preps: tuple[str, ...]) -> str:
    """The pronoun glued to a relaying preposition (عنه → ه, عنها → ها), else ""."""
    for prep in preps:
        if key.startswith(prep) and key[len(prep):] in PRONOUN_SUFFIXES:
            return key[len(prep):]
    return ""


class _CueFrames:
    """Candidates of the non-verb cue constructions (mixed into ``_Extractor``)."""

    def noun_candidate(self, b: int, t: int) -> Optional[_Candidate]:
        """عقب تأكيد وزير الخارجية أن …، بعد دعوة الرئيس إلى …: a verbal noun whose agent follows it.

        Only after a preposition of time or circumstance, with the agent right
        after the noun (في إشارة إلى … has none), and a complement the verb takes.
        """
        tokens = self.blocks[b].tokens
        entry = self.lexicon.verbal_nouns.get(_strip_conj(tokens[t].key))
        prev = _prev_word(tokens, t)
        framed_from = entry is not None and self.frame_from(b, t)
        if entry is None or prev is None or _strip_conj(prev.key) not in NOUN_FRAME_PREPS and not framed_from:
            return None
        np_end = self.speaker_forward(b, t + 1, len(tokens), split_object=entry.addressee)
        if np_end == t + 1 or tokens[t + 1].key in self.lexicon.proposition_nouns:
            return None
        candidate = self.complement_candidate(b, t, entry, np_end)
        if candidate is None or candidate.method not in ("that", "quote", "colon", "prep"):
            return None
        if framed_from:
            candidate.rules += ("Q-NOUN-FRAME-FROM",)
        candidate.speaker = (t + 1, np_end)
        candidate.start_token = t - 1
        return candidate

    def frame_from(self, b: int, t: int) -> bool:
        """``Q-NOUN-FRAME-FROM``: من right before the verbal noun opens its frame after a noun-frame preposition
        a few words back (بعد أيام من إعلان المرشد أنه، بعد ساعات فقط من تأكيد) or after الرغم (على الرغم من)."""
        tokens = self.blocks[b].tokens
        if not rule_on("Q-NOUN-FRAME-FROM") or t < 2 or tokens[t - 1].key != "من":
            return False
        if tokens[t - 2].key in NOUN_FRAME_FROM_HEADS:
            return True
        back = [tokens[k] for k in range(t - 2, max(-1, t - 2 - NOUN_FRAME_FROM_REACH), -1)]
        words = list(itertools.takewhile(lambda token: token.is_word, back))
        return any(_strip_conj(token.key) in NOUN_FRAME_PREPS for token in words[1:])

    def record_statement_owner(self, b: int, t: int) -> None:
        """في بيان لوزارة الخارجية، حذرت …: the owner of the statement is who speaks next."""
        tokens = self.blocks[b].tokens
        if _strip_conj(tokens[t].key) not in self.lexicon.statement_frames or t + 1 >= len(tokens):
            return
        start = self.statement_owner_start(b, t + 1)
        if start is None or start >= len(tokens) or not tokens[start].is_word:
            return  # في تصريح لـ"عكاظ": a quoted name is the medium spoken to
        end = self.speaker_forward(b, start, len(tokens))
        if end == start:
            return
        keys = [_strip_noun(tokens[start].key), _strip_noun(tokens[start].key[1:])]
        mention = self.mention_at(b, start)
        if any(k in self.lexicon.heads["media"] for k in keys) or (mention is not None and mention.label == "LOC"):
            return  # في حديث لصحيفة …: the medium, not the speaker
        self.loose_agents.append((b, (start, end), _OWNER_ENTRY))

    def statement_owner_start(self, b: int, k: int) -> Optional[int]:
        """Where the owner after a statement noun starts: after a loose ل (بيان لـ X) or on a ل-prefixed word
        (لوزارة); never a ل-word that is a purpose or a time (بيان لتوضيح موقفه، بيان لاحق)."""
        key = self.blocks[b].tokens[k].key
        if key in ("ل", "لـ"):
            return k + 1
        if self.mention_at(b, k) is None and _purpose_or_time(key):
            return None
        if key.startswith("ل") and not key.startswith("لل") and key[1:] not in OBJECT_PRONOUNS:
            return k
        return None

    def pronoun_relay_candidate(self, b: int, t: int, s: int, entry: CueEntry, pronoun: str) -> Optional[_Candidate]:
        """``S-RELAYED-PRONOUN``: the relayed source is the pronoun on the preposition after the relaying source
        (نقلت وكالة رويترز عنه قوله "…"، أوردت الوكالة عنها أن): the words are that person's, found as a dropped
        subject that agrees with the pronoun, never the agency's."""
        tokens = self.blocks[b].tokens
        after = s + 1
        noun_cue = lookup_cue(tokens[after].key)[0] if after < len(tokens) else None
        gender, number = {"ه": ("m", "s"), "ها": ("f", "s"), "هم": ("m", "p"), "هما": ("m", "d")}[pronoun]
        reported = replace(entry, gender=gender, number=number, complements=("أن", *entry.complements))
        window = TERMINAL_WINDOW
        if noun_cue is not None and noun_cue.kind == "noun":
            after += 1
            window = 2 * TERMINAL_WINDOW
        candidate = self.complement_candidate(b, t, reported, after, window)
        if candidate is not None:
            candidate.speaker = None
            candidate.start_token = t
            candidate.rules += ("S-RELAYED-PRONOUN",)
        return candidate

    def relay_candidate(self, b: int, t: int, entry: CueEntry) -> Optional[_Candidate]:
        """نقلت وكالة X عن Y (قوله) إن ...: Y speaks, the agency relays."""
        tokens = self.blocks[b].tokens
        limit = min(len(tokens), t + TERMINAL_WINDOW)
        for s in range(t + 1, min(limit, t + MAX_RELAY_GAP)):
            key = tokens[s].key
            if _ends_sentence(tokens, s) or (s > t + 1 and key in CLAUSE_OPENERS):
                return None  # نقل ... كما عبر فلان عن: that عن belongs to another clause
            source = None
            pronoun = _relay_pronoun(key, entry.relay_preps)
            relayer = t + 1 if s > t + 1 else s + 1  # نقلت الوكالة عنه، نقلت عنه الوكالة
            if pronoun and relayer < limit and self.names_source(b, relayer) and rule_on("S-RELAYED-PRONOUN"):
                relayed = self.pronoun_relay_candidate(b, t, s, entry, pronoun)  # نقلت رويترز عنه قوله
                if relayed is not None:
                    return relayed
            if key in entry.relay_preps and not (s + 1 < limit and tokens[s + 1].key in EVENT_PREPOSITIONS):  # من خلال: no source
                source = s + 1
            elif key == "علي" and s + 1 < limit and tokens[s + 1].key == "لسان":
                source = s + 2
            if source is None:
                continue
            while source < limit and tokens[source].text in COMMAS:
                source += 1
            np_end = self.speaker_forward(b, source, limit)
            if np_end == source:
                return None
            after = self._skip_apposition(b, np_end, limit)
            relative_end = self._skip_source_relative(b, after, limit)  # عن X، الذي يعمل …، بأن
            after = relative_end or after
            noun_cue = lookup_cue(tokens[after].key)[0] if after < len(tokens) else None
            # the relaying verb agrees with the agency, not with the source; what follows
            # the source is reported speech, so a that-clause is always welcome
            reported = replace(entry, gender="", number="", complements=("أن", *entry.complements))
            window = TERMINAL_WINDOW
            if noun_cue is not None and noun_cue.kind == "noun":  # عن X قوله / تأكيده على
                after += 1
                reported = replace(noun_cue, gender="", number="", complements=("أن", *noun_cue.complements))
                window = 2 * TERMINAL_WINDOW
            candidate = self.complement_candidate(b, t, reported, after, window)
            if candidate is None:
                noun = _Candidate(b, (t, t + 1), reported, "obj", after)
                candidate = noun if after < limit and tokens[after].is_word and not _is_stop(tokens[after]) else None
            if candidate is not None:
                if relative_end:
                    candidate.rules += ("Q-RELAY-RELATIVE",)
                if candidate.method == "prep" and tokens[candidate.content_start - 1].key == "علي":
                    candidate.method = "that"
                candidate.speaker = (source, np_end)
                candidate.start_token = t
            return candidate
        return None

    def _skip_source_relative(self, b: int, t: int, limit: int) -> int:
        """``Q-RELAY-RELATIVE``: a relative clause on the relayed source (نقلت الصحيفة عن الدكتور إيان بيرسون، الذي
        يعمل مهندسا …، ومتخصصا في …، بأن) runs to the comma before the that-clause: the token after that
        comma, or 0 when no such comma closes it before the sentence does."""
        tokens = self.blocks[b].tokens
        if t >= limit or tokens[t].key not in SUBJECT_RELATIVES or not rule_on("Q-RELAY-RELATIVE"):
            return 0
        for k in range(t + 1, limit - 1):
            if _ends_sentence(tokens, k) or tokens[k].region >= 0:
                return 0
            if tokens[k].text in COMMAS and tokens[k + 1].key in COMPLEMENTISERS:
                return k + 1
        return 0

    def _skip_apposition(self, b: int, t: int, limit: int) -> int:
        """Skip "، المسؤول السياسي بجيش الإسلام،" between a source and what it said."""
        tokens = self.blocks[b].tokens
        if t < limit and tokens[t].text in COMMAS:
            close = next((i for i in range(t + 1, min(limit, t + MAX_APPOSITION_GAP)) if tokens[i].text in COMMAS), None)
            if close is not None and close + 1 < len(tokens) and lookup_cue(tokens[close + 1].key)[0] is not None:
                return close + 1
        while t < limit and tokens[t].text in COMMAS:
            t += 1
        return t

    def attribution_candidate(self, b: int, t: int, entry: CueEntry) -> Optional[_Candidate]:
        """بحسب ما أفاد X / وفقا لبيان صادر عن X / نقلا عن X: X is the source of the clause."""
        issued = self.issued_document(b, t)
        if issued is not None:  # بحسب تقرير نشر في | صحيفة X: the author after the verb's preposition
            s, cue, passed = issued[1], (t, t + 1), ("Q-ATTRIB-ISSUED-VERB",)
        else:
            s, cue, entry, passed = self.attribution_source_start(b, t, entry)
        cited = "Q-ATTRIB-IMPERSONAL" in passed or issued is not None
        short = self.short_attribution(b, t, s, cue, entry, cited)
        if short is not None and short.content_end < 0 \
                and self.blocks[b].tokens[short.content_start].key in RELATIVES:
            # حسب الدراسة | التي أجريت في جامعة أوكسفورد، فإن: the relative clause is still the source's
            found = self.long_attribution(b, t, s, cue, entry) or short
        elif short is not None and self.opens_comma_clause(b, t):
            # …، وبحسب المتحدث الرسمي … فقد قامت: the apodosis opens the words, not the clause before the comma
            found = self.long_attribution(b, t, s, cue, entry) or short
        else:
            found = short or self.long_attribution(b, t, s, cue, entry)
        if found is not None:
            found.rules += passed  # what was passed over before the source
            if issued is not None and found.content_start < t and found.speaker is not None:
                # …، وفق بيان صدر السبت عن المجلس.: the document and its author close the words; an opening
                # one (ووفقا لبيان صدر عن المجلس فإن) keeps its author alone, as Q-ATTRIB-FA reads it
                found.speaker = (issued[0], found.speaker[1])
        return found

    def issued_document(self, b: int, t: int) -> Optional[tuple[int, int]]:
        """``Q-ATTRIB-ISSUED-VERB``: an attribution's document or data followed, within a few adjectives, by a
        verb read as passive and its author after a preposition (بحسب تقرير نشر في صحيفة X، وفق بيان صدر السبت عن
        المجلس، وفقاً لدراسة جديدة نشرت في دورية X): the document's first token and where the author starts; else
        None. Data: report_words.json issued_verbs, maker_links."""
        tokens, lex = self.blocks[b].tokens, self.lexicon
        if not rule_on("Q-ATTRIB-ISSUED-VERB"):
            return None
        head = t + 1
        while head < len(tokens) and tokens[head].key in lex.attribution_links:
            head += 1
        if head >= len(tokens) or not tokens[head].is_word:
            return None
        key = tokens[head].key
        noun = key[1:] if key[:1] == "ل" and key[:2] != "لل" else key
        if noun not in lex.attribution_carriers and not self.is_data(b, head) and not self.names_document(b, head):
            return None
        for v in range(head + 1, min(len(tokens), head + 2 + MAX_ISSUED_ADJECTIVES)):
            if not tokens[v].is_word or tokens[v].region >= 0:
                return None
            if tokens[v].key in ISSUED_VERBS:
                p = v + 1
                while p < len(tokens) and (width := self.attribution_time_width(b, p)):
                    p += width  # صدرت اليوم | الثلاثاء عن: a day after اليوم
                if p + 1 < len(tokens) and tokens[p].key in MAKER_LINKS and tokens[p + 1].is_word \
                        and not _is_stop(tokens[p + 1]):
                    return head, p + 1
                return None
        return None

    def impersonal_source_start(self, b: int, s: int) -> Optional[int]:
        """``Q-ATTRIB-IMPERSONAL``: after ما an impersonal or passive verb (حسبما جاء، وفق ما علم الثلاثاء)
        takes its source after في / من (حسبما نشر السبت في | الجريدة الرسمية); where that source starts."""
        tokens, lex = self.blocks[b].tokens, self.lexicon
        if not rule_on("Q-ATTRIB-IMPERSONAL") or tokens[s].key not in lex.impersonal_verbs \
                or not tokens[s - 1].key.endswith("ما"):
            return None
        p = s + 1 + self.attribution_time_width(b, s + 1)
        if p + 1 < len(tokens) and tokens[p].key in lex.impersonal_preps and tokens[p + 1].is_word:
            return p + 1
        return None

    def attribution_source_start(self, b: int, t: int, entry: CueEntry) -> tuple[int, tuple[int, int], CueEntry, tuple[str, ...]]:
        """Where the source of the attribution at ``t`` starts, past its links (ما، لما، صادر عن)
        and a relaying verb (بحسب ما أفاد), with the cue and entry that verb makes and the ids of the
        rules that passed over a time adverb or an impersonal verb's preposition."""
        tokens = self.blocks[b].tokens
        limit = min(len(tokens), t + TERMINAL_WINDOW)
        s, cue, width = t + 1, (t, t + 1), 0
        lex = self.lexicon
        while s < limit and (tokens[s].key in lex.attribution_links or tokens[s].key in ISSUED_WORDS):
            s += 1
        if s < limit and tokens[s].key[:1] == "ل" and tokens[s].key[1:] in lex.attribution_carriers:
            s += 1  # وفقا لبيان
        while s < limit and (tokens[s].key in lex.attribution_carriers or tokens[s].key in ISSUED_WORDS or tokens[s].key == "عن"):
            s += 1
        if s < limit and (cited := self.impersonal_source_start(b, s)) is not None:
            return cited, cue, entry, ("Q-ATTRIB-IMPERSONAL",) + (("Q-ATTRIB-TIME",) if cited > s + 2 else ())  # verb, في, source
        if s < limit:
            verb = lookup_cue(tokens[s].key)[0] or lookup_cue(_strip_object(tokens[s].key))[0]
            if verb is not None and verb.kind == "verb":
                cue, entry = (s, s + 1), verb
                s += 1
                if s < limit and PREPOSITION_PRONOUN_RE.match(tokens[s].key):
                    s += 1  # بحسب ما أفادت به | وسائل إعلام: the verb's own complement
                width = self.attribution_time_width(b, s)
        return s + width, cue, entry, ("Q-ATTRIB-TIME",) if width else ()

    def attribution_time_width(self, b: int, s: int) -> int:
        """``Q-ATTRIB-TIME``: a time adverb between the relaying verb and its subject (بحسب ما أعلنته الثلاثاء |
        الأكاديمية، حسب ما أعلن اليوم | مصدر حكومي) dates the report; the source comes after it."""
        tokens = self.blocks[b].tokens
        width = _time_phrase_width(tokens, s) if rule_on("Q-ATTRIB-TIME") else 0
        return width if width and s + width < len(tokens) and tokens[s + width].is_word else 0

    def long_attribution(self, b: int, t: int, s: int, cue: tuple[int, int], entry: CueEntry) -> Optional[_Candidate]:
        """``Q-ATTRIB-FA``: a sentence-opening attribution whose source runs on past its noun phrase
        (ووفقا للمختص في الاستثمارات، فإن …؛ وبحسب المعلومات التي نشرتها الوزارة على موقعها فإن …):
        فإن / فقد closes the source and opens the words."""
        tokens = self.blocks[b].tokens
        if not rule_on("Q-ATTRIB-FA") or not (self.opens_sentence_at(b, t) or self.opens_comma_clause(b, t)):
            return None
        opener, words = None, 0
        for f in range(s + 1, len(tokens)):
            token = tokens[f]
            words += token.is_word
            if words >= MAX_ATTRIBUTION_SOURCE_WORDS:
                return None
            if token.is_word and token.key in APODOSIS_OPENERS:
                opener = f
                break
            if not token.is_word and token.text not in COMMAS and token.text not in ALL_MARKS:
                return None  # the sentence ends first
            verb = lookup_cue(token.key)[0] if token.is_word and not token.aside else None  # الذي فضل عدم ذكر اسمه
            if verb is not None and verb.kind == "verb" and (tokens[f - 1].key not in RELATIVES or (
                    f + 1 < len(tokens) and tokens[f + 1].key in COMPLEMENTISERS)):
                return None  # another report (a relative's verb, التي نشرتها, describes the source; التي قالت إن reports)
        end = opener
        while end is not None and end > s and not tokens[end - 1].is_word:
            end -= 1
        if end is None or end <= s:
            return None
        unnamed = not any(self.names_source(b, k) or self.names_document(b, k) for k in range(s, end))
        if unnamed and not self.apodosis_source(b, s):
            return None
        carriers = self.lexicon.attribution_carriers
        if s - 1 > t and (tokens[s - 1].key in carriers or tokens[s - 1].key[1:] in carriers) \
                and not self.names_source(b, s):
            s -= 1  # وفقا لمصادر | عملت بالقرب منه فإنه: the carrier heads the source
        if self.relays_report(b, opener + 1, min(len(tokens), opener + 1 + MAX_RELAYED_SUBJECT_TOKENS)):
            return None  # وبحسب جريدة "الشروق"، فإن المدرب نبيل معلول قال: the report is the coach's
        candidate = _Candidate(b, cue, entry, "attribution", opener + 1)
        # an unnamed source is its noun phrase (وبحسب الأرقام | التي تم الكشف عنها، فإن)
        candidate.speaker = (s, max(s + 1, self.speaker_forward(b, s, end))) if unnamed else self.long_source_span(b, s, end)
        candidate.start_token = t
        candidate.boundary = False
        candidate.rules += ("Q-ATTRIB-FA", "Q-ATTRIB-APODOSIS") if unnamed else ("Q-ATTRIB-FA",)
        if not self.opens_sentence_at(b, t):
            candidate.rules += ("Q-ATTRIB-COMMA-FA",)
        return candidate

    def opens_comma_clause(self, b: int, t: int) -> bool:
        """``Q-ATTRIB-COMMA-FA``: an attribution joined by و right after a comma (…، وبحسب معطيات المنظمة فإن)
        opens a clause of its own, as at a sentence start, for Q-ATTRIB-FA to read up to its فإن / فقد."""
        tokens = self.blocks[b].tokens
        return rule_on("Q-ATTRIB-COMMA-FA") and 0 < t and tokens[t - 1].text in COMMAS \
            and tokens[t].key[:1] == "و" and lookup_cue(tokens[t].key[1:])[0] is not None

    def apodosis_source(self, b: int, s: int) -> bool:
        """``Q-ATTRIB-APODOSIS``: a sentence-opening attribution that فإن / فقد closes reports, whatever
        its source's head (وبحسب الاستخبارات الأميركية، فإن; وبحسب التقييمات النهائية فقد), unless what
        it cites is something seen (وحسب الصور، فقد بدا)."""
        return rule_on("Q-ATTRIB-APODOSIS") and self.blocks[b].tokens[s].is_word \
            and not self.is_evidence(b, s, ("sight_evidence",))

    def long_source_span(self, b: int, s: int, end: int) -> tuple[int, int]:
        """Who a long source names: the source after عن (نقلته رويترز عن | مصادر), else its head noun
        phrase when that is a source (للمختص | في الاستثمارات), else the agent of its relative
        clause (المعلومات التي نشرتها | الوزارة)."""
        tokens = self.blocks[b].tokens
        for k in range(s + 1, end - 1):
            if tokens[k].key == "عن" and self.names_source(b, k + 1):
                # نقلته رويترز عن مصادر، بيان صدر عن مجلس الوزراء: the relayed source or the issuer speaks
                return k + 1, max(k + 2, self.speaker_forward(b, k + 1, end))
        head_end = self.speaker_forward(b, s, end)
        if head_end > s and self.is_source(b, s, head_end) and not self.is_evidence(b, s):
            return s, head_end
        for k in range(s + 1, end - 1):
            if tokens[k].key in RELATIVES and tokens[k + 1].is_word and lookup_cue(tokens[k + 1].key)[0] is None:
                agent_end = self.speaker_forward(b, k + 2, end)
                if agent_end > k + 2:
                    return k + 2, agent_end
        return s, end

    def opens_sentence_at(self, b: int, t: int) -> bool:
        """The word at ``t`` opens its sentence, or follows only a clause opener (ووفقا، ومن جهته وبحسب)."""
        sentence_start = self.sentence_start(b, t)
        prev = _prev_word(self.blocks[b].tokens, t)
        return t == sentence_start or (prev is not None and prev.key in CLAUSE_OPENERS and t - 1 == sentence_start)

    def opening_comma(self, b: int, t: int, s: int, np_end: int) -> Optional[int]:
        """``Q-ATTRIB-OPENING-COMMA``: a sentence-opening attribution whose source phrase a comma closes before a
        clause of its own (وبحسب بيانات المعرض، سجلت دول …؛ ووفقا للسفير البريطاني في هولندا، كانت …) reports that
        clause whatever its source's head: the comma, else None. Not evidence, a norm or a plan (وطبقا للاتفاق،),
        an owner's words (بحسب تعبيره), a clause (وفق ما), a phrase holding a verb or a mark, nor a comma before an
        apposition, a relative, a preposition or فإن (left to Q-ATTRIB-FA)."""
        tokens = self.blocks[b].tokens
        if not rule_on("Q-ATTRIB-OPENING-COMMA") or not self.opens_sentence_at(b, t) or s >= len(tokens) \
                or not tokens[s].is_word:
            return None
        key = tokens[s].key
        head = key[1:] if key[:1] == "ل" and key[:2] != "لل" else key
        if self.is_evidence(b, s) or listed_head(head, self.lexicon.heads, EVIDENCE_HEADS) or _owned_head(tokens[s].text):
            return None
        link = tokens[s - 1].key if s > t + 1 else ""
        if link in MA_RELATIVES or (link[:1] == "ل" and link[1:] in MA_RELATIVES) or head in DEMONSTRATIVES:
            return None  # وفق ما تم التداول به؛ ووفقا لذلك: a clause or "accordingly"
        words = 0
        for k in range(s, len(tokens)):
            token = tokens[k]
            if token.text in COMMAS:
                break
            if not token.is_word or token.region >= 0 or token.aside:
                return None
            words += 1
            if k >= np_end and (k - np_end >= MAX_OPENING_TAIL_WORDS or (k == np_end and token.key not in PREPOSITIONS)):
                return None  # ووفق المرصد السوري | ينتشر في منبج …،: the clause runs on without a comma
            if words > MAX_ATTRIBUTION_SOURCE_WORDS or (k > s and token.key in RELATIVES) or token.key in COMPLEMENTISERS \
                    or token.key in APODOSIS_OPENERS or lookup_cue(token.key)[0] is not None:
                return None
        else:
            return None
        nxt = k + 1
        if nxt >= len(tokens) or not tokens[nxt].is_word or tokens[nxt].region >= 0 or words < 1:
            return None
        first = tokens[nxt]
        if first.key in RELATIVES or first.key in PREPOSITIONS or first.key in APODOSIS_OPENERS or _is_definite(first.key) \
                or self.mention_at(b, nxt) is not None or _strip_noun(first.key) in self.lexicon.heads["person"] \
                or first.key in CONJUNCTIONS_WAW_FA or _ends_sentence(tokens, nxt):
            return None  # ، المتخصصة / ، الذي / ، آنا كوندراتييفا / ، مدير: the source goes on
        return k

    def short_attribution(self, b: int, t: int, s: int, cue: tuple[int, int], entry: CueEntry,
                          cited: bool = False) -> Optional[_Candidate]:
        """The attribution whose source is one noun phrase, before or after the words it reports;
        ``cited``: what is at ``s`` is the source whatever its head (حسبما جاء في | X)."""
        tokens = self.blocks[b].tokens
        limit = min(len(tokens), t + TERMINAL_WINDOW)
        quoted = self.quoted_source(b, s)
        rules: tuple[str, ...] = ()
        if quoted is not None:
            s, np_end = quoted  # بحسب "رويترز"، فقد: the name inside the marks
        else:
            np_end = self.speaker_forward(b, s, limit)
            if np_end == s and s + 1 < limit and self.glued_article_source(b, s):
                np_end, rules = self.glued_source_end(b, s, limit), ("Q-ATTRIB-GLUED",)  # وفقا للاتحاد | الدولي
        relayed = cue[0] != t  # بحسب ما ذكرته خدمة الطوارئ: the subject of a reporting verb is its source
        source = np_end > s and self.is_source(b, s, np_end)
        if not source and quoted is None and (issuer := self.issuer_after(b, s, limit)) is not None:
            (s, np_end), source, rules = issuer, True, (*rules, "Q-ATTRIB-ISSUER")  # وفق الإحصاءات الصادرة عن | الوزارة
        source = source or (cited and np_end > s)
        if np_end > s and not source and relayed and self.relayed_agent(b, s):
            source, rules = True, (*rules, "Q-ATTRIB-RELAYED")
        if not source:
            bare = quoted is None and self.carrier_stands_alone(b, t, s)
            if bare or (quoted is None and self.carrier_is_source(b, t, s)):
                candidate = self.short_attribution(b, t, s - 1, cue, entry)  # بحسب مصادر | عسكرية
                if candidate is not None:
                    candidate.rules += ("Q-ATTRIB-BARE-CARRIER",) if bare else ("Q-ATTRIB-CARRIER",)
                return candidate
            final = self.final_source(b, t, s, np_end) if np_end > s and not relayed and quoted is None else None
            if final is None and np_end > s and not relayed and quoted is None and self.opening_comma(b, t, s, np_end) is not None:
                final = ("Q-ATTRIB-OPENING-COMMA",)  # وبحسب بيانات المعرض، سجلت …: whatever its head
            if final is None:
                return None
            rules = (*rules, *final)  # …، وفق إحصاء حكومي صدر أواخر العام الماضي.
            if t < s - 1 and tokens[s - 1].key in self.lexicon.attribution_carriers and rule_on("Q-ATTRIB-CARRIER"):
                s -= 1  # بحسب بيان | حكومي: the carrier passed over heads the source
        np_end = self.specified_source(b, s, np_end, limit) if quoted is None else np_end
        sentence_start = self.sentence_start(b, t)
        if self.opens_sentence_at(b, t):
            after = np_end + 1 if quoted is not None else np_end  # past the closing mark
            comma = self.opening_comma(b, t, s, np_end) if quoted is None and after < len(tokens) \
                and tokens[after].text not in COMMAS and not relayed else None
            if comma is not None:  # ووفقا للسفير البريطاني | في هولندا، كانت: the comma closes the source
                after = comma
                if "Q-ATTRIB-OPENING-COMMA" not in rules:
                    rules = (*rules, "Q-ATTRIB-OPENING-COMMA")
            while after < len(tokens) and (tokens[after].text in COMMAS or tokens[after].key in CONTENT_OPENERS):
                after += 1
            if after >= len(tokens) or not tokens[after].is_word or tokens[after].key in PREPOSITIONS:
                return None  # وفقا لمعلومات حصلت عليها «عكاظ» | من مصادرها: the phrase is not over
            if quoted is None and self.span_cuts.get((b, np_end)) == "S-SPAN-VERB":
                return None  # وفقا لمعلومات | حصلت عليها: the verb describes the source, the words come later
            verb = lookup_cue(tokens[after].key)[0]
            if verb is not None and verb.kind == "verb" and verb.tense == "past":
                return None  # وبحسب «رويترز»، أضاف الاتحاد أن: the clause names its own speaker (not يُعتقد أن)
            if self.relays_report(b, after, min(len(tokens), after + MAX_RELAYED_SUBJECT_TOKENS)):
                return None  # وبحسب جريدة "الشروق"، فإن المدرب نبيل معلول قال: the report is the coach's
            candidate = _Candidate(b, cue, entry, "attribution", after)
        elif cited and np_end < len(tokens) and tokens[np_end].text == ":":
            return None  # بقوله حسبما جاء في الكتاب: "…": the document is where the words after it are read
        elif quoted is None and not relayed and _norm_source(tokens[s].key):
            return None  # …، وفقا لقرار مجلس الأمن: the words follow a rule, nobody says them
        elif not cited and (after := self.middle_attribution_words(b, t, np_end + (quoted is not None), sentence_start)) is not None:
            # (حسبما جاء في بيان، حصلت …: a cited document's words are the sentence before it)
            candidate = _Candidate(b, cue, entry, "attribution", after)
            rules = (*rules, "Q-ATTRIB-MIDDLE")
        else:
            end = t
            while end > sentence_start and (tokens[end - 1].text in COMMAS or tokens[end - 1].key in ATTRIBUTION_CONNECTORS):
                end -= 1
            first = self.last_clause_start(b, sentence_start, end)
            if first > sentence_start:
                rules = (*rules, "Q-ATTRIB-LAST-CLAUSE")
            if end - first < 3:
                return None
            if self.relays_report(b, first, min(end, first + MAX_RELAYED_SUBJECT_TOKENS)):
                return None  # وقال بوتين في الفيلم، بحسب تقرير وكالة رويترز: "…": the words are Putin's
            inner_end = None if relayed or cited else self.inner_attribution_end(b, t, np_end + (quoted is not None))
            if inner_end is not None:  # قتل في دارفور وفق للامم المتحدة 300 الف شخص: the clause goes on
                end, rules = inner_end, (*rules, "Q-ATTRIB-INNER")
            candidate = _Candidate(b, cue, entry, "attribution", first, content_end=end)
        candidate.speaker = (s, np_end)
        if quoted is None and self.is_data(b, s) and (issuer := self.data_issuer(b, s, limit)) is not None:
            candidate.speaker, rules = issuer, (*rules, "S-DATA-ISSUER")  # وفقا لأرقام أعلنتها طوكيو: up to the issuer
        candidate.start_token = t
        candidate.boundary = False
        candidate.rules += rules
        return candidate

    def described_candidate(self, b: int, t: int, entry: CueEntry, conj: str,
                            after_relative: bool = False) -> Optional[_Candidate]:
        """``Q-DESCRIBED-AS``: a describing verb (وصف) whose object is then called something (ووصف خطة
        ترامب بأنها "صفعة العصر"، وصف نتنياهو الهجوم بأنه عمل إرهابي، ووصفه بـ"الفظيع"). The words are
        the object and what it is called (the object is what a stance is about); after an object
        pronoun (ووصفه) only what it is called, and only the quotation when it is all of that. The
        subject is the noun phrase between the verb and the object when it names a source, else it is
        dropped. A relative or ما before the verb (ما وصفه بـ) and a subject before it are left to the
        other readings (``after_relative``: Q-RELATIVE-OBJECT's, with a named subject)."""
        if not rule_on("Q-DESCRIBED-AS") or entry.kind != "verb" or entry.lemma not in self.lexicon.describing_cues:
            return None
        tokens = self.blocks[b].tokens
        prev = _prev_word(tokens, t)
        if prev is not None and (prev.key in RELATIVES or prev.key in MA_RELATIVES) and not after_relative:
            return None
        if prev is not None and (prev.key in PREPOSITIONS or _strip_conj(prev.key) in NOUN_FRAME_PREPS) and not after_relative:
            return None  # بجانب وصف لها بأنها: after a preposition the form is the noun "description"
        link = self.describing_link(b, t)
        if link is None:
            return None
        if tokens[t + 1].key in CLAUSE_PREPOSITION_PRONOUNS:
            return None  # تغريدة وصفت فيها …: the clause of a statement noun, read by the host clause
        opens = bool(conj) or prev is None or not prev.is_word or prev.key in CLAUSE_OPENERS
        pronoun = lookup_cue(tokens[t].key)[0] is None  # ووصفه: the object is the pronoun
        speaker, start, pluperfect = None, t + 1, False
        np_end = self.speaker_forward(b, t + 1, link, split_object=not pronoun)
        if np_end > t + 1:
            np_end = self.apposed_name(b, (t + 1, np_end), link)  # الرئيس الروسي، فلاديمير بوتين، …
        if pronoun:
            # فيما وصفه الوزير بأنه | لقاء مثمر: the words after the link; بالمتواضع is itself the word
            after_link = link + 1 if tokens[link].key in self.lexicon.describing_links else link
            speaker, start = ((t + 1, np_end) if np_end > t + 1 else None), after_link
            if speaker is None and (not opens or after_relative):
                return None  # أكدت إدانته: inside a clause the form is a verbal noun with its pronoun
        elif t + 1 < np_end < link and (self.names_source(b, t + 1) or self.is_source(b, t + 1, np_end)
                                        or self.described_object_at(b, np_end)):
            speaker, start = (t + 1, np_end), np_end
        elif not opens:
            return None  # X وصف …: the subject stands before the verb
        elif prev is not None and prev.key == "قد" and rule_on("S-PLUPERFECT-DESCRIBER"):
            speaker = self.pluperfect_subject(b, t)  # وكانت صحيفة «وول ستريت جورنال» قد وصفت في مقال …
            pluperfect = speaker is not None
        if start < link:
            start = min(link, self._skip_adjuncts(b, start, link))  # وصف بوتين، الأربعاء، | سكريبال; في تصريحات صحفية
        region = self.region_opening_at(b, link + 1)
        if region is not None and region.words and self.closes_predicate(b, region.close_token + 1) and start >= link:
            candidate = _Candidate(b, (t, t + 1), entry, "quote", region.first, region=self.region_index(b, region))
        else:
            candidate = _Candidate(b, (t, t + 1), entry, "obj", start)
            if tokens[link].key.startswith("بال"):
                candidate.content_end = link + 1  # ووصف العلاقات بالإستراتيجية، لكنه: the one word it is called
            elif (end := self.predicate_end(b, link)) is not None:
                candidate.content_end = end  # وصف الحادث بأنه هجوم إرهابي، بيد أن …: the narrator goes on
        candidate.speaker = speaker
        candidate.start_token = t
        candidate.boundary = True
        candidate.rules += ("Q-DESCRIBED-AS",) + (("S-PLUPERFECT-DESCRIBER",) if pluperfect else ())
        return candidate

    def predicate_end(self, b: int, link: int) -> Optional[int]:
        """``Q-DESCRIBED-AS``: where what the object is called ends, unquoted, before its sentence does: a
        semicolon, or a comma before a contrast or a consequence (``PREDICATE_CLOSERS``: ، بيد أن، ولكنها،
        مما); None when the sentence ends first."""
        tokens = self.blocks[b].tokens
        for k in range(link + 1, len(tokens)):
            if _ends_sentence(tokens, k) or tokens[k].region >= 0:
                return None
            nxt = tokens[k + 1].key if k + 1 < len(tokens) else ""
            if tokens[k].text in SEMICOLONS or (tokens[k].text in COMMAS and nxt in PREDICATE_CLOSERS):
                return k
        return None

    def described_object_at(self, b: int, k: int) -> bool:
        """``Q-DESCRIBED-AS``: the word at ``k`` opens an object, not more of a subject: it carries its
        owner's pronoun or is a verbal noun (ووصف المتشددون | انسحابهم من المدينة بأنه)."""
        token = self.blocks[b].tokens[k]
        return token.is_word and (_owned_head(token.text) != "" or is_verbal_noun(token.text))

    def describing_link(self, b: int, t: int) -> Optional[int]:
        """``Q-DESCRIBED-AS``: the token after a describing verb that opens what its object is called:
        بأنه / بكونه, ب before a quotation (بـ"الكلبة"), or a one-word بال predicate before a comma
        or و (ووصف العلاقات بالإستراتيجية،); None past a sentence's end, a colon or another cue."""
        tokens = self.blocks[b].tokens
        for k in range(t + 1, min(len(tokens), t + 1 + MAX_DESCRIBED_GAP)):
            token = tokens[k]
            if _ends_sentence(tokens, k) or token.text == ":":
                return None
            if not token.is_word:
                continue
            if token.key in self.lexicon.describing_links:
                return k
            if token.key in ("ب", "بـ") and self.region_opening_at(b, k + 1) is not None:
                return k
            if k > t + 1 and token.key.startswith("بال") and len(token.key) > 5 and self.closes_predicate(b, k + 1):
                return k
            other = lookup_cue(token.key)[0]
            if k > t + 1 and other is not None and not other.ambiguous:
                return None  # another cue first (بين "between" is no cue here)
        return None

    def closes_predicate(self, b: int, k: int) -> bool:
        """What a describing verb's object is called ends before ``k``: the block's or sentence's end,
        a comma or و."""
        tokens = self.blocks[b].tokens
        return k >= len(tokens) or _ends_sentence(tokens, k) or tokens[k].text in COMMAS or tokens[k].key == "و"

    def inner_attribution_end(self, b: int, t: int, after: int) -> Optional[int]:
        """``Q-ATTRIB-INNER``: an attribution with no mark before it whose source a word of the same
        clause follows (قتل من جراء النزاع في دارفور وفق للامم المتحدة 300 الف شخص) sits inside the
        words: they run over it to the sentence end. None when a mark stands on either side, a
        connector before it (وذلك بحسب), or a relative or و after its source (التي تعتبرها، وتحتاج)."""
        tokens = self.blocks[b].tokens
        if not rule_on("Q-ATTRIB-INNER") or t == 0 or not tokens[t - 1].is_word \
                or after >= len(tokens) or not tokens[after].is_word:
            return None
        if tokens[t - 1].key in ATTRIBUTION_CONNECTORS or tokens[t - 1].key in CLAUSE_OPENERS \
                or tokens[after].key in RELATIVES or tokens[after].key.startswith("و"):
            return None  # …، وذلك بحسب الاستطلاع | بحسب وزارة الصحة التي | حسب ما نشر من أخبار وتحتاج: no inner one
        if lookup_cue(tokens[after].key)[0] is not None:
            return None  # …وفق استطلاعات الرأي أشار: a verb of the source's own
        end = after
        while end < len(tokens) and not _ends_sentence(tokens, end):
            end += 1
        return end

    def last_clause_start(self, b: int, start: int, end: int) -> int:
        """``Q-ATTRIB-LAST-CLAUSE``: a final attribution reports the last clause of its sentence that a comma and
        وقد / فقد open (أطلق النادي مبادرة …، وقد استفاد 1311 شابا منها وفقا للنادي: only the last clause), else
        the whole sentence from ``start``."""
        tokens = self.blocks[b].tokens
        if not rule_on("Q-ATTRIB-LAST-CLAUSE"):
            return start
        for k in range(end - 3, start, -1):
            if tokens[k].text in COMMAS and tokens[k + 1].key in LAST_CLAUSE_OPENERS and tokens[k].region < 0:
                return k + 2
        return start

    def relays_report(self, b: int, start: int, end: int) -> bool:
        """``Q-ATTRIB-RELAYS-REPORT``: the clause an attribution would report opens with a report of its
        own, a past verb of saying among its first words whose words follow it (after أن / إن, a colon
        or a quotation, past the attribution itself): the attribution only says where that report was
        read (وقال بوتين في الفيلم، بحسب رويترز: "…"; وبحسب الشروق، فإن معلول قال إن), and the words
        are the reporting verb's speaker's."""
        if not rule_on("Q-ATTRIB-RELAYS-REPORT"):
            return False
        tokens = self.blocks[b].tokens
        for k in range(start, end):
            if _ends_sentence(tokens, k):
                return False  # … قتل برصاص ضابط شرطة. وأفادت: the next sentence's report is its own
            if self.saying_verb_at(b, k) and self.report_follows(b, k):
                return True
        return False

    def saying_verb_at(self, b: int, k: int) -> bool:
        """A past cue verb that takes أن at ``k``, outside quotation marks and not a noun of the same form
        (على رأي لجنة)."""
        tokens = self.blocks[b].tokens
        token = tokens[k]
        if not token.is_word or token.region >= 0 or len(token.key) < 3 or _is_definite(token.key):
            return False
        entry = lookup_cue(token.key)[0]
        prev = _prev_word(tokens, k)
        return entry is not None and entry.kind == "verb" and not entry.ambiguous and entry.tense == "past" \
            and "أن" in entry.complements and not (prev is not None and prev.key in PREPOSITIONS)

    def report_follows(self, b: int, k: int) -> bool:
        """The words of the verb of saying at ``k`` follow it in its sentence: أن / إن, a colon or an
        opening quotation mark within a few words, past an attribution between them."""
        tokens = self.blocks[b].tokens
        for f in range(k + 1, min(len(tokens), k + 1 + MAX_RELAYED_FRAME_TOKENS)):
            if _ends_sentence(tokens, f):
                return False
            if tokens[f].key in COMPLEMENTISERS or tokens[f].text == ":" or self.region_opening_at(b, f) is not None:
                return True
        return False

    def issuer_after(self, b: int, s: int, limit: int) -> Optional[tuple[int, int]]:
        """``Q-ATTRIB-ISSUER``: what an attribution cites that is no source itself (data, figures) but
        is issued by one named right after it (وفق الإحصاءات الصادرة عن وزارة المالية): that issuer."""
        tokens = self.blocks[b].tokens
        if not rule_on("Q-ATTRIB-ISSUER"):
            return None
        for k in range(s, min(limit - 2, s + MAX_ISSUED_GAP)):
            if not tokens[k].is_word:
                return None
            if tokens[k].key in ISSUED_WORDS and tokens[k + 1].key == "عن" and self.names_source(b, k + 2):
                return k + 2, max(k + 3, self.speaker_forward(b, k + 2, limit))
        return None

    def middle_attribution_words(self, b: int, t: int, np_end: int, sentence_start: int) -> Optional[int]:
        """``Q-ATTRIB-MIDDLE``: where the words start when an attribution is an aside between commas or
        dashes after a short sentence head that is no clause of its own (يحتوي الهاتف -بحسب تسريبات
        الموقع- على 3 شاشات; فعلى سبيل المثال، وفقا لبيانات المجلس، بلغت): right after the aside, when
        what follows goes on with the sentence (not و, a time, a relative or a verb that names its own
        speaker); else None (the words are the sentence before it)."""
        tokens = self.blocks[b].tokens
        asides = COMMAS | DASHES
        if not rule_on("Q-ATTRIB-MIDDLE") or t == 0 or tokens[t - 1].text not in asides:
            return None
        clause_start = max((k + 1 for k in range(sentence_start, t - 1) if tokens[k].text in COMMAS), default=sentence_start)
        head = [tok for tok in tokens[clause_start : t - 1] if tok.is_word]
        if not head or len(head) > MAX_MIDDLE_HEAD_WORDS:
            return None
        close = np_end
        while close < min(len(tokens), np_end + MAX_MIDDLE_HEAD_WORDS) and tokens[close].is_word \
                and lookup_cue(tokens[close].key)[0] is None:
            close += 1  # لبيانات مجلس الذهب | لشهر يونيو الماضي، : the source's own complements
        if close >= len(tokens) or tokens[close].text not in asides:
            return None
        after = close + 1
        while after < len(tokens) and tokens[after].key in CONTENT_OPENERS:
            after += 1
        if after + 1 < len(tokens) and tokens[after].key in COPULA_PRONOUNS and tokens[after + 1].key in COMPLEMENTISERS:
            after += 2  # أحد المحاذير، وفقا لفيليبس، هو أن | تناول …
        if after >= len(tokens) or not tokens[after].is_word:
            return None
        key = tokens[after].key
        if key[:1] in CONJUNCTIONS_WAW_FA or key in TIME_WORDS or key in RELATIVES or key in PARTICLES \
                or self.reports_itself(b, after):
            return None
        named = self.mention_at(b, after)
        if named is not None and named.label == "PER":
            return None  # حسب مدير عام البرنامج، ناصر العريني، للتخطيط: the source's name in apposition
        return after

    def reports_itself(self, b: int, t: int) -> bool:
        """A cue verb at ``t`` with its own complementiser or colon within a few words (أضاف الاتحاد أن):
        a report of its own, not words an attribution before it reports (بلغت احتياطيات اليمن …)."""
        tokens = self.blocks[b].tokens
        verb = lookup_cue(tokens[t].key)[0]
        if verb is None or verb.kind != "verb":
            return False
        return any(tok.key in COMPLEMENTISERS or tok.text == ":" for tok in tokens[t + 1 : t + 1 + MAX_MIDDLE_HEAD_WORDS])

    def final_source(self, b: int, t: int, s: int, np_end: int) -> Optional[tuple[str, ...]]:
        """``Q-ATTRIB-FINAL``: an attribution after a comma that closes its sentence (its source and at
        most a few words more, no complementiser, then the sentence's end) reports the clause before it
        whatever its source's head (…، وفق المؤشر العالمي.; …، بحسب بيان حكومي.), unless it cites
        evidence, a norm or a plan (وفقا للقانون، حسب الحاجة: ``is_evidence``). Gives the rule ids that
        read it so, else None."""
        tokens = self.blocks[b].tokens
        if not rule_on("Q-ATTRIB-FINAL") or t == 0 or tokens[t - 1].text not in COMMAS or not tokens[s].is_word:
            return None
        key = tokens[s].key
        head = key[1:] if key[:1] == "ل" and key[:2] != "لل" else key  # وفقا لبيانات: the noun after ل
        data = rule_on("Q-ATTRIB-DATA") and self.is_data(b, s)  # …، بحسب إحصاءات الحلف الأطلسي.
        if not data and (self.is_evidence(b, s) or listed_head(head, self.lexicon.heads, EVIDENCE_HEADS)):
            return None
        final_words = self.lexicon.final_attribution_words
        if (not data and tokens[t].key not in final_words and _strip_conj(tokens[t].key) not in final_words) \
                or self.opens_sentence_at(b, t):
            return None  # حسب حجم الحمولة: "depending on" (حسب البيانات is data's); وفقا keeps its و (not و + فقا)
        if _owned_head(tokens[s].text):
            return None  # بحسب تعبيره: the owner of the words speaks (a closer, not a source)
        link = tokens[s - 1].key if s > t + 1 else ""
        if link in MA_RELATIVES or (link[:1] == "ل" and link[1:] in MA_RELATIVES):
            return None  # وفق ما تم التداول به: a clause, not a source
        for k in range(np_end, min(len(tokens), np_end + MAX_FINAL_SOURCE_TAIL + 1)):
            if _ends_sentence(tokens, k):
                return ("Q-ATTRIB-FINAL",) + (("Q-ATTRIB-DATA",) if data else ())
            if tokens[k].text in COMMAS and self.closes_clause_at(b, k):
                return ("Q-ATTRIB-FINAL", "Q-ATTRIB-FINAL-TAIL") + (("Q-ATTRIB-DATA",) if data else ())
            if tokens[k].key in COMPLEMENTISERS or tokens[k].text in COMMAS or tokens[k].text in ALL_MARKS:
                return None
        return None

    def closes_clause_at(self, b: int, comma: int) -> bool:
        """``Q-ATTRIB-FINAL-TAIL``: what follows the comma after a final attribution's source leaves it
        closing its clause: only a date before the sentence ends (…، وفقا لبيان على موقع الهيئة، الأحد.)
        or a word that opens a new clause (…، بحسب المصور، بينما التهمت النيران …)."""
        tokens = self.blocks[b].tokens
        if not rule_on("Q-ATTRIB-FINAL-TAIL") or comma + 1 >= len(tokens):
            return False
        first = tokens[comma + 1]
        second = tokens[comma + 2].key if comma + 2 < len(tokens) else ""
        if first.key in CLAUSE_STOPPERS or (first.key, second) in CLAUSE_STOPPER_PAIRS:
            return True
        k = comma + 1
        while k < len(tokens) and k <= comma + MAX_DATE_TAIL_WORDS and tokens[k].is_word and tokens[k].key in TIME_WORDS:
            k += 1
        return k > comma + 1 and (k >= len(tokens) or _ends_sentence(tokens, k))

    def carrier_is_source(self, b: int, t: int, s: int) -> bool:
        """``Q-ATTRIB-CARRIER``: a carrier word that was passed over (مصدر، مصادر، بيان) is the source
        itself when the words after it name none (بحسب مصادر | عسكرية.): an adjective, not a name."""
        tokens = self.blocks[b].tokens
        if not rule_on("Q-ATTRIB-CARRIER") or t >= s - 1:
            return False
        key, carriers = tokens[s - 1].key, self.lexicon.attribution_carriers
        if key in carriers:
            return self.names_source(b, s - 1)
        return key[:1] == "ل" and key[1:] in carriers and listed_head(key[1:], self.lexicon.heads, SOURCE_KINDS)  # وفقا لمصادر | أمنية

    def carrier_stands_alone(self, b: int, t: int, s: int) -> bool:
        """``Q-ATTRIB-BARE-CARRIER``: a carrier passed over (بيان، مصادر، تقرير) before no noun phrase of its
        own, only a preposition, a comma or the sentence's end (وفقا لبيان | من الشركة، بحسب بيان |، جاء
        فيه): the carrier itself is the source."""
        tokens, carriers = self.blocks[b].tokens, self.lexicon.attribution_carriers
        if not rule_on("Q-ATTRIB-BARE-CARRIER") or t >= s - 1 or s >= len(tokens):
            return False
        key = tokens[s - 1].key
        if key not in carriers and not (key[:1] == "ل" and key[1:] in carriers):
            return False
        nxt = tokens[s]
        return (not nxt.is_word and nxt.text in COMMAS) or _ends_sentence(tokens, s) \
            or (nxt.key in PREPOSITIONS and nxt.key != "عن")

    def glued_article_source(self, b: int, s: int) -> bool:
        """``Q-ATTRIB-GLUED``: an attribution's source opening with ل glued to the article (وفقا للاتحاد
        الدولي، بحسب للمرصد) is the source's name, not a prepositional phrase that ends it."""
        key = self.blocks[b].tokens[s].key
        return rule_on("Q-ATTRIB-GLUED") and key.startswith("لل") and len(key) > 4 \
            and (self.mention_at(b, s) is not None or self.names_source(b, s) or self.names_document(b, s))

    def glued_source_end(self, b: int, s: int, limit: int) -> int:
        """The end of a source opening with a glued لل word: its words after it, up to a conjunction
        or an apodosis (للمصادر العسكرية | فقد، للجامعة | وتذكير), or the tagger's name when longer."""
        tokens = self.blocks[b].tokens
        end = max(s + 1, self.speaker_forward(b, s + 1, limit))
        for k in range(s + 1, end):
            if tokens[k].key[:1] in CONJUNCTIONS_WAW_FA and self.mention_at(b, k) is None:
                end = k
                break
        mention = self.mention_at(b, s)
        while mention is not None and end < limit and self.mention_at(b, end) is mention:
            end += 1
        return end

    def relayed_agent(self, b: int, s: int) -> bool:
        """``Q-ATTRIB-RELAYED``: the subject after a reporting verb inside an attribution (وفقا لما
        ذكرته | خدمة الطوارئ الأوكرانية) is a source even when no lexicon head or tag says so; not a
        definite common noun that is evidence (بحسب ما أظهرته الصور)."""
        tokens = self.blocks[b].tokens
        key = tokens[s].key
        return rule_on("Q-ATTRIB-RELAYED") and tokens[s].is_word and not _is_stop(tokens[s]) \
            and not PREPOSITION_PRONOUN_RE.match(key) and key[:1] not in "بل" and not self.is_evidence(b, s)

    def document_candidate(self, b: int, t: int) -> Optional[_Candidate]:
        """"وجاء في البيان أن …" / "جاء في التقرير: …": the document is the source of what follows."""
        tokens = self.blocks[b].tokens
        if tokens[t].key not in DOCUMENT_VERBS or t + 2 >= len(tokens) or tokens[t + 1].key != "في":
            return None
        first = t + 3 if tokens[t + 2].key in DEMONSTRATIVES and t + 3 < len(tokens) else t + 2  # في هذه الوثيقة
        head = _strip_noun(tokens[first].key)
        if head not in self.document_heads:
            return None
        np_end = self.speaker_forward(b, first, len(tokens))
        if np_end == first:
            return None
        candidate = self.complement_candidate(b, t, DOCUMENT_CUE, np_end, window=MAX_APPOSITION_GAP)
        if candidate is None or candidate.method not in ("that", "quote", "colon"):
            return None
        candidate.cue = (t, t + 2)
        candidate.speaker = (first, np_end)
        candidate.start_token = t
        return candidate

    def saying_candidate(self, b: int, t: int) -> Optional[_Candidate]:
        """"واكتفى الوزير بالقول إن …" / "وختم حديثه بالقول: …": بالقول reports for the subject
        of the verb that opens its clause (the noun phrase right after that verb, else dropped).
        ``Q-SAYING-OWNED``: بقوله / بقولها ("by his saying") too; when no such subject is named
        (وتطرق إلى التحليلات، بقوله: …) its pronoun is resolved as a dropped subject."""
        tokens = self.blocks[b].tokens
        entry = self.lexicon.verbal_nouns.get("قول")
        if entry is None or tokens[t].key not in SAYING_NOUNS:
            return None
        owned = tokens[t].key != "بالقول"
        if owned and (not rule_on("Q-SAYING-OWNED") or self.cue_verb_between(b, self.sentence_start(b, t), t)):
            return None  # واعترف هيريرا بالخطأ، بقوله: "…": the clause's own cue reports the words
        candidate = self.complement_candidate(b, t, entry, t + 1, window=3 if owned else 2)
        if candidate is None or candidate.method not in ("that", "quote", "colon"):
            return None
        if owned:
            candidate.rules += ("Q-SAYING-OWNED",)
        last = t - 2 if owned and t > 1 and tokens[t - 1].text in COMMAS else t - 1  # وتطرق …، بقوله
        gap = MAX_OWNED_SAYING_GAP if owned else MAX_SAYING_GAP
        verb = next((v for v in range(last, max(-1, last - gap), -1)
                     if not tokens[v].is_word and tokens[v].text not in ALL_MARKS  # past a name's quotation marks
                     or tokens[v].key[:1] in CONJUNCTIONS_WAW_FA and v == self.sentence_start(b, v)
                     or v > 0 and not tokens[v - 1].is_word and tokens[v - 1].text not in ALL_MARKS or owned and v == 0), None)
        if verb is None or not tokens[verb].is_word or self.mention_at(b, verb) is not None:
            return candidate if owned else None  # no clause-opening verb close before it
        first = verb + 1
        if owned and first < last and PREPOSITION_PRONOUN_RE.match(tokens[first].key):
            first += 1  # واتفقت معها | شبكة "بي بي سي" بقولها: the subject comes after the verb's own complement
        np_end = self.speaker_forward(b, first, last + 1)
        # the text, not the matching form, tells the pronoun ه from the feminine ة (الشرطة)
        while np_end > first + 1 and tokens[np_end - 1].text.endswith(PRONOUN_SUFFIXES) and self.mention_at(b, np_end - 1) is None:
            np_end -= 1  # وختم المدير حديثه: the object with its pronoun is not the name
        if np_end > first and not self.names_source(b, first):
            return candidate if owned else None  # ويمكن تلخيص الموقف بالقول: no one speaks
        candidate.speaker = (first, np_end) if np_end > first else None
        candidate.start_token = verb
        return candidate

    def cue_verb_between(self, b: int, start: int, end: int) -> bool:
        """A cue verb (not an ambiguous form, nor a closing verb that yields: Q-CLOSING-CUE-YIELDS) among the
        tokens from ``start`` to ``end``."""
        tokens = self.blocks[b].tokens
        return any((entry := lookup_cue(tokens[k].key)[0]) is not None and entry.kind == "verb" and not entry.ambiguous
                   and not (entry.yields and rule_on("Q-CLOSING-CUE-YIELDS"))
                   for k in range(start, end) if tokens[k].is_word)

    def headline_candidates(self, accepted: list[_Candidate]) -> list[_Candidate]:
        found = []
        speakers = {_key_text(self.speaker_text(c)) for c in accepted if c.speaker}
        quoting = {c.block for c in accepted}
        self.lead_speakers = self.lead_sentence_speakers(accepted)
        for b, block in enumerate(self.blocks):
            tokens = block.tokens
            words = sum(t.is_word for t in tokens)
            if not tokens or words > MAX_HEADLINE_WORDS:
                continue
            if block.span.label not in ("title", "caption", "subheading") and any(_ends_sentence(tokens, i) for i in range(len(tokens) - 1)):
                continue
            if b in quoting:
                continue
            head = self.headline_head(b, 0, speakers)
            label = 0 if head is not None else self.headline_label_end(b)
            if label:
                head = self.headline_head(b, label, speakers)  # قد يهمك/ تميم بن حمد: …
            labelled = label > 0 and head is not None
            pause = 0 if head is not None else self.headline_pause_end(b)
            if pause:
                head = self.headline_head(b, pause, speakers)  # بعد حكم العدل الدولية.. جواد ظريف: …
            paused = pause > 0 and head is not None
            topic = head is None and (head := self.topic_headline_head(b)) is not None
            if head is None:
                continue
            # رابط الخبر: “هيومن رايتس ووتش”: …: a speaker form inside the content is the real one
            head = self.headline_head(b, head[2] + 1, speakers) or head
            speaker_start, speaker_end, colon = head
            if tokens[speaker_start].key in LINK_WORDS and rule_on("Q-LINK-LINE"):
                continue  # رابط الخبر بصحيفة الوئام: <the article's own title>: a link line, not a statement
            if any(t.text in QUESTION_MARKS for t in tokens[colon + 1:]) and rule_on("Q-HEADLINE-QUESTION"):
                continue  # رومان أبراموفيتش: ما هي تأشيرة المستثمر؟: the headline asks about its topic
            candidate = _Candidate(b, (colon, colon + 1), _COLON_ENTRY, "headline", colon + 1)
            region = self.region_opening_at(b, colon + 1)
            if region is not None and region.last >= len(tokens) - 3:
                candidate.region = self.region_index(b, region)
                candidate.content_start = region.first
            if speaker_end > speaker_start + 2 and _is_title_abbreviation(tokens, speaker_start + 1) \
                    and rule_on("Q-HEADLINE-TITLE-ABBREVIATION"):
                speaker_start += 2  # د. | الصيني: the name after the title, which the body names in full
                candidate.rules += ("Q-HEADLINE-TITLE-ABBREVIATION",)
            candidate.speaker = (speaker_start, speaker_end)
            candidate.content_end = _trim_credit(tokens, len(tokens))
            if topic:
                candidate.rules += ("Q-HEADLINE-TOPIC",)
                if candidate.region < 0:
                    candidate.rules += ("Q-HEADLINE-TOPIC-PLAIN",)
            if b in self.body_titled:
                candidate.rules += ("Q-HEADLINE-BODY-TITLE",)
            if labelled:
                candidate.rules += ("Q-HEADLINE-LABEL",)
            if paused:
                candidate.rules += ("Q-HEADLINE-PAUSE",)
            if any(t.is_word and _is_stop(t) for t in tokens[speaker_start:speaker_end]):
                candidate.rules += ("Q-HEADLINE-PHRASE",)  # عبدالله بالخير، مصدر في اتحاد الكرة
                if any(self.source_preposition(b, speaker_start, k) for k in range(speaker_start, speaker_end)):
                    self.office_places.add((b, speaker_start))  # the body after في is where the source works
            if {m.label for t in range(speaker_start, speaker_end) if (m := self.mention_at(b, t))} == {"LOC"}:
                if self.mention_at(b, speaker_start) is not None and not self.place_speaks(b, colon):
                    candidate.rules += ("Q-HEADLINE-PLACE-LEAD",)  # كندا: … / قالت الحكومة الكندية: the lead names it
                elif self.mention_at(b, speaker_start) is not None:
                    candidate.rules += ("Q-HEADLINE-PLACE-VOICE",)  # تركيا: … أهدافنا: the place says "we"
                else:
                    candidate.rules += ("Q-HEADLINE-TITLE",)  # وزير خارجية بريطانيا: a title holding a place
            found.append(candidate)
        return found

    def headline_label_end(self, b: int) -> int:
        """``Q-HEADLINE-LABEL``: a headline may follow a short section label that a slash or bar closes (قد يهمك/
        ترامب: …، رياضي / مدربا الهلال والنصر: …); where the headline starts after it, else 0. The label is a
        few untagged words: a name before the mark (عكاظ/ …) is a by-line, not a label."""
        tokens = self.blocks[b].tokens
        if not rule_on("Q-HEADLINE-LABEL"):
            return 0
        for k in range(min(len(tokens), MAX_HEADLINE_LABEL_WORDS + 1)):
            if tokens[k].text in LABEL_SEPARATORS:
                return k + 1 if k > 0 and k + 1 < len(tokens) else 0
            if not tokens[k].is_word or self.mention_at(b, k) is not None:
                return 0
        return 0

    def headline_pause_end(self, b: int) -> int:
        """``Q-HEADLINE-PAUSE``: a headline's speaker may follow its topic after a pause (عام على الأزمة الخليجية..
        ووزير خارجية البحرين: …، بعد حكم العدل الدولية.. جواد ظريف: …); where the words after the last ".." or
        "…" before the colon start, else 0."""
        tokens = self.blocks[b].tokens
        colon = next((i for i, token in enumerate(tokens) if token.text == ":"), None)
        if colon is None or not rule_on("Q-HEADLINE-PAUSE"):
            return 0
        for k in range(colon - 1, 0, -1):
            if tokens[k].text in PAUSE_MARKS or _is_ellipsis(tokens, k):
                return k + 1 if k + 1 < colon else 0
        return 0

    def headline_head(self, b: int, start: int, speakers: set[str]) -> Optional[tuple[int, int, int]]:
        """Speaker (start, end) and colon of a headline form starting at ``start``, or None.

        The speaker is a short name phrase, or a quoted name (“هيومن رايتس ووتش”: …).
        """
        tokens = self.blocks[b].tokens
        region = self.region_opening_at(b, start)
        quoted = (
            region is not None and region.balanced and 0 < region.words <= MAX_NAME_WORDS
            and region.close_token + 1 < len(tokens) and tokens[region.close_token + 1].text == ":"
        )
        if quoted:
            first, end, colon = region.first, region.last + 1, region.close_token + 1
        else:
            limit = min(len(tokens), start + MAX_HEADLINE_SPEAKER_WORDS + 1)
            colon = next((i for i in range(start, limit) if tokens[i].text == ":"), None)
            if colon is None or colon == start:
                return None
            first, end = start, _addressee_start(tokens, colon, start)
            if not all(self.headline_speaker_word(b, first, t) for t in range(first, end)):
                return None
        if sum(t.is_word for t in tokens[colon + 1 :]) < 3:
            return None
        if not self.is_headline_speaker(b, first, end, speakers, colon):
            # a quoted name may still speak when the tagger did not see it as a place
            if not quoted or any((m := self.mention_at(b, t)) is not None and m.label == "LOC" for t in range(first, end)):
                return None
        return first, (end if quoted else self.headline_name_end(b, end, first)), colon

    def place_speaks(self, b: int, colon: int) -> bool:
        """``Q-HEADLINE-PLACE-VOICE``: a place before a headline's colon is its speaker when the words after
        the colon say "we" (قبرص: … ضمن أهدافنا، سوريا: … بالتنسيق معنا); else it is the topic (سوريا: مقتل …)."""
        if colon < 0 or not rule_on("Q-HEADLINE-PLACE-VOICE"):
            return False
        words = [t.key for t in self.blocks[b].tokens[colon + 1 :] if t.is_word]
        return any(says_we_after(words[i - 1] if i else "", key) for i, key in enumerate(words))

    def lead_sentence_speakers(self, accepted: list[_Candidate]) -> list[tuple[Optional[str], list[str]]]:
        """``Q-HEADLINE-PLACE-LEAD``: each speaker phrase that the first sentence of the article's lead (its first
        paragraph after the first, that is no title, caption or subheading) gives a cue of, as the first selection
        accepted it: the canonical name of a place it opens with, and its word keys."""
        lead = next((b for b, block in enumerate(self.blocks) if b > 0 and block.tokens and block.span.label not in
                     ("title", "caption", "subheading")), None)
        if lead is None:
            return []
        tokens = self.blocks[lead].tokens
        first_end = next((k for k in range(len(tokens)) if _ends_sentence(tokens, k)), len(tokens))
        found = []
        for c in accepted:
            if c.block == lead and c.speaker and c.cue[0] < first_end:
                opening = self.mention_at(lead, c.speaker[0])
                place = (opening.canonical or opening.text) if opening is not None and opening.label == "LOC" else None
                found.append((place, [t.key for t in tokens[c.speaker[0] : c.speaker[1]] if t.is_word]))
        return found

    def lead_place_speaks(self, b: int, start: int, colon: int) -> bool:
        """``Q-HEADLINE-PLACE-LEAD``: a place before a headline's colon is its speaker when the lead's first
        sentence reports the state itself: a source opening with that place (السعودية: اعتراض صاروخ … / أعلنت المملكة
        العربية السعودية) or a state voice with its nisba (كندا: مستعدون … / قالت الحكومة الكندية إنها), unless
        the words after the colon hold a cue of their own (سوريا: الأكراد يعلنون …). Data: name_words.json
        state_voices, nisba.tsv."""
        tokens = self.blocks[b].tokens
        mention = self.mention_at(b, start)
        if not rule_on("Q-HEADLINE-PLACE-LEAD") or mention is None or not self.lead_speakers:
            return False
        if any(_is_cue_token(t) for t in tokens[colon + 1:]):
            return False
        name = match_form(mention.canonical or mention.text)
        words, place = {_title_key(w) for w in name.split()}, _title_key(name)
        for opening, keys in self.lead_speakers:
            if opening is not None and words <= {_title_key(w) for w in match_form(opening).split()}:
                return True  # السعودية / المملكة العربية السعودية
            if any(key in STATE_VOICES and _nisba_place(nxt) == place for key, nxt in zip(keys, keys[1:])):
                return True  # كندا / الحكومة الكندية
        return False

    def headline_speaker_word(self, b: int, first: int, t: int) -> bool:
        """A word that may stand in a headline speaker's phrase: no stop word or cue, except
        ``Q-HEADLINE-PHRASE``: a word of a tagged name (عبدالله بالخير) or a preposition after a
        source head (مصدر في اتحاد الكرة: …, مسؤول بالخارجية الأمريكية: …)."""
        tokens = self.blocks[b].tokens
        token = tokens[t]
        if _is_title_abbreviation(tokens, t) and rule_on("Q-HEADLINE-TITLE-ABBREVIATION"):
            return True  # د. الصيني: …: the dot of a title, not a sentence's end
        if not token.is_word or _is_cue_token(token):
            return False
        if not _is_stop(token):
            return True
        if not rule_on("Q-HEADLINE-PHRASE"):
            return False
        mention = self.mention_at(b, t)
        if mention is not None and mention.label in ("PER", "ORG"):
            return True
        return self.source_preposition(b, first, t)

    def source_preposition(self, b: int, first: int, t: int) -> bool:
        """``Q-HEADLINE-PHRASE``: في / من / a بال word after a person or anonymous source head
        (مصدر في اتحاد الكرة): the body after it is where the source works."""
        heads, key = self.lexicon.heads, self.blocks[b].tokens[t].key
        head = _strip_noun(self.blocks[b].tokens[first].key)
        return t > first and (key in SOURCE_PREPOSITIONS or key.startswith("بال")) \
            and any(head in heads[k] for k in ("person", "anonymous"))

    def topic_headline_head(self, b: int) -> Optional[tuple[int, int, int]]:
        """``Q-HEADLINE-TOPIC``: a headline whose speaker's name is followed by whom or what the words
        are about, then a colon and a quotation (السيسي للمصريين حول قضية الغاز: "جبنا جول")."""
        tokens = self.blocks[b].tokens
        mention = self.mention_at(b, 0) if tokens else None
        if mention is None or mention.label not in ("PER", "ORG") or not rule_on("Q-HEADLINE-TOPIC"):
            return None
        end = 1
        while end < len(tokens) and self.mention_at(b, end) is mention:
            end += 1
        colon = next((i for i in range(end, min(len(tokens), end + MAX_HEADLINE_TOPIC_WORDS)) if tokens[i].text == ":"), None)
        if colon is None or colon == end:
            return None
        opener = tokens[end].key
        if not (opener in HEADLINE_TOPICS or opener.startswith("ل") and len(opener) > 3):
            return None
        if any(_is_cue_token(t) or not t.is_word and t.text not in ALL_MARKS for t in tokens[end:colon]):
            return None
        region = self.region_opening_at(b, colon + 1)
        if (region is None or not region.words or region.last < len(tokens) - 3) and not rule_on("Q-HEADLINE-TOPIC-PLAIN"):
            return None  # زيدان عن بيل: يعلم مكانته: a name and its topic open unquoted words too (Q-HEADLINE-TOPIC-PLAIN)
        return 0, end, colon

    def headline_name_end(self, b: int, end: int, start: int = 0) -> int:
        """"ترامب يتوعد روحاني: …": the speaker is the name before the verb, not the clause.

        The name ends before a present-tense verb (ي + stem) or, with mentions, where
        the first name ends when another name follows it.
        """
        tokens, heads = self.blocks[b].tokens, self.lexicon.heads
        for t in range(start + 1, end):
            key = tokens[t].key
            if key.startswith("ي") and len(key) > 3 and not any(key in heads[k] for k in heads):
                return t
        first = self.mention_at(b, start)
        if first is not None:
            t = start + 1
            while t < end and self.mention_at(b, t) is first:
                t += 1
            if t < end and self.mention_at(b, t) is not None:
                return t
        return end

    def is_headline_speaker(self, b: int, start: int, end: int, speakers: set[str], colon: int = -1) -> bool:
        tokens = self.blocks[b].tokens
        labels = {m.label for t in range(start, end) if (m := self.mention_at(b, t)) is not None}
        if labels & {"PER", "ORG"}:
            return True
        if labels == {"LOC"} and self.mention_at(b, start) is not None and self.place_speaks(b, colon):
            return True  # تركيا: أكراد سوريا ليسوا ضمن أهدافنا (Q-HEADLINE-PLACE-VOICE)
        if labels == {"LOC"} and self.lead_place_speaks(b, start, colon):
            return True  # كندا: مستعدون … / قالت الحكومة الكندية إنها (Q-HEADLINE-PLACE-LEAD)
        if labels == {"LOC"} and (self.mention_at(b, start) is not None or not rule_on("Q-HEADLINE-TITLE")):
            return False  # الرياض: … is a dateline; وزير خارجية قطر: … is a title that holds a place
        first = _strip_noun(tokens[start].key)
        heads = self.lexicon.heads
        if any(first in heads[k] or tokens[start].key in heads[k] for k in ("person", "anonymous", "media")):
            return True
        if end > start + 2 and _is_title_abbreviation(tokens, start + 1) and rule_on("Q-HEADLINE-TITLE-ABBREVIATION"):
            return True  # د. الصيني: a title's abbreviation opens a person's name
        text = _key_text(" ".join(t.text for t in tokens[start:end]))
        if any(text and (text == s or f" {text}" in f" {s}") for s in speakers):
            return True
        return self.titled_in_body(b, [t.key for t in tokens[start:end] if t.is_word])

    def titled_in_body(self, b: int, keys: list[str]) -> bool:
        """``Q-HEADLINE-BODY-TITLE``: a headline speaker's words that another paragraph gives right after
        a person's title (لطيفة: … and then نشرت الفنانة لطيفة التونسية): a person's name, though
        untagged."""
        if not keys or len(keys) > MAX_NAME_WORDS or not rule_on("Q-HEADLINE-BODY-TITLE"):
            return False
        person = self.lexicon.heads["person"]
        for other, block in enumerate(self.blocks):
            tokens = block.tokens
            for i in range(1, len(tokens) - len(keys) + 1):
                if other != b and [t.key for t in tokens[i : i + len(keys)]] == keys \
                        and _strip_noun(tokens[i - 1].key) in person and self.mention_at(other, i) is None:
                    self.body_titled.add(b)
                    return True
        return False

    def closer_candidates(self, accepted: list[_Candidate]) -> list[_Candidate]:
        """"…، على حد قوله": a clause no cue introduced, attributed by its closer to "him"."""
        found = []
        closing = _QuotedTokens(accepted, after=2)  # a quote's words and the two tokens after them
        for b, block in enumerate(self.blocks):
            tokens = block.tokens
            for t in range(1, len(tokens)):
                if tokens[t].region >= 0 or not _starts_closer(tokens, t, self.lexicon.closers):
                    continue
                if closing.holds(b, t):
                    continue  # the closer of an accepted quote (قال إن … على حد تعبيره)
                start, end = self.sentence_start(b, t), t
                while end > start and not tokens[end - 1].is_word:
                    end -= 1
                if block.word_count(start, end) < MIN_SPEECH_WORDS:
                    continue
                size = next(len(c) for c in self.lexicon.closers if all(
                    t + i < len(tokens) and tokens[t + i].key == w for i, w in enumerate(c)))
                noun = tokens[t + size - 1].key
                entry = replace(_CLOSER_ENTRY, gender="f" if noun.endswith("ها") else "m")
                candidate = _Candidate(b, (t, t + size), entry, "closer", start, content_end=end)
                candidate.boundary = False
                candidate.start_token = start
                candidate.speaker = self.last_person(b, start, end)
                found.append(candidate)
        return found
