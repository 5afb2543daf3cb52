"""The title index that source resolution reads (rule ``S-TITLE-NAME``).

Input: the blocks and their mentions. Output: ``named_by_title(keys, position, labels)``, the
PER/ORG mention whose title words (before it in its clause, or apposed after it) hold every
word of a description such as الوزير or الرئيس الأمريكي: the nearest before ``position``, else
the first after it, else (``by_place``, ``S-TITLE-PLACE``) the one whose title names its place in
another form (البحريني for البحرين), else None; ``named_by_head(keys, position)``, the one person whose title
holds the description's head noun when none holds all its words. A quoted name after a body head
(``S-QUOTED-NAME``) has that head among its title words, without its clitic (مؤسسة of لمؤسسة
"جي أي أم"). Guarantees: the index is built once per document in one pass;
each look-up tries at most ``MAX_TITLE_LOOKS`` names on either side.
"""
from __future__ import annotations

from bisect import bisect_left
from functools import cached_property, lru_cache
from typing import Optional

from qawl.arabic import (
    ADDRESSEE_PREPOSITIONS, COMPLEMENTISERS, DEMONSTRATIVES, DEPUTY_TITLES, GENERIC_OFFICE_HEADS, NISBA_PLACES, PREPOSITION_LETTERS,
    RELATIVES, SUBJECT_RELATIVES, TIME_WORDS, is_naming_verb,
)
from qawl.clean import match_form
from qawl.cues import lookup_cue
from qawl.schema import Mention
from .config import MAX_NAME_WORDS, MAX_TITLE_AFTER, MAX_TITLE_BEFORE, MAX_TITLE_LOOKS
from .lexical import _is_stop_key, _key_text, _looks_adjective, _opens_with_medium, _stops_title, _strip_noun, _title_key
from .rules import rule_on
from .tokens import ALL_MARKS, COMMAS, _Token


