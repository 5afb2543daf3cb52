"""Cue finding: which tokens are reporting cues, of which kind, and the candidate each makes.

Input: the blocks. Output: ``candidates()``, one ``_Candidate`` per token that reports words
for a speaker (a cue verb or participle, a relay, an attribution phrase, a verbal noun,
جاء في البيان, بالقول, a cue carrying an object pronoun), in text order, each with its
source span (or None) and content start; cues that report nothing still record their
subjects as loose agents. Guarantees: tokens inside quotation marks are never cues;
passive and first-person forms never are; each token makes at most one candidate.
"""
from __future__ import annotations

from dataclasses import replace
from functools import cached_property
from typing import Optional

from qawl.arabic import (
    ADVERBIAL_HEADS, ANAPHORIC_OBJECTS, AS_WORD, CONJUNCTION_HOMOGRAPH_LEMMAS, CONJUNCTIONS_WAW_FA, SHADDA, BA_OBJECT_LEMMAS, BACK_POINTERS, CLAUSE_ADVERBS, CLAUSE_OPENERS,
    COMPLEMENTISERS, COMPLETE_SUBJECTS, CONTINUATION_LEMMAS, DEMONSTRATIVES, DOCUMENT_HEADS, OBJECT_QUANTIFIERS, INFERENCE_OPENERS, MA_CONJUNCTIONS,
    NARRATOR_CONTRASTS, NOUN_FRAME_PREPS, PARTITIVE_HEADS, NOUN_GOVERNING_PREPOSITIONS, OBJECT_PRONOUNS, PLURAL_HEADS, PREPOSITIONS, PRONOUN_CARRIERS, PRONOUN_SUFFIXES, QUESTION_OPENERS, RELATIVES, PAST_REPORT_NEGATORS, REPORT_NEGATOR_PAIRS, REPORT_NEGATORS, SUBJECT_OPENERS,
    RELATIVE_PASSIVE_LEMMAS, SUBJECT_RELATIVES, TIME_ANTECEDENTS, TIME_NOUNS, TIME_WORDS, OBJECT_RELATIVES, is_verbal_noun,
)
from qawl.cues import CueEntry, PURPOSE_PREFIX, lookup_cue
from qawl.entities.features import gazetteer_words
from .candidate import _Candidate
from .content_end import SELF_COMPLEMENTISERS
from .rules import rule_on
from .config import (
    MAX_ADVERBIAL_WORDS, MAX_AMBIGUOUS_RUN_WORDS, MAX_APPOSITION_GAP, MAX_CLAUSE_ADVERBIAL_WORDS, MAX_DATA_SUBJECT_WORDS, MAX_NAME_WORDS, MAX_PROPOSITION_GAP, MAX_SPEAKER_WORDS, CLAUSE_FORM_FAR_REACH, MIN_CONTINUATION_WORDS, MIN_INDEFINITE_PLURAL_LETTERS,
    MIN_SPEECH_WORDS,
)
from .lexical import (
    PREPOSITION_PRONOUN_RE, _is_cue_token, _is_definite, _is_first_person_hamza, _is_passive, _is_stop, _is_stop_key,
    _is_verbal_noun_form, _is_oblique_plural, _construct_plural, _counts_people, _object_cue, _prev_word, _pronoun_agreement, _strip_conj,
    SOURCE_KINDS, _strip_noun, _strip_object,
)
from .tokens import ALL_MARKS, COMMAS, _Token, _ends_sentence, _first_in


COORDINATED_DEFINITE = "وال"  # a second noun joined to the first: بين الحكومة والمعارضة


