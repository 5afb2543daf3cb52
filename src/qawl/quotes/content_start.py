"""Content span, part 1: where the reported words begin.

Input: a block, the cue's entry and the token after its speaker. Output: the terminal that
opens the content (``scan_terminal``: a complementiser, a colon, a quotation, the verb's own
preposition, another cue or the sentence end) and from it a ``_Candidate`` with its method
(``complement_candidate``: quote, colon, that, prep, obj) and its first content token, or
None when the cue introduces no words. Guarantees: the scan reads at most ``window`` tokens
(longer only over a relative clause describing the speaker); a quotation region is the
whole content of a ``quote`` candidate.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Optional, Sequence

from qawl.arabic import (
    ADDRESSEE_PRONOUNS, BUT, CLAUSE_GOVERNORS, CLAUSE_OPENERS, COMPLEMENTISERS, DEGREE_WORDS, MEASURE_OPENERS, MODAL_VERBS, MONTH_NAMES, NARRATOR_BEFORE_COMPLEMENTISER, OBJECT_CARRIERS,
    ORDINAL_MONTHS, PREPOSITION_LETTERS, PREPOSITIONS, PRONOUN_CARRIERS, PRONOUN_SUFFIXES, SAME_SOURCE_WORDS, SAME_WORDS, SUBJECT_QUANTIFIERS,
    SUBJECT_RELATIVES, TIME_QUALIFIERS,
    RESPONSE_ADVERBIALS, SHORT_QUOTE_LEMMAS, TIME_RELATIVES, TIME_WORDS,
)
from qawl.cues import CueEntry, lookup_cue
from .candidate import _Candidate
from .config import (
    FRAME_WINDOW, MAX_APPOSITION_GAP, MAX_MEASURE_GAP, MAX_NAME_WORDS, MAX_PROPOSITION_GAP, MAX_SOURCE_QUOTATION_GAP,
    MAX_SOURCE_QUOTATION_WORDS, MAX_TITLE_WORDS, MIN_SPEECH_WORDS, TERMINAL_WINDOW,
)
from .lexical import (
    _is_cue_token, _is_definite, _is_indefinite_nisba, _is_stop, _looks_adjective, _medium_name, _prep_form,
    _is_relational, _strip_conj, _strip_noun, _time_phrase_width, _unpossessed,
)
from .rules import rule_on
from .tokens import ALL_MARKS, COMMAS, LATIN_RE, SENTENCE_END, _Region, _Token, _ends_sentence, _first_in

MAX_PARTICIPLE_OBJECT = 4  # مطالبا | إدارة المطار | بالتدخل: the object's words before the preposition
# whom it was said to (مؤكدا لهم أنه): لي، لنا، لك … and ل with a third person's pronoun (له، لها، لهم)
PARTICIPLE_ADDRESSEES = ADDRESSEE_PRONOUNS | frozenset("ل" + suffix for suffix in PRONOUN_SUFFIXES)


def _has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


class _ContentStart:
    """Terminals and content starts (mixed into ``_Extractor``)."""

    def region_opening_at(self, b: int, t: int) -> Optional[_Region]:
        block = self.blocks[b]
        index = block.opening.get(t)
        return None if index is None else block.regions[index]

    def regions_opening(self, b: int, start: int, end: int) -> list[_Region]:
        """The quotation regions whose opening mark lies in ``tokens[start:end]``."""
        block = self.blocks[b]
        return [block.regions[block.opening[t]] for t in range(start, min(end, len(block.tokens))) if t in block.opening]

    def region_index(self, b: int, region: _Region) -> int:
        """Where ``region`` (one that ``region_opening_at`` gave) is in its block's regions."""
        return self.blocks[b].opening[region.open_token]

    def is_speech_region(self, b: int, region: _Region) -> bool:
        tokens = self.blocks[b].tokens
        before = tokens[region.open_token - 1] if region.open_token > 0 else None
        if before is not None and before.text == ":":
            return region.words > 0
        return region.words >= MIN_SPEECH_WORDS and not self.is_name_region(b, region)

    def short_speech_region(self, b: int, region: _Region, entry: CueEntry) -> bool:
        """``Q-SHORT-QUOTE``: a balanced quotation of fewer than ``MIN_SPEECH_WORDS`` words after a plain
        saying cue (قال بوتين "الخيانة"، مضيفة "أحب بلدي"; report_words.json short_quote_lemmas) is speech when
        the sentence, a comma or a cue follows it and it is no quoted name (قال "أبو محمد" إن)."""
        if not rule_on("Q-SHORT-QUOTE") or entry.lemma not in SHORT_QUOTE_LEMMAS or not region.balanced:
            return False
        tokens = self.blocks[b].tokens
        if self.is_name_region(b, region) or region.close_token < 0:
            return False
        nxt = region.close_token + 1
        if nxt >= len(tokens) or _ends_sentence(tokens, nxt):
            return True
        if tokens[nxt].text in COMMAS:
            for tok in tokens[nxt + 1 : nxt + 1 + MAX_NAME_WORDS]:
                if tok.is_word and _is_cue_token(tok):
                    return True  # قائلا "بلاش كلام فارغ"، مؤكدا أن: the next report
                if tok.key in COMPLEMENTISERS or tok.text == ":":
                    return False  # سارة ثورنتون، عضوة "مجلس رؤساء الشرطة"، إن: a name in the apposition
            return True
        return tokens[nxt].is_word and _is_cue_token(tokens[nxt])  # “عرف بجهودنا” مضيفا أن

    def quotation_in_source(self, b: int, region: _Region, entry: CueEntry) -> bool:
        """``Q-QUOTATION-IN-SOURCE``: a short quotation inside the speaker's phrase (ذكرت محطة "سي.إن.بي.سي"
        اليوم أن، وتوقع محللون في "آر.بي.سي كابيتال ماركتس" أن): plain words of the same clause after it lead to
        the cue's own complementiser or a colon, which opens the words; the quotation names a source."""
        tokens = self.blocks[b].tokens
        if not rule_on("Q-QUOTATION-IN-SOURCE") or not region.balanced or region.close_token <= 0:
            return False
        inside = [t for t in tokens[region.first : region.last + 1] if t.is_word]
        if not inside or len(inside) > MAX_SOURCE_QUOTATION_WORDS or inside[0].key in COMPLEMENTISERS:
            return False  # قال "إنه اختبار": the complement itself is quoted
        if region.open_token > 0 and tokens[region.open_token - 1].text == ":":
            return False  # قال: "…": speech
        limit = min(len(tokens), region.close_token + 1 + MAX_SOURCE_QUOTATION_GAP)
        for t in range(region.close_token + 1, limit):
            token = tokens[t]
            if token.key in COMPLEMENTISERS:
                return "أن" in entry.complements
            if token.text == ":":
                return True
            if not token.is_word or token.region >= 0 or _is_cue_token(token):
                return False
        return False

    def naming_noun(self, key: str) -> bool:
        """A noun that names what follows it (صحيفة، شبكة، ندوة), also after a glued ل or ب (لشبكة "…")."""
        nouns = self.lexicon.naming_nouns
        return _strip_noun(key) in nouns or (key[:1] in PREPOSITION_LETTERS and not key.startswith("لل") and key[1:] in nouns)

    def is_name_region(self, b: int, region: _Region) -> bool:
        """A quoted title or name (صحيفة "الوطن"), not quoted speech."""
        if region.words == 0:
            return False
        tokens = self.blocks[b].tokens
        before = tokens[region.open_token - 1] if region.open_token > 0 else None
        if before is not None and before.is_word and self.naming_noun(before.key):
            return region.words <= MAX_TITLE_WORDS  # ندوة «ظاهرة التطرف الديني وسط الشباب..»، لشبكة "ام اس ان بي سي"
        if region.words > MAX_NAME_WORDS:
            return False
        inside = tokens[region.first : region.last + 1]
        if LATIN_RE.search(" ".join(t.text for t in inside)) and len(inside) <= 3:
            return True
        if self.mentions and all(self.mention_at(b, t) is not None for t in range(region.first, region.last + 1) if tokens[t].is_word):
            return True
        seen = 0
        for t in range(region.open_token - 1, -1, -1):
            token = tokens[t]
            if not token.is_word:
                if token.text in ALL_MARKS or token.text in COMMAS or token.text in SENTENCE_END:
                    break
                continue
            if _strip_noun(token.key) in self.lexicon.naming_nouns:
                return True
            seen += 1
            if seen >= 3:
                break
        return False

    def scan_terminal(self, b: int, start: int, entry: CueEntry, window: int = TERMINAL_WINDOW) -> tuple[str, int]:
        """First complementiser, colon, quotation, frame preposition or clause end after ``start``."""
        tokens = self.blocks[b].tokens
        t, limit = start, min(len(tokens), start + window)
        first = self._skip_adjuncts(b, start, limit)
        in_relative = enclosed = False
        skipped_cue = -1  # a cue verb inside a relative clause without commas
        while t < limit:
            token = tokens[t]
            if token.aside:
                t += 1  # مسؤول، طلب عدم نشر اسمه، إن: the aside is no part of the frame
                limit = min(len(tokens), limit + 1)
                continue
            if token.key in SUBJECT_RELATIVES and token.region < 0 and t > 0 and (
                t == start or (t == start + 1 and tokens[start].text in COMMAS)
            ):
                # سكودامور، الذي اقترح الفكرة، إنها: the relative clause describes the speaker; its
                # verbs (and, between commas, its أن) are not the cue's, nor does it use up the window
                in_relative, enclosed = True, tokens[t - 1].text in COMMAS
                limit = min(len(tokens), limit + window)
            elif in_relative and token.text in COMMAS:
                in_relative = enclosed = False
            if token.text in ALL_MARKS and token.region < 0:
                region = self.region_opening_at(b, t)
                if region is not None and region.words:
                    if self.quotation_in_source(b, region, entry):
                        t = region.close_token + 1  # محطة "سي.إن.بي.سي" اليوم أن: a name, the words come later
                        continue
                    if self.is_speech_region(b, region) or self.short_speech_region(b, region, entry):
                        # القس كوري الذي لفت الأنظار: "…": the words go with the relative's verb
                        return ("cue", skipped_cue) if skipped_cue >= 0 else ("quote", t)
                    t = (region.close_token if region.close_token > 0 else region.last) + 1
                    continue
            if token.text == ":" or token.text == "：":
                return ("cue", skipped_cue) if skipped_cue >= 0 else ("colon", t)
            if _ends_sentence(tokens, t):
                return "end", t
            if token.key in COMPLEMENTISERS and not enclosed and not self.inside_medium_name(b, t):
                before = tokens[t - 1].key if t > 0 else ""
                if _governed_that(tokens, start, t):
                    return "end", t  # …، كما أن / يبدو أن: the narrator's own clause, no report of the cue's
                if entry.that_after and (not rule_on("Q-CONCLUDE") or _prep_form(before) != entry.that_after):
                    return "end", t  # توصل إلى اتفاق … بعد أن: no conclusion reported
                # قالت من قبل إن: "previously", then the complementiser إن (written with its hamza
                # below); من قبل أن يحاول is still the narrator's "before"
                adverb = before == "قبل" and t >= 2 and tokens[t - 2].key == "من" and token.text.startswith("إ")
                modal = before in MODAL_VERBS and rule_on("B-MODAL-THAT")  # منوها بأهمية … يجب أن توفرها
                if (before not in NARRATOR_BEFORE_COMPLEMENTISER or adverb) and not modal:
                    return "that", t
            # the verb's own preposition right after the speaker: لفت مدير المرصد إلى ...
            if t == first and _prep_form(token.key) in entry.complements and t + 1 < len(tokens):
                if tokens[t + 1].key not in COMPLEMENTISERS:
                    return "prep", t
            if t > start and in_relative and not enclosed and skipped_cue < 0 and _is_cue_token(token):
                skipped_cue = t
            if t > start and not in_relative and _is_cue_token(token) and not self._ambiguous_noun(b, t) \
                    and not self.response_adverbial(b, t):
                other = lookup_cue(token.key)[0]
                # وتابع الشيخ يقول: / وأضاف قائلا:  -- the second cue only introduces the words
                # after a comma and words of the cue's own (اتهم خصومه بالعمالة، قائلا): a new report;
                # right after the speaker (كما يوضح الباحث، قائلا إن) قائلا introduces the cue's words
                after_comma = tokens[t - 1].text in COMMAS and any(tokens[k].is_word for k in range(start, t - 1)) \
                    and rule_on("B-SAYING-PARTICIPLE")
                if not (other.lemma == "قال" and other.tense != "past") or after_comma:
                    return "cue", t
            t += 1
        return "window", t

    def inside_medium_name(self, b: int, t: int) -> bool:
        """``S-SPAN-MEDIUM``: إن inside a medium's name (لسي إن إن) is no complementiser."""
        mention = self.mention_at(b, t)
        if mention is None or not rule_on("S-SPAN-MEDIUM"):
            return False
        return self.blocks[b].tokens[t].start > mention.start and _medium_name(mention.text, self.lexicon.heads["media"])

    def response_adverbial(self, b: int, t: int) -> bool:
        """``Q-RESPONSE-ADVERBIAL``: ردا / تعليقا / تعقيبا / جوابا + على is an adverbial of reason (قال
        فوتيل، ردا على سؤال …، إنه): no cue of its own, so the words after it are the first cue's.
        Data: clause_words.json response_adverbials."""
        tokens = self.blocks[b].tokens
        return rule_on("Q-RESPONSE-ADVERBIAL") and t + 1 < len(tokens) and tokens[t + 1].key == "علي" \
            and _strip_conj(tokens[t].key) in RESPONSE_ADVERBIALS

    def _ambiguous_noun(self, b: int, t: int) -> bool:
        """بين جمع من المعزين: a form that is also a common noun or preposition, used as one."""
        tokens = self.blocks[b].tokens
        entry = lookup_cue(tokens[t].key)[0]
        return entry is not None and entry.ambiguous and not (
            t + 1 < len(tokens) and tokens[t + 1].key in COMPLEMENTISERS
        )

    def frame_start(self, b: int, entry: CueEntry, start: int, end: int) -> tuple[str, int]:
        """Where a complement without complementiser starts (دعا إلى، اتهم X بـ، أعلن X)."""
        tokens = self.blocks[b].tokens
        end = min(end, len(tokens))
        complements = set(entry.complements)
        first = self._skip_adjuncts(b, start, end)
        has_object = (
            first < end and tokens[first].is_word and not _is_stop(tokens[first])
            and tokens[first].key not in PRONOUN_CARRIERS and tokens[first].key not in BUT  # أعلن X ولكنه عاد: no object
        ) or self.relative_object(b, first)
        accusative = start > 0 and tokens[start - 1].key.endswith(("ا", "ين"))  # مؤكدا، not the adjective مؤكد
        if entry.kind == "participle" and accusative and "prop" in complements and has_object and first == start \
                and not _is_definite(tokens[first].key) and self.mention_at(b, first) is None \
                and lookup_cue(tokens[first].key)[0] is None:
            return "obj", first  # مؤكدا حصول تزوير على نطاق واسع: the noun, not على, opens the content
        for t in range(start, end):
            key = tokens[t].key
            if not tokens[t].is_word:
                continue
            if t > start and key in CLAUSE_OPENERS:
                break  # نقل ... كما عبر فلان عن: the preposition belongs to the next clause
            if _prep_form(key) in complements and key in PREPOSITIONS and t + 1 < end:
                # دعا نائب الرئيس الغرب إلى: the object belongs to the content; أكد حرص المجلس على
                # وحدة اليمن: so does a proposition noun (Q-PROPOSITION-PREP)
                owned = ("obj" in complements and has_object) or self.proposition_first(b, complements, first)
                return "prep", first if (owned and t > first) else t + 1
            if t - first > FRAME_WINDOW:
                continue  # a clitic preposition far from the cue is any preposition
            for prep in ("ب", "ل"):
                if prep in complements and key.startswith(prep) and len(key) > 3 and not self.mention_at(b, t):
                    return "prep", first if ("obj" in complements and has_object and t > first) else t
        if "obj" in complements and has_object and (first - start <= 2 or any(tok.key == "في" for tok in tokens[start:first])
                                                     or self._time_aside(tokens[start:first])):
            return "obj", first
        adjunct_end = self._adjunct_phrase_end(b, first, end)
        if "obj" in complements and adjunct_end > first and adjunct_end < end and tokens[adjunct_end].is_word \
                and not _is_stop(tokens[adjunct_end]) and lookup_cue(tokens[adjunct_end].key)[0] is None:
            return "obj", adjunct_end
        if "prop" in complements:
            close = self.apposed_title_end(b, start, end)
            if close > start and self.verbal_noun_after_aside(b, close, close):
                return "obj", close  # أكد تومسون، الرئيس التنفيذي للشركة، | ارتفاع (Q-VERBAL-NOUN-ASIDE)
            # أكد الأمين العام المساعد بالجامعة ضرورة ...: a proposition noun after a short adjunct
            for t in range(start, min(end, start + MAX_PROPOSITION_GAP + 1)):
                if tokens[t].aside:
                    continue  # وأكد مصدر طلب عدم كشف اسمه، الحصيلة: عدم is the aside's
                if tokens[t].key in self.lexicon.proposition_nouns or (t == start and self.owned_proposition(tokens[t].key)):
                    return "obj", t  # أكد ضرورة …; أكدت عزمها طرحه (Q-OWNED-PROPOSITION)
                if (t == start or self.after_complete_word(b, t)) and self.owned_noun_object(b, t):
                    return "obj", t  # أكد جميل قاسم | سعادته بما … (Q-OWNED-NOUN-OBJECT)
                if t == start and t > 0 and self.verbal_noun_after_subject(b, t, t - 1):
                    return "obj", t  # أكد ليبرلمان | اعتراض نحو 400 طائرة (Q-VERBAL-NOUN-OBJECT)
                if t == start and (b, t) in self.acts_first:
                    return "obj", t  # وأكد | اعتزازه بابنه (Q-ACT-OBJECT-FIRST)
                if self.verbal_noun_after_aside(b, start, t):
                    return "obj", t  # أكد رومنيجه أمس الخميس | التوصل لاتفاق (Q-VERBAL-NOUN-ASIDE)
                if t == start and tokens[t].text in COMMAS:
                    continue  # أكد المهندس جديع القحطاني، أهمية …: the comma closes the speaker
                if tokens[t].text in COMMAS and rule_on("Q-VERBAL-NOUN-ASIDE") \
                        and all(tok.text in COMMAS or tok.key in TIME_WORDS for tok in tokens[start:t]):
                    continue  # وأكد وزير الخارجية، الجمعة، | استمرار: a time aside closes
                if not tokens[t].is_word or _is_cue_token(tokens[t]) or tokens[t].key in COMPLEMENTISERS:
                    break
        return "", -1

    def proposition_first(self, b: int, complements: set, first: int) -> bool:
        """``Q-PROPOSITION-PREP``: a proposition noun right after the speaker (أكد حرص المجلس على …)."""
        key = self.blocks[b].tokens[first].key if first < len(self.blocks[b].tokens) else ""
        return "prop" in complements and rule_on("Q-PROPOSITION-PREP") and (
            key in self.lexicon.proposition_nouns or self.owned_proposition(key))

    def expressed_attitude(self, token: _Token) -> bool:
        """``Q-EXPRESSED-ATTITUDE``: after أعرب/عبّر عن, a noun carrying its owner's pronoun (أمله، قلقها،
        رفضه) is an attitude the speaker put in words; thanks (شكره) and the reflexive (نفسه) are not.
        The surface word decides ة from the pronoun ه, which the matching form merges (فكرة)."""
        owned = _unpossessed(token.key)
        return rule_on("Q-EXPRESSED-ATTITUDE") and bool(owned) and not token.text.endswith("ة") \
            and owned not in self.lexicon.attitude_exclusions

    def attitude_rules(self, entry: CueEntry, method: str, token: _Token) -> Optional[tuple[str, ...]]:
        """For a cue whose object must be an owned attitude noun (``owned_object``: أعرب، عبّر), the rule id when
        its preposition's or object's first word is one, None when the words report nothing; () for any other
        cue or complement."""
        if not entry.owned_object or method not in ("prep", "obj"):
            return ()
        return ("Q-EXPRESSED-ATTITUDE",) if self.expressed_attitude(token) else None

    def attitude_construct(self, b: int, t: int) -> bool:
        """``Q-ATTITUDE-CONSTRUCT``: after أعرب/عبّر عن, an indefinite noun in construct with an owned attitude
        noun (عن خيبة أمله، عن بالغ أسفها، عن عميق حزنه): the attitude is the speaker's all the same."""
        tokens = self.blocks[b].tokens
        if not rule_on("Q-ATTITUDE-CONSTRUCT") or t + 1 >= len(tokens) or not tokens[t].is_word:
            return False
        head = tokens[t]
        owned = _unpossessed(head.key) and not head.text.endswith("ة")
        return not head.key.startswith("ال") and not owned and tokens[t + 1].is_word \
            and self.expressed_attitude(tokens[t + 1])

    def attitude_that(self, b: int, t: int) -> bool:
        """``Q-ATTITUDE-THAT``: after أعرب/عبّر عن, a noun without its owner's pronoun that a that-clause follows
        at once, or after a preposition (عبرت عن القلق من أن …، أعرب عن الأمل في أن …، عن مخاوف من أن): the
        clause says what was expressed. Thanks and the reflexive stay out (attitude_exclusions)."""
        tokens = self.blocks[b].tokens
        if not rule_on("Q-ATTITUDE-THAT") or t + 1 >= len(tokens) or not tokens[t].is_word:
            return False
        if _strip_noun(tokens[t].key) in self.lexicon.attitude_exclusions or tokens[t].key in self.lexicon.attitude_exclusions:
            return False
        k = t + 1
        if k < len(tokens) and tokens[k].key in ("من", "في") and k + 1 < len(tokens):
            k += 1
        return tokens[k].key in COMPLEMENTISERS

    def after_complete_word(self, b: int, t: int) -> bool:
        """The word before ``t`` may end a noun phrase: a definite word or the end of a tagged name."""
        prev = self.blocks[b].tokens[t - 1]
        mention = self.mention_at(b, t - 1)
        return prev.is_word and (_is_definite(prev.key) or mention is not None and mention is not self.mention_at(b, t))

    def owned_noun_object(self, b: int, t: int) -> bool:
        """``Q-OWNED-NOUN-OBJECT``: any noun carrying its owner's pronoun (سعادته، رغبتهم، جاهزيته) right after
        the speaker of a cue that takes a proposition opens it, as a proposition noun does; not the reflexive
        (نفسه), the subject restated (ذاته، جميعهم), a relative (نظيره), an honorific (سموه) nor a name's word.
        The surface word tells the pronoun ه from ة."""
        token = self.blocks[b].tokens[t]
        owned = _unpossessed(token.key)
        if not rule_on("Q-OWNED-NOUN-OBJECT") or not token.is_word or not owned or token.text.endswith("ة") \
                or token.region >= 0 or self.mention_at(b, t) is not None or token.key[:1] in "وفبل":
            return False
        if token.key in self.name_words or token.key.endswith("لله") or token.key in self.lexicon.heads["pronoun"]:
            return False  # عبدالله، سموه: a name's word or an honorific subject
        if token.key in SAME_SOURCE_WORDS or owned in SUBJECT_QUANTIFIERS:
            return False  # المصدر ذاته، المسؤولون جميعهم: the subject restated
        return owned not in self.lexicon.attitude_exclusions and not _is_relational(token.key)

    def owned_proposition(self, key: str) -> bool:
        """``Q-OWNED-PROPOSITION``: a proposition noun carrying its owner's pronoun (عزمها، تمسكه)."""
        nouns = self.lexicon.proposition_nouns
        return rule_on("Q-OWNED-PROPOSITION") and key not in nouns and _unpossessed(key) in nouns

    def verbal_noun_after_aside(self, b: int, start: int, t: int) -> bool:
        """``Q-VERBAL-NOUN-ASIDE``: a derived verbal noun after the speaker and only a time or the comma
        that closes the speaker's apposition (أكد رومنيجه أمس الخميس | التوصل لاتفاق; أكد تومسون، الرئيس
        التنفيذي للشركة، | ارتفاع الاستثمارات) opens the object, as right after the speaker
        (Q-VERBAL-NOUN-OBJECT)."""
        tokens = self.blocks[b].tokens
        if not rule_on("Q-VERBAL-NOUN-ASIDE") or t < start or start == 0 or t >= len(tokens):
            return False
        if t == start:  # right after an apposed title's closing comma (apposed_title_end)
            if tokens[t - 1].text not in COMMAS:
                return False
        elif not tokens[start - 1].is_word or not all(tok.text in COMMAS or tok.key in TIME_WORDS for tok in tokens[start:t]):
            return False
        return self.object_verbal_noun(b, t)

    def apposed_title_end(self, b: int, start: int, end: int) -> int:
        """After a speaker's name, a person's title set off by commas (تومسون، الرئيس التنفيذي للشركة،): the
        token after its closing comma, else ``start``."""
        tokens, heads = self.blocks[b].tokens, self.lexicon.heads["person"]
        if start + 2 >= end or tokens[start].text not in COMMAS or not tokens[start - 1].is_word:
            return start
        first = tokens[start + 1].key
        if not tokens[start + 1].is_word or not (first in heads or _strip_noun(first) in heads):
            return start
        for k in range(start + 2, min(end, start + MAX_APPOSITION_GAP)):
            if tokens[k].text in COMMAS:
                return k + 1
            if not tokens[k].is_word or tokens[k].key in COMPLEMENTISERS or lookup_cue(tokens[k].key)[0] is not None:
                return start
        return start

    @staticmethod
    def _time_aside(tokens: Sequence[_Token]) -> bool:
        """``B-TIME-ASIDE``: only a time set off by commas (أعلنت الشرطة، الجمعة، إطلاقها النار) lies
        between the speaker and the object."""
        return rule_on("B-TIME-ASIDE") and any(t.key in TIME_WORDS for t in tokens) \
            and all(t.text in COMMAS or t.key in TIME_WORDS for t in tokens)

    def relative_object(self, b: int, t: int) -> bool:
        """نفت الوزارة ما نشر / ما تردد عن: "ما" + a verb is the object, what was said or done."""
        tokens = self.blocks[b].tokens
        if t + 1 >= len(tokens) or tokens[t].key != "ما" or not tokens[t + 1].is_word or _is_stop(tokens[t + 1]):
            return False
        if t > 0 and tokens[t - 1].key in DEGREE_WORDS:
            return False  # بقدر ما، مثل ما: a conjunction, not an object
        return tokens[t + 1].key[:1] in "يتن" or len(tokens[t + 1].key) <= 4 and not _is_definite(tokens[t + 1].key)

    def _adjunct_phrase_end(self, b: int, start: int, end: int) -> int:
        """"بعد لقائهما، " / "في بيان، ": a short prepositional phrase closed by a comma; the token
        after the comma, else ``start``."""
        tokens = self.blocks[b].tokens
        if start >= end or tokens[start].key not in PREPOSITIONS:
            return start
        for t in range(start + 1, min(end, start + 1 + MAX_NAME_WORDS)):
            if tokens[t].text in COMMAS:
                return t + 1 if t > start + 1 else start
            if not tokens[t].is_word or tokens[t].key in COMPLEMENTISERS or _is_cue_token(tokens[t]):
                return start
        return start

    def _skip_adjuncts(self, b: int, start: int, end: int) -> int:
        """Skip commas and time words between the speaker and an object."""
        tokens = self.blocks[b].tokens
        t = start
        while t < end:
            if tokens[t].text in COMMAS or tokens[t].key in TIME_WORDS or tokens[t].aside:
                t += 1
            elif t + 2 < end and (tokens[t].key, tokens[t + 1].key) == ("في", "وقت") and tokens[t + 2].key in TIME_QUALIFIERS:
                t += 3  # في وقت سابق / في وقت مضى
            elif (frame := self._statement_adjunct_end(b, t, end)) > t:
                t = frame
            elif rule_on("B-DATE") and (date := _date_end(tokens, t, end)) > t:
                t = date  # أعلن ترامب في مايو/ أيار الماضي | انسحاب …
            else:
                break
        return t

    def _statement_adjunct_end(self, b: int, start: int, end: int) -> int:
        """"في بيان" / "في تصريحات صحفية" between the speaker and an object (ووصفت الحكومة في بيان
        العقوبات بأنها): where the adjunct ends, else ``start``."""
        tokens = self.blocks[b].tokens
        if start + 1 >= end or tokens[start].key != "في" or tokens[start + 1].key not in self.lexicon.statement_frames:
            return start
        t = start + 2
        while t < end and _is_indefinite_nisba(tokens[t].key):
            t += 1
        return t

    def introduces_speech(self, b: int, t: int) -> bool:
        """A complementiser, colon or quotation mark at ``t`` (after إلى): ... لافتا إلى أن / قائلا "."""
        tokens = self.blocks[b].tokens
        if t < len(tokens) and tokens[t].key in ("الي", "علي"):
            t += 1
        if t >= len(tokens):
            return False
        token = tokens[t]
        return token.key in COMPLEMENTISERS or token.text == ":" or (token.text in ALL_MARKS and token.region < 0) \
            or token.key in OBJECT_CARRIERS  # متهمة إياه بـ: إيّا carries the participle's object

    def takes_own_preposition(self, b: int, t: int, entry: CueEntry) -> bool:
        """… متسائلين في الوقت ذاته عن غياب الرقابة: an accusative participle (ـا، ـين) followed by the
        preposition its verb takes reports even without a comma before it."""
        tokens = self.blocks[b].tokens
        if not tokens[t].key.endswith(("ا", "ين")):
            return False
        nxt = self._skip_adjuncts(b, t + 1, len(tokens))
        if nxt + 2 < len(tokens) and (tokens[nxt].key, tokens[nxt + 1].key) == ("في", "الوقت") and tokens[nxt + 2].key in SAME_WORDS:
            nxt = self._skip_adjuncts(b, nxt + 3, len(tokens))
        return nxt + 1 < len(tokens) and tokens[nxt].key in PREPOSITIONS and _prep_form(tokens[nxt].key) in entry.complements

    def participle_frame_follows(self, b: int, t: int, entry: CueEntry) -> bool:
        """``Q-PARTICIPLE-FRAME``: an accusative participle (ـا، ـين) reports without a comma before it when
        its frame follows: an object, then the preposition its verb takes (مطالبا المستهلكين بعدم استخدام،
        متهما وسائل الإعلام بسوء تفسير), or whom it was said to, then the words (مؤكدا لهم أنه)."""
        tokens = self.blocks[b].tokens
        if not rule_on("Q-PARTICIPLE-FRAME") or not tokens[t].key.endswith(("ا", "ين")) or t + 2 >= len(tokens):
            return False
        if tokens[t + 1].key in PARTICIPLE_ADDRESSEES and self.introduces_speech(b, t + 2):
            return True  # مؤكدا لهم أنه
        if "obj" not in entry.complements:
            return False
        for k in range(t + 2, min(len(tokens) - 1, t + 2 + MAX_PARTICIPLE_OBJECT)):
            between = tokens[k - 1]
            if not between.is_word or between.region >= 0 or _is_cue_token(between) or between.key in PREPOSITIONS:
                return False  # the object is plain words: no mark, quotation, cue or other preposition
            key = tokens[k].key
            if _prep_form(key) in entry.complements and key in PREPOSITIONS:
                return True  # محذرا المواطنين من
            if "ب" in entry.complements and key[:1] == "ب" and len(key) > 3 and key not in PREPOSITIONS \
                    and tokens[k].is_word:
                return True  # مطالبا الحكومة بدعم
        return False

    def fixed_object_candidate(self, b: int, cue: int, entry: CueEntry, after: int) -> Optional[_Candidate]:
        """``Q-FIXED-OBJECT``: a cue that reports only with a fixed object (ألقى / أنحى باللائمة، باللوم:
        cues.json fixed_objects) reports the words after that object (وألقى خان باللائمة على | اقتطاع …) when
        it follows the speaker in the same clause; else nothing (ألقت الشرطة القبض على، ألقى كلمة)."""
        tokens = self.blocks[b].tokens
        if not rule_on("Q-FIXED-OBJECT"):
            return None
        for k in range(after, min(len(tokens) - 1, after + FRAME_WINDOW)):
            token = tokens[k]
            if token.key in entry.fixed_objects and token.region < 0:
                if not tokens[k + 1].is_word:
                    return None
                candidate = _Candidate(b, (cue, cue + 1), entry, "prep", k + 1)
                candidate.rules += ("Q-FIXED-OBJECT",)
                return candidate
            if token.text == ":" or token.text in ALL_MARKS or token.region >= 0 or _ends_sentence(tokens, k) \
                    or (token.is_word and _is_cue_token(token)):
                return None  # past commas and brackets of an apposition (كتائب القسام، الجناح العسكري لحماس (…)،)
        return None

    def complement_candidate(
        self, b: int, cue: int, entry: CueEntry, after: int, window: int = TERMINAL_WINDOW
    ) -> Optional[_Candidate]:
        if entry.fixed_objects:
            return self.fixed_object_candidate(b, cue, entry, after)
        tokens = self.blocks[b].tokens
        kind, at = self.scan_terminal(b, after, entry, window)
        # ردا على سؤال … between the speaker and the words: recorded on the candidate
        passed = ("Q-RESPONSE-ADVERBIAL",) if any(self.response_adverbial(b, k) for k in range(after, max(after, at))) else ()
        if rule_on("B-MODAL-THAT") and any(tokens[k].key in COMPLEMENTISERS and tokens[k - 1].key in MODAL_VERBS
                                           for k in range(after + 1, min(at, len(tokens)))):
            passed += ("B-MODAL-THAT",)  # the scan went past يجب أن

        if any(self.quotation_in_source(b, region, entry) for region in self.regions_opening(b, after, at)):
            passed += ("Q-QUOTATION-IN-SOURCE",)  # the scan went past a quoted name in the speaker's phrase
        if kind == "end" and at < len(tokens) and _governed_that(tokens, after, at):
            passed += ("Q-NARRATOR-THAT",)  # the words stop before the narrator's كما أن

        def make(method: str, start: int, region: int = -1) -> _Candidate:
            made = _Candidate(b, (cue, cue + 1), entry, method, start, region=region)
            made.rules += passed
            return made

        def make_owned(method: str, start: int) -> Optional[_Candidate]:
            """``make``, unless the cue wants an owned attitude noun there and none opens the words, or a figure
            after its object and none follows (``measured_object``)."""
            if entry.measured_object and method == "obj":
                if not self.measure_follows(b, start):
                    return None  # قدر الوزير جهود العاملين: "appreciated", no estimate
                made = make(method, start)
                made.rules += ("Q-MEASURED-OBJECT",)
                return made
            # عن "خيبة أملها": the quotation mark opens the words, the noun after it decides
            noun = start + 1 if tokens[start].text in ALL_MARKS and start + 1 < len(tokens) else start
            attitude = self.attitude_rules(entry, method, tokens[noun])
            if attitude is None and self.attitude_that(b, noun):
                attitude = ("Q-ATTITUDE-THAT",)  # عبرت عن القلق من أن …: the clause is what it expressed
            if attitude is None and self.attitude_construct(b, noun):
                attitude = ("Q-ATTITUDE-CONSTRUCT",)  # عبر عن خيبة أمله: the owned noun is its genitive
            if attitude is None:
                return None  # عبر عن فكرة، أعرب عن شكره: no words reported
            made = make(method, start)
            made.rules += attitude
            return made

        if kind == "prep":
            region = self.region_opening_at(b, at + 1)
            if region is not None and region.words and region.last + 2 >= self._clause_end(b, at + 1):
                return make("quote", region.first, self.region_index(b, region))
            method, start = self.after_addressee(b, entry, "prep", at + 1, after)
            return make_owned(method, start) if method else None
        if kind == "quote":
            region = self.region_opening_at(b, at)
            index = self.region_index(b, region)
            framed = self.framed_quotation(b, entry, after, at, region)
            if framed is not None:  # طالب نشطاء بتجريم "…" واعتباره اعتداء (B-FRAMED-QUOTATION)
                made = make(*framed)
                made.rules += ("B-FRAMED-QUOTATION",)
                return made
            made = make("quote", region.first, index)
            if not self.is_speech_region(b, region):
                made.rules += ("Q-SHORT-QUOTE",)  # قال بوتين "الخيانة": short, but speech
            return made
        if kind == "colon":
            nxt = at + 1
            region = self.region_opening_at(b, nxt) if nxt < len(tokens) else None
            if region is not None and region.words:
                return make("quote", region.first, self.region_index(b, region))
            if nxt < len(tokens) and tokens[nxt].is_word:
                return make("colon", nxt)
            return None
        if kind == "that" and ("أن" in entry.complements or entry.kind == "noun"):
            if at + 1 < len(tokens):
                return make("that", at + 1)
            return None
        method, start = self.frame_start(b, entry, after, at)
        if method:
            method, start = self.after_addressee(b, entry, method, start, after)
        if not method:
            return None
        candidate = make_owned(method, start)
        if candidate is None:
            return None
        if any(_date_end(tokens, k, start) > k for k in range(after, start)):
            candidate.rules += ("B-DATE",)  # the date before the content was skipped
        if method == "obj" and start - after > 2 and self._time_aside(tokens[after:start]):
            candidate.rules += ("B-TIME-ASIDE",)
        if method == "obj" and start > after and "obj" not in entry.complements and (
                self.verbal_noun_after_aside(b, after, start)
                or self.apposed_title_end(b, after, start + 1) == start and self.verbal_noun_after_aside(b, start, start)):
            candidate.rules += ("Q-VERBAL-NOUN-ASIDE",)
        if method == "prep" and start < at and "obj" not in entry.complements and self.proposition_first(b, set(entry.complements), start):
            candidate.rules += ("Q-PROPOSITION-PREP",)
        if method == "obj" and "obj" not in entry.complements and self.owned_proposition(tokens[start].key):
            candidate.rules += ("Q-OWNED-PROPOSITION",)
        elif method == "obj" and "obj" not in entry.complements and self.owned_noun_object(b, start):
            candidate.rules += ("Q-OWNED-NOUN-OBJECT",)
        return candidate

    def measure_follows(self, b: int, start: int) -> bool:
        """``Q-MEASURED-OBJECT``: the figure an estimate gives its object follows it before the sentence ends: ب glued
        to a number (بـ300 مليون), or a ب word or measure opener with a number within the next two tokens (بنحو 19.7
        مليار، بمليارين و800 مليون، عند 1.0%). Data: report_words.json measure_openers."""
        tokens = self.blocks[b].tokens
        if not rule_on("Q-MEASURED-OBJECT"):
            return False
        for k in range(start + 1, min(len(tokens), start + MAX_MEASURE_GAP)):
            if _ends_sentence(tokens, k) or (tokens[k].is_word and _is_cue_token(tokens[k])):
                return False
            key = tokens[k].key
            opens = key[:1] == "ب" or key in MEASURE_OPENERS
            if opens and (_has_digit(key) or any(_has_digit(t.text) for t in tokens[k + 1 : k + 3])):
                return True
        return False

    def _addressee_end(self, b: int, start: int) -> int:
        """End of a short addressee phrase: a name, or a noun with its construct complement
        (دول العالم) and adjectives (الشركات الكبرى); the next bare or definite noun is the content."""
        tokens = self.blocks[b].tokens
        if start >= len(tokens) or not tokens[start].is_word or _is_stop(tokens[start]):
            return start
        mention = self.mention_at(b, start)
        t = start + 1
        while mention is not None and t < len(tokens) and self.mention_at(b, t) is mention:
            t += 1
        while t < min(len(tokens), start + MAX_NAME_WORDS) and tokens[t].is_word and not _is_stop(tokens[t]):
            prev, key = tokens[t - 1].key, tokens[t].key
            construct = not _is_definite(prev) and not prev.endswith(PRONOUN_SUFFIXES) and _is_definite(key) and mention is None
            if not (construct or (_is_definite(key) and _looks_adjective(key))):
                break
            t += 1
        return t

    def after_addressee(self, b: int, entry: CueEntry, method: str, start: int, after: int) -> tuple[str, int]:
        """طلبت الإدارة من دول العالم التوقف / أن تتوقف: the content starts after "من X", the addressee
        (only right after the speaker: طلبت تسلمه قبل أسبوعين من … is not one)."""
        tokens = self.blocks[b].tokens
        if method != "prep" or not entry.addressee_prep or start < 1 or _prep_form(tokens[start - 1].key) != entry.addressee_prep:
            return method, start
        if start - 1 != self._skip_adjuncts(b, after, start):
            return "", -1  # طلبت تسلمه قبل أسبوعين من العملية: "from", not whom it asked
        end = self._addressee_end(b, start)
        if start < end < len(tokens) - 1 and tokens[end].key in COMPLEMENTISERS:
            return "that", end + 1
        if start < end < len(tokens) and tokens[end].is_word and not _is_stop(tokens[end]) and lookup_cue(tokens[end].key)[0] is None:
            return "obj", end
        return "", -1  # طلب الرئيس من البرلمان في جلسة: only whom it asked, no request in words

    def sentence_start(self, b: int, t: int) -> int:
        """The token after the last sentence end before ``t`` (outside quotes), else 0."""
        if t <= 0:
            return t
        ends = self.blocks[b].sentence_ends
        before = bisect_left(ends, t) - 1
        return ends[before] + 1 if before >= 0 else 0

    def framed_quotation(self, b: int, entry: CueEntry, after: int, at: int, region: _Region) -> Optional[tuple[str, int]]:
        """``B-FRAMED-QUOTATION``: a quotation that is only part of the cue's frame, after the cue's own
        preposition (طالب نشطاء بتجريم "تصوير ما تحت التنورة" واعتباره اعتداء جنسيا) and followed by more
        words of the sentence: the words are the whole frame, quotation and all (a mixed quote)."""
        tokens = self.blocks[b].tokens
        if not rule_on("B-FRAMED-QUOTATION") or at <= after or region.close_token <= 0:
            return None
        nxt = region.close_token + 1
        if nxt >= len(tokens) or not tokens[nxt].is_word or nxt >= self._clause_end(b, nxt):
            return None  # the quotation ends the sentence or a clause: a direct quote
        method, start = self.frame_start(b, entry, after, at)
        return (method, start) if method == "prep" and after <= start < at else None

    def _clause_end(self, b: int, t: int) -> int:
        """The first token from ``t`` on that ends a sentence (outside quotes), else the block's end."""
        block = self.blocks[b]
        if t >= len(block.tokens):
            return t
        end = _first_in(block.sentence_ends, t, len(block.tokens))
        return len(block.tokens) if end is None else end