class _TitleIndex:
    """Title words of the names of one document (mixed into ``_Extractor``)."""

    deputy_refused = False  # S-TITLE-DEPUTY kept a deputy from the last description looked up
    title_place_matched = False  # S-TITLE-PLACE found the name of the last description looked up
    other_office_set_apart = False  # S-TITLE-OTHER-OFFICE left out a person of another office in the last look-up

    @cached_property
    def verb_cut_titles(self) -> set[str]:
        """Title keys that a present verb kept out of a name's title (S-TITLE-VERB), filled by ``title_index``."""
        return set()

    @cached_property
    def addressee_cut_titles(self) -> set[str]:
        """Title keys that a free-standing ل / مع kept out of a name's title (S-TITLE-ADDRESSEE), filled by
        ``title_index``."""
        return set()

    @cached_property
    def titled_through_quotes(self) -> set[int]:
        """ids of the mentions whose title holds a quoted name (S-TITLE-QUOTED), filled by ``title_index``."""
        return set()

    @cached_property
    def titled_through_ranks(self) -> set[int]:
        """ids of the mentions whose title was read over a comma and rank words (S-TITLE-RANKED-APPOSITION),
        filled by ``title_index``."""
        return set()

    @cached_property
    def title_index(self) -> dict[str, list[tuple[int, Mention, frozenset]]]:
        """Title word (``_title_key``) -> (offset, mention) of each PER/ORG name it describes, in
        text order: the words before the name in its clause (up to the previous name or mark), and
        the title apposed after it (جون كيري، وزير الخارجية). One pass over the tokens."""
        index: dict[str, list[tuple[int, Mention]]] = {}
        heads = self.lexicon.heads
        title_heads = heads["person"] | heads["organisation"] | heads["media"] | heads["document"]
        for b, block in enumerate(self.blocks):
            tokens, mapped = block.tokens, self.token_mention[b]
            t = 0
            while t < len(tokens):
                mention = mapped.get(t)
                if mention is None or mention.label not in ("PER", "ORG"):
                    t += 1
                    continue
                end = t
                while end < len(tokens) and (mapped.get(end) is mention or not tokens[end].is_word and tokens[end].text in ALL_MARKS):
                    end += 1
                words: set[str] = set()
                u = t - 2 if t > 1 and tokens[t - 1].text in COMMAS else t - 1  # الرئيس الأمريكي، دونالد ترامب
                if self.governed(tokens[t], mention) and not (t > 0 and self.is_document(tokens[t - 1], heads)):
                    u = -1  # كشفت مصادر في المعارضة للجزيرة: no title, but بيان للقوات: the forces' statement
                opening, addressed = -1, False
                while u >= 0 and t - u <= MAX_TITLE_BEFORE and (
                        not _stops_title(mapped.get(u), mention) or self.lone_title(mapped.get(u))):
                    if not tokens[u].is_word:
                        if u == opening:
                            pass  # the opening mark of a quoted name inside the title
                        elif u < t - 1 and self.ranked_apposition(tokens, u, t):
                            self.titled_through_ranks.add(id(mention))  # وزير الخارجية البحريني، الشيخ خالد بن أحمد
                        elif (quoted := self.quoted_title_name(block, u)) is not None:
                            opening = quoted  # مؤسس موقع "فيسبوك"، مارك زوكربيرغ (S-TITLE-QUOTED)
                            self.titled_through_quotes.add(id(mention))
                        elif tokens[u].text not in ALL_MARKS or u < t - 1:
                            break  # a mark other than the name's own opens a quote the title is not in
                    elif tokens[u].key in ADDRESSEE_PREPOSITIONS and rule_on("S-TITLE-ADDRESSEE"):
                        # الوشاحي لـ«الشرق الأوسط»: who speaks to a name is no title of it
                        kept_out = tokens[max(0, u - MAX_TITLE_BEFORE) : u]
                        self.addressee_cut_titles.update(_title_key(k.key) for k in kept_out if k.is_word)
                        addressed = not any(tok.is_word for tok in tokens[u + 1 : t])  # ل right before this name
                        break
                    elif u == t - 1 and is_naming_verb(tokens[u].text) and rule_on("S-CALLED-NAME"):
                        pass  # مدوّن يدعى لويس هلسينتيغر: the noun before "is called" is the name's title
                    elif self.ends_title(tokens[u]) and not self.made_by(tokens, u, t):
                        if _present_verb(tokens[u].key):  # S-TITLE-VERB: remember what it kept out
                            kept_out = tokens[max(0, u - MAX_TITLE_BEFORE) : u]
                            self.verb_cut_titles.update(_title_key(k.key) for k in kept_out if k.is_word)
                        break  # أكد المرصد أن عزيز إسبر: the clause before the name is no title
                    else:
                        words.add(_title_key(tokens[u].key))
                        if (bare := _conjoined_head(tokens[u].key, title_heads)) is not None:
                            words.add(_title_key(bare))  # وعدد من المسؤولين، ومدير مطار الجوف عبدالمحسن المضيان
                    u -= 1
                v = end + 1 if end < len(tokens) and tokens[end].text in COMMAS else end
                if v < len(tokens) and tokens[v].is_word and (
                    _strip_noun(tokens[v].key) in title_heads or tokens[v].key in title_heads or _looks_adjective(tokens[v].key)
                ):
                    after: set[str] = set()
                    while v < len(tokens) and v - end <= MAX_TITLE_AFTER and tokens[v].is_word and not _stops_title(mapped.get(v), mention):
                        if (_is_stop_key(tokens[v].key) and not tokens[v].key.startswith("لل")) or self.ends_title(tokens[v]):
                            break
                        after.add(_title_key(tokens[v].key))
                        v += 1
                    following = mapped.get(v + 1) if v + 1 < len(tokens) and tokens[v].text in COMMAS else None
                    if addressed:  # ل«الشرق الأوسط» أماني الوشاحي: the words after are who speaks to it
                        self.addressee_cut_titles.update(after)
                    elif following is None or following.label != "PER":  # ظريف، الرئيس الأمريكي، دونالد ترامب
                        words |= after
                if id(mention) not in self.quoted_made:  # «الشباب»، «سعوديون في أميركا»: a quoted name's
                    words.update(_title_key(k) for k in _key_text(mention.text).split())  # words describe nobody
                if (head := self.quoted_heads.get(id(mention))) is not None and _title_key(head) not in words:
                    words.add(_title_key(head))  # لمؤسسة "جي أي أم": a later المؤسسة (S-QUOTED-NAME)
                    self.quoted_titled.add(id(mention))
                frozen = frozenset(words)
                for word in frozen:
                    index.setdefault(word, []).append((tokens[t].start, mention, frozen))
                t = end
        return index

    @staticmethod
    def quoted_title_name(block, u: int) -> Optional[int]:
        """``S-TITLE-QUOTED``: the opening mark's index when ``u`` closes a short balanced quotation (a
        quoted name inside a title: رئيس حزب "الوفد"، مؤسس موقع "فيسبوك"); else None."""
        if not rule_on("S-TITLE-QUOTED"):
            return None
        region = block.closing.get(u)
        if region is not None and region.balanced and 0 < region.words <= MAX_NAME_WORDS:
            return region.open_token
        return None

    @staticmethod
    def is_document(token: _Token, heads: dict) -> bool:
        """A statement, report or study head (بيان، تقرير): its ل-phrase names its author."""
        return token.is_word and (token.key in heads["document"] or _strip_noun(token.key) in heads["document"])

    def lone_title(self, mention: Optional[Mention]) -> bool:
        """``S-TITLE-MENTION``: a person "name" that is one definite title word (الأسقف) is a title."""
        if mention is None or mention.label != "PER" or not rule_on("S-TITLE-MENTION"):
            return False
        words = _key_text(mention.text).split()
        heads = self.lexicon.heads["person"]
        return len(words) == 1 and words[0].startswith("ال") and (words[0] in heads or _strip_noun(words[0]) in heads)

    def governed(self, token: _Token, mention: Mention) -> bool:
        """Whether the name is the object of a preposition glued to it (للجزيرة، بالحكومة، لكيري)."""
        surface, canonical = mention.text, mention.canonical or ""
        if token.start < mention.start:  # the tagger left the clitics out of the mention
            return any(letter in PREPOSITION_LETTERS for letter in self.doc.text[token.start:mention.start])
        if surface[:1] == "ل" and rule_on("S-SPAN-MEDIUM") and _opens_with_medium(surface, self.lexicon.heads["media"]):
            return True  # لبي بي سي with its ل in the tagger's name (S-SPAN-MEDIUM)
        # كيكل for هربرت كيكل: a word of the canonical name as written, its ك no preposition
        return bool(canonical) and surface[:1] in PREPOSITION_LETTERS and surface != canonical \
            and not canonical.startswith(surface[:1]) and surface not in canonical.split()

    @staticmethod
    def made_by(tokens: list[_Token], u: int, name: int) -> bool:
        """الدراسة التي أجرتها «أرقام»، التقرير الذي أعده X: a relative whose verb, with a pronoun for
        the thing made, comes right before the name: the thing's title goes to its maker."""
        if tokens[u].key not in SUBJECT_RELATIVES:
            return False
        verb = u + 1
        rest = [tok for tok in tokens[verb + 1 : name] if tok.is_word or tok.text not in ALL_MARKS]
        return verb < name and tokens[verb].is_word and tokens[verb].key.endswith(("ها", "ه")) and not rest

    @staticmethod
    def ends_title(token: _Token) -> bool:
        """A word that no title holds: a complementiser, relative or reporting verb."""
        key = token.key
        if key in COMPLEMENTISERS or key in RELATIVES or key in TIME_WORDS:
            return True
        entry = lookup_cue(key)[0]
        return (entry is not None and entry.kind == "verb") or _present_verb(key)

    def named_by_title(self, keys: list[str], position: int, labels: tuple[str, ...],
                       by_place: bool = False) -> Optional[Mention]:
        """The name whose title words hold every word of ``keys``: the nearest before ``position``,
        else the first after it (``S-TITLE-NAME``); failing that, with ``by_place``, the one whose title names
        the description's place in another form (``S-TITLE-PLACE``, remembered in ``title_place_matched``)."""
        self.title_place_matched = False
        wanted = {_title_key(k) for k in keys if k not in DEMONSTRATIVES}
        wanted.discard("")
        if not wanted:
            return None
        found = self._nearest_titled(wanted, wanted, position, labels, lambda title: wanted <= title)
        if found is not None or not by_place or not rule_on("S-TITLE-PLACE"):
            return found
        places, rest = _place_tags(wanted)
        if not places or not rest:
            return None
        found = self._nearest_titled(rest, wanted, position, labels,
                                     lambda title: rest <= title and places <= _place_tags(title)[0])
        self.title_place_matched = found is not None
        return found

    def _nearest_titled(self, looked_up: set[str], wanted: set[str], position: int, labels: tuple[str, ...],
                        holds) -> Optional[Mention]:
        """The name of a label in ``labels`` whose title ``holds`` the description, among the names indexed under
        the rarest of the ``looked_up`` words: the nearest before ``position``, else the first after it."""
        index = self.title_index
        rarest = min((index.get(w, []) for w in looked_up), key=len)
        if not rarest:
            return None
        i = bisect_left(rarest, position, key=lambda entry: entry[0])

        def fits(entry: tuple[int, Mention, frozenset]) -> bool:
            return entry[1].label in labels and holds(entry[2]) and not self.refuses_deputy(entry[2], wanted, entry[1])

        before = rarest[max(0, i - MAX_TITLE_LOOKS) : i]
        for entry in reversed(before):
            if fits(entry):
                return entry[1]
        for entry in rarest[i : i + MAX_TITLE_LOOKS]:
            if fits(entry):
                return entry[1]
        return None

    def ranked_apposition(self, tokens, comma: int, t: int) -> bool:
        """``S-TITLE-RANKED-APPOSITION``: a comma followed only by rank words before a name (، الشيخ خالد بن أحمد)
        sets the name off from its title as a bare comma does."""
        return tokens[comma].text in COMMAS and rule_on("S-TITLE-RANKED-APPOSITION") \
            and all(tokens[k].is_word and self.rank_word(tokens[k]) for k in range(comma + 1, t))

    def refuses_deputy(self, title: frozenset, wanted: set[str], mention: Mention) -> bool:
        """``S-TITLE-DEPUTY`` (``_deputy_of``), remembered in ``deputy_refused`` for the rule ids.
        The name's own words are no title: جلوي بن عبدالعزيز بن مساعد is no assistant (مساعد)."""
        own = {_title_key(k) for k in _key_text(mention.text).split()}
        refused = _deputy_of(title - own, wanted)
        self.deputy_refused = self.deputy_refused or refused
        return refused

    def named_by_head(self, keys: list[str], position: int) -> Optional[Mention]:
        """``S-TITLE-HEAD``: a head noun and adjectives (الرئيس الإيطالي، المندوب السوري) that no
        name's title holds whole stand for the one person of the document whose title holds the head
        noun (رئيس الجمهورية سيرغو ماتاريلا; مندوب سوريا بشار الجعفري) and names no other country
        than the description's nisba. None when two names hold it. Persons only: for bodies and
        documents the head alone picked the wrong name too often (تقارير إعلامية → حزب الحرية)."""
        words = [k for k in keys if k not in DEMONSTRATIVES]
        adjectives, complements = _head_words(words)
        described = set(complements) | {_title_key(k) for k in adjectives} - set(places_of_keys(adjectives))
        if len(words) < 2 or any(k.endswith(("ين", "ون")) for k in adjectives):
            return None  # one person's adjectives are singular (المتحدث الصحفيين is no description)
        if not any(k.startswith("ال") for k in words) and words[-1].endswith(("ي", "يه")):
            return None  # قائد عسكري ميداني يمني: an indefinite description brings in someone new
        if not rule_on("S-TITLE-HEAD") or (complements and not rule_on("S-TITLE-COMPLEMENT")):
            return None
        places = _place_keys()
        head = _title_key(words[0])
        wanted = {places[key] for key in map(_title_key, words[1:]) if key in places}
        entries = [e for e in self.title_index.get(head, []) if e[1].label == "PER"]
        if len(entries) > MAX_TITLE_LOOKS:
            return None  # many names with that title: no one of them is meant
        name_of = lambda mention: _key_text(mention.canonical or mention.text)
        rest = lambda mention, title: title - {head} - {_title_key(w) for w in name_of(mention).split()}
        fitting = [
            (offset, mention, title) for offset, mention, title in entries
            # الرئيس الأمريكي is not الرئيس الروسي بوتين
            if not (wanted and (named := {places[w] for w in title if w in places}) and not wanted <= named)
            and not self.refuses_deputy(title, {head} | described, mention)
            and _complements_fit(complements, described, rest(mention, title))
        ]
        if len({name_of(mention) for _, mention, _ in fitting}) > 1:
            # two ministers: وزير الإعلام، خورخي رودريغيز is not the وزير الداخلية the bare الوزير، ريفرول may be
            kept = [e for e in fitting if not _other_office(described, rest(e[1], e[2]) - set(places))]
            self.other_office_set_apart = len(kept) < len(fitting)
            fitting = kept
        exact = [e for e in fitting if described and described <= rest(e[1], e[2])]
        if exact and len(exact) < len(fitting) and rule_on("S-TITLE-COMPLEMENT"):
            fitting = exact  # وزير الإعلام الفنزويلي: the minister whose title names that office, not a bare الوزير
        return _one_person_nearest([(offset, mention) for offset, mention, _ in fitting], position)

    def named_by_office(self, keys: list[str], position: int) -> Optional[Mention]:
        """``S-TITLE-OFFICE``: المسؤول with nisba adjectives only (المسؤول الأمريكي، المسؤول الحكومي الأردني),
        which no title holds, is the one person of the document whose title names that country,
        whatever the office (الممثل الأمريكي للتجارة روبرت لايتزر); None without a nisba or with two such
        persons. Data: name_words.json generic_office_heads, arabic/nisba.tsv."""
        words = [k for k in keys if k not in DEMONSTRATIVES]
        if not words or not words[0].startswith("ال") or _strip_noun(words[0]) not in GENERIC_OFFICE_HEADS or not rule_on("S-TITLE-OFFICE"):
            return None
        if not all(_looks_adjective(k) for k in words[1:]):
            return None  # الناطقة باسم الخارجية الإيرانية مرضية أفخم: an office and a name, not a bare nisba
        places = _place_keys()
        wanted = {places[key] for key in map(_title_key, words[1:]) if key in places}
        if not wanted:
            return None
        fitting = {
            (offset, mention) for key, entries in self.title_index.items() if places.get(key) in wanted
            for offset, mention, title in entries
            if mention.label == "PER" and wanted <= {places[w] for w in title if w in places}
        }
        return _one_person_nearest(fitting, position)


