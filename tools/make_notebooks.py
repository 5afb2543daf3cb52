"""Regenerate notebooks/*.ipynb from the cell lists below (run: python tools/make_notebooks.py).

Keeping the source here makes notebook diffs reviewable; the notebooks stay thin:
a header, one parameters cell, then calls into qawl.
"""
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"

PARAMETERS = '''corpus = "../seeds"  # corpus file or folder: txt, SaudiNewsNet zips, ANT XML, JSONL, CSV
output_dir = "../outputs/notebooks"  # run folder: tables/ and figures/ are written here
limit = None  # analyse this many articles, a random sample across the corpus drawn with `seed` (None: every article)
seed = 0  # random seed for the sample of articles, sampled examples and layouts'''

SETUP = '''import logging

import pandas as pd
from IPython.display import HTML, Markdown, display

from qawl import aggregates
from qawl import display as views
from qawl.tables import read_table

logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
pd.set_option("display.max_colwidth", 120)'''


def code(source, check=False, interactive=False):
    cell = new_code_cell(source)
    if check:
        cell.metadata["tags"] = ["nbval-check-output"]
    if interactive:  # widgets need a running kernel: left out of report.html
        cell.metadata["tags"] = ["report-hide"]
    return cell


def interactive_note(text):
    cell = new_markdown_cell(text)
    cell.metadata["tags"] = ["report-hide"]
    return cell


def params(extra=""):
    cell = new_code_cell(PARAMETERS + extra)
    cell.metadata["tags"] = ["parameters"]
    return cell


CLEAN = [
    new_markdown_cell(
        "# 01 · Clean: raw page text to documents\n\n"
        "Runs the engine over the corpus: it is cut into partitions (at most 500 articles), and "
        "each partition goes through every stage (clean, entities, quotes, stance) on a worker "
        "process, writing one parquet part per table (`tables/<table>/part-NNNNN.parquet`). "
        "A stopped run is finished by running this notebook again on the same `output_dir` "
        "(or `python -m qawl run --resume DIR`): complete partitions are kept.\n\n"
        "Cleaning: Unicode, spaces, tatweel, punctuation variants (letters kept as written), "
        "paragraphs the page layout repeated removed, each paragraph labelled as title, caption, "
        "subheading, body or source line. The next notebooks show the other stages.\n\n"
        "Shows a before/after view of one article, its blocks by role, and per-corpus statistics."),
    params('\nsample = True  # with a limit: a seeded random sample across the corpus (False: the first articles)'
           '\nworkers = None  # worker processes, one core each (None: all cores; 1: in this kernel)'
           '\nscheduler = None  # address of a running dask.distributed cluster, e.g. "tcp://host:8786"'
           '\npartition_size = None  # articles per partition (None: at most 500, chosen from the corpus size)'
           '\nbackend = "auto"  # NER backend: auto, lstm (built-in), crf (faster) or camel (needs camel_data -i ner-arabert)'
           '\nlexicon = None  # optional extra stance lexicon file (CSV/TSV: term,polarity), merged with ours'
           '\ntime_budget = 10.0  # seconds one article may take over all stages; past it, it is recorded as failed (None: no limit)'
           '\nmax_chars = 50000  # longer articles (page dumps) are analysed in sections of at most this many characters'
           '\naliases = None  # your alias table (CSV: form,key,label,role,affiliation), e.g. an edited tables/aliases.csv: it overrides the automatic merge of speakers'),
    code(SETUP + "\nfrom qawl import actors, engine"),
    code("report = engine.process_corpus(\n"
         "    corpus, output_dir, limit=limit, seed=seed, sample=sample, workers=workers,\n"
         "    scheduler=scheduler, partition_size=partition_size,\n"
         "    config=engine.EngineConfig(backend=backend, lexicon=lexicon, time_budget=time_budget,\n"
         "                               max_chars=max_chars))"),
    code("if aliases is not None:  # the researcher's table: the alias table and attribution again, with it\n"
         "    actors.write_actor_tables(output_dir, aliases)"),
    code("print(f\"{report.documents} documents cleaned; {len(report.skipped)} inputs skipped\")",
         check=True),
    code("print(f\"{report.words:,} words in {report.partitions} partitions ({report.redone} processed now) \"\n"
         "      f\"on {report.workers} worker(s) in {report.seconds:.0f} s\")\n"
         "problems = pd.DataFrame(report.skipped + report.failures, columns=[\"stage\", \"origin\", \"reason\"])\n"
         "problems if len(problems) else Markdown(\"No input was skipped and no article failed.\")"),
    new_markdown_cell("## Before and after\n\nOne article of the corpus as the page gave it, "
                      "and as cleaned (␣ marks a no-break space). The explorers in 02 and 03 pick any article."),
    code("documents = read_table(output_dir, \"documents\", parts=1)  # the first partition\n"
         "blocks = read_table(output_dir, \"blocks\", parts=1)\n"
         "example = documents.iloc[0]\n"
         "article = views.find_article(corpus, example.doc_id)\n"
         "display(HTML(views.before_after(article.raw_text, example.text)))"),
    new_markdown_cell("## Blocks by role"),
    code("display(HTML(views.blocks_view(blocks[blocks.doc_id == example.doc_id])))"),
    code("blocks.role.value_counts()", check=True),
    new_markdown_cell("## Corpus statistics"),
    code("aggregates.corpus_statistics(output_dir)"),
    code("aggregates.statistics_by_source(output_dir)"),
]

