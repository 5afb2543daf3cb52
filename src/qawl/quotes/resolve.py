"""Source resolution: the speaker each accepted quote names (the S-* rules).

Input: the accepted candidates and the subjects of cues that reported nothing, in reading
order. Output: an ``_Attribution`` per quote: the speaker span, its canonical name (a
mention's, a title's name by ``S-TITLE-NAME``, an earlier speaker's by ``S-REFERS-BACK``,
``S-PRONOUN``, ``S-DROPPED``, ``S-LATTER``, else the phrase) and its kind. Guarantees:
resolution only looks back (plus the title index), remembers every speaker for later
pronouns and dropped subjects, and never takes an antecedent from inside a quote's words.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Optional, Sequence, TYPE_CHECKING

from qawl.arabic import (
    ADDRESSEE_PRONOUNS, ADVERBIAL_HEADS, BUT, CLAUSE_ADVERBS, COMPLEMENT_PREPOSITIONS, COMPLEMENTISERS, COMPLETE_SUBJECTS, COURTESY_TITLES, CONJUNCTIONS_WAW_FA, CONTINUATION_LEMMAS, MANNER_ADVERBS, DEMONSTRATIVES, EPITHET_HEADS, EPITHETS, HONORIFIC_PRONOUN_TITLES, KANA_FORMS, LATTER, CLAUSE_PARTICLES, QAD_PARTICLES, OFFICE_HEADS,
    MEDIUM_SOURCE_HEADS, NAME_PREPOSITIONS, PARTITIVE_HEADS, PHRASE_PREPOSITIONS, SOURCE_PREPOSITIONS, PREPOSITIONS, PRONOUN_SUFFIXES, RELATIVES, SAME_SOURCE_WORDS, SPOKESPERSON_HEADS, STATE_GOVERNMENTS, SUBJECT_RELATIVES, TIME_WORDS, TOPIC_MARKERS, is_naming_verb, is_plain_verbal_noun, is_verbal_noun,
)
from qawl.clean import match_form
from qawl.cues import CueEntry, lookup_cue
from qawl.entities.features import triggers
from qawl.schema import Mention, Span, make_span
from .candidate import _Candidate
from .config import (
    MAX_DESCRIPTION_WORDS, MAX_DOCUMENT_GAP, MAX_NAME_WORDS, MAX_NAMED_AFTER_CHARS, MAX_SUBJECT_TITLE_WORDS, MAX_TITLED_LOOKS, MENTION_PRIORITY, TITLE_WINDOW_CHARS, TITLE_WINDOW_WORDS,
)
from .lexical import (
    PREPOSITION_PREFIXES, SOURCE_KINDS, WORD_TOKEN_RE, _agrees, _counts_people, _is_plural_phrase, _is_stop, _is_stop_key, _key_text, _looks_adjective,
    _looks_feminine_verb, _is_definite, _prep_form, _number_gender, _strip_conj, _strip_noun, _time_phrase_width, _title_key, _unpossessed,
)
from .rules import rule_on
from .select import _QuotedTokens
from .source_span import listed_head
from .titles import _place_keys, _title_key, has_complements, places_of_keys
from .tokens import ALL_MARKS, COMMAS, SENTENCE_END, _ends_sentence

if TYPE_CHECKING:  # only for annotations: the extractor imports this module
    from .extractor import _Extractor


SUBJECT_ONLY_METHODS = ("quote", "colon", "that")  # cue constructions with no object before the reported words
MAX_CLOSING_TITLE_WORDS = 14  # title words between a cut title and its name (S-NAME-CLOSES-SUBJECT)
MAX_PLUPERFECT_TITLE = 4  # title words between كان and the name (S-PLUPERFECT-CLAUSE)
MAX_EPITHET_WORDS = 3  # a title and its adjectives (S-EPITHET: اللاعب البرازيلي الشاب)
MAX_COMPLEMENT_WORDS = 8  # words of a speaker phrase's complement before the words it reports (S-COMPLEMENT-TO-WORDS)


def _head_forms(key: str) -> set[str]:
    """A head word as written, without its article or clitic, and without a feminine ه (المستشارة → مستشار)."""
    bare = _strip_noun(key)
    return {key, bare, bare[:-1] if bare.endswith("ه") else bare}


def _without_complementisers(words: list[str]) -> list[str]:
    """قالت المنظمة إن: the tagger ran the name into the complementiser."""
    while words and words[-1] in COMPLEMENTISERS:
        words = words[:-1]
    return words


@dataclass
class _Agent:
    position: int
    span: Span
    canonical: str
    kind: str
    gender: str
    number: str
    named: bool = False  # the canonical is a name (a mention's), not a description
    rules: tuple[str, ...] = ()  # the rules that named it, for the quotes that refer back to it


@dataclass
class _Attribution:
    span: Optional[Span]
    canonical: str = ""
    kind: str = "unknown"
    is_pronoun: bool = False
    rules: tuple[str, ...] = ()  # ids (RULES) of the rules that chose the speaker


class _Resolver:
    """Speakers in reading order, with a memory of who spoke for dropped subjects."""

    def __init__(self, ex: _Extractor, accepted: Sequence[_Candidate] = ()):
        self.ex = ex
        # offsets of the verbal-noun objects that were kept from being agents (S-VERBAL-NOUN-OBJECT)
        self.verbal_objects = [ex.blocks[b].tokens[t].start for b, t in ex.verbal_objects]
        self.loose_objects = [ex.blocks[b].tokens[t].start for b, t in ex.loose_objects]  # S-LOOSE-SOURCE
        self.accepted = accepted  # whose words a pronoun's antecedent may not come from
        self.agents: list[_Agent] = []
        # S-ATTRIBUTED-SUBJECT: by the index of an attribution's source in agents, the subject its words open with;
        # kept apart, for dropped subjects only (no description refers back to it)
        self.attributed: dict[int, _Agent] = {}
        self.governed_skipped = False  # named_in_sentence passed over a governed name (S-GOVERNED-NAME)
        self.plural_skipped = False  # a plural verb passed over one named person (S-PLURAL-VERB)

    def phrase_span(self, b: int, start: int, end: int) -> Optional[Span]:
        tokens = self.ex.blocks[b].tokens
        while start < end and not tokens[start].is_word:
            start += 1
        closing = self.ex.blocks[b].closing
        while end > start and not tokens[end - 1].is_word:
            if (region := closing.get(end - 1)) is not None and region.open_token >= start:
                break  # منظمة “هيومن رايتس ووتش”: the name's closing mark stays
            if tokens[end - 1].text == ")" and any(tok.text == "(" for tok in tokens[start : end - 1]):
                break  # الاتحاد الدولي للنقل الجوي (أياتا): the acronym's bracket stays
            end -= 1
        if end <= start:
            return None
        first = tokens[start]
        offset = first.start
        entry, conj = lookup_cue(first.key)
        heads = self.ex.lexicon.heads
        if conj and first.key[1:] in heads["pronoun"]:
            offset += 1
        elif first.key[:1] in CONJUNCTIONS_WAW_FA and self.ex.mention_at(b, start) is None \
                and listed_head(first.key[1:], heads, SOURCE_KINDS) and not any(first.key in heads[k] for k in SOURCE_KINDS):
            offset += 1  # ووزارة الداخلية، ووزير الخارجية: the conjunction is no part of the speaker
        elif first.key[:1] == "ل" and not first.key.startswith("لل") and any(
            _strip_noun(first.key[1:]) in heads[k] for k in ("person", "organisation", "anonymous", "media", "document")
        ):
            offset += 1  # في بيان لوزارة الخارجية: the speaker is وزارة الخارجية
        return make_span(self.ex.doc.text, offset, tokens[end - 1].end, "speaker")

    def best_mention(self, b: int, start: int, end: int) -> Optional[Mention]:
        """The mention that names the speaker: a person, else a name at the head of the phrase.

        After a person's title an organisation or place is only its complement
        (مدير غوغل، وزير خارجية روسيا): it names no one.
        """
        tokens, heads = self.ex.blocks[b].tokens, self.ex.lexicon.heads
        mentions = [m for t in range(start, end) if (m := self.ex.mention_at(b, t)) is not None]
        mentions = [m for m in mentions if not self.ex.lone_title(m)]  # الأسقف is a title (S-TITLE-MENTION)
        best = min(mentions, key=lambda m: MENTION_PRIORITY.get(m.label, 9), default=None)
        if best is None or best.label == "PER":
            return best
        if best.label == "ORG" and self.ex.span_cuts.get((b, end)) == "S-QUOTED-APPOSITION":
            return mentions[-1]  # وكالة التصنيف الائتماني "ستاندرد آند بورز": the quoted name names it
        first = tokens[start].key
        if best.start > tokens[start].start and (first in heads["person"] or _strip_noun(first) in heads["person"]):
            return None
        if best.start > tokens[start].start and self.one_of_a_body(tokens[start : start + 2]):
            return None  # طبيب المنتخب البرازيلي: the team's doctor speaks, not the team
        if best.start > tokens[start].start and self.ex.placed_phrase(b, start):
            return None  # مصادر المعارضة في الجبهة الجنوبية (S-OFFICE-PLACE): where the source works
        if best.start >= self.ex.complement_starts.get((b, start), len(self.ex.doc.text)):
            return None  # مصادر في المقاومة الشعبية بعدن أكدت (S-FRONTED-COMPLEMENT): where the source sits
        return best

    def one_of_a_body(self, tokens: Sequence) -> bool:
        """``S-CONSTRUCT-SOURCE`` on tokens: see ``one_of_a_body_keys``."""
        return len(tokens) == 2 and all(t.is_word for t in tokens) and self.one_of_a_body_keys([t.key for t in tokens])

    def one_of_a_body_keys(self, keys: list[str]) -> bool:
        """``S-CONSTRUCT-SOURCE``: a singular source head in construct with a definite word (طبيب
        المنتخب، محامي المتهمين) is one person of that body, a definite description: not the
        body itself, and not an anonymous source (مصادر المعارضة، مسؤولون: plural, stay anonymous)."""
        if not rule_on("S-CONSTRUCT-SOURCE"):
            return False
        head, genitive = keys[0], keys[1]
        return (
            head in self.ex.lexicon.heads["anonymous"]
            and not head.startswith("ال")
            and not _is_plural_phrase([head])
            and genitive.startswith("ال")
        )

    def described_by_mention(self, keys: list[str], mention: Mention) -> bool:
        """``S-DESCRIPTION-MENTION``: a non-person mention that is only a definite head noun and its
        adjectives (الصحيفة الإسبانية، الوزارة) is a description, not a name."""
        if not rule_on("S-DESCRIPTION-MENTION") or mention.label == "PER" or not 1 <= len(keys) <= 3:
            return False
        heads = self.ex.lexicon.heads
        head = _strip_noun(keys[0])
        known_head = any(head in heads[k] or keys[0] in heads[k] for k in ("media", "organisation", "document"))
        return known_head and all(k.startswith("ال") for k in keys) and any(
            _without_complementisers(match_form(form).split()) == keys  # the canonical drops an epithet (العملاقة)
            for form in {mention.canonical or mention.text, mention.text})

    def body_of_head(self, keys: list[str], before: int) -> Optional[_Agent]:
        """``S-DESCRIPTION-HEAD``: a tagged description whose adjectives are not all nisbas (المنظمة الحقوقية،
        الشركة الأمريكية العملاقة; not الجيش الإسرائيلي, a name itself) is the nearest earlier named body that
        spoke with that head in its words (منظمة العفو الدولية، شركة "أبل"), when that body's name is more than a
        head and adjectives and its nisbas fit."""
        adjectives = keys[1:]
        if not rule_on("S-DESCRIPTION-HEAD") or not adjectives or len(places_of_keys(adjectives)) == len(adjectives):
            return None
        head, places = _strip_noun(keys[0]), _place_keys()
        wanted = {places[k] for k in places_of_keys(adjectives)}
        for agent in reversed([a for a in self.agents if a.position < before]):
            words = {_strip_noun(k) for k in _key_text(agent.span.text + " " + agent.canonical).split()}
            if head not in words:
                continue
            named = {places[w] for w in map(_title_key, words) if w in places}
            # الشرطة الإسرائيلية before الشرطة العسكرية: a head and adjectives is a description too, maybe another body
            described = all(_is_definite(k) for k in _key_text(agent.canonical).split())
            fits = agent.named and agent.kind == "organisation" and not described \
                and not (wanted and named and not wanted <= named)
            return agent if fits else None
        return None

    def mention_name(self, mention: Mention, span: Span) -> str:
        """The mention's canonical name, or the part of it inside the speaker span when the
        tagger's span runs past it (وأردف البرعي: the cue is never part of the name)."""
        if (id(mention) in self.ex.bodies_named_on or id(mention) in self.ex.names_run_on) \
                and span.start <= mention.start < mention.end < span.end:
            return self.ex.doc.text[mention.start : span.end]  # S-ORG-COMPLEMENT, S-NAME-TAIL: the name the tagger clipped
        if (span.start <= mention.start and mention.end <= span.end) or self.overflow_is_name(mention, span):
            return mention.canonical or mention.text
        start, end = max(span.start, mention.start), min(span.end, mention.end)
        return self.ex.doc.text[start:end].strip() if end > start else span.text

    def overflow_is_name(self, mention: Mention, span: Span) -> bool:
        """``S-FULL-NAME``: the tagger's name runs past the speaker phrase with words of the name
        only (مدير عام الجمعية إبراهيم بن سليمان | الخميس, a surname read as a weekday): the fullest
        name stands. A cue, particle or mark in the overflow (وأردف البرعي) keeps the clipped name."""
        if not rule_on("S-FULL-NAME") or mention.end <= span.start or mention.start >= span.end:
            return False
        text = self.ex.doc.text
        outside = text[mention.start : max(mention.start, span.start)] + " " + text[min(mention.end, span.end) : mention.end]
        words = outside.split()
        if not words or any(not WORD_TOKEN_RE.fullmatch(w) for w in words):
            return False
        keys = [match_form(w) for w in words]
        if rule_on("S-MANNER-ADVERB") and any(k in MANNER_ADVERBS for k in keys):
            return False  # شون | مازحا: how he spoke, not more of his name
        return not any(lookup_cue(k)[0] is not None or _is_stop_key(k) and k not in TIME_WORDS for k in keys)

    def kind_of(self, keys: list[str], mention: Optional[Mention]) -> str:
        heads = self.ex.lexicon.heads
        first = keys[0] if keys else ""
        bare = _strip_noun(first)
        text = " ".join(keys)
        if any(text.startswith(h) for h in heads["media"] if " " in h) or first in heads["media"] or bare in heads["media"]:
            return "media"
        if mention is not None and mention.label == "PER":
            return "person"
        if first in heads["anonymous"] or bare in heads["anonymous"]:
            return "anonymous"
        if first in heads["person"] or bare in heads["person"]:
            return "person"
        if mention is not None and mention.label in ("ORG", "LOC"):
            return "organisation"
        if first in heads["organisation"] or bare in heads["organisation"]:
            return "organisation"
        if first in heads["document"] or bare in heads["document"]:
            return "unknown"  # a study, poll or contract: a source, but nobody's words
        if keys and not first.startswith("ال") and len(keys) <= 4:
            return "person"
        return "unknown"

    def antecedent(self, entry: CueEntry, before: int) -> Optional[_Agent]:
        earlier = [x for i, a in enumerate(self.agents) for x in (a, self.attributed.get(i))
                   if x is not None and x.position <= before]
        for agent in reversed(earlier):
            if entry.kind == "participle" and entry.number == "p":
                keys = _key_text(agent.span.text).split()
                if _is_plural_phrase(keys):
                    return agent  # متسائلين، مشيرين: the most recent plural speaker
                if _counts_people(keys) and rule_on("Q-PLURAL-SUBJECT-PARTICIPLE"):
                    return agent  # أكد عدد من المواطنين …، موضحين: so many of them
                continue
            if entry.number == "p" and _one_named_person(agent) and rule_on("S-PLURAL-VERB"):
                self.plural_skipped = True
                continue  # خبراء قللوا … كما استبعدوا: a plural verb's subject is never one named person
            if _agrees(entry.gender, agent.gender) and _agrees(entry.number, agent.number):
                return agent
        if entry.kind == "participle" and entry.number == "p":
            return None  # a singular speaker is worse than none
        if entry.number == "p" and rule_on("S-PLURAL-VERB"):
            return next((a for a in reversed(earlier) if not _one_named_person(a)), None)
        if earlier and entry.gender and earlier[-1].gender and earlier[-1].kind != "person" and rule_on("S-HEAD-GENDER"):
            # وأكدت وزارة الصحة … الدكتور خالد المرغلاني … وبيّن: no speaker agrees, and the body is no "he"
            person = self.person_named_after(self.sentence_of(earlier[-1]), before, reported_end=earlier[-1].position)
            if person is not None:
                return person
        return earlier[-1] if earlier else None

    def sentence_of(self, agent: _Agent) -> int:
        """Where the sentence of a body's words starts when they are an attribution set after what it
        reports (وخرج نافالني من السجن، بحسب وكالة "فرانس برس"): its subject may be the next "he"; else the
        body's own offset."""
        text = self.ex.doc.text
        if agent.span.start <= agent.position:
            return agent.position  # the body spoke first in its sentence (أكدت الوزارة): only later names
        return max(text.rfind(mark, 0, agent.position) for mark in (*SENTENCE_END, "\n"))

    def person_named_after(self, after: int, before: int, reported_end: int = -1) -> Optional[_Agent]:
        """``S-HEAD-GENDER``: the last person named between two offsets, outside quoted words (but for the
        clause an attribution reports, before ``reported_end``), neither glued to a conjunction (ودونالد ترامب:
        a list's end) nor after a preposition."""
        person = self.latest_person(before)
        if person is None or person.start <= after:
            return None
        if person.start >= reported_end and self.inside_quoted_words(person.start):
            return None
        text = self.ex.doc.text
        if text[person.start - 1].isalpha() or match_form((text[:person.start].split() or [""])[-1]) in PREPOSITIONS:
            return None
        span = make_span(text, person.start, person.end)
        return _Agent(person.start, span, person.canonical or person.text, "person", "", "s", True, ("S-HEAD-GENDER",))

    def owned_statement(self, tokens) -> bool:
        """``S-OWNED-STATEMENT``: a speaker phrase that is a statement noun with its owner's pronoun (تصريحه،
        كلمتها، تغريدتها) names no one: the owner, the last agreeing speaker, spoke. The written word tells the
        pronoun ه from the feminine ة (كلمة is no كلم + ه)."""
        words = [tok for tok in tokens if tok.is_word]
        if not rule_on("S-OWNED-STATEMENT") or len(words) != 1 or words[0].text.endswith("ة"):
            return False
        owned = _unpossessed(_strip_conj(words[0].key))
        return bool(owned) and owned in self.ex.lexicon.statement_frames

    def same_source(self, keys: list[str], before: int) -> Optional[_Agent]:
        """``S-SAME-SOURCE``: a source head with a word of sameness (نفس المصدر، المصدر ذاته، المنظمة نفسها) is
        the source named before: for an anonymous head (المصدر، المصادر) the last speaker, for another head
        (المنظمة) the last speaker its words name; None otherwise."""
        if not rule_on("S-SAME-SOURCE") or len(keys) != 2:
            return None
        same = [k for k in keys if _strip_conj(k) in SAME_SOURCE_WORDS]
        if len(same) != 1:
            return None
        head = _strip_noun(_strip_conj(keys[1] if same[0] == keys[0] else keys[0]))
        if head in self.ex.lexicon.heads["anonymous"]:
            earlier = [a for a in self.agents if a.position < before]
            return earlier[-1] if earlier else None
        return self.refers_back([head], before)

    def refers_back(self, keys: list[str], before: int) -> Optional[_Agent]:
        """An earlier agent named by this short or descriptive phrase (المصادر, كيري)."""
        wanted = {_strip_noun(k) for k in keys if k not in DEMONSTRATIVES}
        if not wanted:
            return None
        for agent in reversed([a for a in self.agents if a.position < before]):
            if "S-LOOSE-TITLE" in agent.rules:
                continue  # named for the dropped subjects after it; a description looks its title up itself
            words = {_strip_noun(k) for k in _key_text(agent.span.text + " " + agent.canonical).split()}
            if wanted <= words:
                return agent
        return None

    def resolve(self, c: _Candidate, position: int) -> _Attribution:
        """The speaker of ``c``, its cue at offset ``position``; remembered for later quotes.

        In this order: a dropped subject (``S-DROPPED``: a plural participle's plural
        subject, the last agreeing speaker or a clause subject named nearer, a name in the
        sentence); a pronoun (``S-PRONOUN``); الأخير (``S-LATTER``); a name mention in the
        phrase (``S-NAMED``, ``S-FULL-NAME``; ``S-QUOTED-NAME`` when the name is a quoted one after a
        body head that the tagger missed); an earlier speaker the phrase names
        (``S-REFERS-BACK``); the phrase as written (``S-PHRASE``), which a description without a
        name may still trade for the name its title gives (``S-TITLE-NAME``).
        """
        ex, entry = self.ex, c.entry
        if c.speaker is None:
            self.plural_skipped = False
            plural = entry.kind == "participle" and entry.number == "p"
            agent = (plural and self.plural_in_sentence(c)) or self.plural_verb_subject(c) or self.antecedent(entry, position)
            if entry.kind == "verb":
                # واستعرض كوي النظام … وقال إنه: a subject named after its verb later in the
                # paragraph is nearer than the last speaker
                agent = self.clause_subject_before(c, agent) or self.paragraph_before_subject(c, agent) or agent
            sentence = ex.blocks[c.block].tokens[ex.sentence_start(c.block, c.cue[0])].start
            self.governed_skipped = False
            if agent is None or (entry.kind == "participle" and agent.position < sentence):
                # كما عبر البنيان عن شكره، مؤكدا أن …: the participle's subject is the person
                # named earlier in its own sentence, even when that verb reported nothing
                agent = self.feminine_clause_subject(c) or self.participle_clause_subject(c) \
                    or self.named_in_sentence(c) or agent
            rule = "S-DROPPED"
            if agent is None and entry.kind == "verb" and rule_on("S-OPENING-SUBJECT"):
                # مارك زوكربيرغ يعتذر أمام البرلمان.. ويؤكد أن …: nobody spoke before, so the
                # conjoined verb's subject is the name that opens its sentence (or the one before)
                agent, rule = self.opening_subject(c), "S-OPENING-SUBJECT"
            if agent is None or not rule_on("S-DROPPED"):
                return _Attribution(None)
            self.remember(agent.span, agent.canonical, agent.kind, entry, position, named=agent.named, rules=agent.rules)
            passed = ("S-VERBAL-NOUN-OBJECT",) if any(agent.position < p < position for p in self.verbal_objects) else ()
            passed = (*passed, *agent.rules)
            if any(agent.position < p < position for p in self.loose_objects):
                passed = (*passed, "S-LOOSE-SOURCE")
            if self.governed_skipped:
                passed = (*passed, "S-GOVERNED-NAME")
            if self.plural_skipped:
                passed = (*passed, "S-PLURAL-VERB")
            return _Attribution(agent.span, agent.canonical, agent.kind, is_pronoun=entry.kind == "verb",
                                rules=tuple(dict.fromkeys(("S-DROPPED", rule, *passed))))
        b, (start, end) = c.block, c.speaker
        span = self.phrase_span(b, start, end)
        if span is None:
            return _Attribution(None)
        keys = [t.key for t in ex.blocks[b].tokens[start:end] if t.is_word]
        called = self.called_name(b, end)
        if called is not None:  # وقال أحد المحتجين ويدعى عصام جبار: the name the phrase is given
            self.remember(span, called, "person", entry, position, named=True)
            return _Attribution(span, called, "person", rules=("S-CALLED-NAME",))
        mention = self.best_mention(b, start, end) if rule_on("S-NAMED") else None
        heads = ex.lexicon.heads
        # الأسقف tagged as a person: a title, resolved as one (best_mention left it out)
        title_tagged = any(self.ex.lone_title(self.ex.mention_at(b, t)) for t in range(start, end))
        if len(keys) == 1 and (keys[0] in heads["pronoun"] or keys[0][1:] in heads["pronoun"]) and rule_on("S-PRONOUN"):
            agent = self.antecedent(entry, position)
            titled = self.titled_person(keys[0], span.start) if agent is None else None
            if titled is not None:  # رأس الأمير محمد بن نايف … وقال سموه: nobody spoke before him
                canonical = titled.canonical or titled.text
                self.remember(span, canonical, "person", entry, position, named=True)
                return _Attribution(span, canonical, "person", is_pronoun=True, rules=("S-HONORIFIC-PRONOUN",))
            canonical, kind = (agent.canonical, agent.kind) if agent else (span.text, "unknown")
            self.remember(span, canonical, kind, entry, position, named=agent is not None and agent.named)
            return _Attribution(span, canonical, kind, is_pronoun=True, rules=("S-PRONOUN",))
        if len(keys) == 1 and mention is None and self.owned_statement(ex.blocks[b].tokens[start:end]):
            agent = self.antecedent(entry, position)  # وعن تصريحه الذي قال فيه: the statement's owner spoke
            if agent is not None:
                self.remember(span, agent.canonical, agent.kind, entry, position, named=agent.named)
                return _Attribution(span, agent.canonical, agent.kind, is_pronoun=True, rules=("S-OWNED-STATEMENT",))
        if len(keys) == 1 and keys[0] in LATTER and mention is None and rule_on("S-LATTER"):
            latter = self.latest_person(span.start)  # قال بعدها الأخير: the one named last
            if latter is not None:
                canonical = latter.canonical or latter.text
                self.remember(span, canonical, "person", entry, position, named=True)
                return _Attribution(span, canonical, "person", is_pronoun=True, rules=("S-LATTER",))
        if mention is not None and self.described_by_mention(keys, mention):
            # الصحيفة الإسبانية tagged as a name: an earlier speaker it describes is who speaks
            agent, rule = self.refers_back(keys, position), "S-DESCRIPTION-MENTION"
            if agent is None or not agent.named:
                # المنظمة الحقوقية after منظمة العفو الدولية spoke: the body its head names
                agent, rule = self.body_of_head(keys, position), "S-DESCRIPTION-HEAD"
            if agent is not None and agent.named:
                self.remember(span, agent.canonical, agent.kind, entry, position, named=True)
                return _Attribution(span, agent.canonical, agent.kind, rules=tuple(dict.fromkeys(("S-DESCRIPTION-MENTION", rule))))
        same = self.same_source(keys, position) if mention is None else None
        if same is not None:  # وأضاف المصدر نفسه: the source that spoke before
            self.remember(span, same.canonical, same.kind, entry, position, named=same.named)
            return _Attribution(span, same.canonical, same.kind, is_pronoun=True, rules=("S-SAME-SOURCE",))
        descriptive = keys[0] in DEMONSTRATIVES or (len(keys) <= 2 and keys[0].startswith("ال") and mention is None)
        fuller = nearer = medium = None
        if mention is not None:
            canonical = _unglued_source(ex, c, self.mention_name(mention, span))  # before the fuller-body look-up
            kind = self.kind_of(keys, mention)
            agent = None
            if mention.label == "ORG" and rule_on("S-FULLEST-BODY") and (fuller := ex.fuller_body(canonical)):
                canonical = fuller  # الهيئة العليا → الهيئة العليا للسياحة, named so elsewhere in the article
        else:
            described = keys[0].startswith("ال") and len(keys) <= MAX_NAME_WORDS
            refers = rule_on("S-REFERS-BACK") and (descriptive or described or len(keys) <= 2)
            agent = self.refers_back(keys, position) if refers else None
            nearer = self.nearer_body(keys, agent, span.start) if agent is not None else None
            medium = self.medium_source(keys, position) if agent is None else None
            agent = nearer or agent or medium
            canonical = agent.canonical if agent else span.text
            kind = agent.kind if agent else self.kind_of(keys, None)
        rule = "S-NAMED" if mention is not None else "S-REFERS-BACK" if agent is not None else "S-PHRASE"
        rules: tuple[str, ...] = ()
        if mention is not None and id(mention) in ex.quoted_made:
            rules = ("S-QUOTED-NAME",)  # صحيفة "زمان" التركية: a name the tagger missed
        if mention is not None and not (span.start <= mention.start and mention.end <= span.end) and self.overflow_is_name(mention, span):
            rule = "S-FULL-NAME"
        if fuller:
            rules = (*rules, "S-FULLEST-BODY")
        if nearer is not None:
            rules = (*rules, "S-NEARER-BODY")
        if medium is not None:
            rules = (*rules, "S-SOURCE-MEDIUM")
        if agent is None and (state := self.state_of_government(keys)) is not None:
            canonical, kind = state, "organisation"  # الحكومة الكندية speaks for كندا, as the article names it
            rules = (*rules, "S-GOVERNMENT-STATE")
        named = mention is not None or (agent is not None and agent.named)
        if not named and rule_on("S-TITLE-NAME") and (self.title_labels(keys) or self.title_labels(_without_courtesy(keys))):
            ex.deputy_refused = ex.other_office_set_apart = False
            # وأضاف المسؤول الأمريكي after قال مسؤول أمريكي: the unnamed official, not the one American named
            found, title_rule, courtesy = self.named_by_courteous_title(keys, span.start, b, end, office=agent is None)
            if found is not None:
                canonical, kind, rule, named = found.canonical or found.text, self.kind_of(keys, found), title_rule, True
                rules = courtesy
                quoted = id(found) in ex.quoted_made or id(found) in ex.quoted_titled
                rules = (*rules, "S-QUOTED-NAME") if quoted else rules
                if title_rule == "S-TITLE-HEAD" and has_complements(keys):
                    rules = (*rules, "S-TITLE-COMPLEMENT")
                if title_rule == "S-TITLE-HEAD" and ex.other_office_set_apart:
                    rules = (*rules, "S-TITLE-OTHER-OFFICE")  # not وزير الإعلام رودريغيز
                if id(found) in ex.titled_through_quotes:
                    rules = (*rules, "S-TITLE-QUOTED")
                if id(found) in ex.titled_through_ranks:
                    rules = (*rules, "S-TITLE-RANKED-APPOSITION")
            elif ex.deputy_refused:
                rules = (*rules, "S-TITLE-DEPUTY")  # رئيس مجلس المحافظة is not its deputy head
            elif any(_title_key(k) in ex.verb_cut_titles for k in keys):
                rules = (*rules, "S-TITLE-VERB")  # أسقف يعتذر للمغنية …: no title of hers
            elif any(_title_key(k) in ex.addressee_cut_titles for k in keys):
                rules = (*rules, "S-TITLE-ADDRESSEE")  # الوشاحي لـ«الشرق الأوسط»: not the paper's title
        if not named and (maker := self.document_maker(keys, span.start)) is not None:
            (canonical, kind, rules), rule, named = maker, "S-DOCUMENT-AUTHOR", True
        if not named and (epithet := self.epithet_of_last_speaker(keys, b, start, end, position)) is not None:
            canonical, kind, named = epithet.canonical, "person", True
            rules = (*rules, "S-EPITHET", *(("S-EPITHET-CONSTRUCT",) if self.construct_epithet(keys) else ()),
                     *(("S-EPITHET-HEAD",) if _epithet_head(keys) else ()))
        if not named and (body := self.spokesperson_body(keys, b, start, end, span.start)) is not None:
            canonical, kind, named = body, "organisation", True  # متحدث باسم وزارة العدل: the ministry speaks
            rules = (*rules, "S-SPOKESPERSON-BODY")
        first = named and mention is None and rule_on("S-NAME-CLOSES-FIRST")
        if (not named or first) and (closing := self.name_closing_subject(c, keys, b, end)) is not None:
            # وأوضح مدير عام الهيئة العامة للسياحة … المهندس محمد العمرة أن: the title's name ends the subject;
            # S-NAME-CLOSES-FIRST: before an earlier speaker or name the description would refer back to
            span = make_span(ex.doc.text, span.start, closing.end, "speaker")
            canonical, kind, named, rule = closing.canonical or closing.text, "person", True, "S-NAME-CLOSES-SUBJECT"
            agent, rules = None, ("S-NAME-CLOSES-FIRST",) if first else ()
        if rule == "S-PHRASE" and not rule_on("S-PHRASE"):
            return _Attribution(None)
        complemented = end if rule == "S-NAME-CLOSES-SUBJECT" else self.complement_end(c, b, start, end)
        if complemented > end:  # لجنة الرقابة | على المال العام إلى أن: the complement names the source too
            phrase, span = span, make_span(ex.doc.text, span.start, ex.blocks[b].tokens[complemented - 1].end, "speaker")
            canonical = span.text if canonical == phrase.text else canonical  # a name stays the name found
            rules = (*rules, "S-COMPLEMENT-TO-WORDS")
        canonical = _unglued_source(ex, c, canonical)
        if title_tagged and named and mention is None:
            rules = (*rules, "S-TITLE-MENTION")
        if len(keys) > 1 and self.one_of_a_body_keys(keys[:2]):
            rules = (*rules, "S-CONSTRUCT-SOURCE")
        self.remember(span, canonical, kind, entry, position, named=named)
        if c.method == "attribution" and (subject := self.attributed_subject(c)) is not None:
            self.attributed[len(self.agents) - 1] = subject  # وفقا للكرملين، هنأ بوتين … وشدد: Putin goes on
        return _Attribution(span, canonical, kind, is_pronoun=descriptive and agent is not None, rules=(rule, *rules))

    def attributed_subject(self, c: _Candidate) -> Optional[_Agent]:
        """``S-ATTRIBUTED-SUBJECT``: the named subject of the verb that opens an attribution's words (وفقا للكرملين،
        هنأ بوتين; طبقا لموقع "مشابل"، فقد أطلقت "أبل"; وتضخ السعودية … وفقا لبيانات أوبك): the one a later dropped
        subject means, not the source the words are attributed to."""
        if not rule_on("S-ATTRIBUTED-SUBJECT"):
            return None
        ex, b = self.ex, c.text_block
        tokens = ex.blocks[b].tokens
        t = c.content_start
        if t < len(tokens) and tokens[t].key in QAD_PARTICLES:
            t += 1  # فقد أطلقت
        if t + 1 >= min(len(tokens), c.content_end if c.content_end >= 0 else len(tokens)):
            return None
        verb = tokens[t].key
        if not tokens[t].is_word or ex.mention_at(b, t) is not None or _is_definite(_strip_conj(verb)) \
                or len(verb) < 3 or _is_stop(tokens[t]):
            return None
        first = t + 1 if tokens[t + 1].is_word else t + 2  # أطلقت "أبل"
        mention = ex.mention_at(b, first) if first < len(tokens) else None
        if mention is None or mention.label not in ("PER", "ORG", "LOC") or ex.mention_at(b, first - 1) is mention:
            return None
        end = first
        while end < len(tokens) and ex.mention_at(b, end) is mention:
            end += 1
        span = self.phrase_span(b, first, end)
        if span is None:
            return None
        stem = _strip_conj(verb)
        gender = "f" if stem.endswith("ت") or stem[:1] == "ت" else "m"
        kind = self.kind_of([tok.key for tok in tokens[first:end]], mention)
        return _Agent(span.start, span, self.mention_name(mention, span), kind, gender, "s", True, ("S-ATTRIBUTED-SUBJECT",))

    def complement_end(self, c: _Candidate, b: int, start: int, end: int) -> int:
        """``S-COMPLEMENT-TO-WORDS``: the end of a speaker phrase after its verb, gone on over the complement
        between it and the words it reports (a that-clause, a colon, a quotation): a preposition of
        complement_prepositions or a glued ل / ب and the definite words or names after it (وقال علماء من جامعة
        كوينزلاند | للتكنولوجيا إن، أكد مسؤول | بالبحرية الأمريكية أن، أشارت لجنة الرقابة | على المال العام إلى
        أن). It stops before a time, a statement (في البيان), a cue, a relative, a person's name, whom the words
        were said to (للصحفيين، لشبكة CNN) and a preposition left without its noun (``preposition_opens``,
        ``complement_word``). A named person or a noun owned by a pronoun (محاموه، أحدهم) is whole, and a
        complement cut inside a list (دراسة في جامعة هارفارد | وجامعات أخرى) is read not at all. ``end`` when
        nothing fits."""
        ex, entry = self.ex, c.entry
        if not rule_on("S-COMPLEMENT-TO-WORDS") or c.method not in SUBJECT_ONLY_METHODS or c.text_block != b \
                or entry.kind != "verb" or entry.addressee or start <= c.cue[0] or not start < end < c.content_start:
            return end
        tokens = ex.blocks[b].tokens
        last = ex.mention_at(b, end - 1)
        if last is not None and last.label == "PER" or tokens[end - 1].text.endswith(PRONOUN_SUFFIXES):
            return end  # بوتين | في الفيلم، محاموه | في البيان: a named person or an owned noun is whole
        head = _strip_conj(tokens[start].key)
        t = good = end
        while t < c.content_start and t - end < MAX_COMPLEMENT_WORDS:
            token = tokens[t]
            if not token.is_word or token.region >= 0 or token.aside or self.ends_complement(b, t):
                break
            if token.key in COMPLEMENT_PREPOSITIONS:
                if not self.preposition_opens(b, t, c.content_start, head):
                    break
                t += 1
                continue  # a preposition ends nothing: its noun must follow
            if t == end and not self.glued(token.key):
                break  # the complement opens with a preposition
            if not self.complement_word(b, start, t, c.content_start):
                if token.key[:1] == "و" and t > end:
                    return end  # وجامعات أمريكية أخرى: a list goes on that the complement cannot hold
                break
            t += 1
            good = t
        return good

    @staticmethod
    def glued(key: str) -> bool:
        """A word with a glued ل / ب (للتكنولوجيا، بالبحرية، لصندوق)."""
        return key[:1] in PREPOSITION_PREFIXES and len(key) > 3

    def governs_next(self, b: int, t: int, limit: int) -> tuple[bool, bool]:
        """Whether the word after ``t`` (before ``limit``) is a definite word or a name a preposition may
        govern, and whether it is a name."""
        tokens = self.ex.blocks[b].tokens
        nxt = tokens[t + 1] if t + 1 < limit else None
        named = nxt is not None and self.ex.mention_at(b, t + 1) is not None
        return nxt is not None and nxt.is_word and (_is_definite(nxt.key) or named), named

    def preposition_opens(self, b: int, t: int, limit: int, head: str) -> bool:
        """``S-COMPLEMENT-TO-WORDS``: the free preposition at ``t`` opens a complement of the phrase headed by
        ``head``: a definite word or name follows that is no act (في التحقيق); في only after a source head
        without the article or a group (مسؤولون | في الإدارة، بعض المتعاملين | في السوق), or after a body's
        head before a name (وزارة الصحة | في غزة): not a bare name's or a definite title's place."""
        ex, tokens = self.ex, self.ex.blocks[b].tokens
        governs, named = self.governs_next(b, t, limit)
        if not governs:
            return False
        following = tokens[t + 1].text
        if not named and (is_verbal_noun(following) or is_plain_verbal_noun(following[2:])):
            return False  # في التحقيق: an act, not where the source sits
        if tokens[t].key != "في":
            return True
        heads = ex.lexicon.heads
        placed = _is_plural_phrase([head]) or head in PARTITIVE_HEADS \
            or not _is_definite(head) and listed_head(head, heads, SOURCE_KINDS)
        return placed or named and listed_head(head, heads, ("organisation",))

    def complement_word(self, b: int, start: int, t: int, limit: int) -> bool:
        """``S-COMPLEMENT-TO-WORDS``: the word at ``t`` goes on a complement: a definite word, a name, a و
        before a definite word, or a glued ل / ب word that is a genitive (للصندوق، لصندوق النقد، بمكة), not an
        adverb (بوضوح، لاحقا) nor whom the words were said to (للصحفيين)."""
        key, named = self.ex.blocks[b].tokens[t].key, self.ex.mention_at(b, t) is not None
        if self.glued(key):
            governs, _ = self.governs_next(b, t, limit)
            if not (_is_definite(key[1:]) or key.startswith("لل") or governs or named):
                return False  # بوضوح، لاحقا: an adverb, not a genitive in construct
            return not (key[:1] == "ل" and self.addressed(b, start, t))
        return _is_definite(key) or named or key[:1] == "و" and _is_definite(key[1:])

    def ends_complement(self, b: int, t: int) -> bool:
        """``S-COMPLEMENT-TO-WORDS``: a word no complement of a speaker phrase holds: a complementiser, a time, a
        cue, a relative or demonstrative, an adverbial or manner word, a statement noun (بيان، بتغريدة), a word
        carrying a pronoun as written (تقييمه، له; not إدارة, whose ة the matching form writes ه) or a person's name."""
        ex, token = self.ex, self.ex.blocks[b].tokens[t]
        key = token.key
        bare = _strip_noun(key[1:] if self.glued(key) else key)
        mention = ex.mention_at(b, t)
        frames = ex.lexicon.statement_frames
        return key in COMPLEMENTISERS or key in TIME_WORDS or _time_phrase_width(ex.blocks[b].tokens, t) > 0 \
            or lookup_cue(key)[0] is not None or key in RELATIVES or key in DEMONSTRATIVES or key in ADVERBIAL_HEADS \
            or key in MANNER_ADVERBS or _strip_conj(key) in ex.lexicon.attribution_words \
            or bare in frames or _unpossessed(bare) in frames \
            or token.text.endswith(PRONOUN_SUFFIXES) and not _is_definite(key) or mention is not None and mention.label == "PER"

    def addressed(self, b: int, start: int, t: int) -> bool:
        """``S-COMPLEMENT-TO-WORDS``: a ل word that is whom the words were said to: a medium (لشبكة، لCNN), a
        person or source head (للصحفيين، لمسؤول) or a plural of people in ون / ين (للمراسلين)."""
        key = self.ex.blocks[b].tokens[t].key
        noun = _strip_noun("ال" + key[2:] if key.startswith("لل") else key[1:])
        written = self.ex.blocks[b].tokens[t].text
        return self.ex.addressee_medium(b, start, t) or key in ADDRESSEE_PRONOUNS or noun.endswith(("ون", "ين")) \
            or written[1:].isascii() \
            or listed_head(noun, self.ex.lexicon.heads, ("person", "anonymous", "media"))

    def name_closing_subject(self, c: _Candidate, keys: list[str], b: int, end: int) -> Optional[Mention]:
        """``S-NAME-CLOSES-SUBJECT``: a singular person's or source's title without a name, cut short between the cue
        and the words it reports (after قال … إن / : / a quotation), goes on over title words (nouns, في / من / باسم,
        bodies and places, commas, quoted names) to the person named right before those words: that person speaks
        (قال مسؤول إعلام الفرع الرابع عشر للحزب الديمقراطي الكردستاني في الموصل، سعيد مموزيني لـ«الشرق الأوسط»: «…»).
        None when a verb, relative, other preposition or sentence end comes first, or the name is governed."""
        if not rule_on("S-NAME-CLOSES-SUBJECT") or c.text_block != b or end >= c.content_start \
                or c.method not in SUBJECT_ONLY_METHODS or not keys or _is_plural_phrase(keys):
            return None  # اتهمت أكثر من 50 امرأة … واينستاين بالاعتداء: after an object cue, a name may be its object
        ex, tokens = self.ex, self.ex.blocks[b].tokens
        first = _strip_conj(keys[0]) if keys[0][1:3] == "ال" else keys[0]
        if not any(listed_head(form, ex.lexicon.heads, ("person", "anonymous")) for form in _head_forms(first)) \
                and triggers().get(first) != "PER":
            return None  # عفوا ملكيا، لكن الملك فيليب السادس: no person's title (المسؤولة is المسؤول's)
        if ex.span_cuts.get((b, end)) == "S-SPAN-STATEMENT":
            return None  # قال رئيس الهيئة | في تغريدة … للمهاجم محمد السهلاوي: where it spoke, a name there is another's
        allowed = SOURCE_PREPOSITIONS | NAME_PREPOSITIONS
        words = 0
        for t in range(end, min(c.content_start, len(tokens))):
            tok = tokens[t]
            mention = ex.mention_at(b, t)
            if mention is not None and mention.label == "PER":
                return None if ex.governed(tok, mention) else mention
            if not tok.is_word:
                if tok.text in SENTENCE_END or tok.text == ":":
                    return None
                continue
            words += 1
            key = tok.key
            if words > MAX_CLOSING_TITLE_WORDS or ex.ends_title(tok) or lookup_cue(key)[0] is not None \
                    or (key in PREPOSITIONS and key not in allowed) or key in COMPLEMENTISERS:
                return None
            if key[:1] in PREPOSITION_PREFIXES and self.person_head(key[1:]):
                return None  # لوزير الخارجية سيرغي لافروف: the name a preposition governs is not the subject
        return None

    def spokesperson_body(self, keys: list[str], b: int, start: int, end: int, offset: int) -> Optional[str]:
        """``S-SPOKESPERSON-BODY``: the body an unnamed spokesperson speaks for (متحدث باسم وزارة العدل، المتحدث
        باسم الشرطة): the body named in the phrase, else the nearest earlier body whose name opens with the
        phrase's last word (الشرطة → شرطة العاصمة الرياض); None when the phrase names no body."""
        if not keys or not rule_on("S-SPOKESPERSON-BODY") or _strip_noun(_strip_conj(keys[0])) not in SPOKESPERSON_HEADS:
            return None
        for t in range(start, end):
            mention = self.ex.mention_at(b, t)
            if mention is not None and mention.label == "ORG":
                stop = self.ex.blocks[b].tokens[end - 1].end
                if mention.end > stop:  # the tagger ran on past the phrase (وزارة العدل | لبي بي سي)
                    return self.ex.doc.text[max(mention.start, self.ex.blocks[b].tokens[t].start):stop]
                name = mention.canonical or mention.text
                return self.ex.fuller_body(name) or name
        last = _strip_noun(keys[-1])
        if len(keys) < 3 or not _is_definite(keys[-1]) or last not in self.ex.lexicon.heads["organisation"]:
            return None
        earlier = [m for m in self.ex.mentions if m.label == "ORG" and m.end <= offset
                   and _strip_noun(match_form(m.text).split()[0]) == last]
        return (earlier[-1].canonical or earlier[-1].text) if earlier else None

    def state_of_government(self, keys: list[str]) -> Optional[str]:
        """``S-GOVERNMENT-STATE``: the country a government or its authorities with that country's nisba
        speak for (الحكومة الكندية، السلطات التركية), as a place name of the article; None when the article
        names no such place."""
        if len(keys) != 2 or not rule_on("S-GOVERNMENT-STATE"):
            return None
        first = _strip_conj(keys[0]) if keys[0][1:3] == "ال" else keys[0]
        place = _place_keys().get(_title_key(keys[1])) if first in STATE_GOVERNMENTS else None
        if place is None:
            return None
        wanted = match_form(place)
        for mention in self.ex.mentions:
            if mention.label == "LOC" and wanted in (match_form(mention.canonical or ""), match_form(mention.text)):
                return mention.canonical or mention.text
        return None

    def medium_source(self, keys: list[str], before: int) -> Optional[_Agent]:
        """``S-SOURCE-MEDIUM``: a bare المصدر that names no earlier source is the medium that spoke last (قالت
        صحيفة "لوموند" إن … وأوضح المصدر أن): the newspaper or agency is the article's source."""
        if not rule_on("S-SOURCE-MEDIUM") or len(keys) != 1 or not _is_definite(_strip_conj(keys[0])):
            return None
        if _strip_noun(_strip_conj(keys[0])) not in MEDIUM_SOURCE_HEADS:
            return None
        earlier = [a for a in self.agents if a.position < before]
        return earlier[-1] if earlier and earlier[-1].kind == "media" else None

    def nearer_body(self, keys: list[str], agent: _Agent, start: int) -> Optional[_Agent]:
        """``S-NEARER-BODY``: a body's head alone (الشركة، المنظمة الدولية) that would refer back to the speaker
        ``agent`` means the body named with that head between them (قالت كوين-تشيك … ما خسرته شركة إم تي جوكس،
        حين قالت الشركة): the nearer name whose words hold the phrase's."""
        heads = self.ex.lexicon.heads["organisation"]
        if not rule_on("S-NEARER-BODY") or not 1 <= len(keys) <= 2 or not _is_definite(keys[0]) \
                or _strip_noun(keys[0]) not in heads:
            return None
        found = self.ex.named_by_title(keys, start, ("ORG",))
        if found is None or not agent.span.end <= found.start < start or _same_person(found, agent.canonical):
            return None
        if all(_is_definite(k) for k in _key_text(found.text).split()):
            return None  # المؤسسة الدولية، المجلس التنفيذي tagged as a name: a description, not the body's name
        kind = self.kind_of(keys, found)
        return _Agent(found.start, make_span(self.ex.doc.text, found.start, found.end), found.canonical or found.text,
                      kind, "", "s", True, ("S-NEARER-BODY",))

    def epithet_of_last_speaker(self, keys: list[str], b: int, start: int, end: int, position: int) -> Optional[_Agent]:
        """``S-EPITHET``: a definite person title with only definite adjectives after it (المدرب الإسباني،
        اللاعبة الأمريكية، الفنان المصري) and no name is an epithet of the last named person who spoke, when
        no other person is named between them, its gender agrees and its nisba fits his titles; else None."""
        if not rule_on("S-EPITHET") or not keys or len(keys) > MAX_EPITHET_WORDS or not self.agents:
            return None
        first = _strip_conj(keys[0]) if keys[0][1:3] == "ال" else keys[0]
        construct = self.construct_epithet(keys) and self.opens_sentence_after_cue(b, start)
        if not (first.startswith("ال") or construct) or not self.person_head(first) or _is_plural_phrase([first]) \
                or first in COMPLETE_SUBJECTS:
            return None  # العلماء، البعض: several people, not the one who spoke
        if any(not (k.startswith("ال") or construct) or self.person_head(k) for k in keys[1:]):
            return None  # الأمين العام للأمم المتحدة، المسؤول الإيراني الكبير: only adjectives after the head
        if any((m := self.ex.mention_at(b, t)) is not None and not (construct and m.label == "LOC")
               for t in range(start, end)):
            return None  # a name; but a country may complete a construct head (لاعب ساحل العاج)
        agent = self.agents[-1]
        if not agent.named or agent.kind != "person" or agent.number == "p":
            return None
        feminine = first.endswith("ه")
        if agent.gender and (agent.gender == "f") != feminine:
            return None
        others = [m for m in self.ex.mentions if m.label == "PER" and agent.position < m.start < position
                  and not self.inside_quoted_words(m.start) and not _same_person(m, agent.canonical)]
        return None if others or not self.places_fit(keys[1:], agent) else agent

    def construct_epithet(self, keys: list[str]) -> bool:
        """``S-EPITHET-CONSTRUCT``: an indefinite head in construct with a definite phrase (لاعب ساحل العاج،
        مدرب المنتخب الإيطالي) describes as a definite head does."""
        return len(keys) > 1 and not keys[0].startswith(("ال", "وال")) and keys[-1].startswith("ال") \
            and rule_on("S-EPITHET-CONSTRUCT")

    def opens_sentence_after_cue(self, b: int, start: int) -> bool:
        """The speaker phrase follows a cue that opens its sentence (وأضاف لاعب ساحل العاج): the story goes
        on with the same speaker, not with a new one brought in (في المقابل، قال مدير المدرسة)."""
        return start > 0 and self.ex.sentence_start(b, start - 1) == start - 1

    def places_fit(self, adjectives: list[str], agent: _Agent) -> bool:
        """``S-EPITHET``: the places the epithet's nisba names (الإيطالي) are among those of the person's
        words and titles, when these name any (الرئيس الإيطالي is not الرئيس الروسي بوتين)."""
        places = _place_keys()
        wanted = {places[key] for key in places_of_keys(adjectives)}
        if not wanted:
            return True
        words = {_title_key(k) for k in _key_text(agent.span.text).split()}
        for entries in self.ex.title_index.values():
            words.update(w for _, mention, title in entries if _same_person(mention, agent.canonical) for w in title)
        named = {places[w] for w in words if w in places}
        return not named or wanted <= named

    def person_head(self, key: str) -> bool:
        """A word that heads a description of one person: a person head (المدرب، الفنان), or a title the
        entity tagger reads as a person's (المبعوث); not an office head (المسؤول، المتحدث) nor an anonymous
        source (المصدر، الجندي)."""
        heads, forms = self.ex.lexicon.heads, _head_forms(key)
        if forms & OFFICE_HEADS:
            return False  # وقال ترامب … وقال المسؤول الأمريكي: an official, most often someone else
        if _epithet_head([key]):
            return True  # وقال السياسي الاشتراكي: a word for one person, no office
        return any(f in heads["person"] for f in forms) or triggers().get(key) == "PER"

    def named_by_title_words(self, keys: list[str], position: int, labels: tuple[str, ...], b: int,
                             end: int, office: bool = True) -> tuple[Optional[Mention], str]:
        """The name a description stands for, with the rule that found it: every word of it in one
        name's title (``S-TITLE-NAME``; its place in any form: ``S-TITLE-PLACE``), else its head in the one
        person's title (``S-TITLE-HEAD``), else, with ``office``, المسؤول and a nisba in the one title naming
        that country (``S-TITLE-OFFICE``)."""
        found = self.ex.named_by_title(keys, position, labels, by_place=True)
        if found is not None or "PER" not in labels or self.runs_on(b, end):
            return found, "S-TITLE-PLACE" if self.ex.title_place_matched else "S-TITLE-NAME"
        if (found := self.ex.named_by_head(keys, position)) is not None:
            return found, "S-TITLE-HEAD"
        return self.ex.named_by_office(keys, position) if office else None, "S-TITLE-OFFICE"

    def named_by_courteous_title(self, keys: list[str], position: int, b: int, end: int, office: bool = True,
                                 labels: tuple[str, ...] = ()) -> tuple[Optional[Mention], str, tuple[str, ...]]:
        """``named_by_title_words`` for a description that may open with courtesy words (معالي الرئيس العام):
        first without them (``S-TITLE-COURTESY``, in the ids returned), then whole, as the title may hold
        them (صاحب السمو … → سمو رئيس رعاية الشباب)."""
        bare = _without_courtesy(keys)
        if len(bare) < len(keys) and (bare_labels := labels or self.title_labels(bare)):
            found, rule = self.named_by_title_words(bare, position, bare_labels, b, end, office=office)
            if found is not None:
                return found, rule, ("S-TITLE-COURTESY",)
        if not (labels := labels or self.title_labels(keys)):
            return None, "S-TITLE-NAME", ()
        found, rule = self.named_by_title_words(keys, position, labels, b, end, office=office)
        return found, rule, ()

    def document_maker(self, keys: list[str], position: int) -> Optional[tuple[str, str, tuple[str, ...]]]:
        """``S-DOCUMENT-AUTHOR``: (name, kind, further rule ids) of the maker of the document a speaker
        phrase opens with (البيان، للدراسة), read at the nearest place of that document that names one: a
        named speaker whose cue it follows (الاتحاد الألماني نفى في بيان), else a name around it, else
        the body its لل head names (بيان للوزارة: ``S-DOCUMENT-BODY-OWNER``)."""
        head = self.ex.document_head(keys[0]) if keys and rule_on("S-DOCUMENT-AUTHOR") else None
        if head is None:
            return None
        for offset, b, t in self.ex.document_places_around(head, position):
            if (agent := self.spoke_in(offset)) is not None:
                return agent.canonical, agent.kind, ()
            if (maker := self.ex.maker_at(b, t)) is not None:
                return maker.canonical or maker.text, self.kind_of(keys, maker), ()
            if offset == position and (owner := self.ex.glued_body_owner(b, t)) is not None:
                return owner, "organisation", ("S-DOCUMENT-BODY-OWNER",)  # بيان للوزارة: the ministry named before
        return None

    def spoke_in(self, offset: int) -> Optional[_Agent]:
        """The named speaker whose phrase and cue end at most ``MAX_DOCUMENT_GAP`` words before a
        document, in the same sentence (قال الجيش في بيان، نفى الاتحاد … في بيان)."""
        text = self.ex.doc.text
        for agent in reversed(self.agents):
            start = max(agent.span.end, agent.position)
            if start > offset or not agent.named:
                continue
            gap = text[start:offset]
            if len(gap.split()) > MAX_DOCUMENT_GAP + 1:
                break  # the agents go back in text order: earlier ones are further still
            if not any(mark in gap for mark in SENTENCE_END | ALL_MARKS - COMMAS):
                return agent
        return None

    def called_name(self, b: int, end: int) -> Optional[str]:
        """``S-CALLED-NAME``: the name in the naming aside right after a speaker phrase (أحد المحتجين
        | ويدعى عصام جبار (24 عاما)، امرأة | تدعى هيذر هيندرشوت; ``Q-CALLED-NAME`` marks it): the person
        tagged there, else the aside's words after its verb, before any parenthesis."""
        if not rule_on("S-CALLED-NAME"):
            return None
        tokens = self.ex.blocks[b].tokens
        u = end + 1 if end < len(tokens) and tokens[end].text in COMMAS else end
        if u >= len(tokens) or not tokens[u].aside or not is_naming_verb(tokens[u].text):
            return None
        v = u + 1
        while v < len(tokens) and tokens[v].aside and not tokens[v].is_word:
            v += 1  # يدعى «أبو عبيدة»
        mention = self.ex.mention_at(b, v) if v < len(tokens) else None
        if mention is not None and mention.label == "PER":
            return mention.canonical or mention.text
        words = []
        while v < len(tokens) and tokens[v].aside and tokens[v].is_word:
            words.append(tokens[v].text)
            v += 1
        return " ".join(words) or None

    def runs_on(self, b: int, end: int) -> bool:
        """A word after the speaker phrase that may go on naming it (وزير الخارجية السابق علي أكبر
        صالحي، with the name untagged): not a complementiser, preposition, time word or cue."""
        tokens = self.ex.blocks[b].tokens
        if end >= len(tokens) or not tokens[end].is_word:
            return False
        key, written = tokens[end].key, tokens[end].text
        if key in PREPOSITIONS and written.endswith("ي") and _prep_form(key) != key:
            return True  # علي as written is also a given name, على the preposition
        if self.ex.document_head(key) is not None:
            return False  # وأصدر اللاعب الفرنسي بيانا: the document made is no part of a name
        if written[:1] == "ب" and is_verbal_noun(written[1:]) and rule_on("S-TITLE-HEAD"):
            return False  # أفاد وزير الداخلية الفنزويلي باعتقال: the complement, no part of a name
        if written[:1] == "ل" and rule_on("S-TITLE-ADDRESSEE") and (written[1:].isascii() or self.addressed_body(b, end)):
            return False  # وزير خارجية بريطانيا الأسبق لCNN، الوشاحي لـ«الشرق الأوسط»: whom it spoke to
        if rule_on("S-TITLE-HEAD") and _is_definite(key) and not _looks_adjective(key) and self.ex.mention_at(b, end) is None:
            return False  # اتهم وزير الإعلام الفنزويلي المعارضة: a definite noun no name holds is the object
        return not (key in COMPLEMENTISERS or key in PREPOSITIONS or key in TIME_WORDS or lookup_cue(key)[0])

    def addressed_body(self, b: int, t: int) -> bool:
        """Whether token ``t`` is a body or medium that a glued ل governs (لرويترز، لـ«الشرق الأوسط»)."""
        u = t + 1 if self.ex.blocks[b].tokens[t].key == "ل" else t
        mention = self.ex.mention_at(b, u) if u < len(self.ex.blocks[b].tokens) else None
        return mention is not None and mention.label == "ORG"

    def title_labels(self, keys: list[str]) -> tuple[str, ...]:
        """The labels of the names a description without a name may stand for (``S-TITLE-NAME``):
        a definite phrase or a title head (وزير الخارجية، نائب الرئيس), short, not anonymous
        (مصادر، مسؤول: nobody named) nor a pronoun; () when it is no such description."""
        if not keys or len(keys) > MAX_DESCRIPTION_WORDS:
            return ()
        heads = self.ex.lexicon.heads
        first = _strip_conj(keys[0]) if keys[0][1:3] == "ال" else keys[0]
        bare = _strip_noun(first)
        if first.startswith("ال") and bare in OFFICE_HEADS:
            return ("PER",)  # مصادر، مسؤول name nobody; المتحدث، المسؤول point back to the one named
        if len(keys) > 1 and self.one_of_a_body_keys(keys[:2]):
            return ("PER",)  # محامي المتهمين: the defendants' lawyer, named elsewhere
        if bare in heads["anonymous"] or first in heads["pronoun"] or keys[0] in DEMONSTRATIVES:
            return ()
        if first in heads["person"] or bare in heads["person"]:
            return ("PER",)
        if any(first in heads[k] or bare in heads[k] for k in ("organisation", "media", "document")):
            return ("ORG",)
        return ("PER", "ORG") if first.startswith("ال") else ()

    def titled_person(self, key: str, before: int) -> Optional[Mention]:
        """``S-HONORIFIC-PRONOUN``: for an honorific pronoun (سموه، معاليه) with no speaker before it,
        the last person named before it with one of its titles just before the name (الأمير، معالي
        الوزير), outside any quote's words; data: name_words.json honorific_pronoun_titles."""
        titles = HONORIFIC_PRONOUN_TITLES.get(key) or HONORIFIC_PRONOUN_TITLES.get(key[1:])
        if not titles or not rule_on("S-HONORIFIC-PRONOUN"):
            return None
        text = self.ex.doc.text
        people = [m for m in reversed(self.ex.mentions) if m.end <= before and m.label == "PER"]
        for mention in people[:MAX_TITLED_LOOKS]:
            if self.inside_quoted_words(mention.start):
                continue
            words = [match_form(w) for w in text[max(0, mention.start - TITLE_WINDOW_CHARS):mention.start].split()]
            if set(words[-TITLE_WINDOW_WORDS:]) & titles:  # صاحب السمو الملكي الأمير | فيصل …
                return mention
        return None

    def inside_quoted_words(self, offset: int) -> bool:
        """Whether ``offset`` is inside the words of an accepted quote."""
        for a in self.accepted:
            if a.content_end <= a.content_start:
                continue
            tokens = self.ex.blocks[a.text_block].tokens
            if tokens[a.content_start].start <= offset < tokens[a.content_end - 1].end:
                return True
        return False

    def latest_person(self, before: int) -> Optional[Mention]:
        """The last person mention ending before offset ``before``."""
        return next((m for m in reversed(self.ex.mentions) if m.end <= before and m.label == "PER"), None)

    def plural_in_sentence(self, c: _Candidate) -> Optional[_Agent]:
        """واحتج المزارعون أمام الوزارة، مطالبين: a plural participle's (or verb's) subject is the last plural
        subject of a verb in its sentence, outside any quote's words (a clause's too: ``plural_clause_subject``)."""
        ex, b = self.ex, c.block
        tokens = ex.blocks[b].tokens
        start = ex.sentence_start(b, c.cue[0])
        for t in range(c.cue[0] - 1, start, -1):
            if not tokens[t].is_word or not _is_plural_phrase([tokens[t].key]) or tokens[t - 1].is_word is False:
                continue
            if rule_on("S-PLURAL-VERB-SENTENCE") and (_is_stop(tokens[t]) or tokens[t - 1].key in PREPOSITIONS):
                continue  # بين الذين يدعون، بين مرحبين بها: a relative or a preposition's noun, no subject
            clause = ""
            if lookup_cue(tokens[t - 1].key)[0] is None and not (t - 1 == start and tokens[t - 1].key[:1] == "و"):
                clause = self.plural_clause_subject(b, t, start, c.cue[0])
                if not clause:
                    continue  # only the subject right after its verb (VSO)
            if any(a.text_block == b and a.content_start <= t < a.content_end for a in self.accepted):
                continue
            end = t + 1 if clause == "svo" else ex.speaker_forward(b, t, len(tokens), split_object=True)
            if clause == "vso" and _is_definite(tokens[t].key):
                # فحص الباحثون | عينات دم: a definite subject's adjectives are definite, the object after them is not
                end = next((k for k in range(t + 1, end) if not _is_definite(tokens[k].key)), end)
            split = ex.agent_object_start(b, t, end)  # واعتبر محللون | القرار سابقة، قائلين
            span = self.phrase_span(b, t, max(split, t + 1))
            if span is not None:
                rules = (("S-AGENT-OBJECT",) if split < end else ()) + (("S-PLURAL-VERB-SENTENCE",) if clause else ())
                return _Agent(span.start, span, span.text, "person", "m", "p", rules=rules)
        return None

    def plural_verb_subject(self, c: _Candidate) -> Optional[_Agent]:
        """``S-PLURAL-VERB-SENTENCE``: a plural verb's dropped subject is the plural subject of a verb in its own
        sentence, as a plural participle's is (وبينما يؤكد الخبراء …، فإنهم يوصون), not the last plural speaker."""
        if c.entry.kind != "verb" or c.entry.number != "p" or not rule_on("S-PLURAL-VERB-SENTENCE"):
            return None
        agent = self.plural_in_sentence(c)
        return replace(agent, rules=tuple(dict.fromkeys((*agent.rules, "S-PLURAL-VERB-SENTENCE")))) if agent else None

    def plural_clause_subject(self, b: int, t: int, start: int, cue: int) -> str:
        """``S-PLURAL-VERB-SENTENCE``: how the plural noun at ``t`` is its clause's subject: "vso" right after the
        first word after a comma, when that word is no function word (وخلال الدراسة، فحص | الباحثون; not في حين),
        "svo" right before a plural past verb that is not the cue itself (ولكن خبراء | قللوا … كما استبعدوا);
        else ""."""
        tokens = self.ex.blocks[b].tokens
        if not rule_on("S-PLURAL-VERB-SENTENCE"):
            return ""
        verb = tokens[t - 1]
        if t - 2 > start and tokens[t - 2].text in COMMAS and not _is_stop(verb) and not is_verbal_noun(verb.text) \
                and not tokens[t].key.endswith("ين"):
            return "vso"  # a subject is nominative: قيام شابين is a verbal noun's genitive
        opens = t - 1 == start or verb.key in BUT or verb.text in COMMAS
        nxt = tokens[t + 1] if t + 1 < cue else None
        svo = nxt is not None and nxt.is_word and not _is_definite(nxt.key) and nxt.key.endswith("وا") and len(nxt.key) > 4
        return "svo" if opens and svo else ""

    def participle_clause_subject(self, c: _Candidate) -> Optional[_Agent]:
        """``S-PARTICIPLE-CLAUSE``: a participle's dropped subject is the subject of a clause-opening verb in
        its own sentence (ودافع الحزب عن سياسة الجمعية، قائلا; لكن الحكومة قررت التأجيل موضحة), not the
        last speaker of an earlier sentence."""
        if c.entry.kind != "participle" or not rule_on("S-PARTICIPLE-CLAUSE"):
            return None
        agent = self.clause_subject_before(c, None, floor=self.ex.sentence_start(c.block, c.cue[0]))
        if agent is None or agent.gender == "m" and _head_gender(agent.span.text, agent.kind) == "f":
            return None  # وشكر سفارة المملكة، مضيفا: a masculine verb's feminine body is its object
        if self.relative_after_later_person(c, agent):
            return None  # ودعم هاشمي المرشح موسوي الذي رفض النتيجة، مؤكدا: the relative clause's subject speaks
        agent = self.named_description(c.block, agent)
        return replace(agent, rules=(*agent.rules, "S-PARTICIPLE-CLAUSE"))

    def named_description(self, b: int, agent: _Agent) -> _Agent:
        """A subject described without a name (المدرب الفرنسي) takes the name of an earlier speaker it refers
        back to, else of the one name its words are the title of (``S-TITLE-NAME``)."""
        if agent.named:
            return agent
        keys = _key_text(agent.span.text).split()
        earlier = self.refers_back(keys, agent.position)
        if earlier is not None:
            return replace(agent, canonical=earlier.canonical, kind=earlier.kind, named=earlier.named)
        labels = self.title_labels(keys) if rule_on("S-TITLE-NAME") else ()
        if not labels:
            return agent
        end = next((t for t, tok in enumerate(self.ex.blocks[b].tokens) if tok.start >= agent.span.end), 0)
        found, rule = self.named_by_title_words(keys, agent.span.start, labels, b, end, office=False)
        if found is None:
            return agent
        return replace(agent, canonical=found.canonical or found.text, named=True, rules=(*agent.rules, rule))

    def relative_after_later_person(self, c: _Candidate, agent: _Agent) -> bool:
        """A person named after ``agent`` and before the cue, with a relative pronoun after that name."""
        ex, b = self.ex, c.block
        tokens = ex.blocks[b].tokens
        later = [t for t in range(c.cue[0]) if tokens[t].start >= agent.span.end
                 and (m := ex.mention_at(b, t)) is not None and m.label == "PER"]
        return bool(later) and any(tokens[k].key in SUBJECT_RELATIVES for k in range(later[0], c.cue[0]))

    def clause_subject_before(self, c: _Candidate, agent: Optional[_Agent], floor: int = 0,
                              block: Optional[int] = None) -> Optional[_Agent]:
        """The last name in the cue's paragraph (from token ``floor`` on; or in the whole paragraph ``block``)
        that follows a clause-opening verb (واستعرض كوي, وتستفيد "فوكس"), when it comes after ``agent`` and
        agrees with the cue's gender."""
        ex, b = self.ex, c.block if block is None else block
        tokens = ex.blocks[b].tokens
        stop = c.cue[0] if block is None else len(tokens)
        for t in range(stop - 1, floor, -1):
            if agent is not None and tokens[t].start <= agent.span.end:
                return None
            mention = ex.mention_at(b, t)
            if block is None and (mention is None or mention.label != "PER" and ex.mention_at(b, t - 1) is not mention) \
                    and (described := self.described_clause_subject(c, t)) is not None:
                return described  # لكن السلطات المصرية دافعت عن القانون وقالت
            if mention is None or mention.label not in ("PER", "ORG") or ex.mention_at(b, t - 1) is mention:
                continue
            verb = t - 1 if tokens[t - 1].is_word else t - 2  # وتستفيد "21 سنشيري فوكس"
            rules = ()
            end = t
            while end < stop and ex.mention_at(b, end) is mention:
                end += 1
            if mention.label == "PER" and self.opens_sentence(b, t):
                gender = ""  # لكن خامنئي الذي … وقال: a named topic of its sentence
            elif verb >= 0 and (kana_rule := self.pluperfect_clause(b, t, end)):
                rules = (kana_rule,)  # وكان كريستوفر وايلي، قد فجر مفاجأة … وقال; وكانت كيلي تمتلك … وقالت
                gender = "f" if tokens[verb].key.endswith("ت") else "m"
            elif verb >= 0 and (rules := self.clause_verb(b, verb)) is not None:
                gender = self.clause_verb_gender(tokens[verb].key, rules)
            elif mention.label == "PER" and (titled := self.verb_before_titles(b, t, floor)) is not None \
                    and (rules := self.clause_verb(b, titled)) is not None:
                rules = (*rules, "S-TITLED-CLAUSE-SUBJECT")  # وتدرس المستشارة الألمانية أنجيلا ميركل الوضع، وقالت
                gender = "f" if _looks_feminine_verb(tokens[titled].key) else "m"
            else:
                continue
            if not _agrees(c.entry.gender, gender) or (mention.label != "PER" and gender != c.entry.gender):
                continue
            if c.entry.number == "p" and mention.label == "PER" and rule_on("S-PLURAL-VERB"):
                self.plural_skipped = True
                continue  # وقال ياكوب فال … وأضافوا: one person is no plural verb's subject
            if any(a.text_block == b and a.content_start <= t < a.content_end for a in self.accepted):
                continue
            span = self.phrase_span(b, t, end)
            if span is None:
                return None
            kind = self.kind_of([tok.key for tok in tokens[t:end]], mention)
            return _Agent(span.start, span, self.mention_name(mention, span), kind, gender, "s", True, rules or ())
        return None

    @staticmethod
    def clause_verb_gender(key: str, rules: tuple[str, ...]) -> str:
        """The gender of a clause verb: a bare one after a particle (أشادت، يعط; تحدث may be a masculine past, so
        no gender), else a verb after its conjunction or a past one (وتستفيد، أعلنت)."""
        if "S-PARTICLE-CLAUSE" in rules:
            return "f" if key.endswith("ت") else "" if key[:1] == "ت" else "m"
        return "f" if _looks_feminine_verb(key) else "m"

    def verb_before_titles(self, b: int, t: int, floor: int) -> Optional[int]:
        """``S-TITLED-CLAUSE-SUBJECT``: the token before the title words of the name at ``t`` (وتدرس | المستشارة
        الألمانية أنجيلا ميركل، ندد | الرئيس الجمهوري لمجلس النواب بول راين), when they hold a person's title:
        definite words, title heads (an indefinite one opens the chain) and a body's genitive after them, a
        comma or quotation mark before the name at most; else None."""
        if not rule_on("S-TITLED-CLAUSE-SUBJECT"):
            return None
        tokens = self.ex.blocks[b].tokens
        k = t - 1
        if k > 0 and not tokens[k].is_word and (tokens[k].text in COMMAS or tokens[k].text in ALL_MARKS):
            k -= 1  # عضو مجلس النواب "لي باكيز"، الرئيس التركي، رجب طيب أردوغان
        titled = False
        while k > floor and t - k <= MAX_SUBJECT_TITLE_WORDS and tokens[k].is_word:
            if (body := self.ex.mention_at(b, k)) is not None:
                first = self.genitive_body_start(b, k, body)
                if first is None:
                    break
                k = first - 1  # رئيس الاتحاد | لمجلس النواب: the title's body
                continue
            key = tokens[k].key
            head = self.title_word(key)
            titled = titled or head
            if head and not _is_definite(key) and key[:1] not in PREPOSITION_PREFIXES:
                return k - 1  # وزير الخارجية: an indefinite head opens the chain
            if not (_is_definite(key) or head or self.prefixed(key) and key[0] == "ل" and tokens[k - 1].is_word
                    and _is_definite(tokens[k - 1].key)):
                break
            k -= 1
        return k if titled and k < t - 1 else None

    def genitive_body_start(self, b: int, k: int, body: Mention) -> Optional[int]:
        """The first token of a body's name ending at ``k`` that is the genitive of the title before it (الرئيس
        الجمهوري لمجلس النواب، قائد النصر), else None."""
        tokens = self.ex.blocks[b].tokens
        first = k
        while first > 0 and self.ex.mention_at(b, first - 1) is body:
            first -= 1
        if body.label == "PER" or first < 1 or not tokens[first - 1].is_word:
            return None
        before = tokens[first - 1].key
        if tokens[first].key[:1] != "ل":  # قائد النصر، عضو مجلس النواب: in construct with an indefinite title
            return first if self.title_word(before) and not _is_definite(before) else None
        return first if _is_definite(before) or self.title_word(before) else None

    def title_word(self, key: str) -> bool:
        """A person's title or office (الرئيس، المستشارة، المتحدث)."""
        forms = _head_forms(key)
        return any(f in self.ex.lexicon.heads["person"] for f in forms) or bool(forms & OFFICE_HEADS) \
            or triggers().get(key) == "PER"

    def paragraph_before_subject(self, c: _Candidate, agent: Optional[_Agent]) -> Optional[_Agent]:
        """``S-PARAGRAPH-SUBJECT``: a verb that opens its paragraph (وفي وقت لاحق، اعتذر برودبنت … ⏎ وقال) has
        the clause subject of the body paragraph before as its dropped subject, when it comes after ``agent``."""
        ex, b = self.ex, c.block
        if not rule_on("S-PARAGRAPH-SUBJECT") or b == 0 or any(tok.is_word for tok in ex.blocks[b].tokens[:c.cue[0]]):
            return None
        if ex.blocks[b].span.label != "body" or ex.blocks[b - 1].span.label != "body":
            return None
        found = self.clause_subject_before(c, agent, block=b - 1)
        if found is None or agent is not None and ex.blocks[b - 1].span.start <= agent.position < found.position:
            return None  # وأوضحت لبي بي سي … ⏎ وأشارت: the name after the last speaker's own cue is no subject
        return replace(found, rules=(*found.rules, "S-PARAGRAPH-SUBJECT"))

    def described_clause_subject(self, c: _Candidate, t: int) -> Optional[_Agent]:
        """``S-CLAUSE-DESCRIPTION``: a source's description without a person's name that is the subject of
        an earlier verb of the cue's own sentence: opening the sentence before that verb (لكن السلطات
        المصرية دافعت عن القانون وقالت، لكن ناشطين محليين تعرفوا إلى السيدة وقالوا), or right after a
        clause-opening feminine verb when noun and cue are feminine too (وفرضت إدارة النادي غرامة … وحذرت).
        Its head is a listed source head, it agrees with the cue (a feminine noun with a feminine cue, a
        plural head with a plural cue) and it lies outside any quote's words. After a masculine verb it is
        read only for a masculine participle (``S-PARTICIPLE-CLAUSE``): before a verb it may be its object."""
        ex, b = self.ex, c.block
        tokens, heads = ex.blocks[b].tokens, ex.lexicon.heads
        if not rule_on("S-CLAUSE-DESCRIPTION") or c.entry.kind not in ("verb", "participle") or t < 1 \
                or not tokens[t].is_word:
            return None
        head = _strip_conj(tokens[t].key)
        if _is_stop(tokens[t]) or not listed_head(head, heads, SOURCE_KINDS):
            return None
        before, opening = tokens[t - 1], self.opens_sentence(b, t)
        if opening:
            gender = _number_gender(_strip_noun(head))
        elif before.is_word and c.entry.gender == "f" and _looks_feminine_verb(before.key) \
                and self.clause_verb(b, t - 1) is not None and _number_gender(_strip_noun(head)) == "f":
            gender = "f"  # وأعلنت إدارة كاليفورنيا … وحذرت: a feminine verb, noun and cue agree
        elif self.masculine_verb_subject(c, t):
            gender = "m"  # ودافع الحزب عن سياسة الجمعية، قائلا: a participle after its own clause
        else:
            return None  # after a masculine verb the description may be its object (واستقبل الرئيس الوفد)
        plural = _is_plural_phrase([tokens[t].key])
        if c.entry.number == "p" and not plural or c.entry.number != "p" and (plural and gender != "f" or gender == "p"):
            return None  # قالوا wants people; قالت السلطات, قال المسؤول agree in the singular
        if c.entry.number != "p" and not _agrees(c.entry.gender, gender):
            return None
        end = self.description_end(b, t, c.cue[0]) if opening else ex.speaker_forward(b, t, c.cue[0], split_object=True)
        if any((m := ex.mention_at(b, k)) is not None and m.label == "PER" for k in range(t, min(end + 2, c.cue[0]))):
            return None  # قائد النصر حسين عبدالغني: the person's name is the subject, read as a name
        if end <= t or any(a.text_block == b and a.content_start <= t < a.content_end for a in self.accepted):
            return None
        if gender == "m":
            end = self.description_end(b, t, end)  # ويسعى الرئيس الأميركي لحمل الصين: the head and its adjectives
        span = self.phrase_span(b, t, end)
        if span is None:
            return None
        keys = [tok.key for tok in tokens[t:end] if tok.is_word]
        mention = ex.mention_at(b, t)  # السلطات المصرية tagged as a body: its name
        named = mention is not None and mention.label in ("ORG", "LOC")
        canonical = self.mention_name(mention, span) if named else span.text
        return _Agent(span.start, span, canonical, self.kind_of(keys, mention if named else None), gender,
                      "p" if plural else "s", named, ("S-CLAUSE-DESCRIPTION",))

    def masculine_verb_subject(self, c: _Candidate, t: int) -> bool:
        """``S-PARTICIPLE-CLAUSE``: a definite masculine head right after a masculine verb opening a clause of
        the participle's own sentence is that verb's subject (ودافع الحزب …، قائلا)."""
        if c.entry.kind != "participle" or c.entry.gender != "m" or not rule_on("S-PARTICIPLE-CLAUSE"):
            return False
        b, tokens = c.block, self.ex.blocks[c.block].tokens
        before, word = tokens[t - 1], _strip_conj(tokens[t].key)
        if not before.is_word or _looks_feminine_verb(before.key) or not _is_definite(word):
            return False
        head = _strip_noun(word)  # not التقرير: a document's maker is named apart (S-DOCUMENT-AUTHOR)
        return head not in self.ex.lexicon.heads["document"] and _number_gender(head) == "m" \
            and t - 1 >= self.ex.sentence_start(b, c.cue[0]) and self.clause_verb(b, t - 1) is not None

    def description_end(self, b: int, t: int, limit: int) -> int:
        """End of a description set before its verb: its head, a definite word it is in construct with
        (مسؤولو النادي) and its adjectives (السلطات المصرية، ناشطين محليين), no further: the verb follows."""
        tokens = self.ex.blocks[b].tokens
        end = t + 1
        if end < limit and tokens[end].is_word and not _is_definite(tokens[t].key) and _is_definite(tokens[end].key) \
                and not _looks_adjective(tokens[end].key):
            end += 1
        while end < limit and tokens[end].is_word and _looks_adjective(tokens[end].key) and not _is_stop(tokens[end]):
            end += 1
        return end

    def opens_sentence(self, b: int, t: int) -> bool:
        """خامنئي at a sentence's start, or after its لكن."""
        tokens = self.ex.blocks[b].tokens
        if t > 0 and tokens[t - 1].key in BUT:
            t -= 1
        return t == 0 or (_ends_sentence(tokens, t - 1) and tokens[t - 1].region < 0)

    def pluperfect_clause(self, b: int, start: int, end: int) -> str:
        """``S-PLUPERFECT-CLAUSE``: كان opening a clause, a few title words and the name from ``start`` to
        ``end``, then قد past a comma at most (وكان محلل البيانات الكندي كريستوفر وايلي، قد فجر): the name is the
        subject of that earlier act, whom a later dropped subject means; the rule id, else "". With a
        present verb instead of قد, ``S-KANA-PROGRESSIVE`` (وكانت كيلي تمتلك)."""
        tokens = self.ex.blocks[b].tokens
        after = end + 1 if end < len(tokens) and tokens[end].text in COMMAS else end
        if after >= len(tokens):
            return ""
        if tokens[after].key == "قد" and rule_on("S-PLUPERFECT-CLAUSE"):
            rule = "S-PLUPERFECT-CLAUSE"
        elif self.progressive_verb(b, after):
            rule = "S-KANA-PROGRESSIVE"
        else:
            return ""
        for kana in range(start - 1, max(-1, start - MAX_PLUPERFECT_TITLE - 2), -1):
            if tokens[kana].key in KANA_FORMS:
                return rule if self.starts_clause(b, kana) else ""
            if not tokens[kana].is_word or self.ex.mention_at(b, kana) is not None:
                return ""
        return ""

    def progressive_verb(self, b: int, t: int) -> bool:
        """``S-KANA-PROGRESSIVE``: a present verb right after كان and its subject (وكانت كيلي تمتلك مزرعة):
        the subject of that past act too, as with قد."""
        token = self.ex.blocks[b].tokens[t]
        return rule_on("S-KANA-PROGRESSIVE") and token.is_word and token.key[:1] in ("ي", "ت") and len(token.key) >= 4 \
            and not _is_definite(token.key) and self.ex.mention_at(b, t) is None and not _is_stop(token)

    def clause_verb(self, b: int, t: int) -> Optional[tuple[str, ...]]:
        """The rule ids by which ``t`` is a verb opening a sentence or clause, else None: a verb with
        its conjunction (واستعرض، فتستفيد: no id of its own), or (``S-ADVERB-CLAUSE``) a verb after a
        clause-opening adverb (كذلك أبدى، كما رسم)."""
        tokens = self.ex.blocks[b].tokens
        key = tokens[t].key
        if self.ex.mention_at(b, t) is not None or tokens[t].region >= 0 or key[1:3] == "ال":
            return None
        if _is_stop(tokens[t]):  # وقد عبر بولتون: after قد only a verb comes, even one spelt as a preposition
            return ("S-QAD-CLAUSE",) if self.after_qad(b, t) else None
        if key[:1] in CONJUNCTIONS_WAW_FA and len(key) >= 4 and self.starts_clause(b, t):
            return ()
        if self.bare_opening_verb(b, t):
            return ("S-OPENING-VERB",)
        if self.after_adverbial_phrase(b, t):
            return ("S-ADVERBIAL-VERB",)
        if self.after_clause_adverb(b, t):
            return ("S-ADVERB-CLAUSE",)
        if self.after_clause_particle(b, t):
            return ("S-PARTICLE-CLAUSE",)
        return ("S-QAD-CLAUSE",) if self.after_qad(b, t) else None

    def after_adverbial_phrase(self, b: int, t: int) -> bool:
        """``S-ADVERBIAL-VERB``: a bare word right after the comma that closes a sentence-opening adverbial
        (في المقابل، يحاول جوان أوسترلاند؛ من جهته، يرى; بدوره، أشار) is the clause's verb, the name after it
        its subject. The adverbial: at most three words, one of them an adverbial head (clause_words.json)."""
        tokens = self.ex.blocks[b].tokens
        if not rule_on("S-ADVERBIAL-VERB") or t < 2 or tokens[t - 1].text not in COMMAS or len(tokens[t].key) < 3:
            return False
        if _is_definite(tokens[t].key) or is_verbal_noun(tokens[t].text):
            return False
        start = self.ex.sentence_start(b, t - 1)
        words = tokens[start:t - 1]
        if not 0 < len(words) <= 3 or not all(w.is_word for w in words):
            return False
        first = words[0].key
        prepositional = first[:1] in CONJUNCTIONS_WAW_FA and first[1:] in PREPOSITIONS  # وفي وقت لاحق، وخلال اللقاء
        return prepositional or any(_strip_conj(w.key) in ADVERBIAL_HEADS or w.key in ADVERBIAL_HEADS for w in words)

    def bare_opening_verb(self, b: int, t: int) -> bool:
        """``S-OPENING-VERB``: an indefinite word of three letters or more opening a sentence, without a
        conjunction, right before a name (انتقل بوبي جيندال … وقال) is a verb and the name its subject;
        not a person's title (سمو الأمير، معالي الوزير) or another listed head."""
        tokens, heads = self.ex.blocks[b].tokens, self.ex.lexicon.heads
        key = tokens[t].key
        if not rule_on("S-OPENING-VERB") or len(key) < 3 or not (t == 0 or _ends_sentence(tokens, t - 1)):
            return False
        if t + 1 >= len(tokens) or not (tokens[t + 1].is_word or tokens[t + 1].text in ALL_MARKS):
            return False  # مثل: إسحاق هرتسوغ: a list, not a subject
        if is_verbal_noun(tokens[t].text) or key.endswith("ات") or key in TOPIC_MARKERS:
            return False  # ارتباط كاظم الساهر، كلمات فواز: a noun in construct with the name
        return not any(key in heads[k] or _strip_noun(key) in heads[k] for k in SOURCE_KINDS)

    def starts_clause(self, b: int, t: int) -> bool:
        tokens = self.ex.blocks[b].tokens
        return t == 0 or (not tokens[t - 1].is_word and tokens[t - 1].text not in ALL_MARKS)

    def after_clause_adverb(self, b: int, t: int) -> bool:
        """A word of three letters or more right after كذلك / كما / ثم opening a sentence or clause."""
        tokens = self.ex.blocks[b].tokens
        return rule_on("S-ADVERB-CLAUSE") and t > 0 and len(tokens[t].key) >= 3 and not _is_definite(tokens[t].key) \
            and tokens[t - 1].key in CLAUSE_ADVERBS and self.starts_clause(b, t - 1)

    def after_qad(self, b: int, t: int) -> bool:
        """``S-QAD-CLAUSE``: an indefinite word of three letters or more right after قد (فقد ندد، وقد نشر، لقد أثنى;
        a bare قد only at a clause's start) is the clause's verb."""
        tokens = self.ex.blocks[b].tokens
        if not rule_on("S-QAD-CLAUSE") or t < 1 or len(tokens[t].key) < 3 or _is_definite(tokens[t].key):
            return False
        particle = tokens[t - 1].key
        return particle in QAD_PARTICLES and (particle != "قد" or self.starts_clause(b, t - 1))

    def after_clause_particle(self, b: int, t: int) -> bool:
        """``S-PARTICLE-CLAUSE``: an indefinite word of three letters or more right after a negator or a
        subordinating conjunction (ولم يعط، فيما أعرب، بعدما قررت; a bare لم / لن only at a clause's start) is
        the clause's verb, as after قد."""
        tokens = self.ex.blocks[b].tokens
        if not rule_on("S-PARTICLE-CLAUSE") or t < 1 or len(tokens[t].key) < 3 or _is_definite(tokens[t].key) \
                or _is_stop(tokens[t]):
            return False
        particle = tokens[t - 1].key
        return particle in CLAUSE_PARTICLES and (particle not in ("لم", "لن") or self.starts_clause(b, t - 1))

    def feminine_clause_subject(self, c: _Candidate) -> Optional[_Agent]:
        """"وكثفت الولايات المتحدة ضغوطها على الرئيس مادورو، متهمة إياه": a feminine participle
        goes with the feminine subject named right after its sentence's first verb (وكثفت), not
        with the last person named."""
        ex, b = self.ex, c.block
        tokens = ex.blocks[b].tokens
        start = ex.sentence_start(b, c.cue[0])
        if c.entry.kind != "participle" or c.entry.gender != "f" or start + 2 >= c.cue[0]:
            return None
        rules: tuple[str, ...] = ()
        if tokens[start].key in CLAUSE_ADVERBS and rule_on("S-ADVERB-CLAUSE"):
            start, rules = start + 1, ("S-ADVERB-CLAUSE",)  # كما سجلت وكالة الصحة العامة …، مشيرة
        else:
            comma = next((k for k in range(start + 1, min(c.cue[0], start + 5)) if tokens[k].text in COMMAS), None)
            if comma is not None and self.after_adverbial_phrase(b, comma + 1):
                start, rules = comma + 1, ("S-ADVERBIAL-VERB",)  # وفي وقت لاحق، تراجعت الشركة …، مشيرة
        verb, mention = tokens[start].key, ex.mention_at(b, start + 1)
        # وكثفت، وشنت; after كما or an opening adverbial a bare سجلت
        feminine_verb = len(verb) >= 4 and verb.endswith("ت") and (bool(rules) or verb[:1] in CONJUNCTIONS_WAW_FA)
        if not feminine_verb or ex.mention_at(b, start) is not None or mention is None or mention.label not in ("LOC", "ORG"):
            return None
        end = start + 1
        while end < c.cue[0] and ex.mention_at(b, end) is mention:
            end += 1
        span = self.phrase_span(b, start + 1, end)
        if span is None:
            return None
        kind = self.kind_of([t.key for t in tokens[start + 1 : end]], mention)
        return _Agent(span.start, span, self.mention_name(mention, span), kind, "f", "s", True, rules)

    def opening_subject(self, c: _Candidate) -> Optional[_Agent]:
        """The person or body named first in the cue's sentence, right before a word that is no
        preposition (the subject of SVO: الهلال يتباهى … ويؤكد); when the cue itself opens its
        sentence (… الأوروبي.. ويؤكد), the same in the sentence before, in the same block."""
        ex, b = self.ex, c.block
        tokens = ex.blocks[b].tokens
        start = ex.sentence_start(b, c.cue[0])
        if start == c.cue[0]:
            before = start - 1
            while before >= 0 and not tokens[before].is_word:
                before -= 1  # past the full stops (الأوروبي.. ويؤكد)
            if before < 0:
                return None
            start = ex.sentence_start(b, before)
        while start < c.cue[0] and not tokens[start].is_word:
            start += 1  # opening quotation marks, a dash
        mention = ex.mention_at(b, start)
        if mention is None or mention.label not in ("PER", "ORG", "LOC") or start >= c.cue[0]:
            return None
        last = start
        while last + 1 < c.cue[0] and ex.mention_at(b, last + 1) is mention:
            last += 1
        after = tokens[last + 1] if last + 1 < c.cue[0] else None
        if after is None or not after.is_word or after.key in PREPOSITIONS or any(
                a.text_block == b and a.content_start <= start < a.content_end for a in self.accepted):
            return None
        span = self.phrase_span(b, start, last + 1)
        if span is None:
            return None
        kind = "person" if mention.label == "PER" else "organisation"  # a place speaks as its government
        return _Agent(span.start, span, self.mention_name(mention, span), kind, "", "", True)

    def named_in_sentence(self, c: _Candidate) -> Optional[_Agent]:
        """The last person mention before the cue in its sentence, outside any quote's words."""
        ex, b = self.ex, c.block
        tokens = ex.blocks[b].tokens
        start = ex.sentence_start(b, c.cue[0])
        for t in range(c.cue[0] - 1, start - 1, -1):
            mention = ex.mention_at(b, t) or ex.surnames.get(tokens[t].key)
            if mention is None or mention.label != "PER" or any(
                a.text_block == b and a.content_start <= t < a.content_end for a in self.accepted
            ):
                continue
            if ex.mention_at(b, t) is None:  # a family name alone
                if self.governed(b, t, start):
                    self.governed_skipped = True
                    continue
                span = self.phrase_span(b, t, t + 1)
                return _Agent(span.start, span, mention.canonical or mention.text, "person", "", "", True)
            first = t
            while first > start and ex.mention_at(b, first - 1) is mention:
                first -= 1
            if self.governed(b, first, start):
                self.governed_skipped = True
                continue  # التعازي لخادم الحرمين الشريفين الملك سلمان، مؤكدا: a complement, not the subject
            subject = self.verb_subject_before(b, start, first, c.cue[0]) if c.entry.kind == "participle" else None
            if subject is not None:  # استقبل الملك سلمان الرئيس ميشال عون، مؤكدا: the one who received
                return subject
            last = t if first < t and tokens[t].key in EPITHETS else t + 1
            span = self.phrase_span(b, first, last)
            if span is not None:
                return _Agent(span.start, span, self.mention_name(mention, span), "person", "", "", True)
        return None

    def verb_subject_before(self, b: int, start: int, first: int, cue: int) -> Optional[_Agent]:
        """``S-SUBJECT-NOT-OBJECT``: when the sentence opens with a verb and the person right after it
        (past its titles) comes before the person at ``first``, that earlier person is the verb's subject
        and the later one its object (شكر الرئيس التركي، رجب طيب أردوغان، الشيخ تميم بن حمد، … مؤكدا):
        the subject is the participle's. Not when the later person is joined to it by و, nor when a
        relative clause opens after it (دعم هاشمي المرشح موسوي الذي رفض النتيجة، مؤكدا: موسوي)."""
        if not rule_on("S-SUBJECT-NOT-OBJECT"):
            return None
        ex, tokens = self.ex, self.ex.blocks[b].tokens
        verb = start
        while verb < first and (not tokens[verb].is_word or tokens[verb].key in CLAUSE_ADVERBS):
            verb += 1
        heads = ex.lexicon.heads
        opening = _strip_noun(_strip_conj(tokens[verb].key))
        if verb >= first or ex.mention_at(b, verb) is not None or any(opening in heads[k] for k in SOURCE_KINDS):
            return None  # الرئيس السيسي استقبل …: the sentence opens with its subject, not a verb
        t = verb + 1
        while t < first and t <= verb + MAX_SUBJECT_TITLE_WORDS and ex.mention_at(b, t) is None and (
                tokens[t].text in COMMAS or _is_definite(tokens[t].key) or _strip_noun(tokens[t].key) in heads["person"]):
            t += 1
        mention = ex.mention_at(b, t)
        if t >= first or mention is None or mention.label != "PER" or mention is ex.mention_at(b, first):
            return None
        chain = self.title_chain_start(b, first - 1, start) + 1
        joined = tokens[chain].key[:1] == "و" and (_is_definite(tokens[chain].key[1:]) or ex.mention_at(b, chain) is not None)
        if joined or tokens[chain - 1].key == "و":
            return None  # استقبل الأمير فيصل والأمير سعود: two subjects
        if any(tokens[k].key in SUBJECT_RELATIVES for k in range(first, cue)):
            return None
        end = t
        while end < len(tokens) and ex.mention_at(b, end) is mention:
            end += 1
        span = self.phrase_span(b, t, end)
        if span is None:
            return None
        return _Agent(span.start, span, self.mention_name(mention, span), "person", "", "", True, ("S-SUBJECT-NOT-OBJECT",))

    def governed(self, b: int, first: int, start: int) -> bool:
        """``S-GOVERNED-NAME``: the name at token ``first``, with the titles and definite words
        before it (الملك، الشريفين), follows a preposition or a word with a ل/ب prefix (التعازي
        لخادم الحرمين الشريفين الملك سلمان، في حضور الأمير فيصل): a complement, not the subject a
        participle's dropped subject is. A ل word after a title is the title's genitive (الرئيس
        التنفيذي لمثلث الأمان صبري الكثيري): the title goes on. ``start``: the sentence's first token."""
        if not rule_on("S-GOVERNED-NAME"):
            return False
        if self.inside_brackets(b, first, start):
            return True  # (10ت أبو مرخة و6 ت): an aside, no subject
        t = self.title_chain_start(b, first - 1, start)
        if t < start or not self.ex.blocks[b].tokens[t].is_word or self.ex.mention_at(b, t) is not None:
            return False
        key = self.ex.blocks[b].tokens[t].key
        while self.prefixed(key) and key[0] == "ل" and self.title_before(b, t - 1, start):
            t = self.title_chain_start(b, t - 1, start)  # الرئيس التنفيذي لمثلث: the title's genitive
            key = self.ex.blocks[b].tokens[t].key if t >= start else ""
        # not the event prepositions: عبر، قبل are verbs too (كما عبر البنيان عن شكره)
        return key in PHRASE_PREPOSITIONS or self.prefixed(key)

    def inside_brackets(self, b: int, t: int, start: int) -> bool:
        """An opening bracket before token ``t`` in its sentence that no closing one follows."""
        for tok in reversed(self.ex.blocks[b].tokens[start:t]):
            if ")" in tok.text:
                return False
            if "(" in tok.text:
                return True
        return False

    def title_chain_start(self, b: int, t: int, start: int) -> int:
        """The token before the definite words and title heads that end at ``t``. An indefinite
        title head opens its phrase (في الجلسة | وزير الطاقة السعودي خالد الفالح); a definite
        one may be apposed to the words before it (لخادم الحرمين الشريفين | الملك سلمان)."""
        tokens, person = self.ex.blocks[b].tokens, self.ex.lexicon.heads["person"]
        while t > start and tokens[t].is_word and self.ex.mention_at(b, t) is None and (
                _is_definite(tokens[t].key) or _strip_noun(tokens[t].key) in person):
            if not _is_definite(tokens[t].key):
                return t - 1
            t -= 1
        return t

    def title_before(self, b: int, t: int, start: int) -> bool:
        """A title head among the definite words that end at ``t`` (الرئيس التنفيذي)."""
        tokens, person = self.ex.blocks[b].tokens, self.ex.lexicon.heads["person"]
        while t >= start and tokens[t].is_word and self.ex.mention_at(b, t) is None:
            if _strip_noun(tokens[t].key) in person:
                return True
            if not _is_definite(tokens[t].key):
                return False
            t -= 1
        return False

    @staticmethod
    def prefixed(key: str) -> bool:
        """لخادم، بحضور: a ل/ب-prefixed word of five letters or more that is no cue (not بارك)."""
        return key[:1] in PREPOSITION_PREFIXES and len(key) >= 5 and lookup_cue(key)[0] is None

    def remember(self, span: Span, canonical: str, kind: str, entry: CueEntry, position: int, named: bool = False,
                 rules: tuple[str, ...] = ()) -> None:
        gender = entry.gender or _head_gender(span.text, kind)
        self.agents.append(_Agent(position, span, canonical, kind, gender, entry.number, named, rules))

    def loose_pronoun_antecedent(self, keys: list[str], entry: CueEntry, before: int) -> Optional[_Agent]:
        """``S-SPAN-PRONOUN``: the named speaker an honorific pronoun subject of a cue that reported
        nothing (وأدان معاليه) refers to, as for a quote's pronoun; None for any other subject."""
        if len(keys) != 1 or keys[0] not in self.ex.lexicon.heads["pronoun"] or not rule_on("S-SPAN-PRONOUN"):
            return None
        agent = self.antecedent(entry, before)
        return agent if agent is not None and agent.named else None

    def remember_loose(self, b: int, token_span: tuple[int, int], entry: CueEntry) -> None:
        span = self.phrase_span(b, *token_span)
        if span is None:
            return
        keys = [t.key for t in self.ex.blocks[b].tokens[token_span[0] : token_span[1]] if t.is_word]
        if (agent := self.loose_pronoun_antecedent(keys, entry, span.start)) is not None:
            # وأدان معاليه … هذا العمل، مؤكدا: the person the pronoun means goes on speaking
            self.remember(span, agent.canonical, agent.kind, entry, span.start, named=agent.named, rules=("S-SPAN-PRONOUN",))
            return
        mention = self.best_mention(b, *token_span)
        canonical = self.mention_name(mention, span) if mention else span.text
        rules: tuple[str, ...] = ()
        if mention is None and rule_on("S-LOOSE-TITLE") and "PER" in self.title_labels(keys):
            # قال اللاعب الفرنسي (a cue that reported nothing): the later "he" is the player named before;
            # persons only: a loose الصحيفة took the wrong paper of a press review
            mention, title_rule, courtesy = self.named_by_courteous_title(keys, span.start, b, token_span[1], labels=("PER",))
            if mention is not None:
                canonical, rules = mention.canonical or mention.text, ("S-LOOSE-TITLE", title_rule, *courtesy)
        rules = (*self.ex.loose_rules.get((b, token_span[0]), ()), *rules)
        self.remember(span, canonical, self.kind_of(keys, mention), entry, span.start, named=mention is not None, rules=rules)