def _conjoined_head(key: str, title_heads: frozenset) -> Optional[str]:
    """A title head with a listing و glued to it (ومدير، ورئيس), without the و, that a later description
    (مدير مطار الجوف) names; None for any other word (وزير keeps its و)."""
    bare = key[1:] if len(key) > 3 and key[0] == "و" and not key.startswith("وال") else ""
    return bare if bare in title_heads else None


def _other_office(described: set[str], title: set[str]) -> bool:
    """``S-TITLE-OTHER-OFFICE``: when two persons hold a description's head, a title with words of its own, none
    of them the description's (وزير الإعلام، خورخي رودريغيز for وزير الداخلية), names another office than the
    description; a bare title (الوزير، نيستور ريفرول) names none."""
    return rule_on("S-TITLE-OTHER-OFFICE") and bool(described) and bool(title) and not described & title


def _one_person_nearest(fitting, position: int) -> Optional[Mention]:
    """The nearest (before ``position`` first) of (offset, mention) pairs that all name one person, else None."""
    if len({_key_text(mention.canonical or mention.text) for _, mention in fitting}) != 1:
        return None
    return min(fitting, key=lambda e: (e[0] > position, abs(e[0] - position)))[1]


def _present_verb(key: str) -> bool:
    """``S-TITLE-VERB``: a present-tense verb (ي + stem, no nisba) ends the words a title is read from
    (أسقف يعتذر للمغنية أريانا غراندي: أسقف is no title of hers)."""
    return rule_on("S-TITLE-VERB") and key[:1] == "ي" and len(key) >= 4 and not _looks_adjective(key)


