"""The extractor: one document's state, with the stage methods mixed in.

Input: a cleaned ``Document`` and its mentions. State: the token/blocks view (``tokens``),
the mentions by token (``mentions``), the cue lexicon, and the subjects of cues that
reported nothing (``loose_agents``, filled by cue finding and read by source resolution).
The stage methods live in their own modules (cue finding, content start and end, source
phrase and span, title index); this class only builds the state they share.
"""
from __future__ import annotations

from itertools import accumulate
from typing import Optional, Sequence

from qawl.arabic import DOCUMENT_HEADS, PREPOSITION_SPELLINGS
from qawl.cues import CueEntry, Lexicon, load_cues
from qawl.schema import Document, Mention
from .content_end import _ContentEnd
from .content_start import _ContentStart
from .cue_finding import _CueFinding
from .cue_frames import _CueFrames
from .documents import _DocumentAuthors
from .lexical import _key_text
from .mentions import _MentionView
from .quoted_names import body_heads, find_quoted_names
from .rules import rule_on
from .source_phrase import _SourcePhrase
from .source_span import _SourceSpan
from .titles import _TitleIndex
from .tokens import _blocks


class _Extractor(_CueFinding, _CueFrames, _ContentStart, _ContentEnd, _SourceSpan, _SourcePhrase, _TitleIndex,
                 _DocumentAuthors, _MentionView):
    """One document's extraction state: tokens, regions, mentions, candidates."""

    def __init__(self, doc: Document, mentions: Optional[Sequence[Mention]]):
        self.doc = doc
        self.lexicon: Lexicon = load_cues()
        self.blocks = _blocks(doc)
        self.document_heads = DOCUMENT_HEADS | self.lexicon.heads["document"]
        # "على" tagged as the name علي: as written, it is the preposition
        named = [m for m in mentions or [] if m.text.strip() not in PREPOSITION_SPELLINGS]
        self._index_mentions(named)
        # صحيفة "زمان" التركية: a quoted name after a body head is an ORG name (S-QUOTED-NAME);
        # id(mention) -> its head, for the title index
        self.quoted_heads: dict[int, str] = {}
        self.quoted_made: set[int] = set()  # ids of the mentions that rule made
        self.quoted_titled: set[int] = set()  # ids of the names whose head only that rule indexes (title_index)
        # only with the tagger's mentions: without any, the stages read names their own way
        # (``not self.mentions``) and one made name must not switch that for the whole page
        if named and rule_on("S-QUOTED-NAME"):
            heads = body_heads(self.lexicon.listed_indefinite, self.document_heads)
            found = find_quoted_names(doc.text, self.blocks, heads, self.mention_at)
            self.quoted_heads = {id(q.mention): q.head for q in found}
            self.quoted_made = {id(q.mention) for q in found if q.made}
            if self.quoted_made:
                self._index_mentions(self.mentions + [q.mention for q in found if q.made])
        # the family name of a person named in full (البنيان of عمر بخيت البنيان) names them
        # wherever the tagger missed it alone
        self.surnames: dict[str, Mention] = {}
        for mention in self.mentions:
            words = _key_text(mention.text).split()
            if mention.label == "PER" and len(words) >= 2 and len(words[-1]) > 3:
                self.surnames.setdefault(words[-1], mention)
        # subjects of cues that reported nothing: later dropped subjects may refer to them
        self.loose_agents: list[tuple[int, tuple[int, int], CueEntry]] = []
        # the speakers the lead's first sentence reports, once the first selection is made (Q-HEADLINE-PLACE-LEAD)
        self.lead_speakers: list[tuple[Optional[str], list[str]]] = []
        self.loose_rules: dict[tuple[int, int], tuple[str, ...]] = {}  # (block, first token) -> ids that found a loose agent
        self.far_clause_forms: set[tuple[int, int]] = set()  # (block, token) of a clause form whose عن is far (Q-CLAUSE-FORM-FAR)
        # (block, token) of a verbal noun that S-VERBAL-NOUN-OBJECT kept from being a loose agent
        self.verbal_objects: list[tuple[int, int]] = []
        self.loose_objects: list[tuple[int, int]] = []  # (block, token) of objects kept from being agents (S-LOOSE-SOURCE)
        # (block, token) where a speaker phrase was cut by an S-SPAN-* rule -> its id (recorded on the quote)
        self.span_cuts: dict[tuple[int, int], str] = {}
        self.adjuncts_before: set[tuple[int, int]] = set()  # (block, cue) whose words before were an adjunct
        self.accusatives_before: set[tuple[int, int]] = set()  # (block, cue) after an accusative (S-ACCUSATIVE-NOT-SUBJECT)
        self.apposed_fronted: set[tuple[int, int]] = set()  # (block, start) of a كان subject with its apposed name (S-APPOSED-NAME)
        self.ranked_appositions: set[tuple[int, int]] = set()  # (block, end) of an apposed name with a rank (S-APPOSED-RANK)
        self.bracketed_subjects: set[tuple[int, int]] = set()
        self.fronted_complements: set[tuple[int, int]] = set()
        self.relative_asides: set[tuple[int, int]] = set()  # (block, cue) whose subject stands before a relative aside (S-RELATIVE-ASIDE)
        self.aside_ends: dict[tuple[int, int], int] = {}  # (block, subject start) -> the comma opening its aside
        self.complement_starts: dict[tuple[int, int], int] = {}  # (block, phrase start) -> offset of its complement (S-FRONTED-COMPLEMENT)  # (block, cue) whose subject goes on over a complement (S-FRONTED-COMPLEMENT)  # (block, cue) whose subject holds (CBI) (S-BRACKETED-ACRONYM)
        self.long_fronted: set[tuple[int, int]] = set()  # (block, start) of fronted subjects longer than a phrase
        self.subjects_through_names: set[tuple[int, int]] = set()  # (block, cue) whose subject ran through a name (S-NAME-THROUGH-STOP)
        self.fronted_pluperfects: set[tuple[int, int]] = set()  # (block, start) of subjects before كان قد (S-FRONTED-PLUPERFECT)
        self.kana_verbs: set[tuple[int, int]] = set()  # (block, start) of كان subjects closed by a verb, not قد
        self.manner_after_verb: set[tuple[int, int]] = set()  # (block, token) of a manner adverb right after a cue verb
        self.comma_asides: set[tuple[int, int]] = set()  # (block, token) of a subject before a comma aside
        self.apposed_descriptions: set[tuple[int, int]] = set()  # (block, token) of a name apposed to an opening description
        self.side_adverbs: set[tuple[int, int]] = set()  # (block, token) of من جهته between a cue verb and its subject
        self.host_rules: dict[tuple[int, int], str] = {}  # (block, cue) -> the rule that found its statement's issuer
        self.issuerless_hosts: set[tuple[int, int]] = set()  # (block, cue) in the clause of a statement without issuer (S-HOST-ISSUER)
        self.acts_first: set[tuple[int, int]] = set()  # (block, token) of an object right after its cue verb (Q-ACT-OBJECT-FIRST)
        self.auxiliaries_before: set[tuple[int, int]] = set()  # (block, cue) after an auxiliary verb (S-AUXILIARY-VERB)
        self.prepositional_adjuncts: set[tuple[int, int]] = set()  # (block, token) read as no subject (S-PREPOSITIONAL-ADJUNCT)
        self.addressee_pronouns: set[tuple[int, int]] = set()  # (block, token) of a skipped لي / لنا (S-ADDRESSEE-PRONOUN)
        self.office_places: set[tuple[int, int]] = set()  # (block, phrase start) that S-OFFICE-PLACE carried on
        self.phrase_rules: dict[tuple[int, int], str] = {}  # (block, phrase start) -> the rule that carried it on
        self.body_titled: set[int] = set()  # headline blocks whose speaker Q-HEADLINE-BODY-TITLE read as a name
        # ORG mentions whose name S-ORG-COMPLEMENT carried on past the tagger's end (id of the mention)
        self.bodies_named_on: set[int] = set()
        self.names_run_on: set[int] = set()  # PER mentions whose last word the tagger cut (S-NAME-TAIL), by id
        self._people: dict[int, list[int]] = {}

    def _index_mentions(self, mentions: list[Mention]) -> None:
        """The mentions in text order, their reach and the mention of each token."""
        self.mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
        # the furthest end among the first i+1 mentions: mentions before the first reach
        # past an offset all end before it (bisect instead of a scan from the start)
        self.mention_reach = list(accumulate((m.end for m in self.mentions), max))
        self.token_mention: list[dict[int, Mention]] = [self._map_mentions(b) for b in self.blocks]