def _without_courtesy(keys: list[str]) -> list[str]:
    """``S-TITLE-COURTESY``: a description without the courtesy words it opens with (معالي | الرئيس العام
    لشؤون المسجد الحرام), which name no office and are left out of the titles it is matched with;
    data: name_words.json courtesy_titles."""
    n = 0
    while n < len(keys) - 1 and keys[n] in COURTESY_TITLES and rule_on("S-TITLE-COURTESY"):
        n += 1
    return keys[n:] if n else keys


def _epithet_head(keys: list[str]) -> bool:
    """``S-EPITHET-HEAD``: the phrase opens with a word for one person that is no office (السياسي، المذيع)."""
    first = _strip_conj(keys[0]) if keys and keys[0][1:3] == "ال" else (keys[0] if keys else "")
    return first in EPITHET_HEADS and rule_on("S-EPITHET-HEAD")


def _one_named_person(agent: _Agent) -> bool:
    """``S-PLURAL-VERB``: an agent named as one person, never a plural verb's subject."""
    return agent.named and agent.kind == "person"


def _same_person(mention: Mention, canonical: str) -> bool:
    """The mention names the person of ``canonical`` (إنريكي of لويس إنريكي)."""
    words = set((mention.canonical or mention.text).split())
    return bool(words) and words <= set(canonical.split())