@lru_cache(maxsize=1)
def _deputy_keys() -> frozenset[str]:
    return frozenset(_title_key(word) for word in DEPUTY_TITLES)


def _deputy_of(title: frozenset, wanted: set[str]) -> bool:
    """``S-TITLE-DEPUTY``: a name whose title makes it a deputy or aide (نائب رئيس مجلس المحافظة
    فالح العيساوي) is not the office a description without that word names (رئيس مجلس المحافظة).
    Data: name_words.json deputy_titles."""
    return rule_on("S-TITLE-DEPUTY") and bool((_deputy_keys() & title) - wanted)


def _head_words(words: list[str]) -> tuple[list[str], list[str]]:
    """A description's adjectives and its genitive words (title keys) after the head noun."""
    adjectives = [k for k in words[1:] if _looks_adjective(k)]
    return adjectives, [_title_key(k) for k in words[1:] if not _looks_adjective(k)]


def has_complements(keys: list[str]) -> bool:
    """Whether a description has genitive words after its head (محامي | المتهمين)."""
    return bool(_head_words([k for k in keys if k not in DEMONSTRATIVES])[1])


def places_of_keys(keys: list[str]) -> list[str]:
    """The title keys of ``keys`` that name a place or its nisba (الإيطالي، روسيا)."""
    places = _place_keys()
    return [key for key in map(_title_key, keys) if key in places]