class _CueFinding:
    """Cue candidates of one document (mixed into ``_Extractor``)."""

    def candidates(self) -> list[_Candidate]:
        """Every cue candidate of the document, in text order.

        Each word outside quotation marks is tried once, in this order (the first that
        applies decides):

        1. a passive form (يُرى، أُعلن) or a first-person form read off its hamza (أعتقد) is no
           cue: nobody is reported speaking;
        2. a word that is no cue form may still report: a cue carrying an object pronoun
           (وصفه X بأنه), then جاء في البيان, then بالقول (these three make the whole
           construction); else a verbal noun after a preposition (عقب تأكيد X أن); else it may
           name a statement's owner (في بيان لـ X) for the next cue;
        3. a first-person cue (أقول) is words inside someone's statement: skipped;
        4. a verb or participle: a relay first (نقل عن X: the source, not the subject,
           speaks), else ``verb_candidate``; a cue that needs a source (كتب) is dropped when
           its subject names none; a phrase (بحسب) is an attribution;
        5. a verb that made no candidate still records its subject for later pronouns.

        Last, a participle that cannot agree with the quote before it is nested in it.
        """
        found = []
        for b, block in enumerate(self.blocks):
            for t, token in enumerate(block.tokens):
                if not token.is_word or token.region >= 0 or token.aside or self.cue_in_name(b, t):
                    continue  # أمل حجازي: a cue form opening a name the tagger found is the name
                entry, conj = lookup_cue(token.key)
                clause_form = entry is None and (entry := self.clause_form(b, t)) is not None
                colon_form = entry is None and (entry := self.colon_form(b, t)) is not None
                data_form = entry is None and (entry := self.data_form(b, t)) is not None
                if clause_form or colon_form or data_form:
                    conj = token.key[: len(token.key) - len(entry.form)]
                if entry is not None and _is_passive(token.text, entry, conj):
                    continue  # يُرى أنه / أُعلن عن: no one is reported as speaking
                if entry is not None and _is_first_person_hamza(token.text, entry, conj):
                    continue  # أعتقد أن، أعتبر أن: "I", not the past اعتقد / اعتبر
                if entry is not None and conj and self.conjunction_homograph(b, t, entry):
                    document = self.document_candidate(b, t)  # كما ورد في بيان شين بيت أن
                    if document is not None:
                        found.append(document)
                    continue  # وما ورد فيه، كل فرد: another word, no reply
                if entry is None:
                    carried_object = (
                        self.object_pronoun_candidate(b, t) or self.document_candidate(b, t) or self.saying_candidate(b, t)
                    )
                    if carried_object is not None:
                        found.append(carried_object)
                        continue
                    noun = self.noun_candidate(b, t)
                    if noun is not None:
                        found.append(noun)
                    else:
                        self.record_statement_owner(b, t)
                    continue
                if entry.person != 3:
                    continue  # first person: words inside someone's statement
                if self.asks_question(b, t):
                    continue  # كيف أعلنت المنتخبات عن قوائمها؟: a question, nobody's words are reported
                governed = entry.kind == "verb" and not conj and self.governed_by_preposition(b, t)
                candidate = None
                if entry.kind in ("verb", "participle"):
                    candidate = self.relay_candidate(b, t, entry) if entry.relays else None
                    candidate = candidate or self.verb_candidate(b, t, entry, conj) or self.past_prep_candidate(b, t, entry, conj)
                    if candidate is not None and not self.reports_for_source(candidate):
                        candidate = None
                elif entry.kind == "phrase":
                    candidate = self.attribution_candidate(b, t, entry)
                if governed:
                    if candidate is None or not self.noun_frame_agent(b, t, candidate):
                        continue  # بين رفض التطبيع، ووسط حذر المستثمرين: the verbal noun, no one reports
                    candidate.rules += ("Q-PREPOSITION-NOUN",)  # بعد وصف الرئيس الهجوم بأنه: its agent reports
                if candidate is not None and clause_form and candidate.method != "prep":
                    candidate = None  # وعبر شهور، أنه: "across months"; only عن with what it expresses
                if candidate is not None and colon_form:
                    candidate.rules += ("Q-COLON-FORM",)  # وزاد: the speaker goes on, not "increased"
                if candidate is not None and data_form:
                    candidate.rules += ("Q-DATA-FORM",)  # وتظهر البيانات أن: data show, not "appear"
                if candidate is not None and entry.yields and rule_on("Q-CLOSING-CUE-YIELDS"):
                    candidate.yields = True  # وختم حديثه بالقول إن: بالقول reports the words
                    candidate.rules += ("Q-CLOSING-CUE-YIELDS",)
                if candidate is not None:
                    if clause_form:
                        candidate.rules += ("Q-CLAUSE-FORM",)  # وعبر الوزير عن قلقه: the verb, not "via"
                        if (b, t) in self.far_clause_forms:
                            candidate.rules += ("Q-CLAUSE-FORM-FAR",)
                    found.append(candidate)
                elif entry.kind == "verb" and not entry.ambiguous:
                    self.record_agent(b, t, entry, conj)
        self.nest_disagreeing_participles(found)
        self.nest_disagreeing_verbs(found)
        return found

    def asks_question(self, b: int, t: int) -> bool:
        """``Q-QUESTION-NO-REPORT``: the cue's sentence opens with an interrogative (هل، كيف، وهل) and ends
        with a question mark, and no relative clause (التي تقول طهران إنها) stands between them and the cue."""
        if not rule_on("Q-QUESTION-NO-REPORT"):
            return False
        return t < self.question_reach[b][t]

    @cached_property
    def question_reach(self) -> list[list[int]]:
        """Per block, ``_question_relatives`` of its tokens: one pass over the document, asked once."""
        return [_question_relatives(block.tokens) for block in self.blocks]

    def governed_by_preposition(self, b: int, t: int) -> bool:
        """``Q-PREPOSITION-NOUN``: a cue verb's form right after a preposition that governs a noun is its verbal
        noun (بين رفض التطبيع، مقابل رفض 14 عضوا، ووسط حذر المستثمرين، مع توقع المستثمرين، على أمل أن): a
        preposition never takes a verb. Data: function_words.json noun_governing_prepositions."""
        if t == 0 or not rule_on("Q-PREPOSITION-NOUN"):
            return False
        prev = self.blocks[b].tokens[t - 1]
        if not prev.is_word:
            return False
        key = prev.key
        bare = key[1:] if len(key) > 2 and key[0] in CONJUNCTIONS_WAW_FA else key
        return key in NOUN_GOVERNING_PREPOSITIONS or bare in NOUN_GOVERNING_PREPOSITIONS

    def noun_frame_agent(self, b: int, t: int, candidate: _Candidate) -> bool:
        """``Q-PREPOSITION-NOUN``: the verbal noun after a preposition of time or circumstance still reports when
        a source right after it is its agent (بعد وصف الرئيس الهجوم بأنه، عقب تأكيد الوزير أن)."""
        prev = self.blocks[b].tokens[t - 1].key
        return _strip_conj(prev) in NOUN_FRAME_PREPS and candidate.speaker is not None \
            and candidate.speaker[0] == t + 1 and self.names_source(b, t + 1)

    def conjunction_homograph(self, b: int, t: int, entry: CueEntry) -> bool:
        """``Q-CONJ-HOMOGRAPH``: و/ف + a form of a cue whose whole spelling is also another word (ورد "it
        appeared", فرد "individual") is conjunction + cue only where it opens a clause (at a paragraph's start,
        after punctuation or a quotation's close) or carries its shadda (وردّ); after a word (وما ورد فيه، كما
        ورد في، كل فرد) it is the other word. Data: report_words.json conjunction_homograph_lemmas."""
        tokens = self.blocks[b].tokens
        if entry.lemma not in CONJUNCTION_HOMOGRAPH_LEMMAS or not rule_on("Q-CONJ-HOMOGRAPH"):
            return False
        return t > 0 and tokens[t - 1].is_word and SHADDA not in tokens[t].text

    def clause_form(self, b: int, t: int) -> Optional[CueEntry]:
        """``Q-CLAUSE-FORM``: a form the lexicon keeps out because it is also a preposition (عبر "via") is the
        verb where it opens a clause (with و/ف, at a sentence's start, after a clause opener, adverb or adverbial
        phrase: وعبر، كما عبر، من جهته، عبر، من جانبه عبر) and عن follows within a few words before the sentence ends (وعبر وزير الخارجية
        عادل الجبير عن استنكار المملكة); not أعلن عبر تويتر عن."""
        tokens, forms = self.blocks[b].tokens, self.lexicon.clause_forms
        key = tokens[t].key
        bare = key[1:] if key[:1] in CONJUNCTIONS_WAW_FA and key[1:] in forms else key
        if not rule_on("Q-CLAUSE-FORM") or bare not in forms:
            return None
        if not self.opens_clause(b, t):
            return None
        near = t + 2 + MAX_SPEAKER_WORDS
        reach = t + 2 + CLAUSE_FORM_FAR_REACH if rule_on("Q-CLAUSE-FORM-FAR") else near
        for k in range(t + 1, min(len(tokens), reach)):
            if _ends_sentence(tokens, k) or tokens[k].region >= 0:
                return None
            if tokens[k].key == "عن" or tokens[k].key.startswith("عن") and len(tokens[k].key) > 4 and k > t + 1:
                if k >= near:  # عبر رئيس الوزراء …، الشيخ محمد بن راشد آل مكتوم، السبت، عن
                    self.far_clause_forms.add((b, t))
                return forms[bare]
            if k >= near and tokens[k].is_word and lookup_cue(tokens[k].key)[0] is not None:
                return None  # another verb of saying owns the words after it
        return None

    def colon_form(self, b: int, t: int) -> Optional[CueEntry]:
        """``Q-COLON-FORM``: a form the lexicon keeps out because it is mostly another verb (زاد "increased") is a
        verb of saying with و/ف right before a colon (، وزاد: …): the same speaker goes on."""
        tokens, forms = self.blocks[b].tokens, self.lexicon.colon_forms
        key = tokens[t].key
        if not rule_on("Q-COLON-FORM") or key[:1] not in CONJUNCTIONS_WAW_FA or key[1:] not in forms:
            return None
        return forms[key[1:]] if t + 1 < len(tokens) and tokens[t + 1].text == ":" else None

    def data_form(self, b: int, t: int) -> Optional[CueEntry]:
        """``Q-DATA-FORM``: a form the lexicon keeps out because it is mostly intransitive (تظهر "appears") is the
        verb of showing when data or a document is its subject right after it (وتظهر البيانات المفصلة أن، تُظهر
        الدراسة الأخيرة أن، وتظهر الإحصاءات وجود …); not تظهر علامات التعب."""
        tokens, forms = self.blocks[b].tokens, self.lexicon.data_forms
        key = tokens[t].key
        bare = key[1:] if key[:1] in CONJUNCTIONS_WAW_FA and key[1:] in forms else key
        if not rule_on("Q-DATA-FORM") or bare not in forms or t + 1 >= len(tokens) or not tokens[t + 1].is_word:
            return None
        return forms[bare] if self.is_data(b, t + 1) or self.names_document(b, t + 1) else None

    def past_prep_candidate(self, b: int, t: int, entry: CueEntry, conj: str) -> Optional[_Candidate]:
        """``Q-TALKED-ABOUT``: a past cue with a preposition of its ``past_preps`` (تحدث وزير الخارجية عن زيارتيه)
        reports what follows it when its subject names a source; a weak reading, so it cuts no other content and
        yields to any other candidate over the same words (``yields``). Data: cues.json past_preps."""
        if not entry.past_preps or entry.tense != "past" or entry.kind != "verb" or not rule_on("Q-TALKED-ABOUT"):
            return None
        candidate = self.verb_candidate(b, t, replace(entry, complements=(*entry.complements, *entry.past_preps)), conj)
        if candidate is None or candidate.method != "prep" or candidate.speaker is None \
                or not self.names_source(b, candidate.speaker[0]):
            return None
        candidate.boundary, candidate.yields = False, True
        candidate.rules += ("Q-TALKED-ABOUT",)
        return candidate

    def opens_clause(self, b: int, t: int) -> bool:
        """The word at ``t`` opens a clause: with و/ف, at a sentence's start, after a comma, a clause opener or
        adverb, or an adverbial phrase (كما عبر، من جانبه عبر)."""
        tokens = self.blocks[b].tokens
        key, prev = tokens[t].key, _prev_word(tokens, t)
        glued = key[:1] in CONJUNCTIONS_WAW_FA and key[1:] in self.lexicon.clause_forms
        return glued and (t == 0 or not tokens[t - 1].is_word) or prev is None or not tokens[t - 1].is_word \
            or prev.key in CLAUSE_OPENERS or prev.key in CLAUSE_ADVERBS or prev.key in ADVERBIAL_HEADS

    def verb_candidate(self, b: int, t: int, entry: CueEntry, conj: str) -> Optional[_Candidate]:
        """``verb_reading``; where it finds nothing, a verb of holding reads its object and what the object is
        held to be (``Q-PREDICATE-OBJECT``: واعتبر السودان تشكيل المجلس خطوة مهمة), so that its other readings
        keep their speaker phrase whole."""
        plain = self.verb_reading(b, t, entry, conj)
        if plain is not None or not self.predicate_object(entry):
            return plain
        held = self.verb_reading(b, t, replace(entry, complements=(*entry.complements, "obj")), conj)
        if held is None or held.method != "obj" or not self.active_holding(b, held):
            return None
        held.rules += ("Q-PREDICATE-OBJECT",)
        return held

    def verb_reading(self, b: int, t: int, entry: CueEntry, conj: str) -> Optional[_Candidate]:
        """The candidate of the cue verb or participle at ``t`` (``conj``: its و/ف/لـ prefix), or None.

        The checks run in this order; each early return decides before the later, more
        general readings get a chance:

        1. after a relative (الذي أكد، ما قاله): the relative clause's own reading
           (``relative_candidate``), which knows whose words they are;
        2. after an attribution word (حسبما أعلنت): None, the attribution phrase owns it;
        3. after كما: a postposed cue closing its sentence (…، كما أعلنت الشرطة.) attributes
           the clause before; otherwise the ordinary reading goes on;
        4. a participle reports only as a continuation (، مؤكدا أن), right before speech
           or with its own preposition: otherwise None;
        5. a verb's speaker, from the most to the least specific: a pluperfect subject
           (وكان X قد قال), the topic of أما before a فـ-verb, the subject before the verb
           (SVO), a list (كل من X و Y) or a bracketed name, the noun phrase after the verb
           (VSO, with an apposed name, coordinated speakers and a relayed source); an
           impersonal present (يذكر أن) without any is None. An anaphoric object (أعلن ذلك
           X) points back instead (``back_reference``). A bare weak past inside a clause is
           its verbal noun (لغة طلب): None;
        6. vetoes on the speaker: scripture (قال الله) and evidence for a weak cue (أظهرت
           اللقطات) are no source: None;
        7. a purpose verb without a speaker (ليقول) takes its clause's subject;
        8. the content (``complement_candidate``), else for a dropped subject after و/ف the
           continuation of the same speaker (وأضاف …); an ambiguous form (بين) counts only
           with أن right after it; a verdict (أكدت المحكمة إدانته) is None;
        9. the speaker, first token and clause boundary go on the candidate.
        """
        tokens = self.blocks[b].tokens
        if self.response_adverbial(b, t):
            return None  # قال فوتيل، ردا على سؤال …، إنه: a reason, not a report of its own
        described = self.described_candidate(b, t, entry, conj)
        if described is not None:
            return described  # ووصف خطة ترامب بأنها "صفعة العصر" (Q-DESCRIBED-AS)
        prev = _prev_word(tokens, t)
        carried = prev is not None and prev.key in PRONOUN_CARRIERS
        opens_clause = bool(conj) or carried or prev is None or not prev.is_word or prev.key in CLAUSE_OPENERS
        adverbial = None if opens_clause or entry.kind != "verb" else self.clause_adverbial_start(b, t)
        opens_clause = opens_clause or adverbial is not None  # ، وفي هذا الصدد أكد الملك: a clause of its own
        if prev is not None and prev.key in INFERENCE_OPENERS and entry.kind == "verb" and entry.tense == "present" \
                and rule_on("Q-INFERENCE-CLAUSE"):
            return None  # ارتفع اليورو، بما يشير إلى أن: what the fact implies, no source's words
        if prev is not None and prev.key in RELATIVES and entry.kind == "verb":
            return self.relative_candidate(b, t, entry)
        if prev is not None and _strip_conj(prev.key) in self.lexicon.attribution_words:
            return None  # حسبما أعلنت: not a report of its own
        if prev is not None and prev.key == AS_WORD and entry.kind == "verb":
            postposed = self.postposed_candidate(b, t, entry)
            if postposed is not None:
                return postposed
        framed = False  # Q-PARTICIPLE-FRAME: licensed by the frame after it alone
        if entry.kind == "participle" and not (
            opens_clause or prev.text in ALL_MARKS or self.introduces_speech(b, t + 1) or self.takes_own_preposition(b, t, entry)
        ):
            framed = self.participle_frame_follows(b, t, entry)
            if not framed:
                return None  # a participle reports only as a continuation: ، مؤكدا أن
        speaker: Optional[tuple[int, int]] = None
        start_token = t
        after = t + 1
        apposed, host, faqad, pluperfect, adverb_first = False, None, False, None, False
        own_object = act_first = oblique = False
        if entry.kind == "verb":
            splits = entry.addressee or "obj" in entry.complements
            after = self.skip_addressee(b, t + 1)
            after = self.skip_adverb_before_subject(b, after)
            pointing = after < len(tokens) and tokens[after].key in ANAPHORIC_OBJECTS
            if pointing and tokens[after].key[:1] == "ب" and after + 1 < len(tokens) and _is_definite(tokens[after + 1].key):
                pointing, after = False, after + 2  # وقال بهذا الخصوص: "in this regard", an adverb
            if pointing and self.demonstrative_object(b, after):
                return None  # وكان المتحدث قد أورد هذا الزعم: "this claim" is the object, what it was is told before
            if pointing:  # أعلن ذلك الوزير: "that" is the object, the subject follows it
                after += 1
            listed = self.speaker_list(b, after, len(tokens)) or self.parenthesised_name(b, after)
            if listed:
                np_end = listed[1]
            elif self.opens_with_complement(b, after, entry) or self.circumstantial_at(b, after):
                np_end = after  # أشادت بكلمة الدوق، دعت إليه: the subject is dropped
            else:
                takes_ba = "ب" in entry.complements or entry.lemma in BA_OBJECT_LEMMAS  # أشاد مسؤول | بالحكومة
                np_end = self.speaker_forward(b, after, len(tokens), split_object=splits, ba_complement=takes_ba)
            own_object = bool(conj) and np_end > after and self.owned_object(b, entry, after)
            if own_object:  # واتهم خصومه بـ: the phrase is the object, the subject is dropped
                np_end = after
            oblique = not own_object and np_end > after and self.oblique_object(b, after)
            if oblique:  # ودعت المقاطعين إلى: the oblique plural is the object, the subject is dropped
                np_end = after
            act_first = not own_object and np_end > after and after == t + 1 and self.act_object_first(b, entry, after)
            if act_first:  # وأعلن انسحابه من السباق، وأعلن اكتمال الاستعدادات: the act is the object
                np_end = after
                self.acts_first.add((b, after))
            if np_end == after:
                np_end = after = t + 1
            objected = np_end > after == t + 2 and (splits or "obj" in entry.complements)  # اتهمت فيه النظام السوري
            host = None if conj or carried or (np_end != t + 1 and not objected) else self.host_subject(b, t, objected)
            if host is not None and objected:
                np_end = after  # the phrase after فيه is the object, not a second subject
            issuerless = (b, t) in self.issuerless_hosts
            subject = None if conj or carried or host or issuerless else self.subject_backward(b, t)
            adverb_first = subject is not None and np_end > t + 1 and self.adverb_before_source(b, subject, t, after, np_end)
            if adverb_first:
                subject = None  # ميدانيا أعلن مصدر أمني: the source after the verb is its subject
            if subject is None and (b, t) in self.auxiliaries_before:
                np_end = after = t + 1  # أخذ يروي للصحيفة عدة وقائع: the subject went before, the rest is the report
            pluperfect = None if conj or carried or host or issuerless else (
                self.pluperfect_subject(b, t) if np_end == t + 1 else self.pluperfect_before_object(b, t))
            faqad = conj != "ف" and t > 0 and tokens[t - 1].key == "فقد" and rule_on("S-TOPIC-FAQAD")
            if pluperfect is None and (conj == "ف" or faqad):
                pluperfect = self.topic_subject(b, t)  # the noun after the verb is then its object
                faqad = faqad and pluperfect is not None
            if host is not None:  # وأصدرت الوزارة بيانا قالت فيه إن: the statement's issuer
                speaker, start_token = host, host[0]
            elif pluperfect is not None:
                speaker, start_token = pluperfect, pluperfect[0]
            elif subject is not None and (np_end == t + 1 or not opens_clause or tokens[t - 1].text in COMMAS):
                # ترامب، أعلن انسحاب …: a named subject set off before the verb (S-COMMA-SUBJECT)
                # leaves the words after the verb to the content
                speaker, start_token = (subject, self.aside_ends.get((b, subject), t)), subject  # S-RELATIVE-ASIDE ends it at its aside
            elif listed:
                speaker, after = listed, np_end
            elif np_end > after:
                head_end, np_end = np_end, self.apposed_name(b, (after, np_end), len(tokens))
                apposed = np_end > head_end and self.span_cuts.get((b, np_end)) != "S-APPOSED-TITLES"
                np_end = self._coordinated(b, np_end, len(tokens))
                speaker, after = (after, np_end), np_end
                relayed = self.relayed_source(b, np_end)
                if relayed is not None:  # ذكرت الوكالة نقلا عن المصدر أن: the source speaks
                    speaker, after = relayed, relayed[1]
            elif entry.impersonal_present and entry.tense == "present" and entry.gender != "f" and not carried:
                # يُتوقع أن "it is expected" is masculine; تتوقع أن has a dropped feminine subject
                return None  # ويذكر أن / ويتوقع أن: "it is said", no speaker
            if pointing and speaker is not None:
                # أعلن ذلك الوزير: what "that" points back to is the clause or sentence before
                back = self.back_reference(b, t, t, entry, speaker)
                if back is None:
                    self.loose_agents.append((b, speaker, entry))
                return back
            if subject is None and not opens_clause and not issuerless and _is_verbal_noun_form(entry) and not _is_stop(prev) \
                    and not self.verb_after_adverbial(b, prev, speaker):
                return None  # هي لغة طلب متنمر: the noun طلب, not the verb
        elif entry.kind == "participle" and t + 1 < len(tokens) and tokens[t + 1].text == ":":
            after = t + 1
        if speaker is not None and tokens[speaker[0]].key in self.lexicon.scripture_speakers:
            return None  # قال الله تعالى: scripture cited inside someone's words
        data_shown = False
        if speaker is not None and entry.strength < 1.0 and self.is_evidence(b, speaker[0]):
            data_shown = self.data_shows(b, entry, speaker[0])
            if not data_shown:
                return None  # أظهرت اللقطات أن، ينص القانون على: evidence or a rule, not a source's words
        if speaker is None and conj.endswith(PURPOSE_PREFIX):
            speaker = self.purpose_subject(b, t)
        candidate = self.complement_candidate(b, t, entry, after)
        if candidate is None and data_shown and rule_on("Q-DATA-OBJECT"):
            candidate = self.data_object(b, t, entry, after, speaker)  # أظهرت بيانات رسمية | ارتفاع التضخم
        if candidate is None and speaker is None and conj:
            candidate = self.continuation_candidate(b, t, entry)
        if candidate is None and speaker is not None and conj and self.no_subject(b, speaker):
            # وأضاف بلغ حجم الانخفاض 3 مليارات: no subject after the verb, the speaker's words go on
            candidate = self.continuation_candidate(b, t, entry)
            if candidate is not None:
                speaker = None
                candidate.rules += ("Q-CONTINUATION-CLAUSE",)
        run = entry.ambiguous and candidate is not None and candidate.method == "that" \
            and _opens_own_clause(prev, adverbial is not None) \
            and not self.follows_at_once(b, after, candidate) and self.speaker_runs_to_that(b, t, speaker, candidate)
        if candidate is None or (entry.ambiguous and (candidate.method != "that" or not (run or self.follows_at_once(b, after, candidate)))):
            return None  # بين (3000 - 5250) ريالا على أن: "between", unless أن follows at once
        if run:
            candidate.rules += ("Q-AMBIGUOUS-SPEAKER-RUN",)
        if entry.ambiguous and candidate.content_start == after + 2:
            candidate.rules += ("Q-AMBIGUOUS-COMMA",)
        if speaker is not None and entry.lemma in self.lexicon.verdict_cues and (
            candidate.method not in ("that", "quote", "colon") or candidate.content_start > after + 2
        ) and (
            _strip_noun(tokens[speaker[0]].key) in self.lexicon.verdict_subjects
            or tokens[speaker[0]].key in self.lexicon.verdict_subjects
        ):
            return None  # أكدت المحكمة إدانته: a court upholding a ruling
        if entry.kind == "verb" and candidate.method in ("prep", "obj") and self.negated_report(prev, _prev_word(tokens, t - 1)):
            return None  # ولم تكشف الشركة عن عدد السيارات: a report that nothing was told
        if entry.kind == "verb" and candidate.method == "that" and self.negated_past_report(prev):
            return None  # ولم يوضح الخبر نوع العقار، … أنه: what was not said
        if entry.kind == "verb" and (conj or carried) and speaker is not None and speaker[0] > t \
                and candidate.method != "obj" and self.object_names_no_source(b, entry, speaker, candidate):
            speaker = None  # وطالب المجتمع الدولي بـ: the object, the subject is dropped
            candidate.rules += ("S-OBJECT-NO-SOURCE",)
        candidate.speaker = speaker
        candidate.start_token = start_token
        if entry.kind == "verb" and own_object:
            candidate.rules += ("S-OWN-OBJECT",)
        if oblique:
            candidate.rules += ("S-OBLIQUE-OBJECT",)
        if entry.kind == "verb" and act_first and candidate.method == "obj" and candidate.content_start == t + 1 and (
            speaker is None or (opens_clause and speaker[1] == t and tokens[t - 1].text not in COMMAS)
        ):
            candidate.rules += ("Q-ACT-OBJECT-FIRST",)  # not on مصر تعلن اكتشاف …, read so before
        fronted = speaker is not None and (b, speaker[0]) in self.apposed_fronted  # وكان رئيس المجمع، الكاردينال …، قد قال
        if entry.kind == "verb" and (apposed or fronted):
            candidate.rules += ("S-APPOSED-NAME",)
            if (b, speaker[1] if fronted else after) in self.ranked_appositions:
                candidate.rules += ("S-APPOSED-RANK",)  # ، العقيد الركن صادق دويد،
        if data_shown:
            candidate.rules += ("Q-DATA-SHOWS",)  # أظهرت بيانات رسمية أن: the data report
            issuer = self.data_issuer(b, speaker[0], len(tokens))
            if issuer is not None:
                candidate.speaker = issuer  # كشفت بيانات للشرطة أن: the phrase runs on to the body that issued them
                candidate.rules += ("S-DATA-ISSUER",)
        if host is not None or (b, t) in self.issuerless_hosts:
            candidate.rules += (self.host_rules.get((b, t), "S-HOST-ISSUER"),)  # وأصدرت الوزارة بيانا قالت فيه: the issuer speaks
        if speaker is not None and speaker[1] == t and tokens[t - 1].text in COMMAS:
            candidate.rules += ("S-COMMA-SUBJECT",)  # ترامب، أعلن: the name before the comma
            if (b, speaker[0]) in self.apposed_descriptions:
                candidate.rules += ("S-APPOSED-DESCRIPTION",)  # وكانت النائبة …، تمار زندبيرج، صرحت
        if (b, t) in self.adjuncts_before:
            candidate.rules += ("S-ADJUNCT-BEFORE-VERB",)  # ولتوضيح هذا قال كومار: not the words before
        if speaker is not None and (b, speaker[0]) in self.comma_asides and speaker[0] < t:
            candidate.rules += ("S-COMMA-ASIDE",)  # طارق العريان، زوج أصالة، كان أعلن
        if (b, t) in self.relative_asides and speaker is not None:
            candidate.rules += ("S-RELATIVE-ASIDE",)  # البروفيسور أرون روث، الذي يدرس …، أكد
        if (b, t) in self.fronted_complements and speaker is not None:
            candidate.rules += ("S-FRONTED-COMPLEMENT",)  # مصادر في المقاومة الشعبية بعدن أكدت
        if (b, t) in self.bracketed_subjects and speaker is not None:
            candidate.rules += ("S-BRACKETED-ACRONYM",)  # اتحاد الصناعة البريطاني (CBI) قال
        if (b, t) in self.accusatives_before and speaker is None:
            candidate.rules += ("S-ACCUSATIVE-NOT-SUBJECT",)  # هل كان مفاجئا قال: not the accusative
        if faqad and speaker is not None:
            candidate.rules += ("S-TOPIC-FAQAD",)  # أما وزير الخارجية فقد قال: the topic speaks
        if any((b, k) in self.side_adverbs for k in range(t + 1, min(after + 1, len(tokens)))):
            candidate.rules += ("S-SIDE-ADVERB",)  # ورأى من جهته بيل فريليك: the subject after the adverb
        if any((b, k) in self.manner_after_verb for k in range(t + 1, min(after + 1, len(tokens)))):
            candidate.rules += ("S-MANNER-ADVERB",)  # وقالت مازحة إن: no subject after the verb
        if adverbial is not None and start_token == t:
            candidate.start_token = adverbial  # the words before end at the adverbial, not at the verb
            candidate.rules += ("Q-ADVERBIAL-CLAUSE",)
            if self.bare_adverbial(b, adverbial, t):
                candidate.rules += ("Q-ADVERBIAL-CLAUSE-BARE",)  # من جانبه أعرب: no و before it
        if adverb_first and speaker is not None:
            candidate.rules += ("S-ADVERB-BEFORE-VERB",)
        if pluperfect is not None and speaker == pluperfect and np_end > t + 1:
            candidate.rules += ("S-PLUPERFECT-OBJECT",)  # وكان ترامب قد اتهم الصين بـ: الصين is the object
        if speaker is not None and (b, speaker[0]) in self.kana_verbs:
            candidate.rules += ("S-KANA-VERB",)  # وكان التحالف العسكري أعلن: كان's subject speaks
        if speaker is not None and speaker[0] < t and (b, t) in self.subjects_through_names:
            candidate.rules += ("S-NAME-THROUGH-STOP",)  # المديرية العامة للجوازات أعلنت: through للجوازات
        if speaker is not None and (b, speaker[0]) in self.fronted_pluperfects:
            candidate.rules += ("S-FRONTED-PLUPERFECT",)  # يذكر أن الحزب الحاكم كان قد أعلن: before كان
        if speaker is not None and (b, speaker[0]) in self.long_fronted:
            candidate.rules += ("S-LONG-FRONTED-SUBJECT",)  # وكان أمين العاصمة … الدكتور أسامة البار قد قال
        if (b, t) in self.auxiliaries_before:
            candidate.rules += ("S-AUXILIARY-VERB",)  # ومضى يقول: the speaker goes on
        if (b, t + 1) in self.addressee_pronouns:
            candidate.rules += ("S-ADDRESSEE-PRONOUN",)  # فقال لي إنها: not لي
        if (b, t + 1) in self.prepositional_adjuncts and (speaker is None or speaker[0] != t + 1):
            candidate.rules += ("S-PREPOSITIONAL-ADJUNCT",)  # وقال لزملائه إن: not لزملائه
        if framed:
            candidate.rules += ("Q-PARTICIPLE-FRAME",)  # … دقيقة مطالباً المستهلكين بعدم: no comma before it
        asides = dict.fromkeys(token.aside for token in tokens[t + 1 : max(t + 1, candidate.content_start)] if token.aside)
        candidate.rules += tuple(asides)  # قال مسؤول طلب عدم نشر اسمه إن; قال أحدهم، ويدعى جمال، إن
        candidate.boundary = opens_clause or entry.kind == "participle" or (
            speaker is not None and speaker[0] < t and self._opens_before(b, speaker[0])
        )
        return candidate

    def predicate_object(self, entry: CueEntry) -> bool:
        """``Q-PREDICATE-OBJECT``: a verb of holding (اعتبر, cues.json predicate_cues) in the past or as a participle
        takes a noun object and what it is held to be (واعتبر السودان تشكيل المجلس خطوة مهمة، معتبرا التطوير خطوة
        جيدة); not the present, mostly the passive "is considered" (يعتبر ميسي ضمن أعلى اللاعبين أجرا)."""
        return entry.lemma in self.lexicon.predicate_cues and entry.tense != "present" and "obj" not in entry.complements \
            and rule_on("Q-PREDICATE-OBJECT")

    def active_holding(self, b: int, candidate: _Candidate) -> bool:
        """``Q-PREDICATE-OBJECT`` reads the active verb: its subject, when written, names a source (not اعتُبر هذا
        الفعل عملا مخالفا), and its words open with no indefinite accusative, the predicate of the passive
        (وإذا كان تيلرسون اعتُبر صوتا معتدلا)."""
        tokens = self.blocks[b].tokens
        first = tokens[candidate.content_start]
        if len(first.key) > 3 and first.key.endswith("ا") and not _is_definite(first.key) \
                and self.mention_at(b, candidate.content_start) is None:
            return False
        speaker = candidate.speaker
        return speaker is None or self.names_source(b, speaker[0]) or self.is_source(b, *speaker)

    def held_candidate(self, b: int, t: int, entry: CueEntry) -> Optional[_Candidate]:
        """``Q-PREDICATE-OBJECT`` with the object as a pronoun (واعتبره البعض موقفا لئيما): the source follows the
        verb and what the pronoun is held to be follows the source, as after a relative (Q-RELATIVE-OBJECT)."""
        tokens = self.blocks[b].tokens
        np_end = self.speaker_forward(b, t + 1, len(tokens))
        if np_end <= t + 1 or not (self.names_source(b, t + 1) or self.is_source(b, t + 1, np_end)):
            return None
        np_end = self.predicate_subject_end(b, t + 1, np_end)
        if np_end >= len(tokens) or not tokens[np_end].is_word or _is_stop(tokens[np_end]):
            return None
        candidate = _Candidate(b, (t, t + 1), entry, "obj", np_end)
        candidate.speaker = (t + 1, np_end)
        candidate.rules += ("Q-PREDICATE-OBJECT",)
        return candidate

    def data_object(self, b: int, t: int, entry: CueEntry, after: int, subject: tuple[int, int]) -> Optional[_Candidate]:
        """``Q-DATA-OBJECT``: what data show may be a noun object instead of a that-clause (أظهرت بيانات رسمية
        اليوم الخميس، ارتفاع معدل التضخم): the object is the words; not when the subject phrase runs on over more
        words than a tagged name and a few of its own (أظهرت النتائج تجاوز رصيد الاستثمار …: the object is in it)."""
        untagged = sum(1 for k in range(*subject) if self.blocks[b].tokens[k].is_word and self.mention_at(b, k) is None)
        if untagged > MAX_DATA_SUBJECT_WORDS:
            return None
        candidate = self.complement_candidate(b, t, replace(entry, complements=(*entry.complements, "obj")), after)
        if candidate is not None and candidate.method == "obj":
            candidate.rules += ("Q-DATA-OBJECT",)
            return candidate
        return None

    def data_shows(self, b: int, entry: CueEntry, subject: int) -> bool:
        """``Q-DATA-SHOWS``: data, figures or findings (بيانات، أرقام، نتائج) as the subject of a verb of showing
        (أظهرت بيانات رسمية أن، كشفت أرقام حديثة عن) report what they show; sight evidence (أظهرت اللقطات) does
        not. Data: cues.json data_subjects."""
        key = self.blocks[b].tokens[subject].key
        return rule_on("Q-DATA-SHOWS") and entry.lemma in self.lexicon.data_cues \
            and (key in self.lexicon.data_subjects or _strip_noun(key) in self.lexicon.data_subjects)

    @staticmethod
    def negated_report(prev: Optional[_Token], before: Optional[_Token] = None) -> bool:
        """``Q-NEGATED-REPORT``: a negative particle right before the cue verb (ولم تكشف، لم يعلن، لا تعترف), or
        two words that negate it (، دون أن يعلن عن التفاصيل): with a preposition or object complement it tells
        that nothing was said. Data: function_words.json report_negators, report_negator_pairs."""
        if prev is None or not rule_on("Q-NEGATED-REPORT"):
            return False
        return prev.key in REPORT_NEGATORS or (before is not None and (before.key, prev.key) in REPORT_NEGATOR_PAIRS)

    @staticmethod
    def negated_past_report(prev: Optional[_Token]) -> bool:
        """``Q-NEGATED-PAST-THAT``: لم right before the cue verb negates a that-clause too (ولم يُعلن بعد عن أسباب
        المنع، غير أن؛ لم تعتبر أن): the words are what was not said. Data: function_words.json past_report_negators."""
        return prev is not None and rule_on("Q-NEGATED-PAST-THAT") and prev.key in PAST_REPORT_NEGATORS

    def loose_source(self, b: int, span: tuple[int, int]) -> bool:
        """``S-LOOSE-SOURCE``: the words after a verb that reported nothing can be its subject unless they
        are a common noun in construct or with a possessive pronoun that no name, source or document
        heads (وشرح جهود المركز، وأكد وجود أي مخطط، وتناول أفكاره): the verb's object."""
        start, end = span
        if self.names_source(b, start) or self.names_document(b, start):
            return True
        if any(self.mention_at(b, k) is not None for k in range(start, end)):
            return True
        keys = [tok.key for tok in self.blocks[b].tokens[start:end] if tok.is_word]
        if len(keys) == 1 and self.honorific_pronoun_at(b, start):
            return True  # وأدان معاليه: an honorific pronoun subject, not a possessed object (S-SPAN-PRONOUN)
        return not (_possessed(keys[0]) or _in_construct(keys))

    def object_first(self, b: int, t: int) -> bool:
        """``S-OBJECT-FIRST``: وتمنى | له دوام النجاح، وطلبت | ألا تتحدث: a preposition with a pronoun, a
        complementiser or another function word right after a verb starts its complement; the subject is
        dropped (the speaker goes on), so the words are no subject for a later "she"."""
        token = self.blocks[b].tokens[t]
        if not rule_on("S-OBJECT-FIRST"):
            return False
        # ألا / إلا share their matching form with a narrator's contrast
        return bool(PREPOSITION_PRONOUN_RE.match(token.key)) or token.key in COMPLEMENTISERS or _is_stop(token) \
            or token.key in NARRATOR_CONTRASTS

    def follows_at_once(self, b: int, after: int, candidate: _Candidate) -> bool:
        """The complementiser comes right after the speaker, or after the comma that closes it
        (``Q-AMBIGUOUS-COMMA``: وبيّن المسؤول الحكومي الأردني، أن)."""
        if candidate.content_start == after + 1:
            return True
        tokens = self.blocks[b].tokens
        return rule_on("Q-AMBIGUOUS-COMMA") and candidate.content_start == after + 2 and after > 0 \
            and tokens[after].text in COMMAS and tokens[after - 1].is_word

    def speaker_runs_to_that(self, b: int, t: int, speaker: Optional[tuple[int, int]], candidate: _Candidate) -> bool:
        """An ambiguous form opening its clause with its subject right after it reports when only words and
        commas run on to its أن (وبين الدكتور كمال عثمان خلال حديثه أن): the speaker's phrase and its asides.
        Not a second noun joined by و (بين الحكومة والمعارضة: "between") nor a figure (Q-AMBIGUOUS-SPEAKER-RUN)."""
        if not rule_on("Q-AMBIGUOUS-SPEAKER-RUN") or speaker is None or speaker[0] != t + 1:
            return False
        that = candidate.content_start - 1
        if that - t - 1 > MAX_AMBIGUOUS_RUN_WORDS:
            return False
        tokens = self.blocks[b].tokens
        if all(token.text in COMMAS for token in tokens[speaker[1]:that]):
            return False  # the speaker and at most its closing comma: Q-AMBIGUOUS-COMMA's reading
        return all(_speaker_run_token(token) for token in tokens[t + 1:that])

    def owned_object(self, b: int, entry: CueEntry, first: int) -> bool:
        """واتهم خصومه بـ، وأبلغ نظيره أن: after و/ف, a noun whose possessive pronoun points back at
        the dropped subject is the object of a verb that takes one (S-OWN-OBJECT), not its subject."""
        if not entry.addressee or not rule_on("S-OWN-OBJECT"):
            return False
        token = self.blocks[b].tokens[first]
        return token.is_word and _possessed(token.text) and self.mention_at(b, first) is None

    def object_names_no_source(self, b: int, entry: CueEntry, span: tuple[int, int], candidate: _Candidate) -> bool:
        """``S-OBJECT-NO-SOURCE``: after و/ف or a pronoun carrier, the words between a verb that takes an object
        and what it reports right after them (وطالب المجتمع الدولي | بالاضطلاع، ودعت جميع اليمنيين | إلى) are its
        object when they open with a definite word or a quantifier (before a quotation only a quantifier: ووصف أي
        طرح سياسي «…») and name no source: no tagged or listed name, no word that may be a subject."""
        if not rule_on("S-OBJECT-NO-SOURCE") or not (entry.addressee or "obj" in entry.complements):
            return False
        start, end = span
        tokens = self.blocks[b].tokens
        if any(tok.is_word for tok in tokens[end:candidate.content_start]):
            return False  # the words go on past the phrase: it may be a subject with more after it
        if any(self.mention_at(b, u) is not None for u in range(start, end)):
            return False
        keys = [tok.key for tok in tokens[start:end] if tok.is_word]
        if not keys or not (_is_definite(keys[0]) or keys[0] in OBJECT_QUANTIFIERS) or self.names_source(b, start):
            return False  # لائحة الدعوى، عيارة: a construct head or a bare word may well be the subject
        if candidate.method == "quote" and keys[0] not in OBJECT_QUANTIFIERS:
            return False  # وطالبت الفرقة «الإخوة …»: a definite word before a quotation is most often who speaks
        if keys[0] in gazetteer_words() or keys[0] in self.name_words:
            return False  # a listed place or body the tagger missed here (الولايات المتحدة), or a word it tagged elsewhere
        return not any(self.may_be_subject(k) for k in keys)

    def may_be_subject(self, key: str) -> bool:
        """A word that may head or be a subject: a source or document head, a quantity (الكثير), a complete
        subject (البعض), a relative that describes one (التي), a nominative plural or dual (المحتجون، ممثلو،
        الممثلتان)."""
        stem = _strip_noun(key)
        if stem.endswith("ات") and len(stem) > 4:
            stem = stem[:-2] + "ه"  # المنظمات: a plural of a listed head (منظمة)
        if key in COMPLETE_SUBJECTS or key in SUBJECT_RELATIVES or key in PARTITIVE_HEADS or stem in DOCUMENT_HEADS:
            return True
        return key.endswith(("ون", "ان")) or (key.endswith("و") and len(key) > 4) \
            or any(key in words or stem in words for words in self.lexicon.heads.values())

    def oblique_object(self, b: int, first: int) -> bool:
        """``S-OBLIQUE-OBJECT``: right after a verb, a definite plural or dual in the oblique case (حذرت
        المواطنين، طالب اللاعبين) is its object, never its subject; not a word of the article's names."""
        token = self.blocks[b].tokens[first]
        return rule_on("S-OBLIQUE-OBJECT") and token.is_word and token.region < 0 and _is_oblique_plural(token.key) \
            and self.mention_at(b, first) is None and token.key not in self.name_words

    def agent_object_start(self, b: int, start: int, end: int) -> int:
        """``S-AGENT-OBJECT``: where the object of a verb that reported nothing starts inside the phrase after it
        (else ``end``): after a complete subject (a definite word or a tagged name's end), a demonstrative
        (ورأت الممثلة | هذا النموذج) or an untagged indefinite accusative or statement noun (كتبت الممثلة |
        تغريدة، ونشرت الفنانة دنيا غانم | صورا), which no adjective of a definite subject can be; after a bare
        plural in ون, a definite word (واعتبر محللون | القرار سابقة)."""
        tokens = self.blocks[b].tokens
        if not rule_on("S-AGENT-OBJECT"):
            return end
        for i in range(start + 1, end):
            prev, token = tokens[i - 1], tokens[i]
            if not (prev.is_word and token.is_word) or token.region >= 0 or self.mention_at(b, i) is not None:
                continue
            if _is_indefinite_plural(prev.key) and _is_definite(token.key):
                return i  # واعتبر محللون | القرار: no definite word describes or owns a bare plural in ون
            previous = self.mention_at(b, i - 1)
            if not (_is_definite(prev.key) or previous is not None and previous.end <= token.start):
                continue  # a construct head (حكومة رئيس الوزراء) or a name going on
            if token.key in DEMONSTRATIVES or not _is_definite(token.key) and token.key not in self.name_words and (
                    token.key in self.lexicon.statement_frames or len(token.key) > 3 and token.key.endswith("ا")):
                return i
        return end

    def act_object_first(self, b: int, entry: CueEntry, first: int) -> bool:
        """``Q-ACT-OBJECT-FIRST``: right after a cue that takes an object or a proposition (أعلن، أكد), a
        derived verbal noun without the article (وأعلن اكتمال الاستعدادات، أعلنت إنهاء صراع) or a verbal or
        proposition noun carrying its owner's pronoun (وأعلن انسحابه، وأكد اعتزازه) is the object: the subject is
        dropped. Not a name the tagger found, a source head (اتحاد، استطلاع) nor a quoted word."""
        if not rule_on("Q-ACT-OBJECT-FIRST") or not ("obj" in entry.complements or "prop" in entry.complements):
            return False
        tokens = self.blocks[b].tokens
        token = tokens[first]
        if not token.is_word or token.region >= 0 or self.mention_at(b, first) is not None or _is_definite(token.key):
            return False
        if any(_strip_noun(token.key) in words or token.key in words for words in self.lexicon.heads.values()):
            return False
        # an owned proposition noun (وأكد حرصه) is read as Q-OWNED-PROPOSITION reads one after a subject
        return is_verbal_noun(token.text) or (rule_on("Q-OWNED-PROPOSITION") and self.owned_act(token))

    def verbal_noun_object(self, b: int, first: int) -> bool:
        """``S-VERBAL-NOUN-OBJECT``: after و/ف, a derived verbal noun right after a cue that reports
        nothing (ورفض الإفصاح عن تشكيلته) is its object, not a subject for the dropped subjects after
        it. Not a name the tagger found, nor a source head (استطلاع). Only there: after a cue that
        reports, such a noun is too often a thing that speaks (وكشف الإعلان الخاص، وينص اقتراح القانون)."""
        token = self.blocks[b].tokens[first]
        return rule_on("S-VERBAL-NOUN-OBJECT") and token.is_word and is_verbal_noun(token.text) \
            and self.mention_at(b, first) is None \
            and not any(_strip_noun(token.key) in words or token.key in words for words in self.lexicon.heads.values())

    def relative_candidate(self, b: int, t: int, entry: CueEntry) -> Optional[_Candidate]:
        """الحكومة، التي تؤكد أن / ما كتب فلان "...": a relative clause that reports words.

        Only a that-clause, a colon or a quotation counts (الهدنة التي دعا إليها
        reports nothing). The speaker is the noun phrase after the verb, else the
        one the relative pronoun refers to.
        """
        tokens = self.blocks[b].tokens
        # التي أعلن عنها الجيش: the pronoun pointing back comes before the subject
        first = t + 2 if t + 2 < len(tokens) and PREPOSITION_PRONOUN_RE.match(tokens[t + 1].key) else t + 1
        # الذي طالب بإحالة الحكم: the preposition opens the complement, no subject after the verb
        complement_first = first == t + 1 and self.opens_with_complement(b, first, entry) and rule_on("Q-RELATIVE-PREP")
        np_end = first if complement_first else self.speaker_forward(b, first, len(tokens))
        np_end = t + 1 if np_end == first else np_end
        candidate = self.complement_candidate(b, t, entry, np_end)
        if candidate is not None and complement_first:
            candidate.rules += ("Q-RELATIVE-PREP",)
        dated = self.time_relative_start(b, t)
        if dated is not None and candidate is not None and candidate.method in ("that", "prep", "quote", "colon") \
                and not entry.ambiguous:
            candidate.speaker = (first, np_end) if np_end > first else None
            candidate.start_token, candidate.boundary = dated, True  # the words before end at في الوقت
            candidate.rules += ("Q-TIME-RELATIVE",)
            return candidate
        reported_prep = candidate is not None and candidate.method == "prep" \
            and self.relative_subject_prep(b, t, entry, first, np_end)
        if reported_prep:
            candidate.rules = tuple(dict.fromkeys(candidate.rules + ("Q-RELATIVE-PREP",)))
        elif candidate is None or candidate.method not in ("that", "quote", "colon") or entry.ambiguous:
            pointer = t - 2
            # وهذا ما أكده المتحدث.: the clause before is what he confirmed
            if candidate is None and entry.kind == "verb" and not entry.ambiguous and np_end > t + 1 and pointer >= 0 \
                    and tokens[t - 1].key == "ما" and tokens[pointer].key in BACK_POINTERS:
                return self.back_reference(b, pointer, t, entry, (t + 1, np_end))
            return None
        if np_end > t + 1 and not self.relative_is_subject(b, t, entry, np_end):
            candidate.speaker = (first, np_end)
        else:
            relative = t - 1
            head = relative - 1 if relative > 0 and tokens[relative - 1].text in COMMAS else relative
            start = self.subject_backward(b, head)
            if start is None:  # ورفضت الحكومة، التي: the noun phrase after a verb
                start = head
                while start > 0 and head - start < MAX_NAME_WORDS and tokens[start - 1].is_word \
                        and not _is_stop(tokens[start - 1]) and not _is_cue_token(tokens[start - 1]) \
                        and lookup_cue(_strip_object(tokens[start - 1].key))[0] is None:  # تنفيها الحكومة
                    start -= 1
            if start >= head or tokens[relative].key == "ما":
                return None
            apposed = self.apposed_antecedent(b, start, head)
            candidate.speaker = apposed or (start, head)
            if apposed:
                candidate.rules += ("S-APPOSED-ANTECEDENT",)  # بن ليبرتون، الخبير في …، الذي يحذر
        if reported_prep and not self.antecedent_names_source(b, *candidate.speaker):
            return None  # الأمر الذي يشير إلى، مقالات الفقي التي تكشف عن: a fact or thing, no source
        candidate.start_token = t
        # "، التي تؤكد أن" starts a report of its own; without the comma it is part of the clause
        candidate.boundary = tokens[t - 2].text in COMMAS if t > 1 else False
        return candidate

    def antecedent_names_source(self, b: int, start: int, end: int) -> bool:
        """The antecedent phrase opens with a name (تيلرسون في أنقرة) or holds a source's head word (مدير عام
        مستشفى عفرين، حليفها وزير الداخلية); a name owned by a thing (مقالات الفقي) is no source."""
        tokens, heads = self.blocks[b].tokens, self.lexicon.heads
        return self.mention_at(b, start) is not None or any(
            tokens[k].key in heads[kind] or _strip_noun(tokens[k].key) in heads[kind]
            for k in range(start, end) for kind in SOURCE_KINDS)

    def relative_subject_prep(self, b: int, t: int, entry: CueEntry, first: int, np_end: int) -> bool:
        """``Q-RELATIVE-PREP``: the relative is the cue verb's own subject (no subject after the verb, no pronoun
        pointing back on its preposition) and the preposition follows the verb at once (مدير المستشفى الذي أشار
        إلى تعرض أشخاص …، التي أشارت إلى مقتل طاقمها): its words are reported as in a main clause; not الهدنة التي
        دعا إليها, whose preposition holds the antecedent."""
        return entry.kind == "verb" and not entry.ambiguous and first == t + 1 and np_end == t + 1 \
            and entry.lemma not in RELATIVE_PASSIVE_LEMMAS and rule_on("Q-RELATIVE-PREP")

    def time_relative_start(self, b: int, t: int) -> Optional[int]:
        """``Q-TIME-RELATIVE``: the first token of "(في) الوقت الذي" right before the cue at ``t`` (a time noun of
        time_words.json time_antecedents, a subject relative, maybe a preposition before them): the clause is
        no description of the time but a report with its own subject after the verb (في الوقت الذي دعا فيه
        الرئيس إلى السلام), and the words before it end there; else None."""
        tokens = self.blocks[b].tokens
        if t < 2 or tokens[t - 1].key not in SUBJECT_RELATIVES or tokens[t - 2].key not in TIME_ANTECEDENTS \
                or not rule_on("Q-TIME-RELATIVE"):
            return None
        return t - 3 if t >= 3 and tokens[t - 3].key in PREPOSITIONS else t - 2

    def apposed_antecedent(self, b: int, start: int, head: int) -> Optional[tuple[int, int]]:
        """``S-APPOSED-ANTECEDENT``: a relative clause after a person's title set off by commas refers to the
        person named before the title (مثل بن ليبرتون، الخبير في علوم الأحياء الدقيقة، الذي يحذر): the name
        and its title speak, not the title's last words."""
        tokens = self.blocks[b].tokens
        heads = self.lexicon.heads["person"] | self.lexicon.heads["anonymous"]  # الوزير، الخبير، المسؤول
        if not rule_on("S-APPOSED-ANTECEDENT"):
            return None
        comma = next((k for k in range(start - 1, max(-1, head - MAX_APPOSITION_GAP), -1) if tokens[k].text in COMMAS), None)
        if comma is None or comma < 1 or comma + 1 >= head:
            return None
        title = tokens[comma + 1].key
        if not (title in heads or _strip_noun(title) in heads):
            return None
        mention = self.mention_at(b, comma - 1)
        if mention is None or mention.label != "PER":
            return None
        first = comma - 1
        while first > 0 and self.mention_at(b, first - 1) is mention:
            first -= 1
        return first, head

    def relative_is_subject(self, b: int, t: int, entry: CueEntry, np_end: int) -> bool:
        """القس كوري الذي لفت الأنظار: "…", سكودامور، الذي اقترح الفكرة، إنها: the relative is the
        verb's subject and the noun after the verb its object, when the verb carries no pronoun
        pointing back (الذي أعلنه، التي قال فيها) and no أن follows that noun (الذي قال الوزير إنه)."""
        tokens = self.blocks[b].tokens
        if tokens[t - 1].key not in SUBJECT_RELATIVES or tokens[t].key != entry.form:
            return False
        if PREPOSITION_PRONOUN_RE.match(tokens[t + 1].key):
            return False
        return np_end >= len(tokens) or tokens[np_end].key not in COMPLEMENTISERS

    def postposed_candidate(self, b: int, t: int, entry: CueEntry) -> Optional[_Candidate]:
        """"…، كما أعلنت الشرطة.": a cue after كما that closes its sentence attributes the clause
        before it; "، كما قال الوزير إن" (he also said that) goes on with words of its own."""
        tokens = self.blocks[b].tokens
        comma = t - 2
        if comma < 1 or tokens[comma].text not in COMMAS or "أن" not in entry.complements:
            return None  # …، كما حيا حارسه إيكر كاسياس: a verb that takes no that-clause reports no clause
        np_end = self.speaker_forward(b, t + 1, len(tokens))
        if np_end == t + 1 or not self.is_source(b, t + 1, np_end):
            return None
        kind, _ = self.scan_terminal(b, np_end, entry, MAX_PROPOSITION_GAP + 3)
        if kind != "end":
            return None  # كما قال مصدر أمني لـ«عكاظ» إن: his own words follow
        first = self.sentence_start(b, comma)
        if sum(tok.is_word for tok in tokens[first:comma]) < MIN_SPEECH_WORDS:
            return None
        candidate = _Candidate(b, (t, t + 1), entry, "attribution", first, content_end=comma)
        candidate.speaker = (t + 1, np_end)
        candidate.start_token = t
        candidate.boundary = False
        return candidate

    def apposed_mention_end(self, b: int, end: int) -> int:
        """``S-LOOSE-APPOSITION``: after a subject that ends on a comma, a person the tagger found within two
        words (علق وزير الخارجية البحريني، الشيخ خالد بن أحمد على صفحته) is the subject's name: the
        subject goes on to its end. Else ``end``."""
        tokens = self.blocks[b].tokens
        if not rule_on("S-LOOSE-APPOSITION") or end >= len(tokens) or tokens[end].text not in COMMAS:
            return end
        for u in range(end + 1, min(len(tokens), end + 3)):
            mention = self.mention_at(b, u)
            if mention is not None and mention.label == "PER":
                while u < len(tokens) and self.mention_at(b, u) is mention:
                    u += 1
                return u
            if not tokens[u].is_word:
                break
        return end

    def adverb_before_source(self, b: int, subject: int, t: int, after: int, np_end: int) -> bool:
        """``S-ADVERB-BEFORE-VERB``: one untagged word before a verb whose own subject after it names a
        source (ميدانيا أعلن مصدر أمني، محليا قالت الشرطة) is an adverb, not the subject: the verb has one."""
        tokens, heads = self.blocks[b].tokens, self.lexicon.heads
        if not rule_on("S-ADVERB-BEFORE-VERB") or t - subject != 1 or after != t + 1:
            return False
        word = tokens[subject]
        if self.mention_at(b, subject) is not None or _is_definite(word.key) or any(_strip_noun(word.key) in heads[k] for k in heads):
            return False  # الحكومة أعلنت، ترامب قال، الآلاف يطالبون نتنياهو: a name or a definite noun is the subject
        return self.is_source(b, after, np_end) and (self.mention_at(b, after) is not None
                                                    or any(_strip_noun(tokens[after].key) in heads[k] for k in heads))

    def clause_adverbial_start(self, b: int, t: int) -> Optional[int]:
        """``Q-ADVERBIAL-CLAUSE``: the first token of an adverbial phrase opening the cue's clause after a
        comma or sentence end, with و and a preposition or adverbial head (، وفي هذا الصدد أكد، ومن جهته،
        أكد، وبدوره قال): the cue opens a report of its own there; else None. At most
        ``MAX_CLAUSE_ADVERBIAL_WORDS`` words, none a relative, complementiser or cue."""
        tokens = self.blocks[b].tokens
        if not rule_on("Q-ADVERBIAL-CLAUSE"):
            return None
        end = t - 1 if t > 1 and tokens[t - 1].text in COMMAS else t
        for k in range(end - 1, max(-1, end - 1 - MAX_CLAUSE_ADVERBIAL_WORDS), -1):
            token = tokens[k]
            if not token.is_word or token.region >= 0:
                return None
            head = token.key[1:]  # after و (ومن، وفي: too short for _strip_conj)
            opened = k == 0 or tokens[k - 1].text in COMMAS or _ends_sentence(tokens, k - 1)
            if token.key[:1] == "و" and (head in PREPOSITIONS or head in ADVERBIAL_HEADS) and opened:
                return k  # ومن (جهته): the preposition, not the relative من
            if opened and self.bare_adverbial(b, k, t):
                return k  # من جانبه أعرب: the same phrase opening its sentence without و
            if token.key in RELATIVES or token.key in COMPLEMENTISERS or lookup_cue(token.key)[0] is not None:
                return None  # ، وفي الوقت الذي أكد: the cue is the relative clause's
        return None

    def bare_adverbial(self, b: int, k: int, t: int) -> bool:
        """``Q-ADVERBIAL-CLAUSE-BARE``: an adverbial head (بدوره) or a preposition with one (من جانبه، من جهته)
        opening the sentence without و, right before the cue at ``t``."""
        tokens = self.blocks[b].tokens
        key = tokens[k].key
        phrase = key in ADVERBIAL_HEADS and k + 1 == t \
            or key in PREPOSITIONS and k + 2 == t and tokens[k + 1].key in ADVERBIAL_HEADS
        return phrase and rule_on("Q-ADVERBIAL-CLAUSE-BARE")

    def after_opening_adverbial(self, b: int, t: int) -> bool:
        """``S-ADVERBIAL-OPENING``: the words before ``t`` since its clause opened are an adverbial phrase
        (ومن جهتها، بدوره، وفي المقابل: a head of clause_words.json adverbial_heads, after a preposition
        or alone), so the bare form at ``t`` is the clause's verb and the name after it its subject."""
        tokens = self.blocks[b].tokens
        start = t
        while start > 0 and tokens[start - 1].is_word and t - start < MAX_ADVERBIAL_WORDS:
            start -= 1
        if start == t or (start > 0 and tokens[start - 1].is_word) or not rule_on("S-ADVERBIAL-OPENING"):
            return False
        keys = [tok.key for tok in tokens[start:t]]
        if keys[-1] not in ADVERBIAL_HEADS and _strip_conj(keys[-1]) not in ADVERBIAL_HEADS:
            return False
        first = keys[0][1:] if keys[0][:1] in CONJUNCTIONS_WAW_FA else keys[0]
        return len(keys) == 1 or (len(keys) == 2 and (keys[0] in PREPOSITIONS or first in PREPOSITIONS))

    def verb_after_adverbial(self, b: int, prev: _Token, speaker: Optional[tuple[int, int]]) -> bool:
        """"وكرد فعل على الاعتداء نصح زعيم الجالية": after a definite word (never a construct
        head) and before a recognised source, a bare form like نصح is the verb, not its noun."""
        return speaker is not None and _is_definite(prev.key) and self.is_source(b, *speaker)

    def no_subject(self, b: int, span: tuple[int, int]) -> bool:
        """``Q-CONTINUATION-CLAUSE``: the words read as a subject after وأضاف / وتابع name nobody: no
        tagged name in them, and their first word is indefinite and no listed head (بلغ حجم الانخفاض)."""
        tokens, heads = self.blocks[b].tokens, self.lexicon.heads
        first = tokens[span[0]]
        if not rule_on("Q-CONTINUATION-CLAUSE") or not first.is_word or _is_definite(first.key) or first.key.endswith("ا"):
            return False  # وأضافوا شرطا، وتابعا أمينا: an accusative noun is the verb's object, no clause
        if any(self.mention_at(b, u) is not None for u in range(span[0], span[1])):
            return False
        return not any(first.key in words or _strip_noun(first.key) in words for words in heads.values())

    def continuation_candidate(self, b: int, t: int, entry: CueEntry) -> Optional[_Candidate]:
        """"وأضاف في كل مراحل التاريخ …": أضاف/تابع with a dropped subject goes on with the
        speaker's words even without أن or a colon, when a full clause follows."""
        tokens = self.blocks[b].tokens
        if entry.lemma not in CONTINUATION_LEMMAS or entry.tense != "past" or t + 1 >= len(tokens):
            return None
        first = tokens[t + 1]
        if not first.is_word or first.key in COMPLEMENTISERS or first.region >= 0:
            return None
        block = self.blocks[b]
        end = self._clause_end(b, t + 1)
        if block.word_count(t + 1, end) < MIN_CONTINUATION_WORDS:
            return None
        # the first of: a conjoined cue (وقال: the next clause's own words, fine), or a colon or
        # mark (وأضاف في مذكرة نشرت …: «…»: the words come after the colon)
        cue = _first_in(block.conjoined_cues, t + 2, end)
        mark = _first_in(block.colons_and_open_marks, t + 2, end)
        if mark is not None and (cue is None or mark < cue):
            return None
        return _Candidate(b, (t, t + 1), entry, "colon", t + 1)

    def demonstrative_object(self, b: int, t: int) -> bool:
        """``Q-DEMONSTRATIVE-OBJECT``: a demonstrative after the verb followed by a definite noun that
        names no source (أورد هذا الزعم، أكد ذلك الأمر) is the object "this claim": neither a
        pointer to the clause before nor a subject after it (not هذا المسؤول، ذلك الوزير)."""
        tokens = self.blocks[b].tokens
        if not rule_on("Q-DEMONSTRATIVE-OBJECT") or t + 1 >= len(tokens) or not tokens[t + 1].is_word:
            return False
        key = tokens[t + 1].key
        if key in TIME_WORDS or key in TIME_NOUNS:
            return False  # صرح ذلك اليوم بأن: a time adverb
        return key.startswith("ال") and len(key) > 3 and not self.names_source(b, t + 1)

    def back_reference(
        self, b: int, anchor: int, cue: int, entry: CueEntry, speaker: tuple[int, int]
    ) -> Optional[_Candidate]:
        """أعلن ذلك X / وهذا ما أكده X: the content is what comes before ``anchor``.

        Inside a sentence it is the clause before (after its first أن when it has
        one: مع أن …); at a sentence's start it is the previous sentence, in
        the previous paragraph when the reference opens one.
        """
        tokens = self.blocks[b].tokens
        start = self.sentence_start(b, anchor)
        end = anchor
        while end > start and not tokens[end - 1].is_word:
            end -= 1
        content_block = b
        if sum(tok.is_word for tok in tokens[start:end]) >= MIN_SPEECH_WORDS:
            that = next((i for i in range(start, end) if tokens[i].key in COMPLEMENTISERS and tokens[i].region < 0), None)
            if that is not None and end - that > MIN_SPEECH_WORDS:
                start = that + 1
        else:
            if start > 0:
                end = start
            elif b > 0 and self.blocks[b - 1].tokens and self.blocks[b - 1].span.label == self.blocks[b].span.label:
                content_block, end = b - 1, len(self.blocks[b - 1].tokens)
            else:
                return None
            previous = self.blocks[content_block].tokens
            while end > 0 and not previous[end - 1].is_word:
                end -= 1
            start = self.sentence_start(content_block, end)
            if sum(tok.is_word for tok in previous[start:end]) < MIN_SPEECH_WORDS:
                return None
        candidate = _Candidate(b, (cue, cue + 1), entry, "back", start, content_end=end, speaker=speaker,
                               content_block=content_block)
        candidate.boundary = False
        candidate.start_token = anchor
        return candidate

    def _opens_before(self, b: int, t: int) -> bool:
        tokens = self.blocks[b].tokens
        # after إن/أن the subject sits inside a reported clause: لافروف قال إن دي ميستورا اقترح;
        # not after the narrator's إلا أن / غير أن / رغم أن (…، إلا أن المرصد السوري أعلن)
        narrators = t >= 2 and tokens[t - 2].key in NARRATOR_CONTRASTS
        return t == 0 or not tokens[t - 1].is_word or (
            tokens[t - 1].key in SUBJECT_OPENERS and (tokens[t - 1].key not in ("ان", "وان") or narrators)
        )

    def nest_disagreeing_participles(self, found: list[_Candidate]) -> None:
        """قالت الصحيفة إن ... السياسيين ...، واصفين: the plural participle describes the
        politicians inside the newspaper's report, not the newspaper: no new clause."""
        for previous, c in zip(found, found[1:]):
            if c.entry.kind != "participle" or c.speaker is not None or previous.block != c.block:
                continue
            number, other = c.entry.number, self.subject_number(previous)
            if number and other and number != other and self.sentence_start(c.block, c.cue[0]) <= previous.cue[0]:
                if c.entry.gender == "m" and number == "p" and self.plural_subject_after_verb(previous):
                    c.rules += ("Q-PLURAL-SUBJECT-PARTICIPLE",)  # أفاد باحثون أن …، مضيفين أن: the same speakers
                    continue
                if self.nonhuman_agreement(c, previous, other):
                    c.rules += ("Q-PLURAL-AGREEMENT",)
                    continue
                c.boundary = False

    def nest_disagreeing_verbs(self, found: list[_Candidate]) -> None:
        """``Q-CLAUSE-SUBJECT-VERB``: وأضاف أن اللائحة شددت على …، ونصت على: a verb without a subject of its
        own, in the sentence of a that-clause report and in another gender or number than that report's
        speaker, is the predicate of the clause's subject: the words go on, no new clause."""
        if not rule_on("Q-CLAUSE-SUBJECT-VERB"):
            return
        previous = None  # the last report that opened a clause: a nested cue is inside its words
        for c in found:
            if previous is None or c.entry.kind != "verb" or c.speaker is not None or not c.boundary \
                    or previous.block != c.block:
                previous = c if c.boundary else previous
                continue
            if not self.inside_disagreeing_report(c, previous):
                previous = c
                continue
            c.boundary = False
            if "Q-CLAUSE-SUBJECT-VERB" not in previous.rules:
                previous.rules += ("Q-CLAUSE-SUBJECT-VERB",)  # its words go on over c

    def inside_disagreeing_report(self, c: _Candidate, previous: _Candidate) -> bool:
        """Whether ``c`` lies after the that-complementiser of ``previous`` in its sentence, its complement
        right after it, in another gender or number than ``previous``'s speaker (a plural of things agrees
        in the feminine singular; a verb before its subject tells no number)."""
        if previous.method != "that" or previous.region >= 0 or previous.entry.relays or c.cue[0] <= previous.content_start:
            return False
        if self.sentence_start(c.block, c.cue[0]) > previous.cue[0]:
            return False
        if _may_open_own_report(self.blocks[c.block].tokens, c):
            return False
        gender, number = previous.entry.gender, self.subject_number(previous)
        if previous.speaker is not None and previous.speaker[0] > previous.cue[0] and number == "s":
            number = ""  # قال المدرب واللاعب: the verb before its subject stays singular
        if not c.entry.gender or gender == c.entry.gender and number in ("", c.entry.number):
            return False
        return not self.nonhuman_agreement(c, previous, number)

    def nonhuman_agreement(self, c: _Candidate, previous: _Candidate, other: str) -> bool:
        """``Q-PLURAL-AGREEMENT``: a feminine singular participle agrees with a plural subject that is
        no sound masculine plural (أكدت المصادر …، مشيرة إلى أن), as Arabic plurals of things do."""
        if not rule_on("Q-PLURAL-AGREEMENT") or other != "p" or c.entry.number != "s" or c.entry.gender != "f":
            return False
        head = _strip_noun(self.blocks[previous.block].tokens[previous.speaker[0]].key) if previous.speaker else ""
        return bool(head) and not head.endswith(("ون", "ين", "و"))

    def plural_subject_after_verb(self, c: _Candidate) -> bool:
        """``Q-PLURAL-SUBJECT-PARTICIPLE``: a masculine singular verb before a subject that names several people
        without the article (أفاد باحثون، أكد متعاملون) or counts them (أكد عدد من المواطنين): a masculine plural
        participle later in the sentence agrees with that subject, as the verb before it cannot."""
        if not rule_on("Q-PLURAL-SUBJECT-PARTICIPLE") or c.speaker is None or c.speaker[0] <= c.cue[0] \
                or c.entry.kind != "verb" or (c.entry.gender, c.entry.number) != ("m", "s"):
            return False
        tokens, first = self.blocks[c.block].tokens, c.speaker[0]
        if self.mention_at(c.block, first) is not None:
            return False
        key = _strip_conj(tokens[first].key)
        if key in PARTITIVE_HEADS:
            return _counts_people([tok.key for tok in tokens[first:c.speaker[1]]])
        return not key.startswith("ال") and key.endswith("ون") and len(key) >= MIN_INDEFINITE_PLURAL_LETTERS

    def subject_number(self, c: _Candidate) -> str:
        """Number of a cue's subject: a verb before its subject stays singular (أوضح المغردون),
        so the subject phrase tells the plural."""
        if c.speaker is not None and c.speaker[0] > c.cue[0] and c.entry.kind == "verb":
            first = self.blocks[c.block].tokens[c.speaker[0]]
            head = _strip_noun(first.key)
            # المغردون، مستخدمو، مصادر (not جون: a sound plural ending needs the article or a construct)
            if self.mention_at(c.block, c.speaker[0]) is None and (
                head in PLURAL_HEADS or (head != first.key and head.endswith(("ون", "ين"))) or (_construct_plural(head) and c.speaker[1] > c.speaker[0] + 1)
            ):
                return "p"
        return c.entry.number

    def reports_for_source(self, c: _Candidate) -> bool:
        """كتب يريد أن، الذي يعتقد أنه: a needs_source cue without quotation or colon reports only
        for a subject that names a source; so does an estimate's measured object (Q-MEASURED-OBJECT)."""
        if "Q-MEASURED-OBJECT" in c.rules:
            # ويقدر عدد المستخدمين بنحو …: the bare present is "is estimated", its object no source
            return c.speaker is not None and self.names_source(c.block, c.speaker[0])
        if not c.entry.needs_source or c.entry.kind != "verb" or c.method in ("quote", "colon"):
            return True
        if "S-RELAYED-PRONOUN" in c.rules:
            return True  # نقلت وسائل إعلامية عنه قوله: the pronoun's person is the source
        if c.speaker is None and rule_on("S-CARRIED-PRONOUN-SOURCE"):
            prev = _prev_word(self.blocks[c.block].tokens, c.cue[0])
            if prev is not None and prev.key in PRONOUN_CARRIERS and not prev.key.startswith(("ان", "فان", "لان")) \
                    and _pronoun_agreement(prev.key) == (c.entry.gender, c.entry.number):
                c.rules += ("S-CARRIED-PRONOUN-SOURCE",)  # لكنه يعتقد أنها: "but he believes", the speaker before
                return True
        return c.speaker is not None and self.names_source(c.block, c.speaker[0])

    def object_pronoun_candidate(self, b: int, t: int) -> Optional[_Candidate]:
        """وصفه ترامب بأنه …: a cue carrying its object pronoun reports only with a that-clause or quotation."""
        tokens = self.blocks[b].tokens
        entry, conj = _object_cue(tokens[t])  # إضافة، دعاة: a feminine ending, not a pronoun
        if entry is None or entry.kind != "verb" or entry.person != 3 or entry.ambiguous or entry.relays:
            return None
        prev = _prev_word(tokens, t)
        if prev is not None and (prev.key in OBJECT_RELATIVES or prev.key[:1] == "و" and prev.key[1:] in SUBJECT_RELATIVES):
            # والتي اعتبرها الملك، فيما اعتبره مراقبون: the pronoun points back, the source follows
            return self.relative_object_candidate(b, t, entry, conj)
        if prev is not None and prev.key in RELATIVES:
            # وهذا ما أكده المتحدث: only the back-reference; ما يعتبره جميلا: / القرار الذي أعلنه reports nothing
            candidate = self.relative_candidate(b, t, entry)
            if candidate is not None and candidate.method == "back":
                return candidate
            return self.relative_object_candidate(b, t, entry, conj)
        described = self.described_candidate(b, t, entry, conj)
        if described is not None:
            return described  # صفقة وصفها الرئيس بأنها "هدف": the object pronoun is what is described
        if not (conj or prev is None or not prev.is_word or prev.key in CLAUSE_OPENERS):
            return None  # أكدت إدانته: inside a clause the form is a verbal noun with its pronoun
        if self.predicate_object(entry) and (prev is None or not prev.is_word):
            return self.held_candidate(b, t, entry)  # ، واعتبره البعض موقفا لئيما: what the pronoun is held to be
        # the object is the pronoun, so what follows بأنه is the content (وصفه الوزير بأنه …)
        entry = replace(entry, complements=("أن", *entry.complements))
        candidate = self.verb_candidate(b, t, entry, conj)
        aimed = entry.addressee and rule_on("Q-OBJECT-PRONOUN-PREP")  # اتهمها سالفيني بالتعاون: the pronoun is whom
        if aimed and self.dropped_subject_aim(candidate, t, conj) and not self.after_complementiser(b, t):
            candidate.rules += ("Q-OBJECT-PRONOUN-PREP", "Q-OBJECT-PRONOUN-DROPPED")
            return candidate  # وقطعت علاقاتها مع قطر واتهمتها بدعم …: the subject of the verb before
        if candidate is None or candidate.speaker is None or candidate.method not in (
            ("that", "quote", "prep") if aimed else ("that", "quote")
        ):
            return None
        # only right after its subject (وصفه ترامب بأنه): اعتبره X جميلا takes a second object instead
        opener = candidate.content_start - 1
        if candidate.method == "prep":
            # بالاستقالة / إلى الهدوء right after the subject
            if candidate.content_start - candidate.speaker[1] not in (0, 1):
                return None
            candidate.rules += ("Q-OBJECT-PRONOUN-PREP",)
            return candidate
        if opener != candidate.speaker[1] and not (candidate.method == "quote" and tokens[opener].text in ALL_MARKS and opener == candidate.speaker[1]):
            return None
        return candidate

    def after_complementiser(self, b: int, t: int) -> bool:
        """A complementiser (أن، إن) earlier in ``t``'s sentence: a verb there may be the clause's own (قالت
        الوزارة إن الشرطة اعتقلت المشتبه به واتهمته بالقتل), its subject the clause's."""
        tokens = self.blocks[b].tokens
        return any(tok.key in COMPLEMENTISERS for tok in tokens[self.sentence_start(b, t):t])

    @staticmethod
    def dropped_subject_aim(candidate: Optional[_Candidate], t: int, conj: str) -> bool:
        """``Q-OBJECT-PRONOUN-DROPPED``: after و/ف, a cue that aims at someone, carrying that someone as its
        object pronoun, with no subject of its own and its preposition right after it (واتهمتها بدعم جماعات
        متطرفة، وطالبها بتوضيح مطالبها) reports for its dropped subject, as with a named one; not after a
        complementiser in its sentence (after_complementiser)."""
        return candidate is not None and bool(conj) and candidate.speaker is None and candidate.method == "prep" \
            and candidate.content_start - (t + 1) in (0, 1) and rule_on("Q-OBJECT-PRONOUN-DROPPED")

    def relative_object_candidate(self, b: int, t: int, entry: CueEntry, conj: str) -> Optional[_Candidate]:
        """``Q-RELATIVE-OBJECT``: after a relative pronoun, a cue's object pronoun is the antecedent and the
        source follows the verb (الذي تتهمه ابنته بالتحرش بها، والذي وصفه بوتين بأنه لا يقهر، التي اعتبرها
        الملك طريقة جهنمية). The words are what the antecedent is accused of (a بـ word right after the
        source), called (the describing link) or held to be (``predicate_cues``: the word right after it).
        Only for a subject that names a source."""
        if not rule_on("Q-RELATIVE-OBJECT"):
            return None
        tokens = self.blocks[b].tokens
        if entry.lemma in self.lexicon.describing_cues:
            candidate = self.described_candidate(b, t, entry, conj, after_relative=True)
        else:
            np_end = self.speaker_forward(b, t + 1, len(tokens))
            if np_end <= t + 1 or not (self.names_source(b, t + 1) or self.is_source(b, t + 1, np_end)):
                return None
            if entry.lemma in self.lexicon.predicate_cues:
                np_end = self.predicate_subject_end(b, t + 1, np_end)  # الملك الشهيد | طريقة جهنمية
                if np_end >= len(tokens) or not tokens[np_end].is_word or _is_stop(tokens[np_end]):
                    return None
            elif not (entry.addressee and np_end < len(tokens) and tokens[np_end].key[:1] == "ب"
                      and len(tokens[np_end].key) > 3):
                return None  # الذي تتهمه ابنته | بالتحرش: what it is accused of
            candidate = _Candidate(b, (t, t + 1), entry, "obj", np_end)
            candidate.speaker = (t + 1, np_end)
        if candidate is None or candidate.speaker is None:
            return None
        candidate.rules += ("Q-RELATIVE-OBJECT",)
        candidate.start_token = t - 1  # the relative is no part of the words before (…، والتي | اعتبرها)
        return candidate

    def predicate_subject_end(self, b: int, start: int, end: int) -> int:
        """``Q-RELATIVE-OBJECT``: the subject of اعتبرها ends where an indefinite word that no name holds follows
        a definite one (الملك الشهيد | طريقة جهنمية): what the object is held to be."""
        tokens = self.blocks[b].tokens
        for k in range(start + 1, end):
            if self.mention_at(b, k) is not None or _is_definite(tokens[k].key):
                continue
            if _is_definite(tokens[k - 1].key) or (tokens[k].key.endswith("ا") and len(tokens[k].key) > 3):
                return k  # غيابا: an indefinite accusative
        return end

    def record_agent(self, b: int, t: int, entry: CueEntry, conj: str) -> None:
        """A cue that reports nothing still names a subject a later dropped subject may refer to."""
        if entry.fixed_objects:
            return  # ألقت الشرطة القبض: without its fixed object the verb is no cue, its phrase no subject
        tokens = self.blocks[b].tokens
        host = None if conj else self.host_subject(b, t)
        subject = None if conj or host or (b, t) in self.issuerless_hosts else self.subject_backward(b, t)
        rules: tuple[str, ...] = ()  # the ids that found the subject, for the quotes that refer back to it
        prev = _prev_word(tokens, t)
        plain = conj or prev is None or not prev.is_word or prev.key == AS_WORD  # the verb opens its clause
        # فيما أكد فادي إسماعيل … صحة الأنباء، وقال: a ما conjunction opens a clause too
        after_ma = not plain and prev.key in MA_CONJUNCTIONS and rule_on("S-MA-CLAUSE-AGENT")
        if host is not None:
            span = host  # كلمة رحب فيها: the speech's speaker, not the speech (S-HOST-CLAUSE)
        elif subject is not None:
            span = (subject, t)
        elif conj and t + 1 < len(tokens) and self.verbal_noun_object(b, t + 1):
            self.verbal_objects.append((b, t + 1))  # ورفض الإفصاح عن: the verb's object, no agent
            span = None
        elif t + 1 < len(tokens) and tokens[t + 1].key in ANAPHORIC_OBJECTS and self.demonstrative_object(b, t + 1):
            span = None  # كما وصف هذا النوع من الحروب: the object, and the subject is dropped
        elif plain or after_ma or self.after_opening_adverbial(b, t):
            # a bare form inside a clause is too often not a verb; after ومن جهتها / بدوره opening its clause it is one
            rules = () if plain else ("S-MA-CLAUSE-AGENT",) if after_ma else ("S-ADVERBIAL-OPENING",)
            end = self.speaker_forward(b, t + 1, len(tokens))
            if (split := self.agent_object_start(b, t + 1, end)) < end:
                rules += ("S-AGENT-OBJECT",)  # كتبت الممثلة | تغريدة: the verb reported nothing, its object follows
                end = split
            apposed = self.apposed_mention_end(b, end)
            rules += ("S-LOOSE-APPOSITION",) if apposed > end else ()
            end = apposed
            span = (t + 1, end) if end > t + 1 and not self.object_first(b, t + 1) else None
            if span is not None and rule_on("S-LOOSE-SOURCE") and not self.loose_source(b, span):
                self.loose_objects.append((b, span[0]))  # وشرح جهود المركز: the verb's object, no agent
                span = None
        else:
            span = None
        if span is not None and tokens[span[0]].key not in self.lexicon.scripture_speakers:
            self.loose_agents.append((b, span, entry))
            if rules:
                self.loose_rules[(b, span[0])] = rules