def _head_gender(text: str, kind: str) -> str:
    """``S-HEAD-GENDER``: a body or medium that a cue without gender brought (بحسب وكالة "فرانس برس") is
    feminine when its head ends with ة, so a later قال does not take it for its dropped subject."""
    words = text.split()
    if not words or kind not in ("media", "organisation", "unknown") or not rule_on("S-HEAD-GENDER"):
        return ""
    return "f" if words[0].endswith("ة") else ""


def _unglued_source(ex: _Extractor, c: _Candidate, canonical: str) -> str:
    """``Q-ATTRIB-GLUED``: an attribution's source written with ل glued to the article (وفقا للاتحاد
    الدولي، للمصادر) is named with the article (الاتحاد الدولي، المصادر); an unnamed source that
    وفقا / طبقا governs (``Q-ATTRIB-APODOSIS``: وفقا لنص المرسوم) is named without its ل; so is the maker
    that ``S-MAKER-GENITIVE`` carried a document on to (بيان للاتحاد → الاتحاد)."""
    carried = ex.phrase_rules.get((c.block, c.speaker[0])) if c.speaker is not None else None
    if canonical.startswith("لل") and carried == "S-MAKER-GENITIVE":
        return "ال" + canonical[2:]  # بيان للاتحاد: the maker, named with the article
    if c.method != "attribution":
        return canonical
    if canonical.startswith("لل") and rule_on("Q-ATTRIB-GLUED"):
        return "ال" + canonical[2:]
    cue_key = _strip_conj(ex.blocks[c.block].tokens[c.start_token].key)
    if canonical[:1] == "ل" and "Q-ATTRIB-APODOSIS" in c.rules and cue_key in ex.lexicon.attribution_lam_words:
        return canonical[1:]
    return canonical


