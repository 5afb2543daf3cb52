"""Content span, part 2: where the reported words end (the boundary rules B-*).

Input: a candidate with its first content token and the sorted starts of the clause-opening
candidates of its block. Output: ``_content_end``, the end (exclusive) of an unquoted
content: the sentence end, a clause stopper after a comma (، في حين), a closer (على حد
قوله), the narrator resuming (، ونشرت الشرطة), ``B-TIME-CLAUSE`` (، قبل أن), ``B-CUE-PARTICIPLE``
(، مشيدا بـ), ``B-CIRCUMSTANTIAL`` (متناولا), or the next cue; and ``_content_span``, the
character span of the words.
Guarantees: the end lies in ``[content_start, next stop]``; a rule that ends a content is
recorded on the candidate; marks inside quotations never end it.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Any, TYPE_CHECKING

from qawl.arabic import (
    AS_WORD, ATTRIBUTION_CONNECTORS, CLAUSE_OPENERS, CONSEQUENCE_OPENERS, CONJUNCTIONS_WAW_FA, CLAUSE_STOPPERS, CLAUSE_STOPPER_PAIRS, CONJOINED_PRONOUNS, CONTENT_CONTRAST_PAIRS,
    CONTENT_CONTRASTS, MONTHS_AND_DAYS, NARRATIVE_TIME_PAIRS,
    COMPLEMENTISERS, NARRATOR_CONTRASTS, NORM_NOUNS, PRONOUN_SUFFIXES, PURPOSE_OPENER_PAIRS, PURPOSE_OPENERS, WITHHELD_DETAIL_WORDS, says_i_or_we_after,
)
from qawl.cues import load_cues, lookup_cue
from qawl.schema import Span, make_span
from .candidate import _Candidate
from .lexical import _is_definite, _is_stop, _object_cue, _pronoun_agreement, _strip_object
from .rules import rule_on
from .tokens import ALL_MARKS, COMMAS, _Token, _ends_sentence, _is_ellipsis

# إنها / أنه …: a that-clause whose subject is the speaker, by the cue's gender and number
SELF_COMPLEMENTISERS = {("f", "s"): ("انها",), ("m", "s"): ("انه",), ("m", "p"): ("انهم",), ("f", "p"): ("انهن",)}

if TYPE_CHECKING:  # only for annotations: the extractor imports this module
    from .extractor import _Extractor


def _content_end(ex: _Extractor, c: _Candidate, stops: list[int]) -> int:
    """Token index (exclusive) where an indirect quote's content ends.

    Outside quotation marks, token by token up to the next clause-opening cue, the first
    of these ends it (in this order at each token): a sentence end (not an ellipsis);
    ``B-PAUSE-ENDS`` (.. و); a
    comma before a clause stopper or closer (، في حين، على حد قوله); for a prep/obj content a
    comma before a new clause (، وهي); a comma before the narrator resuming (، ونشرت
    الشرطة); a closer; ``B-TIME-CLAUSE`` (، قبل أن); ``B-CUE-PARTICIPLE`` (، مشيدا بـ);
    ``B-CIRCUMSTANTIAL`` (متناولا, with the connector before it). At the next cue the connector
    before it (، مؤكدا / كما) is left out.
    """
    tokens = ex.blocks[c.block].tokens
    t = c.content_start
    after = bisect_right(stops, c.content_start)  # stops are sorted
    next_stop = stops[after] if after < len(stops) else len(tokens)
    closers = ex.lexicon.closers
    while t < next_stop:
        token = tokens[t]
        if token.region < 0:
            if _ends_sentence(tokens, t) and not _is_ellipsis(tokens, t):
                if not _colon_goes_on(tokens, c, t, next_stop):
                    break
                c.rules += ("B-COLON-GOES-ON",) if "B-COLON-GOES-ON" not in c.rules else ()
            if t > c.content_start + 1 and _pause_ends_words(tokens, t, next_stop) and rule_on("B-PAUSE-ENDS"):
                c.rules += ("B-PAUSE-ENDS",)  # …البرنامج النووي.. وقتل طفلان: the narrator's next sentence
                break
            if t > c.content_start + 1 and _closes_quoted_sentence(ex, c.block, t) and rule_on("B-QUOTED-FULL-STOP"):
                c.rules += ("B-QUOTED-FULL-STOP",)
                t += 1  # the closing mark is the content's last character
                break
            if token.text in COMMAS and t + 1 < len(tokens) and _purpose_follows(tokens, t + 1, tokens[t + 1].key) \
                    and "B-THAT-PURPOSE" not in c.rules:
                c.rules += ("B-THAT-PURPOSE",)  # …، وذلك بهدف …: the speaker's purpose, more of the words
            if token.text in COMMAS and t + 1 < len(tokens) and _stops_clause(tokens, t + 1, closers):
                break
            if token.text in COMMAS and t + 1 < len(tokens) and tokens[t + 1].key in CLAUSE_STOPPERS \
                    and _norm_follows(tokens, t + 1) and "B-ACCORDING-TO-NORM" not in c.rules:
                c.rules += ("B-ACCORDING-TO-NORM",)  # …، وفقا للمبادرة الخليجية: more of the words
            if t > c.content_start and _closes_aside(tokens, t) and _stopper_pair_at(tokens, t + 1) \
                    and rule_on("B-STOPPER-AFTER-MARK"):
                c.rules += ("B-STOPPER-AFTER-MARK",)  # ب"هذا الموقف" | في إشارة إلى: the narrator's gloss
                t += 1
                break
            if token.text in COMMAS and t > c.content_start + 1 and _consequence_after_mark(ex, c.block, t) \
                    and rule_on("B-CONSEQUENCE-AFTER-MARK"):
                c.rules += ("B-CONSEQUENCE-AFTER-MARK",)  # …"لن تزيد على 3 أسابيع"، ما يشير: the narrator's note
                break
            if token.text in COMMAS and _narrator_after_quoted_complement(ex, c, t) and rule_on("B-QUOTED-COMPLEMENT-ENDS"):
                c.rules += ("B-QUOTED-COMPLEMENT-ENDS",)  # قال إن "…"، وثمن الرسائل: the narrator's next clause
                break
            if token.text in COMMAS and c.method in ("prep", "obj") and t + 1 < len(tokens) and _opens_new_clause(tokens[t + 1]):
                break
            if token.text in COMMAS and ex.narrator_resumes(c.block, t + 1):
                break
            if token.text in COMMAS and t + 1 < len(tokens) and _opens_object_cue(tokens, t + 1) \
                    and rule_on("B-OBJECT-CUE"):
                c.rules += ("B-OBJECT-CUE",)  # …، بل ووصفه بـ"الفظيع": the speaker's next report
                break
            if _starts_closer(tokens, t, closers):
                break
            if t > c.content_start + 1 and _same_subject_cue(tokens, c, t, ex.lexicon.proposition_nouns) \
                    and rule_on("B-SAME-SUBJECT-CUE"):
                c.rules += ("B-SAME-SUBJECT-CUE",)  # قالت إنها مستعدة | وأكدت دعمها: the speaker's next report
                break
            if token.text in COMMAS and t > c.content_start + 1 and _speaker_goes_on(tokens, c, t + 1):
                c.rules += ("B-SPEAKER-GOES-ON",)  # قال إن …، لكنه يعتقد / ، ووصف خطة …: the speaker's next report
                break
            if t > c.content_start and token.text in COMMAS and t + 2 < len(tokens) \
                    and (tokens[t + 1].key, tokens[t + 2].key) in NARRATIVE_TIME_PAIRS and rule_on("B-TIME-CLAUSE"):
                c.rules += ("B-TIME-CLAUSE",)
                break
            if token.text in COMMAS and t > c.content_start + 1 and t + 1 < len(tokens) \
                    and _agreeing_cue_participle(tokens[t + 1], c) and rule_on("B-CUE-PARTICIPLE"):
                c.rules += ("B-CUE-PARTICIPLE",)  # …، مشيدا بتعاون اللاعبين: the speaker's next act
                break
            if t > c.content_start + 1 and tokens[t - 1].is_word and _bare_cue_participle(token, c, ex.lexicon.describing_cues) \
                    and rule_on("B-BARE-PARTICIPLE"):
                c.rules += ("B-BARE-PARTICIPLE",)  # …بحسب المواقع معتبرا التطوير خطوة: the speaker's next act
                break
            if t > c.content_start + 1 and rule_on("B-WITHOUT-DETAIL") and (
                    token.text in COMMAS and _withholds_detail(tokens, t + 1)
                    or tokens[t - 1].is_word and _withholds_detail(tokens, t, bare=True)):
                c.rules += ("B-WITHOUT-DETAIL",)  # …، دون الكشف عن قيمة الصفقة: the narrator's note
                break
            if token.text in COMMAS and t > c.content_start + 1 and t + 1 < len(tokens) \
                    and _act_participle(tokens, t + 1, c) and rule_on("B-ACT-PARTICIPLE"):
                c.rules += ("B-ACT-PARTICIPLE",)  # …، مقدما شكره للاتحاد: the speaker's next act
                break
            if t > c.content_start + 1 and _is_circumstantial(token) and rule_on("B-CIRCUMSTANTIAL"):
                c.rules += ("B-CIRCUMSTANTIAL",)
                while t > c.content_start and (not tokens[t - 1].is_word or tokens[t - 1].key in CLAUSE_OPENERS) \
                        and tokens[t - 1].text not in ALL_MARKS:
                    t -= 1
                break
        t += 1
    end = _trim_credit(tokens, t) if t == len(tokens) else t
    if end == next_stop:  # drop the connector before the next cue: "، مؤكدا" / "كما" / "، غير أن"
        while end > c.content_start and tokens[end - 1].text not in ALL_MARKS:
            if not tokens[end - 1].is_word or tokens[end - 1].key in CLAUSE_OPENERS:
                end -= 1
            elif end - 2 > c.content_start and tokens[end - 1].key in ("ان", "وان") \
                    and tokens[end - 2].key in NARRATOR_CONTRASTS:
                end -= 2  # …، إلا أن المرصد أعلن: the narrator's contrast opens the next report
            else:
                break
    return end


def _colon_goes_on(tokens: list[_Token], c: _Candidate, t: int, next_stop: int) -> bool:
    """``B-COLON-GOES-ON``: the unquoted words after a colon go on over the sentence end at ``t`` when the
    next sentence of the paragraph opens with a word without و / ف (not the narrator's next sentence:
    وأضاف، وكانت), holds no cue, and the words so far or it say "I" or "we" (قال: المنتخب المكسيكي كان
    أفضل منا. لقد استفدنا من الأخطاء): the speaker is still talking in his own voice."""
    if c.method != "colon" or t + 1 >= next_stop or not rule_on("B-COLON-GOES-ON"):
        return False
    first = tokens[t + 1]
    if not first.is_word or first.key[:1] in CONJUNCTIONS_WAW_FA:
        return False
    end = t + 1
    while end < len(tokens) and not (_ends_sentence(tokens, end) and not _is_ellipsis(tokens, end)):
        end += 1
    if end >= next_stop:
        return False  # a cue inside it opens the next report
    return any(says_i_or_we_after(tokens[u - 1].key, tokens[u].key) for u in range(c.content_start, end) if tokens[u].is_word)


def _pause_ends_words(tokens: list[_Token], t: int, next_stop: int) -> bool:
    """``B-PAUSE-ENDS``: a pause of two dots at ``t`` then a word with و / ف (… البرنامج النووي.. وقتل
    طفلان) ends unquoted words like a full stop, unless the words after it, up to the next sentence end or
    pause, say "I" or "we" (…في سوريا.. ولا ينتظر أي منا): the speaker's own voice goes on there, the
    narrator's next sentence ends the words."""
    if not _is_ellipsis(tokens, t) or tokens[t - 1].text == "." or t + 2 >= len(tokens) or tokens[t + 2].text == ".":
        return False  # only the first dot of exactly two
    if not tokens[t + 2].is_word or tokens[t + 2].key[:1] not in CONJUNCTIONS_WAW_FA:
        return False  # الأول: الإعلام الجديد.. الواقع والخصائص: a title's halves, or the speaker going on
    u = t + 2
    while u < min(next_stop, len(tokens)) and tokens[u].text not in ALL_MARKS and not _ends_sentence(tokens, u):
        if tokens[u].is_word and says_i_or_we_after(tokens[u - 1].key, tokens[u].key):
            return False
        u += 1
    return True


