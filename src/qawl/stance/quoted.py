"""Q- rules, part one: a quote's cue, its addressee, and each evaluative term in its content.

Input: one quote (its cue, content and speaker spans) at a time; output: candidates through
``emit``, with ``quote`` the quote's index. Qualities, labels and predicate nouns are read in
``qawl.stance.evaluations``; acts in ``qawl.stance.acts``.
"""
from __future__ import annotations

from typing import Optional

from qawl.clean import match_form
from qawl.schema import Quote
from qawl.stance.lexicon import _entry
from qawl.stance.params import (
    ADDRESSEE_CATEGORIES, CALAMITIES, CONJOINED_VERB_WINDOW, FAR_PREP_WINDOW, WRONG_WINDOW,
)
from qawl.stance.phrases import conjuncts, read_np_back, _starts_proper
from qawl.stance.rules import flip
from qawl.stance.shapes import _definite, finite_verb_shape, future_verb, _person_prefix, strip_proclitic
from qawl.stance.speakers import speaker_name
from qawl.stance.tokens import _Hit
from qawl.arabic import (
    COMPLEMENTISERS as COMPLEMENTIZERS, PHRASE_PREPOSITIONS as PREP_FORMS,
    PREPOSITION_LETTERS as PREP_CLITICS, SUBJECT_RELATIVES as RELATIVES,
)
from qawl.stance.words import STOP_FORMS, SUBJECT_VERB_PARTICLES


def _cue_polarity(cue: str) -> str:
    """Polarity from the quotes stage's cue lexicon; "neutral" when it is not importable."""
    try:
        from qawl.cues import cue_polarity
    except ImportError:  # the cue lexicon is optional for this stage
        return "neutral"
    return cue_polarity(cue)