def resolve_speakers(ex: _Extractor, accepted: Sequence[_Candidate]) -> list[tuple[_Candidate, _Attribution]]:
    """Each accepted quote with its speaker, in reading order (by cue offset).

    The subjects of cues that reported nothing (``ex.loose_agents``) are remembered at their
    place in that order, before a quote at the same offset, so a later dropped subject may
    refer to them; one inside an accepted quote's words is no candidate for a later "he".
    """
    resolver = _Resolver(ex, accepted)
    events = [(ex.blocks[c.block].tokens[c.cue[0]].start, 1, c) for c in accepted]
    quoted = _QuotedTokens(accepted)
    events += [
        (ex.blocks[b].tokens[span[0]].start, 0, (b, span, entry))
        for b, span, entry in ex.loose_agents
        if not quoted.holds(b, span[0])
    ]
    attributed = []
    for position, is_quote, item in sorted(events, key=lambda e: (e[0], e[1])):
        if is_quote:
            attributed.append((item, resolver.resolve(item, position)))
        else:
            resolver.remember_loose(*item)
    attributed = _named_after(resolver, attributed) if rule_on("S-NAMED-AFTER") else attributed
    return _named_around(resolver, attributed) if rule_on("S-NAMED-AROUND") else attributed


def _named_after(resolver: _Resolver, attributed: list) -> list:
    """``S-NAMED-AFTER``: a person's title without a name (أعلن وزير الدفاع الصومالي) whose words go on, with
    nobody else speaking between, in a continuing cue with a person's name that the article had not named before
    (وأضاف اللواء الركن محمد علي المقدشي، وصرح …) is that person; the quotes that referred back to the title go
    with it. Also after any cue when the titles of that name hold the description's head
    (``S-NAMED-AFTER-TITLE``: قالت قاضية اتحادية … وقالت القاضية ونكه روغين)."""
    ex, out = resolver.ex, list(attributed)
    for i, (c, who) in enumerate(out):
        keys = _phrase_keys(who)
        if keys is None:
            continue
        titled = "PER" in resolver.title_labels(keys)
        if not titled and not rule_on("S-NAMED-AFTER-TITLE"):
            continue
        chain = [i]
        for j in range(i + 1, len(out)):
            other_c, other = out[j]
            start = ex.blocks[other_c.block].tokens[other_c.cue[0]].start
            if start - who.span.start > MAX_NAMED_AFTER_CHARS:
                break  # too far on (and it bounds the work on a page of a thousand quotes)
            if other.canonical == who.canonical and not (other.rules and other.rules[0] in _NAMING_RULES):
                chain.append(j)  # the dropped subjects that went on with the title
                continue
            if other.kind == "person" and other.rules and other.rules[0] in _NAMING_RULES \
                    and not _named_before(ex, other.canonical, who.span.start):
                rules = _naming_after_rules(resolver, who, keys, titled, other_c, other)
                for k in chain if rules else ():
                    kc, kw = out[k]
                    out[k] = (kc, _Attribution(kw.span, other.canonical, "person", kw.is_pronoun, (*kw.rules, *rules)))
            break
    return out