def _opens_own_clause(prev: Optional[_Token], adverbial: bool) -> bool:
    """The word at hand opens its sentence or clause (after a mark, a clause opener or an opening adverbial), not
    a phrase (وبين عمان ودمشق وبين دمشق وبيروت: "between") nor a preposition's object (ومن بين: "among")."""
    if prev is not None and (prev.key in PREPOSITIONS or prev.key[:1] in CONJUNCTIONS_WAW_FA and prev.key[1:] in PREPOSITIONS):
        return False
    return prev is None or not prev.is_word or prev.key in CLAUSE_OPENERS or adverbial


def _speaker_run_token(token: _Token) -> bool:
    """A word or comma of a subject's phrase: no figure, no noun joined by و with its article."""
    if token.text in COMMAS:
        return True
    return token.is_word and not token.key[:1].isdigit() and not token.key.startswith(COORDINATED_DEFINITE)


def _is_indefinite_plural(key: str) -> bool:
    """محللون، مسؤولون: a bare sound masculine plural in the nominative, its ن kept, so in no construct."""
    return not key.startswith("ال") and key.endswith("ون") and len(key) > 5


def _in_construct(keys: list[str]) -> bool:
    """جهود المركز، وجود أي مخطط: a bare common noun before a definite noun (or أي) that it is owned by."""
    return len(keys) > 1 and not keys[0].startswith("ال") and not _is_stop_key(keys[0]) \
        and (keys[1].startswith("ال") or keys[1] == "اي")