class _QuoteRules:
    """Reading quotes (Q- rules); a mixin of the stance finder. Reads ``self.tokens``, ``self.lexicon``,
    ``self.used``; asks the speaker (H-), act (A-) and evaluation readers; emits candidates."""

    def cue_frame(self, quote: Quote) -> tuple[Optional[_Hit], str]:
        """The cue as an act (our lexicon) and its polarity (the cue lexicon's when it has one)."""
        cue_tokens = self.tokens.range_of(quote.cue.start, quote.cue.end)
        hit = next((h for i in cue_tokens if (h := self.tokens.hit(i)) and h.entry.kind == "act"), None)
        polarity = hit.entry.polarity if hit else "neutral"
        external = _cue_polarity(quote.cue.text)
        if external in ("favor", "against"):
            polarity = external
        if hit is None and polarity != "neutral" and cue_tokens:
            last = cue_tokens[-1]
            hit = _Hit(_entry(quote.cue.text, "act", polarity), last, last + 1)
        if cue_tokens and self.tokens.negated(cue_tokens[0]) is not None:
            polarity = flip(polarity)
        return hit, polarity

    def quote_stances(self, index: int, quote: Quote) -> None:
        speaker = self.institution_speaker(quote) or self.titled_speaker(quote) or self.attested_speaker(quote)
        if not speaker:
            return
        tokens = self.tokens
        content = tokens.range_of(quote.content.start, quote.content.end)
        if not content:
            return
        first, limit = content.start, content.stop
        hit, polarity = self.cue_frame(quote)
        cue_tokens = tokens.range_of(quote.cue.start, quote.cue.end)
        negated_cue = bool(cue_tokens) and tokens.negated(cue_tokens[0]) is not None
        if hit is not None and polarity in ("favor", "against"):
            # the cue's object is where the content starts (اتهمت | روسيا والنظام بارتكاب …),
            # unless the cue named whom it is aimed at (رد على ترامب: …, شكر الوزير على …),
            # the content is the charge (اتهم X | بارتكاب …) or a clause (حذر من أنه | سيعين …)
            with self.rule("Q-ADDRESSEE", "NEG" if negated_cue else ""):
                aimed = self.addressee(speaker, quote, hit, polarity, index)
            if (not aimed or hit.entry.category == "warning") and not self.charge_or_clause(hit, first, limit):
                with self.rule("Q-CUE", "NEG" if negated_cue else ""):
                    self.apply_act(speaker, _Hit(hit.entry, first, first), polarity, limit, index,
                                   [quote.cue.text], require_salient=False)
        embedded = quote.speaker_kind in ("anonymous", "media", "unknown")
        i = first
        while i < limit:
            hit = tokens.hit(i)
            if hit is None or i in self.used:
                i += 1
                continue
            self.content_term(speaker, hit, first, limit, index, embedded)
            i = max(hit.end, i + 1)
        with self.rule("Q-HONORIFIC"):
            self.honorifics(index, first, limit)

    def charge_or_clause(self, hit: _Hit, first: int, limit: int) -> bool:
        """The content is not the cue's object: the charge after the accused (اتهم X بـ"…"),
        or a clause after a complementizer (حذر من أنه سيعين …, قال إن …)."""
        tokens = self.tokens
        before = first - 1
        while before >= 0 and tokens.is_quote_mark(before):
            before -= 1
        if tokens.is_word(first) and (tokens.bare(first) in COMPLEMENTIZERS or future_verb(tokens.forms[first])
                                      and not tokens.spans[first].text.endswith("ة")):
            return True
        if before >= 0 and tokens.is_word(before) and tokens.bare(before) in COMPLEMENTIZERS:
            return True
        if not hit.entry.object_before_prep:
            return False
        if before >= 0 and tokens.is_word(before) and tokens.bare(before) in hit.entry.preps:
            return True  # تتهم الشرطة بـ | "انتهاج التعذيب"
        form = tokens.forms[first] if tokens.is_word(first) else ""
        return tokens.prep_at(first, hit.entry.preps) == first and tokens.known(form[1:])  # | بارتكاب

    def addressee(self, speaker: str, quote: Quote, hit: _Hit, polarity: str, index: int) -> bool:
        """Whom the cue is aimed at, between the cue (or a following speaker) and the content:
        اتهم | الحكومة | بأنها …, حذر | إيران | من …, شكر | الوزير | على …, رد على | ترامب | : …"""
        if hit.entry.category not in ADDRESSEE_CATEGORIES:
            return False
        tokens = self.tokens
        start = max(hit.end, tokens.range_of(quote.cue.start, quote.cue.end).stop)
        if quote.speaker is not None and quote.cue.start <= quote.speaker.start < quote.content.start:
            start = max(start, tokens.range_of(quote.speaker.start, quote.speaker.end).stop)
        end = tokens.range_of(quote.content.start, quote.content.end).start
        if not 0 < end - start <= FAR_PREP_WINDOW or not tokens.is_word(start):
            return False
        stop = next((k for k in range(start, end) if not tokens.is_word(k)), end)
        while stop > start and (tokens.bare(stop - 1) in PREP_FORMS or tokens.forms[stop - 1] in PREP_CLITICS):
            stop -= 1  # the preposition that introduces the content: … بـ"انتهاج التعذيب"
        said_by = [match_form(w) for w in (quote.speaker.text if quote.speaker else speaker).split()]
        if [tokens.bare(k) for k in range(start, min(stop, start + len(said_by)))] == said_by:
            start += len(said_by)  # VSO: أدان | الوزير | الهجوم — the subject is not the addressee
        if start < stop and tokens.bare(start) in PREP_FORMS:
            start += 1
        if stop <= start:
            return False
        named = start in tokens.mention_at or _starts_proper(tokens, start)
        if hit.entry.category == "warning" and not named:
            return False  # حذر المواطنين من …: a warning is against whom it names, not whom it addresses
        aimed = False
        for np in conjuncts(tokens, start, stop):
            if hit.entry.category != "rebuttal" or self.salient(np):
                self.emit(speaker, np, polarity, index, [quote.cue.text])
                aimed = True
        return aimed or hit.entry.category == "rebuttal"

    def content_term(self, speaker: str, hit: _Hit, first: int, limit: int, quote: int,
                     embedded: bool) -> None:
        """One evaluative term inside a quote's content."""
        tokens, entry = self.tokens, hit.entry
        if entry.narrated_only:
            return  # العقوبات على إيران named in a quote is no act of the speaker
        word = " ".join(t.text for t in tokens.spans[hit.start:hit.end])
        negator = tokens.negated(hit.start, first)
        polarity = flip(entry.polarity) if negator is not None else entry.polarity
        evidence = [tokens.spans[negator].text, word] if negator is not None else [word]
        with self.rule("NEG" if negator is not None else ""):
            self._content_term(speaker, hit, polarity, negator, first, limit, quote, embedded, evidence)

    def _content_term(self, speaker, hit, polarity, negator, first, limit, quote, embedded, evidence) -> None:
        tokens, entry = self.tokens, hit.entry
        with self.rule("Q-SCARE-LABEL"):
            if self.scare_quoted(speaker, hit, polarity, first, limit, quote, evidence):
                return
        with self.rule("Q-PREDICATE-NOUN"):
            if entry.kind in ("label", "deed") and negator is None and self.predicate_noun(speaker, hit, first, quote, evidence):
                return
        if entry.kind == "act":
            if entry.words == (match_form("ضد"),) and self.follows_wrong(hit.start, first):
                return  # جرائم إسرائيل ضد المتظاهرين: ضد names the victims
            holder = (embedded and self.clause_subject(hit.start, first)) or speaker
            with self.rule("Q-ACT"):
                self.apply_act(holder, hit, polarity, limit, quote, evidence, require_salient=True)
        elif entry.kind == "quality":
            with self.rule("Q-QUALITY"):
                self.quality(speaker, hit, polarity, first, quote, evidence)
        elif entry.kind == "deed":
            # X يهدد … -> against X; X لا يساعد / لن يفيد -> against X (a negated harm says nothing)
            verb = hit.start if negator is None else negator
            if negator is None and tokens.conjoined(verb):
                verb = self.first_conjoined_verb(verb, first)  # X ستجعل … وتحفز …
            start = self._subject_start(verb, first) if verb is not None else None
            if start is not None and self.salient((start, verb)):
                with self.rule("Q-DEED"):
                    self.emit(speaker, (start, verb), polarity, quote, evidence)
        elif entry.kind == "label" and entry.polarity == "against" and negator is None \
                and entry.category not in CALAMITIES:
            with self.rule("Q-LABEL"):
                self.label_phrase(speaker, hit, first, limit, quote, evidence)

    def first_conjoined_verb(self, verb: int, first: int) -> Optional[int]:
        """The first verb of a chain that a conjoined verb continues (التخفيضات | ستجعل الشركات
        أكثر قدرة وتحفز …): its subject is the deed's. ``verb`` itself when there is no chain,
        None when the chain's verb does not agree with it (يذهبون … وتساعد)."""
        tokens = self.tokens
        for k in range(verb - 1, max(first, verb - CONJOINED_VERB_WINDOW) - 1, -1):
            if not tokens.is_word(k) or tokens.bare(k) in STOP_FORMS:
                return verb
            form = tokens.forms[k]
            if (future_verb(form) and not tokens.spans[k].text.endswith("ة")
                    or form[0] in "يت" and finite_verb_shape(tokens.spans[k].text)) \
                    and k not in tokens.mention_at:
                # the chain agrees in person and gender: ستجعل … وتحفز, not يذهبون … وتساعد
                agrees = _person_prefix(form) == _person_prefix(tokens.bare(verb))
                return k if agrees else None
        return verb

    def follows_wrong(self, i: int, first: int) -> bool:
        """A condemning noun or hostile deed just before ``i``."""
        return any((h := self.tokens.hit(k)) and h.entry.polarity == "against" and h.entry.kind in ("label", "deed")
                   for k in range(max(first, i - WRONG_WINDOW), i))

    def _subject_start(self, verb: int, first: int) -> Optional[int]:
        """Start of a clause-initial subject right before ``verb`` (SVO), if there is one."""
        end = verb
        while end > first and self.tokens.bare(end - 1) in SUBJECT_VERB_PARTICLES:
            end -= 1
        start = read_np_back(self.tokens, end, first, max_tokens=4)
        if start >= end:
            return None
        before = start - 1
        if start > first and self.tokens.bare(before) in RELATIVES:
            return None  # التي اتخذها ترامب قانونية: a relative clause, not the clause's subject
        if start == first or not self.tokens.is_word(before) or self.tokens.bare(before) in STOP_FORMS:
            return start
        return None

    def clause_subject(self, verb: int, first: int) -> str:
        """The name of an explicit subject of a verb inside the content (المعارضة وافقت على …):
        a mention, or one definite word, opening the clause right before the verb."""
        tokens = self.tokens
        form = tokens.bare(verb)
        if verb == first or form.startswith(("ال", "ب", "ل")):
            return ""
        mention = tokens.mention_at.get(verb - 1)
        if mention is not None:
            start = tokens.range_of(mention.start, mention.end).start
        elif _definite(tokens.forms[verb - 1]) and tokens.forms[verb - 1][0] not in "بلك":
            start = verb - 1
        else:
            return ""
        if self._subject_start(verb, first) != start and start != first:
            return ""
        return self.holder_name((start, verb))

    def honorifics(self, quote: int, first: int, limit: int) -> None:
        """أيده الله after a person: the speaker favours the nearest person named before it."""
        tokens = self.tokens
        for i in range(first, limit):
            bare = tokens.bare(i)
            for phrase in self.lexicon.honorifics:
                if not phrase or phrase[0] != bare:
                    continue  # the first word decides most phrases without building the tuple
                if tuple(tokens.bare(j) if j == i else tokens.forms[j]
                         for j in range(i, min(i + len(phrase), limit))) != phrase:
                    continue
                person = next((j for j in range(i - 1, first - 1, -1)
                               if tokens.mention_at.get(j) and tokens.mention_at[j].label == "PER"), None)
                if person is not None:
                    mention = tokens.mention_at[person]
                    np = (tokens.range_of(mention.start, mention.end).start, person + 1)
                    speaker = self._quote_speaker(quote)
                    self.emit(speaker, np, "favor", quote, [" ".join(phrase)])

    def holder_stances(self) -> None:
        """معارضو القانون الضريبي الجديد: the speaker's name says the stance."""
        for index, quote in enumerate(self.quotes):
            speaker = speaker_name(quote)
            words = speaker.split()
            if len(words) < 2 or quote.speaker is None:
                continue
            polarity = self.lexicon.holder_heads.get(match_form(strip_proclitic(words[0])))
            span = self.tokens.range_of(quote.speaker.start, quote.speaker.end)
            if polarity and len(span) > 1:
                with self.rule("Q-HOLDER-NAME"):
                    self.emit(speaker, (span.start + 1, span.stop), polarity, index, [words[0]])