def _naming_after_rules(resolver: _Resolver, who: _Attribution, keys: list[str], titled: bool, other_c: _Candidate,
                        other: _Attribution) -> tuple[str, ...]:
    """The S-NAMED-AFTER ids by which the named speaker ``other`` right after the title ``who`` is its person, or ()."""
    if titled and other_c.entry.lemma in CONTINUATION_LEMMAS:
        return ("S-NAMED-AFTER",)
    if _titles_hold_head(resolver, keys, other):
        return ("S-NAMED-AFTER", "S-NAMED-AFTER-TITLE")
    return ()


def _titles_hold_head(resolver: _Resolver, keys: list[str], other: _Attribution) -> bool:
    """``S-NAMED-AFTER-TITLE``: the titles the article gives the person of ``other`` (before the name in its
    phrase, or apposed) hold the head of the description ``keys`` (قاضية → القاضية ونكه روغين; استشاري →
    استشاري طب وجراحة العيون الدكتور ياسر المزروعي), and its nisba fits them."""
    if not rule_on("S-NAMED-AFTER-TITLE") or not keys:
        return False
    head = _title_key(_strip_conj(keys[0]))
    if len(head) < 3 or _is_plural_phrase(keys[:1]) or _strip_noun(_strip_conj(keys[0])) in resolver.ex.lexicon.heads["anonymous"]:
        return False  # مصادر، المصدر: nobody's title
    words = {_title_key(k) for k in _key_text(other.span.text).split()}
    words |= {key for key, entries in resolver.ex.title_index.items()
              if any(_same_person(mention, other.canonical) for _, mention, _ in entries)}
    agent = _Agent(other.span.start, other.span, other.canonical, "person", "", "s", True)
    return head in words and resolver.places_fit(keys[1:], agent)