def _governed_that(tokens: list, start: int, t: int) -> bool:
    """``Q-NARRATOR-THAT``: the complementiser at ``t`` is governed by a word of the narrator's own clause
    (، كما أن، يبدو أن، ومن المتوقع أن، مما يعني أن), not right after the speaker: no that-clause of the cue.
    Data: function_words.json clause_governors."""
    if t - 1 <= start or tokens[t].key not in COMPLEMENTISERS or not rule_on("Q-NARRATOR-THAT"):
        return False
    before = tokens[t - 1].key
    return before in CLAUSE_GOVERNORS or _strip_conj(before) in CLAUSE_GOVERNORS


def _date_end(tokens: list, t: int, end: int) -> int:
    """``B-DATE``: the end of a date at ``t`` (في مايو/ أيار الماضي، في 12 تشرين الأول، الشهر
    الماضي), else ``t``: months, day numbers and the slash between two names of a month, then a
    word that dates them (الماضي)."""
    u = t + 1 if tokens[t].key == "في" else t
    first, month = u, False
    while u < end:
        key = tokens[u].key
        if key in MONTH_NAMES:
            month = True
            u += 2 if key in ORDINAL_MONTHS and u + 1 < end else 1  # كانون الثاني
        elif u > first and tokens[u].text == "/" or tokens[u].text.isdigit():
            u += 1
        else:
            break
    if not month:
        width = _time_phrase_width(tokens, t)
        return t + width if width >= 2 else t  # الشهر الماضي، أول من أمس
    if u < end and tokens[u].key in TIME_RELATIVES:
        u += 1
    return u
