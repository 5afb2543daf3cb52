"""Source span, part 1: where a speaker noun phrase ends, read forward from its first word.

Input: a block, the phrase's first token and a limit. Output: ``speaker_forward`` gives the
end (exclusive) of the noun phrase: a name with its titles, a description, a short quoted
name, an organisation with its complements; with ``split_object`` it stops where the verb's
object starts. Guarantees: the end is in ``[start, limit]``, at most ``MAX_SPEAKER_WORDS``
words are read (plus a bracketed acronym or the rest of a tagged name), and the phrase never
runs over a stop word, a pronoun carrier, a cue or a proposition noun.
"""
from __future__ import annotations

from typing import Optional

from qawl.arabic import (
    BETWEEN, CLAUSE_PREPOSITION_PRONOUNS, COMPLEMENTISERS, COMPLETE_SUBJECT_ADJECTIVES, COMPLETE_SUBJECTS, EPITHETS, GOVERNING_PARTICIPLES, ADJECTIVE_NEGATORS, LINKING_VERBS, NAME_LINKS, NAME_PREPOSITIONS, PRONOUN_CARRIERS,
    ATTENTION_OBJECTS, MANNER_ADVERBS, PARTITIVE_HEADS, PREPOSITIONS, PRONOUN_SUFFIXES, SOURCE_INSIDE_PREPOSITIONS, STATEMENT_PREPOSITIONS, TIME_NAMES, TIME_WORDS,
    VEIL_OBJECTS, WRITTEN_PREPOSITIONS, is_plain_verbal_noun, is_verbal_noun,
)
from qawl.cues import lookup_cue
from qawl.schema import Mention
from .candidate import _Candidate
from .rules import rule_on
from .config import MAX_APPOSITION_GAP, MAX_NAME_WORDS, MAX_QUOTED_NAME_WORDS, MAX_QUOTED_SUBJECT_WORDS, MAX_SPEAKER_WORDS
from .lexical import (
    PREPOSITION_PREFIXES, SOURCE_KINDS, _agreeing_participle, _is_coordinated, _is_cue_token, _is_definite, _is_indefinite_nisba, _is_verbal_noun_form,
    _is_relational, _is_stop, _key_text, _looks_adjective, _medium_name, _medium_width, _strip_noun, _time_phrase_width, _title_key,
    _unpossessed,
)
from .titles import _place_keys
from .tokens import (
    ALL_MARKS, COMMAS, DIGIT_RE, LATIN_RE, _Region, _Token, _is_initialism_dot, _is_title_abbreviation,
)

# a لل word with a sound plural ending names people (للصحفيين، للمواطنين): whom it was said to
PEOPLE_PLURAL_ENDINGS = ("ين", "ون")


VERBAL_NOUN_CUTS = frozenset({"Q-VERBAL-NOUN-OBJECT", "Q-PLAIN-VERBAL-NOUN-OBJECT"})  # cuts that open a cue's object