EXAMPLES = ('\nexamples = None  # doc_ids of the articles to show in context (None: the first one; the explorer picks any)')
EXAMPLE_DOCUMENTS = ("documents = aggregates.example_documents(output_dir, examples, n=1)  # only these are read")

ENTITIES = [
    new_markdown_cell(
        "# 02 · Entities: who and what the news talks about\n\n"
        "People (PER), places (LOC), organisations (ORG) and other names (MISC), tagged by "
        "01_clean's engine with the built-in BiLSTM-CRF (or camel-tools' BERT when its data is "
        "installed), and the mentions of each entity grouped under one canonical name per article.\n\n"
        "Shows entities per article with their mentions highlighted, the top entities of the "
        "corpus by type, and which entities appear together. The tables are `tables/mentions` and "
        "`tables/entities`; corpus-level views are computed over their parts with DuckDB."),
    params('\nbackend = "auto"  # the NER backend that 01_clean used (it runs every stage)' + EXAMPLES),
    code(SETUP + "\nfrom qawl.entities import analysis as entity_views"),
    code("print(entity_views.describe_backend(backend))\n"
         "top = aggregates.top_entities(output_dir, n=15)"),
    code("sorted(top[top.label == \"PER\"].entity)  # the people named in the most articles (up to 15)",
         check=True),
    new_markdown_cell("## Entities per article, in context"),
    code(EXAMPLE_DOCUMENTS + "\n"
         "mentions = read_table(output_dir, \"mentions\", parts=1)\n"
         "entities = read_table(output_dir, \"entities\", parts=1)\n"
         "for doc in documents.itertuples():\n"
         "    spans = mentions[mentions.doc_id == doc.doc_id]\n"
         "    display(HTML(views.highlight(doc.text, zip(spans.start, spans.end, spans.label), title=doc.doc_id)))\n"
         "    display(entities[entities.doc_id == doc.doc_id][[\"label\", \"canonical\", \"mentions\"]])"),
    code("display(HTML(views.legend([\"PER\", \"LOC\", \"ORG\", \"MISC\"])))"),
    interactive_note("### Pick an article\n\nBy outlet and date range (most quoted articles first); "
                     "needs a running kernel (the report shows the examples above)."),
    code("views.article_explorer(output_dir, layer=\"entities\")", interactive=True),
    new_markdown_cell("## Top entities of the corpus, by type"),
    code("top"),
    new_markdown_cell("## Entity co-occurrence\n\nPairs of entities named in the same article."),
    code("aggregates.entity_cooccurrence(output_dir, n=20)"),
]

