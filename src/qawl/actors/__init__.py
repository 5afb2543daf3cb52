"""Actors across a corpus: one key per real-world speaker, with a role and an affiliation.

The quote, stance and entity tables name people and bodies as each article writes
them: ``نتنياهو`` here, ``بنيامين نتانياهو`` there, ``الرئيس الأمريكي`` or
``#سيرغي_لافروف`` elsewhere. This module (analysis: it reads the run's tables and
writes one of its own) merges those forms into actors and explains each merge in an
**alias table**, one row per form:

    form, key, label, role, affiliation, rule, why, count

``count`` is how many times the run's tables give the form (as a name, or as the words an
article wrote for a name it resolved). ``rule`` names the rules (``RULES``) that took the form to its key, ``why`` says how.
The run writes it to ``tables/aliases.csv``; a researcher edits it (or writes a
smaller CSV with ``form, key, label, role, affiliation``) and passes it back
(``aliases=path``): every row that differs from the automatic table overrides it
(rule ``A-RESEARCHER``), and a role, label or affiliation set on one form applies to
every form of that key.

Roles (``ROLES``) come from titles, descriptions and appositions in the speaker span
and the words around it, through the lexicon ``data/actors/role_titles.tsv``; the
affiliation (``affiliation``: rules AFF-*) is the state a state or capital speaks for,
the body a named body is, the body a person's title names (``المتحدث باسم الجيش
الإسرائيلي``), or the country of an office of state (``الروسي`` → روسيا,
``data/arabic/nisba.tsv``); a place that never speaks is no speaker. Forms that name nobody (``الشركة``, ``البيان``, ``لي``) get a
generic key per role (``generic:<role>``), labelled ``(unnamed …)``, so that they
never rank as named speakers.

Every data file lives in ``data/actors/``; every rule has an id in ``RULES``, and
``build_aliases(..., disabled={...})`` switches rules off (the tests do).

Modules: ``lexicon`` (roles, rule ids, data files, name keys), ``reading`` (one form),
``merge`` (forms to actors), ``roles`` and ``affiliation`` (what an actor is), ``table``
(the run's alias table, the researcher's edits, applying it to the other tables).
"""
from __future__ import annotations

from qawl.actors.lexicon import (  # noqa: F401
    ACTOR_SOURCES, ALIAS_COLUMNS, ALIASES_NAME, DATA, EDIT_COLUMNS, EDITS_NAME, GENERIC_PREFIX, ROLE_PRIORITY,
    ROLES, RULES, Lexicons, Term, generic_key, generic_label, is_generic_label, lexicons, match_terms, name_key, skeleton,
    skeleton_key, words_of,
)
from qawl.actors.merge import OCCURRENCE_COLUMNS, build_aliases  # noqa: F401
from qawl.actors.reading import Reading, apposition_after, office_key, read_form, title_before  # noqa: F401
from qawl.actors.table import (  # noqa: F401
    aliases_path, apply_edits, edits_path, entity_aliases, map_forms, merge_entities, merge_quotes,
    merge_stances, read_alias_csv, read_aliases, run_occurrences, target_aliases, write_actor_tables,
    write_aliases,
)