class _SourcePhrase:
    """Noun-phrase reading of speaker phrases (mixed into ``_Extractor``)."""

    def speaker_forward(self, b: int, start: int, limit: int, split_object: bool = False, ba_complement: bool = False) -> int:
        """End (exclusive) of the noun phrase that starts at token ``start``.

        With ``split_object`` (a cue that takes whom it aims at as an object:
        طالبت القوى السياسية رئيسَ الوزراء بـ) the phrase ends where a second
        noun phrase starts. With ``ba_complement`` (the verb takes بـ: أفاد بـ) a بـ word after a
        lone source head is that complement (``S-SPAN-PREFIXED``).
        """
        end = self._noun_phrase_end(b, start, limit, ba_complement)
        return self._object_start(b, start, end) if split_object else end

    def _noun_phrase_end(self, b: int, start: int, limit: int, ba_complement: bool = False) -> int:
        """End of the noun phrase from ``start``, token by token; at each token the first test
        that applies decides, in this order:

        1. a quotation mark: a short quoted subject right after the verb is read whole, a
           short balanced quoted name inside the phrase is skipped over, else the phrase ends;
        2. a participle's parties (الموقع | بين الطرفين أن) belong to it;
        3. a بـ/لـ word that starts the verb's object or addressee ends it;
        4. words that still describe an anonymous source or an organisation go on;
        5. a dot inside an initialism (إي.واي) or after a title abbreviation (د.) goes on;
        6. a mark, a stop word (unless inside a tagged name), a pronoun carrier, a cue or a
           proposition noun / veiled object ends it; any other word is part of it.

        Then a bracketed acronym after two words or more, and the rest of a name the tagger
        found, are added (``_extend_to_mention``).
        """
        tokens, regions = self.blocks[b].tokens, self.blocks[b].regions
        t, words, affiliated = start, 0, False
        while t < limit and words < MAX_SPEAKER_WORDS:
            token = tokens[t]
            if token.aside:
                break  # مسؤول | طلب عدم نشر اسمه: the source's aside ends its phrase
            if words == 1 and token.is_word and not _is_stop(token) and self.honorific_pronoun_at(b, start):
                self.span_cuts[(b, t)] = "S-SPAN-PRONOUN"
                break  # وأدان معاليه | باسمه وباسم منسوبي المجلس: the pronoun is the whole subject
            if token.text in ALL_MARKS and t + 1 < limit:
                region = self.region_opening_at(b, t)
                # a quoted name inside the phrase: وكالة أنباء الصين الجديدة "شينخوا",
                # منظمة “هيومن رايتس ووتش” (longer after a word that introduces a name)
                longest = MAX_NAME_WORDS if words and self.introduces_name(tokens[t - 1].key) else 2
                if words == 0 and self.quoted_subject(b, region, limit):
                    t = region.close_token + 1
                    words += region.words
                    continue  # أردف "عبد المجيد" في روايته، أوضح «بابا جيف»، أستاذ
                if region is None or not region.balanced or not 0 < region.words <= longest or words == 0:
                    break
                t = region.close_token + 1 if region.close_token > 0 else region.last + 1
                continue
            if words >= 2 and self.parties_after_participle(tokens, t, limit):
                t += 2
                words += 2
                continue
            if words and (width := self.participle_complement(b, start, t, limit)):
                t += width
                words += width
                continue  # التقارير الواردة | من سوريا: the participle's complement
            if words and self.negated_adjective(b, start, t, limit):
                t += 2
                words += 1
                continue  # منظمات | غير حكومية: the head's adjective, negated
            cut = words and ("S-SPAN-COMPLETE" if self.after_complete_subject(b, start, t) else
                             "S-SPAN-VERB" if self.verb_with_its_preposition(b, start, t) else "")
            if cut:
                self.span_cuts[(b, t)] = cut
                break  # انتقد البعض | الحملة; وفق بيان الجيش | جاء فيه: the object, or a clause of its own
            if words and self.statement_after(b, t):
                self.span_cuts[(b, t)] = "S-SPAN-STATEMENT"
                break  # وقالت الوزارة | في بيان وزع على … لوزير الدفاع: where it spoke, not more of who
            if words and not ba_complement and self.anonymous_affiliation(b, start, t):
                affiliated = True  # مسؤول | بالشرطة الهندية: where the source works
                t += 1
                words += 1
                continue
            if words and self.ends_before_prefixed(b, start, t, ba_complement):
                break  # المنظمة | بفتح، الشيخ | لـCNN: the verb's object or addressee, not the name
            if self.addressee_medium(b, start, t):
                self.span_cuts[(b, t)] = "S-SPAN-MEDIUM"
                break  # شارما | لبي بي سي، مسؤول محلي | لوكالة فرانس برس: whom it was said to
            if words and _time_phrase_width(tokens, t) >= 2:
                break  # وقالت الرابطة الوطنية للوسطاء | الأسبوع الماضي إن: a time adverb, not the name
            if words and self.continues_description(b, start, t):
                t += 2 if tokens[t].key in LINKING_VERBS else 1
                words += 1
                continue
            if words and _is_initialism_dot(tokens, t):
                t += 1  # إي.واي الاستشارية: the dot is inside the name
                continue
            if _is_title_abbreviation(tokens, t):
                t += 1  # د. بدر السمحان; the name after it even when it looks like a particle (د. علي)
                if t < limit and tokens[t].is_word and tokens[t].region < 0:
                    t += 1
                    words += 1
                continue
            if words and self.time_word_name(b, start, t):
                self.span_cuts.setdefault((b, t + 2), "S-TIME-NAME")  # رئيس المجلس صباح كرحوت
                t += 2
                words += 2
                continue
            if not token.is_word or (_is_stop(token) and not self.inside_name(b, t) and not self.name_after_particle(b, t)) \
                    or token.key in PRONOUN_CARRIERS:
                break  # … العمير | ولكنه عاد: the next clause
            if _is_cue_token(token, ("verb", "participle", "noun", "phrase")) and not self.cue_in_name(b, t):
                break  # أجاب قائلا: / عن X قوله; not بين of بين ستانتون, a name the tagger found
            if words and token.key in MANNER_ADVERBS and rule_on("S-MANNER-ADVERB"):
                self.span_cuts.setdefault((b, t), "S-MANNER-ADVERB")
                break  # وقال بومبيو | مازحا: how he spoke, not his name
            if words and self.after_complete_word(b, t) and self.owned_noun_object(b, t):
                self.span_cuts.setdefault((b, t), "Q-OWNED-NOUN-OBJECT")
                break  # أكد رئيس النادي | رغبته في …: the speaker's own thing is what he reports, not his name
            if self.is_proposition_noun(tokens, t, start, b) or self.is_veil(b, t):
                if tokens[t].key not in self.lexicon.proposition_nouns and not self.is_veil(b, t):
                    self.span_cuts.setdefault((b, t), self.verbal_noun_rule(b, t))
                break  # جدد الوزير التزام بلاده، كشفت الوزارة النقاب عن: the object, not more of the name
            words += 1
            t += 1
        if words >= 2:
            t = self._bracketed_acronym(b, t, limit)
        end = self._extend_to_mention(b, start, t, limit)
        if end > start and _is_stop(tokens[end - 1]) and self.ends_with_particle(b, end - 1):
            if self.span_cuts.get((b, end)) in (None, "S-SPAN-STATEMENT"):  # the name's own end tells more
                self.span_cuts[(b, end)] = "S-NAME-PARTICLE"  # أحمد علي | في تصريح
        if affiliated:
            self.span_cuts.setdefault((b, end), "S-ANONYMOUS-BA")
        return end

    def after_complete_subject(self, b: int, start: int, t: int) -> bool:
        """``S-SPAN-COMPLETE``: a subject complete by itself (البعض، الجميع، كثيرون) takes no noun
        as its complement: the word after it that is none of its adjectives (البعض الآخر) starts
        the verb's object (وانتقد البعض | الحملة). Data: name_words.json complete_subjects."""
        tokens = self.blocks[b].tokens
        return rule_on("S-SPAN-COMPLETE") and tokens[start].key in COMPLETE_SUBJECTS \
            and all(tok.key in COMPLETE_SUBJECT_ADJECTIVES for tok in tokens[start + 1 : t] if tok.is_word) \
            and tokens[t].key not in COMPLETE_SUBJECT_ADJECTIVES and self.mention_at(b, start) is None

    def statement_after(self, b: int, t: int) -> bool:
        """``S-SPAN-STATEMENT``: في / عبر / خلال before a statement noun (في بيان، في تغريدة أخرى،
        خلال مؤتمر) ends the speaker phrase: the words after tell where it spoke, and a name there is another's
        (في بيان نقلته وكيلة أعمالها). Not inside a tagged name. Data: cues.json statement_frames."""
        tokens = self.blocks[b].tokens
        if not rule_on("S-SPAN-STATEMENT") or t + 1 >= len(tokens) or tokens[t].key not in STATEMENT_PREPOSITIONS:
            return False
        if self.inside_name(b, t) or not tokens[t + 1].is_word:
            return False
        key = tokens[t + 1].key
        return key in self.lexicon.statement_frames or _unpossessed(key) in self.lexicon.statement_frames

    def verb_with_its_preposition(self, b: int, start: int, t: int) -> bool:
        """``S-SPAN-VERB``: a bare word followed by a preposition carrying a pronoun (جاء فيه، أعلن
        عنه) is a finite verb with its complement, never more of a noun phrase: the phrase ends
        before it (وفق بيان الجيش | جاء فيه أن). Only في، على، إلى، عن (clause_prepositions): من، ل، ب
        follow nouns too (نسخة منه). A word the tagger puts inside a name, a definite word or a
        title or body head is no verb."""
        tokens, heads = self.blocks[b].tokens, self.lexicon.heads
        token = tokens[t]
        if not rule_on("S-SPAN-VERB") or t + 1 >= len(tokens) or not token.is_word or token.region >= 0:
            return False
        if tokens[t + 1].key not in CLAUSE_PREPOSITION_PRONOUNS or _is_definite(token.key) or token.key[:1] in "بل":
            return False
        if self.mention_at(b, t) is not None or any(_strip_noun(token.key) in words for words in heads.values()):
            return False
        return not _is_stop(token)

    def is_veil(self, b: int, t: int) -> bool:
        """كشف النقاب عن، لفت الانتباه / انتباههم إلى: an idiom's fixed object before its preposition
        (not a name: عبد الكريم النقاب)."""
        tokens = self.blocks[b].tokens
        if t + 1 >= len(tokens):
            return False
        key, nxt = tokens[t].key, tokens[t + 1].key
        idiom = key in VEIL_OBJECTS and nxt == "عن" or _attention_object(key) and nxt == "الي"
        mention = self.mention_at(b, t)
        return idiom and (mention is None or mention.label != "PER")

    def cue_in_name(self, b: int, t: int) -> bool:
        """A cue form that the tagger puts inside a person's name and that may be one: the bare past
        of a weak cue, which is also a noun (أمل حجازي، بين ستانتون); not أردف كيمبف or بحسب X,
        where the tagger only ran the name back over the verb."""
        if not self.inside_name(b, t):
            return self.cue_ends_name(b, t)
        entry, conj = lookup_cue(self.blocks[b].tokens[t].key)
        return entry is not None and not conj and _is_verbal_noun_form(entry)

    def cue_ends_name(self, b: int, t: int) -> bool:
        """``Q-NAME-FINAL-CUE``: a bare cue form that ends a tagged person's name after its other words
        (ليخلف عادل عزت في المنصب، شارع علي بن أبي طالب) is the name, not a verb after it."""
        if t == 0 or not rule_on("Q-NAME-FINAL-CUE"):
            return False
        mention = self.mention_at(b, t)
        token = self.blocks[b].tokens[t]
        if mention is None or mention.label != "PER" or mention.end != token.end or self.mention_at(b, t - 1) is not mention:
            return False
        entry, conj = lookup_cue(token.key)
        return entry is not None and not conj

    def inside_name(self, b: int, t: int) -> bool:
        """فان in لويس فان جال، فان دايك: a particle-like word that a tagged person's name goes on past."""
        mention = self.mention_at(b, t)
        if mention is None or mention.label != "PER":
            return False
        tokens = self.blocks[b].tokens
        if mention.start == tokens[t].start and tokens[t].text == "على" and rule_on("S-NAME-PARTICLE"):
            return False  # وقال على تويتر: the tagger's name opens with the preposition written with ى
        return mention.end > tokens[t].end or (mention.end == tokens[t].end and self.objectless_particle(b, t))

    def ends_with_particle(self, b: int, t: int) -> bool:
        """``S-NAME-PARTICLE``: the name's last word looks like a preposition (see ``objectless_particle``)."""
        mention = self.mention_at(b, t)
        if mention is not None and mention.label == "PER" and mention.end == self.blocks[b].tokens[t].end:
            return self.objectless_particle(b, t)
        return self.name_after_particle(b, t)

    def time_word_name(self, b: int, start: int, t: int) -> bool:
        """``S-TIME-NAME``: a given name that is also a time of day (صباح، فجر) right after a person's
        title, followed by a word that is no time and no function word, starts the name (وقال رئيس
        مجلس محافظة الأنبار صباح كرحوت); صباح اليوم، صباح الثلاثاء stay times."""
        tokens = self.blocks[b].tokens
        if not rule_on("S-TIME-NAME") or tokens[t].key not in TIME_NAMES or t + 1 >= len(tokens):
            return False
        nxt, head = tokens[t + 1], _strip_noun(tokens[start].key)
        if not nxt.is_word or _is_stop(nxt) or _time_phrase_width(tokens, t + 1) or _is_cue_token(nxt):
            return False
        return head in self.lexicon.heads["person"] or tokens[start].key in self.lexicon.heads["person"]

    def name_after_particle(self, b: int, t: int) -> bool:
        """``S-NAME-PARTICLE`` past the tagger: علي written with ي right after a person's name, with
        nothing it could govern after it, ends the name (وقال مجدي أحمد علي إن)."""
        tokens = self.blocks[b].tokens
        before = self.mention_at(b, t - 1) if t > 0 else None
        return before is not None and before.label == "PER" and before.end == tokens[t - 1].end \
            and tokens[t].text not in WRITTEN_PREPOSITIONS and self.objectless_particle(b, t)

    def takes_name_tail(self, b: int, start: int, t: int, end: int) -> bool:
        """``name_tail``, recorded: the rule on the phrase, the name for its canonical form."""
        if not self.name_tail(b, t, end):
            return False
        self.phrase_rules.setdefault((b, start), "S-NAME-TAIL")
        self.names_run_on.add(id(self.mention_at(b, t - 1)))
        return True

    def name_tail(self, b: int, t: int, end: int) -> bool:
        """``S-NAME-TAIL``: one untagged word right after a tagged person's name that ends the phrase before a
        comma, colon, quotation mark or إن (وقال جرهارد | إك، ردا على؛ وتقول ريبيكا | فانين، أحد مؤسسي) is the
        name's last word, which the tagger cut, not the verb's object: no definite word, adjective, place, title
        or number, nor a name of the article after its ل / ب (لترامب: whom it was said to)."""
        tokens = self.blocks[b].tokens
        if not rule_on("S-NAME-TAIL") or t != end - 1 or t < 1 or end >= len(tokens):
            return False
        before, token, nxt = self.mention_at(b, t - 1), tokens[t], tokens[end]
        if before is None or before.label != "PER" or before.end != tokens[t - 1].end or token.region >= 0:
            return False
        key = token.key
        if _is_definite(key) or _looks_adjective(key) or DIGIT_RE.match(key) or key in self.lexicon.heads["person"] \
                or _title_key(key) in _place_keys():
            return False
        if key[:1] in PREPOSITION_PREFIXES and self.names_word(key[1:]):
            return False  # قال وودورد | لترامب: whom it was said to, a name of the article after its ل
        inna = nxt.key in COMPLEMENTISERS and nxt.text.startswith("إ")
        return inna or not nxt.is_word and (nxt.text in COMMAS or nxt.text == ":" or end in self.blocks[b].opening)

    def names_word(self, key: str) -> bool:
        """A word of a name the tagger found anywhere in the document."""
        return any(key in _key_text(m.text).split() for m in self.mentions)

    def objectless_particle(self, b: int, t: int) -> bool:
        """``S-NAME-PARTICLE``: a tagged person's last word that looks like a preposition (أحمد علي) is
        the name when nothing after it can be its object: a mark, a complementiser, another
        preposition or a cue (وأكد أحمد علي في تصريح أن، وقال مجدي أحمد علي إن); not أن (كشف X عن أن)."""
        tokens = self.blocks[b].tokens
        if not rule_on("S-NAME-PARTICLE") or tokens[t].key not in PREPOSITIONS:
            return False
        if t + 1 >= len(tokens):
            return True
        nxt = tokens[t + 1]
        # إن, unlike أن (كشف عن أن، أكد على أن), is never a preposition's object
        inna = nxt.key in COMPLEMENTISERS and nxt.text.startswith("إ")
        return not nxt.is_word or inna or nxt.key in PREPOSITIONS or _is_cue_token(nxt)

    def quoted_subject(self, b: int, region: Optional[_Region], limit: int) -> bool:
        """A short quoted name right after the verb, followed by a comma or more words rather
        than the end of the sentence (أضاف "سنفوز". is a quotation). The tagger must have
        found a name inside: وقال "الوضع صعب"، مضيفا is a quotation."""
        tokens = self.blocks[b].tokens
        if region is None or not region.balanced or not 0 < region.words <= MAX_QUOTED_NAME_WORDS:
            return False
        verb = lookup_cue(tokens[region.open_token - 1].key)[0] if region.open_token > 0 else None
        if verb is None or verb.kind != "verb":
            return False  # بحسب «رويترز»، أضاف الاتحاد: an attribution, not a subject
        after = region.close_token + 1
        if after >= limit or tokens[region.first].key in COMPLEMENTISERS:
            return False
        nxt = tokens[after]
        if nxt.key in COMPLEMENTISERS and region.words <= MAX_QUOTED_SUBJECT_WORDS and rule_on("S-QUOTED-SUBJECT"):
            # وتقول "فلاور" إنها …: a short quotation between the verb and its that-clause names who speaks
            self.span_cuts.setdefault((b, after), "S-QUOTED-SUBJECT")
            return True
        named = (self.mention_at(b, k) for k in range(region.first, region.last + 1))
        if not any(m is not None and m.label in ("PER", "ORG") for m in named):
            return False
        return nxt.text in COMMAS or (nxt.is_word and nxt.key not in COMPLEMENTISERS and not _is_cue_token(nxt))

    def parties_after_participle(self, tokens: list[_Token], t: int, limit: int) -> bool:
        """العقد الموقع | بين الطرفين أن: the participle's parties belong to the phrase when the
        complementiser follows them."""
        if tokens[t].key != BETWEEN or t + 2 >= limit or not tokens[t - 1].key.startswith("ال"):
            return False
        parties, after = tokens[t + 1], tokens[t + 2]
        return parties.is_word and parties.key.startswith("ال") and after.key in COMPLEMENTISERS

    def participle_complement(self, b: int, start: int, t: int, limit: int) -> int:
        """``S-PARTICIPLE-COMPLEMENT``: tokens (1 or 2) of the complement that the participle before ``t``
        governs (التقارير الواردة | من سوريا، القوات الموالية | للحكومة، اللجنة المشرفة | على الطلبات): it
        says which ones, so the phrase goes on over it. Data: name_words.json governing_participles."""
        tokens = self.blocks[b].tokens
        if not rule_on("S-PARTICIPLE-COMPLEMENT") or not tokens[t].is_word or tokens[t].region >= 0:
            return 0
        stem, key = _participle_stem(tokens[t - 1].key), tokens[t].key
        if not stem or t - 1 == start and not _is_definite(tokens[start].key):
            return 0  # بحسب مصادر | مقربة من: a bare participle first is the adjective of a source before it
        if key[:1] in "بل" and len(key) > 3 and (stem, key[0]) in GOVERNING_PARTICIPLES:
            width = 1  # للحكومة، بتأمين
        elif (stem, key) in GOVERNING_PARTICIPLES and t + 1 < limit:
            nxt, width = tokens[t + 1], 2  # من سوريا
            if not nxt.is_word or _is_stop(nxt) or nxt.key in COMPLEMENTISERS or nxt.key in TIME_WORDS or _is_cue_token(nxt):
                return 0
        else:
            return 0
        self.phrase_rules.setdefault((b, start), "S-PARTICIPLE-COMPLEMENT")
        self.complement_starts.setdefault((b, start), tokens[t].start)  # a body named in it is not the speaker
        return width

    def negated_adjective(self, b: int, start: int, t: int, limit: int) -> bool:
        """``S-NEGATED-ADJECTIVE``: غير before an indefinite adjective (a nisba or a م participle) after an
        indefinite phrase negates that adjective (أرقام | غير رسمية، منظمات | غير حكومية): the phrase goes on."""
        tokens = self.blocks[b].tokens
        if not rule_on("S-NEGATED-ADJECTIVE") or tokens[t].key not in ADJECTIVE_NEGATORS or t + 1 >= limit:
            return False
        prev, nxt = tokens[t - 1], tokens[t + 1]
        if not prev.is_word or _is_definite(prev.key) or not nxt.is_word or _is_definite(nxt.key) or len(nxt.key) < 4:
            return False
        if _is_stop(nxt) or _is_cue_token(nxt) or not (_is_indefinite_nisba(nxt.key) or nxt.key.startswith("م")):
            return False
        self.phrase_rules.setdefault((b, start), "S-NEGATED-ADJECTIVE")
        return True

    def glued_medium(self, b: int, t: int, mention: Optional[Mention]) -> bool:
        """``S-SPAN-MEDIUM``: a medium of several words that the tagger took with its ل (الشرطة
        | لبي بي سي، المتحدث | لسي إن إن) is whom the words were said to."""
        if not rule_on("S-SPAN-MEDIUM") or mention is None or mention.start != self.blocks[b].tokens[t].start:
            return False
        return mention.text[:1] == "ل" and _medium_name(mention.text, self.lexicon.heads["media"])

    def addressee_medium(self, b: int, start: int, t: int) -> bool:
        """``S-SPAN-MEDIUM``: a لـ word that opens a medium's name (لبي بي سي، لرويترز، لوكالة فرانس برس،
        لصحيفة «الحياة») after the speaker or right after the verb is whom the words were said to, whether
        or not the tagger found it. Not where a definite word goes on the name (الرئيس التنفيذي لوكالة
        الطاقة: whose officer he is) or a title or body word it belongs to comes before it."""
        tokens = self.blocks[b].tokens
        key = tokens[t].key
        if not rule_on("S-SPAN-MEDIUM") or not tokens[t].is_word or key[:1] != "ل" or key.startswith("لل"):
            return False
        media = self.lexicon.heads["media"]  # in matching form, words joined by one space
        following = [key[1:]]
        for tk in tokens[t + 1:t + 3]:
            if not tk.is_word:
                break
            following.append(tk.key)
        width = _medium_width(following, media)
        if not width:
            return False
        after = tokens[t + width] if t + width < len(tokens) else None
        if after is not None and after.is_word and _is_definite(after.key) and " ".join(following[:width]) != after.key:
            return False  # لوكالة الطاقة، لتلفزيون الشرق: a name that goes on, not a known medium
        if t == start and not (t > 0 and _is_cue_token(tokens[t - 1])):
            return False  # وفقا لموقع «سكاي نيوز»: after a prepositional cue the medium is the source
        if t > start:
            heads = self.lexicon.heads
            before = _strip_noun(tokens[t - 1].key)
            if any(before in heads[kind] or tokens[t - 1].key in heads[kind] for kind in ("person", "organisation", "media")):
                return False  # مراسل | لصحيفة، مكتب | لقناة: whose it is
        return True

    def ends_before_prefixed(self, b: int, start: int, t: int, ba_complement: bool = False) -> bool:
        """A بـ/لـ word after a phrase starts the verb's object or addressee (المنظمة | بفتح،
        الشيخ | لـCNN، | لشبكة دوتش فيلي), unless it goes on a name (لحقوق الإنسان، باسم)."""
        tokens = self.blocks[b].tokens
        token, key = tokens[t], tokens[t].key
        if not token.is_word or key[:1] not in "بل" or len(key) < 3 or key in NAME_PREPOSITIONS:
            return False
        mention = self.mention_at(b, t)
        if mention is not None and mention.start < token.start:
            return False  # inside a name that started before: منظمة أطباء بلا حدود
        if key.startswith(("بال", "لل")):
            return False  # a stop of its own, or a name going on (continues_description)
        heads, by_rule = self.lexicon.heads, False
        stem = _strip_noun(key[1:])
        named_before = self.ends_name(b, t - 1)
        if not _is_definite(tokens[t - 1].key) and mention is None and not LATIN_RE.search(token.text):
            if not (named_before or ba_complement and key[0] == "ب" and self.source_head_before(b, start, t)):
                return False  # after a bare name the word goes on with it: مارين | لوبان
            if stem in heads["organisation"] or stem in heads["person"] or key[0] == "ل" and not named_before:
                return False  # مسؤول بوزارة الخارجية: where the source works
            by_rule = True  # a cut below is S-SPAN-PREFIXED's
        nxt = tokens[t + 1] if t + 1 < len(tokens) else None
        name_goes_on = nxt is not None and nxt.is_word and _is_definite(nxt.key)
        if key[0] == "ل" and named_before and mention is not None and mention.label != "PER":
            self.span_cuts[(b, t)] = "S-SPAN-PREFIXED"
            return True  # نجاد البرعي | لبي بي سي: after a whole name, whom it was said to
        if key[0] == "ب":  # بفتح ممر، بإجراء تحقيق; not بشار الأسد
            clitic = mention is not None and mention.start > token.start
            return self._cut_by_rule(b, t, by_rule, clitic or (mention is None and (bool(self.mentions) or not name_goes_on)))
        if LATIN_RE.search(token.text) or token.text.startswith("لـ") or stem in heads["media"]:
            return self._cut_by_rule(b, t, by_rule, True)  # an addressee medium is never part of the speaker
        if self.glued_medium(b, t, mention):
            self.span_cuts[(b, t)] = "S-SPAN-MEDIUM"
            return True
        if stem in heads["organisation"] or stem in heads["person"]:
            return False  # الرئيس التنفيذي لشركة ...: whose officer he is
        # a bare لـ word may be a name (لودريان): only a tagger can tell it is not one
        return self._cut_by_rule(b, t, by_rule, bool(self.mentions) and mention is None and not name_goes_on)

    def honorific_pronoun_at(self, b: int, t: int) -> bool:
        """``S-SPAN-PRONOUN``: the word at ``t`` is an honorific pronoun (معاليه، سموه), a whole subject."""
        key = self.blocks[b].tokens[t].key
        return key in self.lexicon.heads["pronoun"] and rule_on("S-SPAN-PRONOUN")

    def _cut_by_rule(self, b: int, t: int, by_rule: bool, cut: bool) -> bool:
        """``cut``, remembering (``span_cuts``) that S-SPAN-PREFIXED made it when ``by_rule``."""
        if cut and by_rule:
            self.span_cuts[(b, t)] = "S-SPAN-PREFIXED"
        return cut

    def ends_name(self, b: int, t: int) -> bool:
        """``S-SPAN-PREFIXED``: the word at ``t`` is the last of a tagged person's name (دانا وايت):
        the name is whole, so a بـ/لـ word after it is no more of it."""
        mention = self.mention_at(b, t)
        return rule_on("S-SPAN-PREFIXED") and mention is not None and mention.label == "PER" \
            and mention.end <= self.blocks[b].tokens[t].end

    def source_head_before(self, b: int, start: int, t: int) -> bool:
        """``S-SPAN-PREFIXED``: the phrase so far is an anonymous, media or document head alone
        (تقارير، مصادر، بيان): no name, so a بـ word after it, when the verb takes بـ, is that
        complement (أفادت تقارير | بإطلاق نار); not an adjective (مسؤولون باكستانيون) nor a word the
        complementiser follows (أفاد مسؤول بارز بأن)."""
        tokens, heads = self.blocks[b].tokens, self.lexicon.heads
        head, key = _strip_noun(tokens[start].key), tokens[t].key
        if _looks_adjective(key) or _is_indefinite_nisba(key) or key.endswith(("ي", "يه")):
            return False  # مسؤولون باكستانيون، مصادر بريطانية: the head's adjective
        nxt = tokens[t + 1] if t + 1 < len(tokens) else None
        if nxt is None or (not nxt.is_word and nxt.text not in ALL_MARKS) or nxt.key in COMPLEMENTISERS:
            return False  # مسؤول بارز بأن: an adjective; a complement goes on (بإطلاق نار، بتجريم "…")
        return rule_on("S-SPAN-PREFIXED") and t == start + 1 and self.mention_at(b, start) is None \
            and any(head in heads[k] for k in ("anonymous", "media", "document"))

    def anonymous_affiliation(self, b: int, start: int, t: int) -> bool:
        """``S-ANONYMOUS-BA``: an anonymous source's بـ phrase that names a body or a place
        (مسؤول | بالشرطة الهندية، مصدر آخر | بالوزارة) says where it works: the phrase goes on."""
        tokens, heads = self.blocks[b].tokens, self.lexicon.heads
        key = tokens[t].key
        if not rule_on("S-ANONYMOUS-BA") or not key.startswith("ب") or len(key) < 5:
            return False
        if _strip_noun(tokens[start].key) not in heads["anonymous"] or self.mention_at(b, start) is not None:
            return False
        if any(_is_definite(tok.key) or not tok.is_word for tok in tokens[start:t]):
            return False  # المصدر | بالإضافة: only right after an indefinite description
        mention = self.mention_at(b, t)
        if mention is not None and mention.label in ("ORG", "LOC"):
            return mention.start > tokens[t].start  # the tagger's name starts after the clitic بـ
        return key.startswith("بال") and _strip_noun(key[1:]) in heads["organisation"]

    def continues_description(self, b: int, start: int, t: int) -> bool:
        """Words that still describe the speaker after a stop word: an organisation's لل-complement
        (الاتحاد الدولي | للنقل الجوي), the place of an anonymous source (ضابط كبير | في الجيش،
        مهاجر | من سوريا) or its relative clause (شخص | كان يسكن المنطقة)."""
        tokens, heads = self.blocks[b].tokens, self.lexicon.heads
        if t + 1 >= len(tokens) or not tokens[t + 1].is_word:
            return False
        key, nxt = tokens[t].key, tokens[t + 1]
        head = _strip_noun(tokens[start].key)
        nxt_named = _is_definite(nxt.key) or self.mention_at(b, t + 1) is not None
        org_genitive = key.startswith("لل") and len(key) > 4 and t - start >= 2 and head in heads["organisation"]
        if org_genitive and _is_definite(nxt.key) and nxt.key not in COMPLEMENTISERS:
            return True
        if self.organisation_complement(b, start, t) or self.maker_genitive(b, start, t):
            return True
        if key == "من" and t == start + 1 and tokens[start].key in PARTITIVE_HEADS and nxt_named and nxt.key not in TIME_WORDS \
                and rule_on("S-PARTITIVE-SOURCE"):
            self.phrase_rules[(b, start)] = "S-PARTITIVE-SOURCE"
            return True  # عدد | من المسؤولين، واحدة | من الزبائن: the من phrase names whom they count
        if org_genitive:
            return False
        if self.office_place(b, start, t) or self.body_place(b, start, t) or self.office_body(b, start, t):
            return True
        if head not in heads["anonymous"] or any(_is_definite(tok.key) for tok in tokens[start:t]):
            return False
        if self.mention_at(b, start) is not None:
            return False
        if key in ("في", "من"):
            if nxt.key in TIME_WORDS or lookup_cue(nxt.key)[0] is not None:
                return False
            if not nxt_named and rule_on("S-OFFICE-PLACE") and _strip_noun(nxt.key) in heads["organisation"]:
                self.office_places.add((b, start))  # مصدر في قيادة عمليات الأنبار: where the source works, not who
                return True
            return nxt_named
        if self.inside_body(b, start, t, nxt_named):
            return True
        if key in LINKING_VERBS:
            return nxt.key[:1] in "يت" and len(nxt.key) > 3 and lookup_cue(nxt.key)[0] is None
        return False

    def inside_body(self, b: int, start: int, t: int, nxt_named: bool) -> bool:
        """``S-SOURCE-INSIDE``: an anonymous source goes on over داخل / لدى / ضمن before a definite word or a
        name (مصادر | داخل الائتلاف الحكومي، مسؤول | لدى الوزارة): where it sits (a بـ phrase: S-ANONYMOUS-BA)."""
        tokens = self.blocks[b].tokens
        if not rule_on("S-SOURCE-INSIDE") or tokens[t].key not in SOURCE_INSIDE_PREPOSITIONS:
            return False
        inside = nxt_named and lookup_cue(tokens[t + 1].key)[0] is None
        if inside:
            self.phrase_rules.setdefault((b, start), "S-SOURCE-INSIDE")
        return inside

    def office_place(self, b: int, start: int, t: int) -> bool:
        """``S-OFFICE-PLACE``: an indefinite title or anonymous head without a name (مسؤولة السياسة
        الخارجية، متحدث باسم القوات الأمريكية) goes on over في/من and the body or place the tagger
        names right after (| في الاتحاد الأوروبي، | في أفغانستان): where the office is, so the name
        after it is reached too. A definite title (الوزير | في الرياض) stops: that في is the verb's."""
        tokens, heads = self.blocks[b].tokens, self.lexicon.heads
        if not rule_on("S-OFFICE-PLACE") or tokens[t].key not in ("في", "من") or t + 1 >= len(tokens):
            return False
        first = _strip_noun(tokens[start].key)
        forms = _singular_forms(first)
        if _is_definite(tokens[start].key) or not any(f in heads[k] for f in forms for k in ("person", "anonymous")):
            return False
        if any((m := self.mention_at(b, k)) is not None and m.label == "PER" for k in range(start, t)):
            return False
        mention = self.mention_at(b, t + 1)
        if mention is None or mention.label not in ("ORG", "LOC") or mention.start < tokens[t + 1].start:
            return False
        self.office_places.add((b, start))
        return True

    def office_body(self, b: int, start: int, t: int) -> bool:
        """``S-OFFICE-BODY``: an indefinite person or source head without a name (متحدث باسم وزارة العدل، عاملون)
        or a definite plural one (الباحثون) goes on over في and the body right after it (| في جامعة روتغرز، | في
        قسم الحجوزات): where the people work, not where they spoke. Only a body: الوزير | في الرياض is the verb's,
        and a definite singular title (المستشار | في وزارة الداخلية) is left to be read back to its name."""
        tokens, heads = self.blocks[b].tokens, self.lexicon.heads
        if not rule_on("S-OFFICE-BODY") or tokens[t].key != "في" or t + 1 >= len(tokens) or not tokens[t + 1].is_word:
            return False
        first = _strip_noun(tokens[start].key)
        forms = _singular_forms(first)
        if not any(f in heads[k] for f in forms for k in ("person", "anonymous")) or self.mention_at(b, start) is not None:
            return False
        definite = _is_definite(tokens[start].key)
        if definite and not first.endswith(PEOPLE_PLURAL_ENDINGS):
            return False  # المستشار في وزارة الداخلية: one person's title, read back to his name (S-TITLE-NAME)
        if any((m := self.mention_at(b, k)) is not None and m.label == "PER" for k in range(start, t)):
            return False
        mention = self.mention_at(b, t + 1)
        if not definite and (mention is not None or any(f in heads["anonymous"] for f in forms)):
            return False  # متحدث باسم القوات | في أفغانستان، مصدر | في قيادة: S-OFFICE-PLACE's cases
        if mention is not None:
            body = mention.label == "ORG" and mention.start >= tokens[t + 1].start
        else:
            body = _strip_noun(tokens[t + 1].key) in heads["organisation"]
        if body:
            self.phrase_rules.setdefault((b, start), "S-OFFICE-BODY")
        return body

    def placed_phrase(self, b: int, start: int) -> bool:
        """The phrase from ``start`` went on over the place of its office or body (S-OFFICE-PLACE, S-BODY-PLACE,
        S-OFFICE-BODY)."""
        return (b, start) in self.office_places or self.phrase_rules.get((b, start)) in ("S-BODY-PLACE", "S-OFFICE-BODY")

    def body_place(self, b: int, start: int, t: int) -> bool:
        """``S-BODY-PLACE``: a body's name goes on over في and the place the tagger names right after it
        (وزارة الصحة | في غزة، اتحاد كرة القدم | في أوروغواي): which of the country's bodies it is."""
        tokens = self.blocks[b].tokens
        if not rule_on("S-BODY-PLACE") or tokens[t].key != "في" or t - start < 1 or not self.opens_body(b, start):
            return False
        if any((m := self.mention_at(b, k)) is not None and m.label == "PER" for k in range(start, t)):
            return False
        mention = self.mention_at(b, t + 1)
        if mention is None or mention.label != "LOC" or mention.start < tokens[t + 1].start:
            return False
        self.phrase_rules.setdefault((b, start), "S-BODY-PLACE")
        return True

    def organisation_complement(self, b: int, start: int, t: int) -> bool:
        """``S-ORG-COMPLEMENT``: a body's name goes on over its لل complement (المجلس التنفيذي | للصندوق
        أن، الكلية الملكية | للأطباء النفسيين): after two words or more of a phrase that an organisation
        head or an ORG mention opens, a لل word followed by a definite word or by the complementiser;
        never a medium, a person or a plural of people, who are whom it was said to (الوزارة | للصحفيين)."""
        tokens, heads = self.blocks[b].tokens, self.lexicon.heads
        key, nxt = tokens[t].key, tokens[t + 1]
        if not rule_on("S-ORG-COMPLEMENT") or not key.startswith("لل") or len(key) <= 4 or t - start < 2:
            return False
        if not self.opens_body(b, start) or self.mention_at(b, t) is not None:
            return False
        if _addressee_lil(key, heads):
            return False
        if not (nxt.key in COMPLEMENTISERS or _is_definite(nxt.key) and lookup_cue(nxt.key)[0] is None):
            return False
        self.span_cuts[(b, t + 1)] = "S-ORG-COMPLEMENT"
        if (mention := self.mention_at(b, start)) is not None:
            self.bodies_named_on.add(id(mention))
        return True

    def maker_genitive(self, b: int, start: int, t: int) -> bool:
        """``S-MAKER-GENITIVE``: a phrase that a document or an office opens goes on over its لل genitive
        (تقرير | للجنة الاستشارية، استطلاع | للرأي، المتحدث الرسمي | للهيئة، الجناح الإعلامي | للجيش): whose
        document or office it is; never a medium, a person or a plural of people, who are whom it was said to
        (قال المتحدث | للصحفيين، للوكالة)."""
        tokens, heads = self.blocks[b].tokens, self.lexicon.heads
        key, nxt = tokens[t].key, tokens[t + 1]
        if not rule_on("S-MAKER-GENITIVE") or not key.startswith("لل") or len(key) <= 4 or self.mention_at(b, start) is not None:
            return False
        first = _strip_noun(tokens[start].key)
        if first not in heads["document"] and first not in heads["person"] and self.document_head(tokens[start].key) is None:
            return False
        if any((m := self.mention_at(b, k)) is not None and m.label == "PER" for k in range(start, t)):
            return False  # المدرب خورخي داسيلفا | للجهاز الإداري: after a name, whom it was said to
        mention = self.mention_at(b, t)
        if mention is not None and (mention.label != "ORG" or mention.start < tokens[t].start):
            return False
        if _addressee_lil(key, heads) or (mention is not None and self.glued_medium(b, t, mention)):
            return False
        if nxt.key not in COMPLEMENTISERS and lookup_cue(nxt.key)[0] is not None:
            return False
        self.phrase_rules.setdefault((b, start), "S-MAKER-GENITIVE")
        return True

    def opens_body(self, b: int, start: int) -> bool:
        """The phrase from ``start`` names a body: an organisation head or an ORG mention opens it."""
        mention = self.mention_at(b, start)
        if mention is not None:
            return mention.label == "ORG"
        return _strip_noun(self.blocks[b].tokens[start].key) in self.lexicon.heads["organisation"]

    def _bracketed_acronym(self, b: int, t: int, limit: int) -> int:
        """"الاتحاد الدولي للنقل الجوي (أياتا)": a short name in brackets belongs to the phrase."""
        tokens = self.blocks[b].tokens
        if t >= limit or tokens[t].text != "(":
            return t
        for close in range(t + 2, min(limit, t + 5)):
            if tokens[close].text == ")":
                inner = tokens[t + 1 : close]
                if all(tok.is_word and not DIGIT_RE.match(tok.key) and not _is_stop(tok) for tok in inner):
                    return close + 1
                return t
            if not tokens[close].is_word:
                return t
        return t

    def introduces_name(self, key: str) -> bool:
        """منظمة، وكالة، حزب: a head word whose name may follow in quotation marks."""
        bare, heads = _strip_noun(key), self.lexicon.heads
        return bare in self.lexicon.naming_nouns or bare in heads["organisation"] or bare in heads["media"]

    def is_proposition_noun(self, tokens: list[_Token], t: int, start: int, b: int = -1) -> bool:
        """ضرورة، أهمية first or after a complete phrase (not after a construct head: قوات دعم); a derived
        verbal noun after a complete phrase too (Q-VERBAL-NOUN-OBJECT)."""
        if tokens[t].key not in self.lexicon.proposition_nouns:
            return b >= 0 and self.verbal_noun_after_subject(b, t, start)
        if t == start:
            return True
        prev = tokens[t - 1].key
        if _is_definite(prev):
            return True  # المتحدث باسم الجيش | دعم: a definite word is never a construct head
        return not any(prev in self.lexicon.heads[k] for k in SOURCE_KINDS)

    def _object_start(self, b: int, start: int, end: int) -> int:
        """Where an object noun phrase starts inside ``tokens[start:end]`` (else ``end``).

        A phrase is complete after a definite word or a name; what may still follow
        is an adjective (القوى الشيعية السياسية), a coordinated phrase (والقوى),
        a prepositional phrase (لحقوق الإنسان) or, after a person's title, more
        titles and that person's name (مفتي عام المملكة الشيخ عبدالعزيز). Anything
        else starts the object: a definite noun (الحكومة), a title after the name
        (كارتر | رئيس الوزراء), a second name (كيري | روسيا).
        """
        if end - start < 2:
            return end
        tokens, heads = self.blocks[b].tokens, self.lexicon.heads
        is_title = lambda key: key in heads["person"] or _strip_noun(key) in heads["person"]
        first = tokens[start].key
        person_head = is_title(first) or first in heads["anonymous"] or _strip_noun(first) in heads["anonymous"]
        named = (m := self.mention_at(b, start)) is not None and m.label == "PER"
        block = self.blocks[b]
        for i in range(start + 1, end):
            prev, token = tokens[i - 1], tokens[i]
            if token.text in ALL_MARKS and prev.is_word and i in block.opening:
                # a quoted name after a definite or naming noun is apposed (الوكالة "شينخوا"),
                # after a bare name it is the object (أعلنت ليبيا "القوة القاهرة")
                if _is_definite(prev.key) or _strip_noun(prev.key) in self.lexicon.naming_nouns:
                    continue
                return i
            if prev.text in ALL_MARKS and token.is_word and token.region < 0 and i - 1 in block.closing:
                if _looks_adjective(token.key) or _is_coordinated(token.key, is_title) or token.key[:1] in "لب":
                    continue  # وكالة "شينخوا" الصينية
                return i  # اتهمت منظمة “هيومن رايتس ووتش” | المتمردين: the quoted name ends the phrase
            if not (prev.is_word and token.is_word) or token.region >= 0:
                continue
            if token.key in ("في", "من") and self.placed_phrase(b, start):
                continue  # أعلن متحدث باسم القوات الأمريكية | في أفغانستان: the office's place, no object
            previous, mention = self.mention_at(b, i - 1), self.mention_at(b, i)
            if mention is None and self.owned_act(token):
                self.span_cuts[(b, i)] = "Q-OWNED-ACT"
                return i  # أعلن الرؤساء التنفيذيون لثلاثة بنوك عالمية | انسحابهم: the subject's own act
            if self.verbal_noun_after_subject(b, i, start):
                self.span_cuts[(b, i)] = self.verbal_noun_rule(b, i)
                return i  # أعلن وزير الداخلية | اكتمال الاستعدادات
            if mention is not None and mention is previous:
                continue  # inside one name
            if _is_coordinated(token.key, is_title) or (token.key[0] in "لب" and not _is_definite(token.key) and mention is None):
                continue  # والقوى / ومدير / لحقوق الإنسان
            if prev.key in NAME_LINKS or (token.key in NAME_LINKS and person_head and not named):
                continue  # آل الشيخ، بن سلمان، أبو علي; الوزير | عبد الرحمن
            if named and is_title(token.key) and (mention is None or mention.label != "PER"):
                return i  # أبلغ الوزير اشتون كارتر | رئيس الوزراء
            if named and _is_definite(token.key) and not _looks_adjective(token.key) and not _is_definite(prev.key):
                return i  # طالب الرئيس دونالد ترامب | الكونغرس
            if not (_is_definite(prev.key) or previous is not None):
                if person_head and not is_title(token.key) and not _is_definite(token.key):
                    named = named or (mention is not None and mention.label == "PER") or (
                        not self.mentions and not is_title(prev.key) and not _is_definite(prev.key) and i - 1 > start
                    )
                continue  # a construct head (وزير الخارجية) or a name going on (دونالد ترامب)
            if person_head and not named and is_title(token.key):
                continue  # مفتي عام المملكة | الشيخ عبدالعزيز
            if _is_definite(token.key):
                if mention is None and (_looks_adjective(token.key) or _agreeing_participle(prev.key, token.key)):
                    continue
                return i
            if mention is not None:
                if mention.label == "PER" and person_head and not named:
                    named = True  # الرئيس الأمريكي | دونالد ترامب
                    continue
                return i
            if _is_relational(token.key):
                return i  # أبلغ الوزير | نظيره
            if person_head and not named and not self.mentions:
                named = True  # without mentions a bare word after a title is taken for the name
                continue
            if self.takes_name_tail(b, start, i, end):
                continue  # وقال الدكتور محمد عيسى | والي، مختص: the rest of the name, not the object
            return i
        return end

    def verbal_noun_after_subject(self, b: int, t: int, start: int) -> bool:
        """``Q-VERBAL-NOUN-OBJECT``: a word shaped like a derived verbal noun (التوصل، اكتمال، اعتراض) right
        after a complete phrase (a definite word or the end of a tagged name) is what the cue reports, the
        start of its object: أعلن وزير الداخلية | اكتمال الاستعدادات، أكد أفيغدور ليبرلمان | اعتراض نحو 400
        طائرة. Never the phrase's first word (أعلن الاتحاد الأوروبي), a tagged name's word or a title."""
        tokens = self.blocks[b].tokens
        if not rule_on("Q-VERBAL-NOUN-OBJECT") or t <= start or not tokens[t - 1].is_word:
            return False
        if not self.object_verbal_noun(b, t) and not self.plain_verbal_noun(b, t):
            return False
        token, prev = tokens[t], tokens[t - 1]
        previous = self.mention_at(b, t - 1)
        return _is_definite(prev.key) or (previous is not None and previous.end <= token.start)

    def plain_verbal_noun(self, b: int, t: int) -> bool:
        """``Q-PLAIN-VERBAL-NOUN-OBJECT``: a bare form II or form I verbal noun (تجديد، وصول) may open a cue's
        object right after a complete subject (وأكد التحالف العربي | دخول سفينة), as a derived one does; not a
        tagged name's word, a function word nor a source head. Data: report_words.json plain_verbal_noun_patterns."""
        token = self.blocks[b].tokens[t]
        if not rule_on("Q-PLAIN-VERBAL-NOUN-OBJECT") or not token.is_word or token.region >= 0 or _is_stop(token) \
                or not is_plain_verbal_noun(token.text) or self.mention_at(b, t) is not None:
            return False
        return not any(_strip_noun(token.key) in self.lexicon.heads[k] for k in SOURCE_KINDS)

    def verbal_noun_rule(self, b: int, t: int) -> str:
        """The rule that reads the verbal noun at ``t`` as the start of a cue's object."""
        return "Q-VERBAL-NOUN-OBJECT" if self.object_verbal_noun(b, t) else "Q-PLAIN-VERBAL-NOUN-OBJECT"

    def object_verbal_noun(self, b: int, t: int) -> bool:
        """The word at ``t`` may open a cue's object as a derived verbal noun: shaped like one, outside
        quotation marks and any tagged name, and no head that opens a name (الإدارة، الاتحاد)."""
        token = self.blocks[b].tokens[t]
        if not token.is_word or token.region >= 0 or not is_verbal_noun(token.text) or self.mention_at(b, t) is not None:
            return False
        return not any(_strip_noun(token.key) in self.lexicon.heads[k] for k in SOURCE_KINDS)

    def owned_act(self, token) -> bool:
        """``Q-OWNED-ACT``: a verbal noun or proposition noun carrying its owner's pronoun (انسحابهم،
        عزمهم، استعدادها) goes on no subject: it opens the object of a cue that takes one."""
        if not rule_on("Q-OWNED-ACT") or not token.is_word or _unpossessed(token.key) == "":
            return False
        return is_verbal_noun(token.text) or _unpossessed(token.key) in self.lexicon.proposition_nouns

    def _extend_to_mention(self, b: int, start: int, end: int, limit: int) -> int:
        """Grow a phrase cut inside a named entity, or cut just before a name it introduces."""
        if not self.mentions or end <= start:
            return end
        tokens = self.blocks[b].tokens
        first = self.mention_at(b, start)
        # a tagger's span never carries the phrase over a preposition (وصرح هاشمي | أمام السجن)
        # but a person's بال surname is his (حامد بالخير، محمد بالحاج)
        inside = lambda t, mention: t < limit and tokens[t].start < mention.end and (
            not _is_stop(tokens[t]) or self.inside_name(b, t) or mention.label == "PER" and tokens[t].key.startswith("بال")
        )
        if first is not None:  # a name first: the phrase ends with it (وتتهم واشنطن | المركز)
            t = start + 1
            while inside(t, first):
                if self.addressee_medium(b, start, t):
                    self.span_cuts.setdefault((b, t), "S-SPAN-MEDIUM")
                    return t  # شارما لبي بي سي, which the tagger took as one name
                if tokens[t].key in MANNER_ADVERBS and rule_on("S-MANNER-ADVERB"):
                    self.span_cuts.setdefault((b, t), "S-MANNER-ADVERB")
                    return t  # شون | مازحا, which the tagger took into the name
                t += 1
            heads = self.lexicon.heads["person"]
            if first.label == "PER" and t < end and (tokens[t].key in heads or _strip_noun(tokens[t].key) in heads):
                return end  # unless the person's title follows: جون فامفاكاتيس مدير غوغل للتعليم
            if first.label == "PER" and t < end and self.takes_name_tail(b, start, t, end):
                return end  # وقال جرهارد | إك، ردا على: the rest of the name the tagger cut
            if first.label == "PER" and t - 1 > start and tokens[t - 1].key in EPITHETS:
                return t - 1
            if first.label == "ORG" and t < end and _is_indefinite_nisba(tokens[t].key) and self.mention_at(b, t) is None:
                return t + 1  # منظمة إنقاذ | أوروبية: the organisation's adjective
            if first.label == "ORG" and t < end and tokens[t].key == "في" and self.phrase_rules.get((b, start)) == "S-BODY-PLACE":
                return end  # وزارة الصحة | في غزة: the place says which ministry
            if first.label == "ORG" and t < end and (tokens[t].key.startswith("لل") or tokens[t].text == "("):
                return end  # الاتحاد الدولي | للنقل الجوي (أياتا): the name goes on
            if first.label == "ORG" and t + 1 < end and self.construct_complement(b, t):
                self.span_cuts[(b, end)] = "S-ORG-COMPLEMENT"
                self.bodies_named_on.add(id(first))
                return end  # الاتحاد المصري | لكرة القدم: the name goes on
            if first.label == "ORG" and t == end and self.org_name_goes_on(b, t, first, limit):
                while t < limit and tokens[t].start < first.end:
                    t += 1
                self.span_cuts[(b, t)] = "S-ORG-GENITIVE"
            apposed = self.apposed_quoted_name(b, t, limit) if first.label == "ORG" and t <= end else None
            if apposed is not None:
                self.span_cuts[(b, apposed)] = "S-QUOTED-APPOSITION"
                return apposed  # وكالة التصنيف الائتماني "ستاندرد آند بورز": the body and its name
            return t
        # a mention straddling the cut: المرصد السوري | لحقوق الإنسان
        last = self.mention_at(b, end - 1)
        while last is not None and inside(end, last):
            end += 1
        if self.span_cuts.get((b, end)) in (*VERBAL_NOUN_CUTS, "S-SPAN-STATEMENT"):
            return end  # أكد متحدث باسم الفيفا | وصول بلاتر: the person is in the object; في بيان نقلته وكيلتها
        # a title whose person comes a few words later: سماحة مفتي عام المملكة ... الشيخ عبدالعزيز
        if not any((m := self.mention_at(b, t)) is not None and m.label == "PER" for t in range(start, end)):
            for t in range(end, min(limit, start + MAX_APPOSITION_GAP)):
                token = tokens[t]
                if not token.is_word or token.key in COMPLEMENTISERS or _is_cue_token(token):
                    break
                mention = self.mention_at(b, t)
                if mention is not None and mention.label == "PER":
                    while t < limit and tokens[t].start < mention.end:
                        t += 1
                    return t
        return end

    def apposed_quoted_name(self, b: int, t: int, limit: int) -> Optional[int]:
        """``S-QUOTED-APPOSITION``: the end (after its closing mark) of an organisation's name in quotation
        marks right at ``t``, after a body's description the tagger took as a name of its own (وكالة
        التصنيف الائتماني "ستاندرد آند بورز"، شركة الطيران الألمانية «لوفتهانزا»), or None."""
        if not rule_on("S-QUOTED-APPOSITION") or t >= limit:
            return None
        region = self.region_opening_at(b, t)
        if region is None or not region.balanced or not 0 < region.words <= MAX_NAME_WORDS or region.close_token >= limit:
            return None
        inner = self.mention_at(b, region.first)
        if inner is None or inner.label != "ORG" or self.mention_at(b, region.last) is not inner:
            return None
        return region.close_token + 1

    def construct_complement(self, b: int, t: int) -> bool:
        """``S-ORG-COMPLEMENT``: a لـ noun without the article in construct with a definite word
        (لكرة القدم، لحقوق الإنسان، لشؤون اللاجئين) goes on a body's name; not a medium or a person."""
        tokens, heads = self.blocks[b].tokens, self.lexicon.heads
        key, nxt = tokens[t].key, tokens[t + 1]
        if not rule_on("S-ORG-COMPLEMENT") or key[:1] != "ل" or key.startswith("لل") or len(key) < 4:
            return False
        stem = _strip_noun(key[1:])
        if stem in heads["person"] or stem in heads["media"] or LATIN_RE.search(tokens[t].text):
            return False
        return nxt.is_word and _is_definite(nxt.key) and nxt.key not in COMPLEMENTISERS and self.mention_at(b, t) is None

    def org_name_goes_on(self, b: int, t: int, mention: Mention, limit: int) -> bool:
        """``S-ORG-GENITIVE``: the phrase stopped at a لل word inside the organisation's name that
        the tagger found (المجلس القومي | للأمومة والطفولة): the name, and the phrase, go on to its end."""
        tokens = self.blocks[b].tokens
        return rule_on("S-ORG-GENITIVE") and t < limit and tokens[t].start < mention.end \
            and tokens[t].key.startswith("لل") and mention.end <= tokens[limit - 1].end

    def speaker_text(self, candidate: _Candidate) -> str:
        tokens = self.blocks[candidate.block].tokens
        s, e = candidate.speaker
        return self.doc.text[tokens[s].start : tokens[e - 1].end]