def _closes_quoted_sentence(ex: _Extractor, b: int, t: int) -> bool:
    """``B-QUOTED-FULL-STOP``: the mark at ``t`` closes a quotation whose last character ends a
    sentence (… ميثاق الأمم المتحدة." واستخدم), and a word follows: the sentence, and the content
    with it, ends at the closing mark."""
    tokens, regions = ex.blocks[b].tokens, ex.blocks[b].regions
    before = tokens[t - 1]
    if before.region < 0 or regions[before.region].close_token != t or not regions[before.region].balanced:
        return False
    return _ends_sentence(tokens, t - 1) and not _is_ellipsis(tokens, t - 1) \
        and t + 1 < len(tokens) and tokens[t + 1].is_word


def _consequence_after_mark(ex: _Extractor, b: int, t: int) -> bool:
    """``B-CONSEQUENCE-AFTER-MARK``: the comma at ``t`` follows the closing mark of a quotation and opens
    ما / مما + a word (…"لن تزيد على 3 أسابيع"، ما يشير إلى أنه سيتمكن …): the narrator's note on what the
    quoted words mean or cause. The quoted words were the speaker's last; the content ends at the mark."""
    tokens = ex.blocks[b].tokens
    region = ex.blocks[b].closing.get(t - 1)
    if region is None or not region.balanced or region.words < 2:
        return False
    return t + 2 < len(tokens) and tokens[t + 1].key in CONSEQUENCE_OPENERS and tokens[t + 2].is_word