def _complements_fit(complements: list[str], described: set[str], title: frozenset) -> bool:
    """``S-TITLE-COMPLEMENT``: a description with genitive words (``described``: those and its adjectives
    that name no place) fits a name whose title is its head alone when it holds one such word (محامي
    المتهمين → المحامي غونتر ريزينغر), or whose title holds all of them but one, two at least (مدير إدارة شؤون
    المباني → مدير شؤون المباني شاكر الفقير); a longer description with a bare title is most often an
    untagged name (الدكتور شرف الدين)."""
    if not complements:
        return True
    if not title:
        return len(described) == 1
    shared = len(described & title)
    # وزير الإعلام الفنزويلي → وزير الإعلام، خورخي رودريغيز: the title holds every word the description has
    return described <= title or (shared >= 2 and shared >= len(described) - 1)


def _place_tags(words) -> tuple[set[str], set[str]]:
    """``S-TITLE-PLACE``: the places that title keys name, in any form (كوريا الجنوبية، الكوري الجنوبي، الكورية
    الجنوبية; البحرين، البحريني), and the keys that name none."""
    singles, pairs = _place_keys(), _place_pairs()
    places, rest = set(), set(words)
    for pair, place in pairs.items():
        if pair <= rest:
            places.add(place)
            rest -= pair
    for key in list(rest):
        if key in singles:
            places.add(singles[key])
            rest.discard(key)
    return places, rest


@lru_cache(maxsize=1)
def _place_pairs() -> dict[frozenset, str]:
    """Title keys of a two-word nisba (both words in either gender) or two-word place name -> the place
    (الكوري الجنوبي، الكورية الجنوبية، كوريا الجنوبية → كوريا الجنوبية; الولايات المتحدة)."""
    pairs: dict[frozenset, str] = {}
    for adjective, place in NISBA_PLACES:
        forms = [match_form(adjective).split()]
        if len(forms[0]) == 2:
            forms.append([word + "ه" for word in forms[0]])
        forms.append(match_form(place).split())
        for words in forms:
            if len(words) == 2:
                pairs.setdefault(frozenset(_title_key(w) for w in words), place)
    return pairs


@lru_cache(maxsize=1)
def _place_keys() -> dict[str, str]:
    """Title key of a nisba (any gender or number) or of a one-word place name -> the place."""
    places: dict[str, str] = {}
    for adjective, place in NISBA_PLACES:
        base = match_form(adjective)
        if " " in base:
            continue
        for form in (base, base + "ه", base + "ون", base + "ين"):
            places.setdefault(_title_key(form), place)
        if " " not in place.strip():
            places.setdefault(_title_key(match_form(place)), place)
    return places