_NAMING_RULES = frozenset({"S-NAMED", "S-FULL-NAME"})


def _phrase_keys(who: _Attribution) -> Optional[list[str]]:
    """The matching forms of a speaker phrase kept as written (S-PHRASE), else None."""
    if who.span is None or not who.rules or who.rules[0] != "S-PHRASE":
        return None
    return [match_form(w) for w in WORD_TOKEN_RE.findall(who.span.text)]


def _untraded_title(resolver: _Resolver, who: _Attribution) -> bool:
    """A person's title kept as written (S-PHRASE), traded for no name."""
    keys = _phrase_keys(who)
    if keys is None or who.canonical != who.span.text:
        return False
    # one person's head (القائد السابق لبرشلونة), not news or findings (الخبر، التحقيقات) a title word resembles
    return "PER" in resolver.title_labels(keys) and resolver.kind_of(keys, None) in ("person", "anonymous") \
        and not _is_plural_phrase(keys[:1])


def _named_around(resolver: _Resolver, attributed: list) -> list:
    """``S-NAMED-AROUND``: a person's title without a name (وقال مدرب المنتخب المغربي) whose words come between
    two quotes of the same named person, nobody else named between them, is that person: the story goes on
    with him; the title's nisba fits his titles and its gender his."""
    out = list(attributed)
    i = 1
    while i < len(out) - 1:
        who = out[i][1]
        if not _untraded_title(resolver, who):
            i += 1
            continue
        j = i + 1
        while j < len(out) and out[j][1].canonical == who.canonical and out[j][1].span is not None:
            j += 1  # the dropped subjects that went on with the title
        if j < len(out) and (person := _person_around(resolver, out[i - 1], out[j], who)) is not None:
            for k in range(i, j):
                kc, kw = out[k]
                out[k] = (kc, _Attribution(kw.span, person, "person", kw.is_pronoun, (*kw.rules, "S-NAMED-AROUND")))
        i = j
    return out


