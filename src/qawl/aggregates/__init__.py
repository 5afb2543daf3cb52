"""Corpus-level aggregates over a run's tables, in bounded memory.

A large run writes its tables as partition parts (``qawl.tables``). Each
function here reads the parts of the complete partitions only
(``table_parts``) with an in-memory DuckDB, which streams them, and returns a
small pandas frame: the same frame its pandas counterpart gives on the whole
table (``qawl.entities.analysis``, or the ``*_of`` functions here: attribution
and stance tables, corpus statistics, cue frequencies and the figures'
inputs). A run folder with a single ``tables/<name>.parquet`` works too.

This module sits below the figures (``qawl.viz``) and the notebook views
(``qawl.display``), which import from it and never the reverse. The per-row
rules live in one place each, here: text columns, speaker names and keys,
speaker kinds, source types, outlets, words, quote lines and cue lemmas (the
figures use them too). They are called here as vectorised
DuckDB functions (``qawl_*``) over batches of rows, so heavy text columns are
never loaded whole. Where pandas breaks ties by first appearance, ``row_pos`` (partition,
then row) does the same. Where pandas sorts with an unstable sort (whose
order of ties is its own), DuckDB returns the small grouped frame in the order
pandas' groupby gives it and the same pandas sort is applied to it.
"""
from qawl.aggregates.rows import (
    UNKNOWN_SOURCE, UNKNOWN_OUTLET, UNATTRIBUTED, SOURCE_TYPES, string_column, text_column, outlets,
    speaker_names, speaker_keys, content_words, source_types, speaker_kinds, check_quote_grouping,
    quote_groups, cue_lemmas,
)
from qawl.aggregates.sql import (
    MEMORY_LIMIT, ROW_SPAN, table_paths, UDFS, ALIAS_JOIN_COLUMNS, connect, FILTER_FILE, set_min_confidence,
    min_confidence, kept_quotes,
)
from qawl.aggregates.voice import (
    VOICE_COLUMNS, SHARE_OF_VOICE_COLUMNS, share_of_voice, directness, ATTRIBUTION_COLUMNS, attribution_table,
    speaker_voices, share_of_voice_of, directness_of, attribution_table_of, speaker_voices_of,
    attributed_quotes, type_totals,
)
from qawl.aggregates.outlet_stats import (
    SOURCE_STATISTICS_COLUMNS, OUTLET_COLUMNS, outlet_comparison, statistics_by_source, outlet_comparison_of,
    statistics_by_source_of,
)
from qawl.aggregates.stances import (
    STANCE_PAIR_COLUMNS, SPEAKER_TARGET_COLUMNS, STANCE_RANKING_COLUMNS, speaker_target_table, stance_pairs,
    speaker_target_table_of, stance_pairs_of, pair_counts, polarity_totals, stance_ranking, target_totals,
)
from qawl.aggregates.time import (
    stance_over_time, quote_dates, QUOTE_RATE_COLUMNS, quote_rates, stance_over_time_of, quote_dates_of,
    quote_rates_of, outlet_quote_rates,
)
from qawl.aggregates.documents import (
    corpus_statistics, most_quoted_document, article_tables, example_documents, corpus_statistics_of,
    most_quoted_document_of,
)
from qawl.aggregates.cues import (
    CUE_COLUMNS, CUE_FORMS_SHOWN, CUE_FORMS_SEPARATOR, cue_frequencies, cue_frequencies_of,
)
from qawl.aggregates.entities import top_entities, entity_cooccurrence
from qawl.aggregates.roles import (
    NO_ROLE, ROLE_VOICE_COLUMNS, OUTLET_ROLE_COLUMNS, STANCE_ROLE_COLUMNS, quote_roles, voice_by_role_of,
    voice_by_role, outlet_roles_of, outlet_roles, stance_by_role_of, stance_by_role,
)
from qawl.aggregates.context import (
    CONTEXT_COLUMNS, CODER_COLUMNS, quotes_where, article_choices, mention_spans, quotes_by, coding_sample,
    excel_available, export_quotes,
)