QUOTES = [
    new_markdown_cell(
        "# 03 · Quotes: who said what\n\n"
        "Direct quotes (in quotation marks), indirect quotes (a cue such as قال إن، أكد أن، "
        "بحسب), mixed quotes and headline quotes (المتحدث: …), each with its cue, content and "
        "speaker; pronoun and descriptive speakers are resolved to the entity they refer to.\n\n"
        "Shows each article's quotes in context, who is quoted how often directly and indirectly, "
        "and the most frequent cues. The table is `tables/quotes`."),
    params(EXAMPLES + '\nspeaker = None  # part of a speaker\'s name, e.g. "لافروف", to list with context (None: the most quoted named speaker)'
           '\nsample_size = 100  # quotes in the random sample for checking by hand (exports/quotes_sample.csv)'),
    code(SETUP + "\nfrom qawl import actors"),
    code("shares = aggregates.share_of_voice(output_dir)\n"
         "print(f\"{shares.n_quotes.sum()} quotes from {len(shares)} speakers\")"),
    code("sorted(shares.speaker.head(20))  # the 20 most quoted speakers", check=True),
    new_markdown_cell("## Quotes in context\n\nSpeaker, cue and content are highlighted."),
    code(EXAMPLE_DOCUMENTS + "\n"
         "display(HTML(views.legend([\"speaker\", \"cue\", \"content\"])))\n"
         "for doc in documents.itertuples():\n"
         "    _, found = aggregates.article_tables(output_dir, doc.doc_id)\n"
         "    display(HTML(views.highlight(doc.text, views.quote_spans(found), title=doc.doc_id)))\n"
         "    display(found[[\"type\", \"speaker_canonical\", \"speaker_kind\", \"cue\", \"content\", \"confidence\"]])"),
    interactive_note("### Pick an article, a speaker, an outlet or a date range\n\n"
                     "Both explorers need a running kernel (the report shows the examples above and links "
                     "the quote browser, quotes.html)."),
    code("views.article_explorer(output_dir, layer=\"quotes\")", interactive=True),
    code("views.quote_explorer(output_dir, speaker=speaker or \"\")", interactive=True),
    new_markdown_cell("## One speaker's quotes with their context\n\n"
                      "`aggregates.quotes_by(output_dir, \"لافروف\")` lists a speaker's quotes (part of a name is "
                      "enough) with the sentence, paragraph, article title, URL and section; "
                      "`aggregates.quotes_where` filters by outlet, type, role, dates and words too."),
    code("by_speaker = aggregates.quotes_by(output_dir, speaker)\n"
         "print(f\"{len(by_speaker)} quotes of {by_speaker.speaker.iloc[0] if len(by_speaker) else speaker}\")\n"
         "by_speaker[[\"date\", \"source\", \"type\", \"cue\", \"sentence\", \"title\", \"url\"]].head(20)"),
    new_markdown_cell("## Exports for a spreadsheet and for checking by hand\n\n"
                      "Every quote with its context as CSV (UTF-8 with BOM, opens in Excel), a seeded random sample "
                      "with blank columns for a coder's verdict, and an Excel workbook with both sheets when openpyxl "
                      "is installed."),
    code("exported = aggregates.export_quotes(output_dir, sample=sample_size, seed=seed)\n"
         "Markdown(\"\\n\".join(f\"- `{path.relative_to(output_dir)}`\" for path in exported))"),
    new_markdown_cell("## Actors: one row per person or body\n\n"
                      "Speakers are counted as actors: spellings, titles, hashtags and surnames of the same "
                      "person are merged across articles (`tables/aliases.csv` says which form went to which "
                      "actor, by which rule; edit it and pass it back with `-p aliases=...`). Forms that name "
                      "nobody count as `(unnamed <role>)`. The merges with the most quotes:"),
    code("alias_table = actors.read_aliases(output_dir)\n"
         "merged_forms = alias_table[alias_table.key.duplicated(keep=False) & ~alias_table.key.str.startswith(actors.GENERIC_PREFIX)]\n"
         "merged_forms.sort_values([\"label\", \"count\"], ascending=[True, False]).head(30)"),
    new_markdown_cell("## Speakers by role\n\nFrom titles and descriptions in the articles "
                      "(`وزير الخارجية الروسي`, `المتحدث باسم …`); quotes, speakers and direct quotes per role."),
    code("aggregates.voice_by_role(output_dir)"),
    new_markdown_cell("## Who is quoted, directly and indirectly"),
    code("aggregates.directness(output_dir, by=\"speaker\").head(20)"),
    new_markdown_cell("## The most frequent cues"),
    code("aggregates.cue_frequencies(output_dir, n=20)"),
]