def _narrator_after_quoted_complement(ex: _Extractor, c: _Candidate, t: int) -> bool:
    """``B-QUOTED-COMPLEMENT-ENDS``: the whole that-clause is quoted (أضاف أن "لبنان هو عمود أساسي …") and
    the comma at ``t`` right after its closing mark opens a verb-first clause: و + a bare three-letter word (a
    past verb: ، وثمن الرسائل), ل + a present verb (، لينشر مع تغريدته) or كما أنه / أنها (، كما أنه لم يخف):
    the narrator's next clause, not more of the quoted words."""
    tokens = ex.blocks[c.block].tokens
    if c.method != "that" or t + 2 >= len(tokens) or not tokens[t + 2].is_word:
        return False
    region = ex.blocks[c.block].closing.get(t - 1)
    if region is None or not region.balanced or region.words < 2 or region.open_token != c.content_start:
        return False
    key = tokens[t + 1].key
    if key == AS_WORD:
        return tokens[t + 2].key in ("انه", "انها", "انهم")
    if key.startswith("لي") and len(key) >= 5:
        return ex.mention_at(c.block, t + 1) is None
    return len(key) == 4 and key[0] == "و" and not _is_stop(tokens[t + 1]) and not _is_definite(key[1:]) \
        and ex.mention_at(c.block, t + 1) is None