def _person_around(resolver: _Resolver, before: tuple, after: tuple, who: _Attribution) -> Optional[str]:
    """The named person who speaks both right before and right after a title (``S-NAMED-AROUND``), else None."""
    ex = resolver.ex
    (bc, bw), (ac, aw) = before, after
    if bw.kind != "person" or aw.kind != "person" or not bw.canonical or bw.canonical != aw.canonical:
        return None
    name = bw.canonical
    if not any(m.label == "PER" and (m.canonical or m.text) == name for m in ex.mentions):
        return None  # a description that went on, not a name
    start = ex.blocks[bc.block].tokens[bc.cue[0]].start
    end = ex.blocks[ac.block].tokens[ac.cue[0]].start
    if end - start > MAX_NAMED_AFTER_CHARS:
        return None
    if any(m.label == "PER" and start < m.start < end and not _same_person(m, name)
           and not resolver.inside_quoted_words(m.start) for m in ex.mentions):
        return None  # someone else is named between: the title may be his
    keys = [match_form(w) for w in WORD_TOKEN_RE.findall(who.span.text)]
    feminine = _strip_conj(keys[0]).endswith("ه")
    genders = {x.entry.gender for x in (bc, ac) if x.entry.gender}
    if genders and genders != {"f" if feminine else "m"}:
        return None
    agent = _Agent(start, bw.span, name, "person", "", "s", True)
    return name if resolver.places_fit(keys[1:], agent) else None


def _named_before(ex: _Extractor, name: str, offset: int) -> bool:
    """A mention of ``name`` (or of its last word, for a person's surname) starts before ``offset``, outside
    the title (a headline names whom the body then describes: المقدشي: … / قال رئيس هيئة الأركان)."""
    last = name.split()[-1] if name.split() else name
    titles = [(block.span.start, block.span.end) for block in ex.blocks if block.span.label == "title"]
    return any(m.start < offset and ((m.canonical or m.text) == name or (m.text.split() or [""])[-1] == last)
               and not any(start <= m.start < end for start, end in titles) for m in ex.mentions)