STANCE = [
    new_markdown_cell(
        "# 04 · Stance and attribution\n\n"
        "For each quote, the targets it is about and the speaker's polarity towards each "
        "(favor, against, neutral), from the cue, an evaluative lexicon, negation and binding "
        "rules; every stance keeps its evidence. Then, across the corpus: share of voice, "
        "directness by speaker and outlet, who speaks about whom, stance over time and an "
        "outlet comparison. The tables are `tables/stances` and `tables/attribution`."),
    params(),
    code(SETUP),
    code("pairs = aggregates.speaker_target_table(output_dir)\n"
         "print(f\"{pairs.total.sum()} stances, \"\n"
         "      f\"{len(pairs)} speaker-target pairs\")"),
    code("sorted(pairs.speaker.unique()[:20])  # who takes positions (the first 20 pairs' speakers)",
         check=True),
    code("read_table(output_dir, \"stances\", parts=1)[[\"doc_id\", \"speaker\", \"polarity\", \"target\", \"evidence\"]].head(30)"),
    new_markdown_cell("## Share of voice"),
    code("aggregates.share_of_voice(output_dir).head(20)"),
    new_markdown_cell("## Directness by outlet"),
    code("aggregates.directness(output_dir, by=\"source\")"),
    new_markdown_cell("## Outlets by speaker role\n\nPer outlet, the share of its quotes from officials, "
                      "opposition, experts, citizens and the other roles."),
    code("outlet_roles = aggregates.outlet_roles(output_dir)\n"
         "outlet_roles.pivot_table(index=\"source\", columns=\"role\", values=\"share\", fill_value=0).round(3)"),
    new_markdown_cell("## Stance by speaker role"),
    code("aggregates.stance_by_role(output_dir)"),
    new_markdown_cell("## Who speaks about whom"),
    code("pairs.head(30)"),
    new_markdown_cell("## Stance over time"),
    code("aggregates.stance_over_time(output_dir)"),
    new_markdown_cell("## Outlet comparison: how outlets quote the same people"),
    code("aggregates.outlet_comparison(output_dir, top_n=10)"),
    new_markdown_cell("## Attribution by outlet and speaker"),
    code("attribution = read_table(output_dir, \"attribution\")\n"
         "attribution.head(30)"),
]

VISUALISE = [
    new_markdown_cell(
        "# 05 · Figures\n\n"
        "Paper-ready figures from the run's tables, saved as PNG and SVG in `figures/`: share of "
        "voice, who each outlet quotes by speaker role, direct vs indirect by outlet, the speaker × target stance heatmap, the speaker → "
        "target network, quotes over time, and a timeline of one article showing who speaks where. "
        "Each figure is drawn from small counts computed over the table parts with DuckDB, and counts "
        "actors: the forms of one person merged across articles (`tables/aliases.csv`)."),
    params(),
    code(SETUP + "\nfrom qawl import viz"),
    new_markdown_cell("## Share of voice"),
    code("viz.show(viz.share_of_voice_figure(aggregates.speaker_voices(output_dir)), output_dir, \"share_of_voice\")"),
    new_markdown_cell("## Who each outlet quotes, by speaker role"),
    code("viz.show(viz.outlet_roles_figure(aggregates.outlet_roles(output_dir)), output_dir, \"outlet_roles\")"),
    new_markdown_cell("## Direct and indirect quoting by outlet"),
    code("viz.show(viz.directness_by_outlet_figure(aggregates.directness(output_dir, by=\"source\")), output_dir,\n"
         "         \"directness_by_outlet\")"),
    new_markdown_cell("## Speaker × target stance"),
    code("pairs = aggregates.stance_pairs(output_dir)\n"
         "viz.show(viz.stance_heatmap(pairs), output_dir, \"stance_heatmap\")"),
    new_markdown_cell("## Who speaks about whom"),
    code("viz.show(viz.stance_network(pairs, seed=seed), output_dir, \"stance_network\")"),
    new_markdown_cell("## Quotes over time"),
    code("viz.show(viz.quotes_per_article(aggregates.quote_rates(output_dir)), output_dir, \"quotes_over_time\")"),
    new_markdown_cell("## One article: who speaks where\n\nThe article with the most quotes."),
    code("doc_id = aggregates.most_quoted_document(output_dir)\n"
         "viz.show(viz.article_timeline(*aggregates.article_tables(output_dir, doc_id), doc_id), output_dir,\n"
         "         \"article_timeline\")"),
    new_markdown_cell("## Files written"),
    code("from qawl.tables import figures_dir\nsorted(path.name for path in figures_dir(output_dir).iterdir())", check=True),
]


def main():
    NOTEBOOKS.mkdir(exist_ok=True)
    for name, cells in [("01_clean", CLEAN), ("02_entities", ENTITIES), ("03_quotes", QUOTES),
                        ("04_stance", STANCE), ("05_visualise", VISUALISE)]:
        nb = new_notebook(cells=cells)
        for i, cell in enumerate(nb.cells):  # stable ids: a regeneration diffs only what changed
            cell.id = f"{name[:2]}-{i:02d}"
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nb.metadata["language_info"] = {"name": "python"}
        nbformat.write(nb, NOTEBOOKS / f"{name}.ipynb")


if __name__ == "__main__":
    main()
