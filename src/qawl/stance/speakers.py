"""H- rules: who holds a stance. A quote's speaker as the stance's holder (the institution
for its head, the person for a bare title, the written name for a mangled canonical one, a
fuller name another quote writes) and the holder a narrated subject names.

Input: quotes and token ranges of subjects; output: holder names (strings); the holders each
H- rule named are remembered so that ``emit`` records the rule.
"""
from __future__ import annotations

from qawl.clean import match_form
from qawl.schema import Quote
from qawl.stance.params import FULLER_NAME_WORDS, MAX_SUBJECT_TOKENS
from qawl.stance.rules import DISABLED_RULES
from qawl.stance.shapes import strip_proclitic
from qawl.arabic import COMMAS, NAME_LINKS


def speaker_name(quote: Quote) -> str:
    """The name a stance carries: the canonical speaker, else the speaker's words."""
    if quote.speaker_canonical:
        return quote.speaker_canonical
    return quote.speaker.text if quote.speaker is not None else ""


class _SpeakerRules:
    """Speakers and holders (H- rules); a mixin of the stance finder. Reads ``self.tokens``,
    ``self.quotes``, ``self.lexicon``; remembers the holders each H- rule named for ``emit``."""

    def fuller_names(self) -> dict[str, str]:
        """Canonical speaker -> the fuller name a quote of the article writes for it (H-FULLER-NAME):
        the name goes on after the canonical form (المهندس محمد بن عبد الرحمن المخرج for محمد بن
        عبد الرحمن), or the canonical form is a place inside an organisation's name (أمانة منطقة
        المدينة المنورة for المدينة المنورة). Every quote with that canonical speaker takes it."""
        if self._fuller is not None:
            return self._fuller
        self._fuller = {}
        if "H-FULLER-NAME" in DISABLED_RULES:
            return self._fuller
        tokens = self.tokens
        for quote in self.quotes:
            canonical = quote.speaker_canonical
            if quote.speaker is None or not canonical or canonical in self._fuller:
                continue
            written, words = strip_proclitic(quote.speaker.text).split(), canonical.split()
            at = next((k for k in range(len(written) - len(words) + 1) if written[k:k + len(words)] == words), None)
            if at is None or len(written) == len(words):
                continue
            extra = written[at + len(words):]
            if extra:  # the name goes on (… المخرج, … آل سعود), not a title or a word after it
                if len(extra) <= FULLER_NAME_WORDS and (extra[0].startswith("ال") or match_form(extra[0]) in NAME_LINKS):
                    self._fuller[canonical] = " ".join(written[at:])
                continue
            span = tokens.range_of(quote.speaker.start, quote.speaker.end)
            places = [tokens.mention_at[k] for k in span if k in tokens.mention_at
                      and tokens.mention_at[k].canonical == canonical and tokens.mention_at[k].label in ("LOC", "GPE")]
            if places and tokens.bare(span.start) in self.lexicon.institution_heads | self.lexicon.organisation_heads:
                self._fuller[canonical] = " ".join(written)  # أمانة منطقة المدينة المنورة
        return self._fuller

    def titled_speaker(self, quote: Quote) -> str:
        """A speaker that is only a title (المتحدث باسم الكرملين, المخرج الإيراني) is the person
        the article names right after the same title, with or without a comma (المتحدث باسم
        الكرملين ديميتري بيسكوف; المخرج الإيراني، أصغر فرهادي): H-TITLE-NAME."""
        if quote.speaker is None or "H-TITLE-NAME" in DISABLED_RULES:
            return ""
        tokens = self.tokens
        span = tokens.range_of(quote.speaker.start, quote.speaker.end)
        if len(span) < 2 or any(k in tokens.mention_at for k in span) or not tokens.is_word(span.start):
            return ""
        title = tuple(tokens.bare(k) for k in span)
        if len(title) > MAX_SUBJECT_TOKENS:
            return ""
        if self._title_index is None:  # once per article: the titles right before each person's name
            self._title_index = {}
            for at in sorted(tokens.mention_at):
                mention = tokens.mention_at[at]
                if mention.label != "PER" or tokens.range_of(mention.start, mention.end).start != at:
                    continue
                name = mention.canonical if self._attested(mention.canonical) else mention.text
                end = at - 1 if at > 0 and tokens.spans[at - 1].text in COMMAS else at
                for size in range(2, MAX_SUBJECT_TOKENS + 1):
                    if end - size < 0 or not all(tokens.is_word(k) for k in range(end - size, end)):
                        break
                    self._title_index.setdefault(tuple(tokens.bare(k) for k in range(end - size, end)), name)
        name = self._title_index.get(title, "")
        if name:
            self._titled_holders.add(name)
        return name

    def attested_speaker(self, quote: Quote) -> str:
        """The quote's canonical speaker, unless its words are not in the article (a mangled
        canonical form, روس باك for بروس باك): then the speaker as written (H-ATTESTED)."""
        fuller = self.fuller_names().get(quote.speaker_canonical)
        if fuller:
            self._fuller_holders.add(fuller)
            return fuller
        name = speaker_name(quote)
        if quote.speaker is None or not name or self._attested(name) or "H-ATTESTED" in DISABLED_RULES:
            return name
        written = strip_proclitic(quote.speaker.text)
        self._attested_holders.add(written)
        return written

    def institution_speaker(self, quote: Quote) -> str:
        """ووصفت حكومة | مادورو …: a quote's speaker right after an institution's head is the
        institution (حكومة مادورو), not the person who leads it. "" otherwise."""
        if quote.speaker is None or "H-INSTITUTION" in DISABLED_RULES:
            return ""
        tokens = self.tokens
        span = tokens.range_of(quote.speaker.start, quote.speaker.end)
        if len(span) > 1 and tokens.bare(span.start) in self.lexicon.institution_heads \
                and any(k in tokens.mention_at and tokens.mention_at[k].label == "PER" for k in span):
            name = strip_proclitic(quote.speaker.text)  # حكومة مادورو, whose canonical is the person's
            self._institution_holders.add(name)
            return name
        head = span.start - 1 if span else -1
        if head < 0 or not tokens.is_word(head) or tokens.bare(head) not in self.lexicon.institution_heads \
                or tokens.bare(span.start) in self.lexicon.institution_heads:
            return ""
        name = strip_proclitic(tokens.spans[head].text) + " " + quote.speaker.text
        self._institution_holders.add(name)
        return name

    def _attested(self, name: str) -> bool:
        """Every word of ``name`` occurs in the document (a canonical form is not a mangled one)."""
        if not name:
            return False
        if self._doc_words is None:
            self._doc_words = frozenset(self.tokens.forms)
        return all(match_form(w) in self._doc_words for w in name.split())

    def holder_name(self, np: tuple[int, int]) -> str:
        """Who a narrated subject is: the person (else the first) mention in it, by its
        canonical name (الرئيس الإيراني حسن روحاني -> حسن روحاني); else its words."""
        tokens = self.tokens
        mentions = [tokens.mention_at[i] for i in range(*np) if i in tokens.mention_at]
        if mentions and np[0] not in tokens.mention_at and tokens.bare(np[0]) in self.lexicon.institution_heads \
                and "H-INSTITUTION" not in DISABLED_RULES:
            name = self.target_name(np)  # حكومة مادورو, إدارة الرئيس ترامب: the institution
            self._institution_holders.add(name)
            return name
        if mentions:
            person = next((m for m in mentions if m.label == "PER"), None)
            first = tokens.mention_at.get(np[0])
            chosen = person or first
            if chosen is not None and self._attested(chosen.canonical):
                return chosen.canonical
            if chosen is not None:
                return chosen.text
        return self.target_name(np)

    def _quote_speaker(self, index: int) -> str:
        return speaker_name(self.quotes[index]) if 0 <= index < len(self.quotes) else ""