def _is_circumstantial(token: _Token) -> bool:
    """متناولا، مستعرضا: an accusative participle (a circumstantial clause) of an act verb that is no cue
    (cues.json circumstantial) opens the speaker's next act, so the content before it ends. (A cue's own
    participle, مشيرا إلى أن, ends it as the next candidate.)"""
    return token.key in load_cues().circumstantial


def _agreeing_cue_participle(token: _Token, c: _Candidate) -> bool:
    """``B-CUE-PARTICIPLE``: a cue's accusative participle in the cue's own gender and number
    (…، مشيدا بـ، …، مستبعدا حدوث، …، معربا عن) after a comma is the speaker's next act even
    where it opens no report of its own (no candidate, so no stop): the words before it end. A
    masculine singular without the accusative ا is a noun (، مهاجم فريق: "striker"), no act."""
    entry, conj = lookup_cue(token.key)
    return not conj and _participle_agrees(entry, token.key, c.entry)


def _participle_agrees(entry, key: str, cue) -> bool:
    """A cue participle in the cue's own gender and number (not قالت الصحيفة إن …، واصفين: someone inside the
    report, nest_disagreeing_participles), accusative (ـا) when masculine singular."""
    if entry is None or entry.kind != "participle" or (entry.gender, entry.number) != (cue.gender, cue.number):
        return False
    return entry.number != "s" or entry.gender != "m" or key.endswith("ا")