_GOVERNING_STEMS = frozenset(stem for stem, _ in GOVERNING_PARTICIPLES)


def _participle_stem(key: str) -> str:
    """الواردة -> وارد, المشرفون -> مشرف, الموالين -> موالي: the stem of a governing participle, else ""."""
    bare = key[2:] if key.startswith("ال") else key
    for ending in ("", "ه", "ون", "ين", "ات"):
        if ending and not bare.endswith(ending):
            continue
        stem = bare[: len(bare) - len(ending)]
        for form in (stem, stem + "ي"):
            if form in _GOVERNING_STEMS:
                return form
    return ""


def _addressee_lil(key: str, heads) -> bool:
    """A لل word naming a person, a medium or people (للوزير، للوكالة، للصحفيين): whom it was said to, no
    complement of the speaker's phrase (S-ORG-COMPLEMENT, S-MAKER-GENITIVE)."""
    stem = _strip_noun("ال" + key[2:])
    return stem in heads["person"] or stem in heads["media"] or key.endswith(PEOPLE_PLURAL_ENDINGS)


def _singular_forms(head: str) -> tuple[str, str, str]:
    """A head noun with its masculine singular guessed (مسؤولة، مساعدون → مسؤول، مساعد), to look it up in the heads."""
    return head, head[:-1] if head.endswith("ه") else head, head[:-2] if head.endswith(("ون", "ين")) else head


def _attention_object(key: str) -> bool:
    """الانتباه، or انتباههم / نظره with the pronoun of whose attention was drawn."""
    if key in ATTENTION_OBJECTS:
        return True
    return any(key.endswith(suffix) and "ال" + key[: -len(suffix)] in ATTENTION_OBJECTS for suffix in PRONOUN_SUFFIXES)