def _possessed(word: str) -> bool:
    """خصومه، نظيرها، حلفائهم: a noun with a possessive pronoun (written ه, never ة), so no article."""
    bare = word[1:] if word[:1] in "وف" and len(word) > 4 else word
    if bare.startswith("ال") or bare in OBJECT_PRONOUNS:
        return False
    return any(bare.endswith(suffix) and len(bare) - len(suffix) >= 3 for suffix in PRONOUN_SUFFIXES)


def _opens_complement(token: _Token) -> bool:
    """A complementiser, preposition or other function word: a verb's complement, not its subject."""
    return bool(PREPOSITION_PRONOUN_RE.match(token.key)) or token.key in COMPLEMENTISERS or _is_stop(token)


def _dual_reads_as_participle(key: str) -> bool:
    """طالبا: a form III dual past (فاعلا) is also a form I participle in the accusative (طالبًا "asking")."""
    bare = key[1:] if key[:1] in CONJUNCTIONS_WAW_FA else key
    return len(bare) == 5 and bare[1] == "ا" and bare.endswith("ا")


def _may_open_own_report(tokens: list[_Token], c: _Candidate) -> bool:
    """Whether the verb ``c`` may be a report of its own though no subject was found for it."""
    prev = _prev_word(tokens, c.cue[0])
    if prev is not None and (prev.key in PRONOUN_CARRIERS or prev.key in MA_CONJUNCTIONS or prev.key == AS_WORD):
        return True  # لكنه حذر، فيما قال، كما أعلن: a subject of its own, the narrator's next clause
    if c.cue[1] >= len(tokens) or not _opens_complement(tokens[c.cue[1]]):
        return True  # فيما قال 55 في المئة منهم: a subject the speaker phrase missed may follow
    if tokens[c.cue[1]].key in SELF_COMPLEMENTISERS.get((c.entry.gender, c.entry.number), ()):
        return True  # …، وقال إنه يستطيع: the clause subject's own statement about itself
    # طالبًا من الأتراك: the participle of طلب, the speaker's own act
    return c.entry.number == "d" and _dual_reads_as_participle(tokens[c.cue[0]].key)


def _question_relatives(tokens: list[_Token]) -> list[int]:
    """For each token, where a relative (الذي، التي) first stands in its sentence when that sentence opens
    with an interrogative and ends with a question mark; -1 for the tokens of any other sentence. One pass."""
    reach = [-1] * len(tokens)
    start = 0
    while start < len(tokens):
        end = start
        while end < len(tokens) and not _ends_sentence(tokens, end):
            end += 1
        words = [k for k in range(start, min(end, len(tokens))) if tokens[k].is_word]
        opener = tokens[words[0]].key if words else ""
        asks = opener in QUESTION_OPENERS or (opener[:1] in "وف" and opener[1:] in QUESTION_OPENERS)
        if asks and end < len(tokens) and tokens[end].text in "؟?":
            relative = next((k for k in words if tokens[k].key in SUBJECT_RELATIVES), end)
            reach[start:end] = [relative] * (end - start)
        start = end + 1
    return reach