def _bare_cue_participle(token: _Token, c: _Candidate, describing: frozenset | set = frozenset()) -> bool:
    """``B-BARE-PARTICIPLE``: (و +) a cue's masculine accusative participle right after a word, with no comma
    (…مابين 5 و60 ألفا معتبرا التطوير خطوة جيدة، …ضد كل مجرم داعيا الله), in the cue's own gender and number,
    is the speaker's next act as after a comma (B-CUE-PARTICIPLE). The feminine ـة and a bare masculine
    singular are also adjectives (إجراءات مشددة، ليس مؤكدا), so they do not count. Nor does a describing
    participle (…الصادم واصفا الراحل بالمبدع): without a comma it opens no report of its own (Q-DESCRIBED-AS
    reads verbs), so its words would lose their speaker."""
    entry, conj = lookup_cue(token.key)
    if entry is None or conj not in ("", "و") or entry.gender != "m" or entry.lemma in describing:
        return False
    return _participle_agrees(entry, token.key, c.entry)


def _withholds_detail(tokens: list[_Token], t: int, bare: bool = False) -> bool:
    """``B-WITHOUT-DETAIL``: (من) دون (أن) at ``t`` then a word of giving details (الكشف، إضافة، مزيد;
    clause_words.json withheld_detail_words) or a present cue verb (يكشف، تؤكد): the narrator notes what
    the speaker left out (…، دون الكشف عن قيمة الصفقة; …، من دون أن يكشف خططه), no more of the words.
    Without a comma before it (``bare``) only a definite verbal noun of the list: وقع عقدا دون الكشف عن مدته,
    not سيحول دون مزيد من الانخفاض (دون is the verb's own) nor حصلت عليه من دون أن يطلب منها الطبيب."""
    if t < len(tokens) and tokens[t].key == "من":
        t += 1
    if t >= len(tokens) or tokens[t].key != "دون":
        return False
    t += 1
    if t < len(tokens) and tokens[t].key == "ان":
        t += 1
    if t >= len(tokens) or not tokens[t].is_word:
        return False
    key = tokens[t].key
    if key in WITHHELD_DETAIL_WORDS:
        return not bare or key.startswith("ال")
    if bare:
        return False
    entry, conj = lookup_cue(key)
    return entry is not None and not conj and entry.kind == "verb" and entry.tense == "present"


def _act_participle(tokens: list[_Token], t: int, c: _Candidate) -> bool:
    """``B-ACT-PARTICIPLE``: after a comma, a masculine singular accusative participle of a derived verb
    (م…ا: مقدما، مثمنا، مستندا، متجاهلا) that is no listed cue, after a masculine singular cue, is the
    speaker's next act, as a cue's participle is (B-CUE-PARTICIPLE): the words before it end. The
    participle of a cue verb (مقدرا ← يقدر) ends them only before its own that-clause (، مفيدا أن):
    with an object (، مقدرا سعر السهم بنحو 420 دولارا) it goes on with the words. Not a word with an
    attached pronoun (مفادها)."""
    token = tokens[t]
    key = token.key
    if not token.is_word or len(key) < 5 or key[0] != "م" or not key.endswith("ا") or key.endswith(("ها", "نا")):
        return False
    if lookup_cue(key)[0] is not None or (c.entry.gender, c.entry.number) != ("m", "s"):
        return False  # a listed cue participle: B-CUE-PARTICIPLE or the next candidate
    verb, conj = lookup_cue("ي" + key[1:-1])
    if verb is not None and not conj and verb.kind == "verb":
        return t + 1 < len(tokens) and tokens[t + 1].key in COMPLEMENTISERS
    return True


def _stops_clause(tokens: list[_Token], t: int, closers) -> bool:
    """The word after a comma ends an unquoted content: a clause stopper (، وفقا، وذلك) that is not
    a contrast the words run on over (، بينما، في حين: ``CONTENT_CONTRASTS``), or a closer."""
    key = tokens[t].key
    bare = key[1:] if key[:1] == "و" and key[1:] in CLAUSE_STOPPERS else key
    if bare in CLAUSE_STOPPERS and bare not in CONTENT_CONTRASTS:
        if _norm_follows(tokens, t):
            return False  # …، وفقا للمبادرة الخليجية: a rule the words follow, no source
        return not _purpose_follows(tokens, t, bare)
    pair = (key, tokens[t + 1].key) if t + 1 < len(tokens) else None
    if pair in CLAUSE_STOPPER_PAIRS and pair not in CONTENT_CONTRAST_PAIRS:
        return True
    return _starts_closer(tokens, t, closers)


def _norm_follows(tokens: list[_Token], t: int) -> bool:
    """``B-ACCORDING-TO-NORM``: a rule, plan or wish right after the stopper at ``t`` (، وفقا للمبادرة، ، وفق
    ضوابط، ، وفقا لرغبته; clause_words.json norm_nouns, with its ل, article or pronoun) is what the words
    follow, not who said them: the words run on over it."""
    if t + 1 >= len(tokens) or not rule_on("B-ACCORDING-TO-NORM"):
        return False
    key = tokens[t + 1].key
    return any(_is_norm(key[len(prefix):]) for prefix in ("", "ل", "لل", "ال") if key.startswith(prefix))


def _is_norm(key: str) -> bool:
    if key in NORM_NOUNS:
        return True
    for suffix in PRONOUN_SUFFIXES:  # longest first; ة is written ت before a pronoun (رغبته)
        if key.endswith(suffix) and len(key) - len(suffix) >= 3:
            stem = key[: -len(suffix)]
            return stem in NORM_NOUNS or stem[-1:] == "ت" and stem[:-1] + "ه" in NORM_NOUNS
    return False


def _purpose_follows(tokens: list[_Token], t: int, stopper: str) -> bool:
    """``B-THAT-PURPOSE``: وذلك at ``t`` opens the speaker's purpose, means or reason (…، وذلك من خلال
    الاستفادة، …، وذلك بهدف، …، وذلك لتعزيز الوعي), no narrator's frame (، وذلك في بيان، ، وذلك وفقا لـ):
    the words run on over it. Data: clause_words.json purpose_openers; a ل-prefixed verbal noun too."""
    if stopper not in ATTRIBUTION_CONNECTORS or t + 1 >= len(tokens) or not rule_on("B-THAT-PURPOSE"):
        return False
    key = tokens[t + 1].key
    pair = (key, tokens[t + 2].key) if t + 2 < len(tokens) else None
    return key in PURPOSE_OPENERS or pair in PURPOSE_OPENER_PAIRS or (key[:1] == "ل" and len(key) >= 4 and tokens[t + 1].is_word)


def _closes_aside(tokens: list[_Token], t: int) -> bool:
    """A closing quotation mark or bracket at ``t`` (…"هذا الموقف"، …(العدوان)) with a word after it."""
    return tokens[t].text in ('"', "”", "»", ")") and t > 0 and tokens[t - 1].is_word \
        and t + 1 < len(tokens) and tokens[t + 1].is_word


def _stopper_pair_at(tokens: list[_Token], t: int) -> bool:
    """A two-word clause stopper (في إشارة، في حين) that the words do not run on over starts at ``t``."""
    pair = (tokens[t].key, tokens[t + 1].key) if t + 1 < len(tokens) else None
    return pair in CLAUSE_STOPPER_PAIRS and pair not in CONTENT_CONTRAST_PAIRS


def _starts_closer(tokens: list[_Token], t: int, closers) -> bool:
    any_empty, by_first_word = _closer_index(closers)
    if any_empty or t >= len(tokens):
        return any_empty and t <= len(tokens)
    return any(
        t + len(closer) <= len(tokens) and all(tokens[t + i].key == word for i, word in enumerate(closer))
        for closer in by_first_word.get(tokens[t].key, ())
    )

_CloserIndex = tuple[bool, dict[str, list[tuple[str, ...]]]]

_last_closer_index: tuple[Any, _CloserIndex] = ((), (False, {}))


def _closer_index(closers: tuple[tuple[str, ...], ...]) -> _CloserIndex:
    """Whether an empty closer is listed, and the closers by first word: every token is
    tested, and only the closers its own word starts can match there.

    The lexicon's closers are one tuple, so the last index is kept by identity (cheaper
    than hashing the tuple on every token).
    """
    global _last_closer_index
    cached_for, index = _last_closer_index
    if cached_for is not closers:
        by_first_word: dict[str, list[tuple[str, ...]]] = {}
        for closer in closers:
            if closer:
                by_first_word.setdefault(closer[0], []).append(closer)
        index = (not all(closers), by_first_word)
        _last_closer_index = (closers, index)
    return index


def _same_subject_cue(tokens: list[_Token], c: _Candidate, t: int, nouns: frozenset | set = frozenset()) -> bool:
    """``B-SAME-SUBJECT-CUE``: و + a past cue verb in the cue's own person, gender and number (أعلنت
    الحكومة إغلاق الصحيفة | واتهمتها بـ) continues the speaker, not the words, when the words have no
    subject of their own: a noun-phrase object, or a that-clause about the speaker (قالت إنها | …)."""
    entry, conj = lookup_cue(tokens[t].key)
    if entry is None:
        entry, conj = _object_cue(tokens[t])
        if entry is not None and _strip_object(tokens[t].key)[len(conj):] in nouns:
            return False  # ورفضه للغلو: "his rejection", a proposition noun going on with the object
    cue = c.entry
    if entry is None or not conj.startswith("و") or entry.kind != "verb" or entry.tense != "past":
        return False
    if cue.kind != "verb" or cue.tense != "past" or (entry.gender, entry.number, entry.person) != (cue.gender, cue.number, cue.person):
        return False
    if c.method in ("obj", "prep"):
        return True
    opener = tokens[c.content_start - 1].key if c.method == "that" and c.content_start > 0 else ""
    return opener in SELF_COMPLEMENTISERS.get((cue.gender, cue.number), ())


def _speaker_goes_on(tokens: list[_Token], c: _Candidate, t: int) -> bool:
    """``B-SPEAKER-GOES-ON``: after a comma, لكنه / لكنها (the pronoun in the cue's gender and number)
    or و / كما, then a cue verb in the cue's own tense, gender and number (قال بوتين إن …، لكنه يعتقد
    بأنها …; قال عباس إن …، ووصف خطة ترامب بأنها …; يقول الجيش إنه …، وينكر …; نفت الشركة أن …، كما
    نفت …): the speaker's next report, not more of the words."""
    cue = c.entry
    if not rule_on("B-SPEAKER-GOES-ON") or t >= len(tokens) or cue.kind != "verb":
        return False
    key = tokens[t].key
    if key.startswith(("لكن", "ولكن")) and len(key) > len("لكن") + (key[0] == "و") \
            and _pronoun_agreement(key) == (cue.gender, cue.number):
        t += 1
        if t >= len(tokens):
            return False
        entry, conj = lookup_cue(tokens[t].key)
        return entry is not None and not conj and entry.kind == "verb" and (entry.gender, entry.number) == (cue.gender, cue.number)
    as_clause = key == AS_WORD and t + 1 < len(tokens)  # …، كما نفت استغلالها: كما joins as و does
    entry, conj = lookup_cue(tokens[t + 1].key if as_clause else key)
    conj = "و" if as_clause and not conj else conj
    if entry is not None and _objectless_verbal_noun(tokens, t + 1 + as_clause, entry):
        return False  # …، ونشر ثقافة الوعي: one more of the words' verbal nouns
    # the cue's own tense too: يقول إن …، وينكر (a present narration goes on in the present)
    return entry is not None and conj == "و" and entry.kind == "verb" and entry.tense == cue.tense \
        and (entry.gender, entry.number, entry.person) == (cue.gender, cue.number, cue.person)


def _objectless_verbal_noun(tokens: list[_Token], t: int, entry) -> bool:
    """The past of a simple cue verb that takes no object (نشر) before an indefinite noun in construct
    with a definite one (ونشر ثقافة الوعي) is the verb's noun (نَشْر) going on with a list of them, not
    the verb: as a verb it would report nothing with a noun object."""
    if not entry.form_i or "obj" in entry.complements or entry.tense != "past" or entry.gender != "m" \
            or entry.number != "s" or t + 1 >= len(tokens):
        return False
    noun, genitive = tokens[t], tokens[t + 1]
    return noun.is_word and genitive.is_word and not _is_definite(noun.key) and not _is_stop(noun) \
        and noun.key not in COMPLEMENTISERS and _is_definite(genitive.key)


def _opens_object_cue(tokens: list[_Token], t: int) -> bool:
    """``B-OBJECT-CUE``: (بل) و + a cue carrying an object pronoun (ووصفه، واعتبرها، واتهمه) after a comma
    opens the speaker's next report of the thing just named, no part of the words before."""
    if tokens[t].key == "بل" and t + 1 < len(tokens):
        t += 1
    entry, conj = _object_cue(tokens[t])  # وإضافة: a noun's ة, not the pronoun ه
    return entry is not None and conj.startswith("و") and entry.kind == "verb"


def _opens_new_clause(token: _Token) -> bool:
    """وهي / وتجري / ونشرت after a comma: the narrator's next clause, not more of a frame's object."""
    key = token.key
    if key in CONJOINED_PRONOUNS or key in CLAUSE_OPENERS:
        return True
    entry, conj = lookup_cue(key)
    if conj:
        return True
    # و + a present verb (وتجري، ويعمل); ت- is left out, it also starts verbal nouns (وتصنيفات)
    return len(key) > 4 and key.startswith("وي") and key[1:] not in MONTHS_AND_DAYS


def _trim_credit(tokens: list[_Token], end: int) -> int:
    """Drop a photo credit "(رويترز)" at the end of a caption."""
    if end >= 3 and tokens[end - 1].text == ")":
        for t in range(end - 2, max(-1, end - 7), -1):
            if tokens[t].text == "(":
                return t
    return end


def _content_span(ex: _Extractor, c: _Candidate) -> tuple[Span, bool]:
    """Content span (quotation marks left out of direct quotes) and whether its marks balance."""
    block = ex.blocks[c.text_block]
    tokens, text = block.tokens, ex.doc.text
    if c.region >= 0:
        region = block.regions[c.region]
        end = tokens[region.close_token].start if region.close_token >= 0 else tokens[region.last].end
        start, balanced = tokens[region.first].start, region.balanced
    else:
        start, end = tokens[c.content_start].start, tokens[c.content_end - 1].end
        inside = {t.region for t in tokens[c.content_start : c.content_end] if t.region >= 0}
        balanced = all(block.regions[r].balanced for r in inside)
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".،,:؛"):
        end -= 1
    return make_span(text, start, end, "content"), balanced


def _without_marks(text: str, span: Span) -> Span:
    """«...» -> ...: a direct quote's content leaves its quotation marks out."""
    start, end = span.start, span.end
    while start < end and (text[start] in ALL_MARKS or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in ALL_MARKS or text[end - 1].isspace() or text[end - 1] in ".،,"):
        end -= 1
    return make_span(text, start, end, "content") if end > start else span


class _ContentEnd:
    """Document-aware boundary tests (mixed into ``_Extractor``)."""

    def narrator_resumes(self, b: int, t: int) -> bool:
        """"، ونشرت القوة الشرعية …": و + a past reporting or publishing verb with its own
        named or definite subject is the narrator's next sentence, not more reported words."""
        tokens = self.blocks[b].tokens
        if t + 1 >= len(tokens):
            return False
        entry, conj = lookup_cue(tokens[t].key)
        if entry is None or not conj or entry.kind != "verb" or entry.tense != "past":
            return False
        subject = tokens[t + 1]
        mention = self.mention_at(b, t + 1)
        return _is_definite(subject.key) and not _is_stop(subject) or (mention is not None and mention.label in ("PER", "ORG"))
