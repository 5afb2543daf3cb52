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
limit = None  # stop after this many articles (None reads the whole corpus)
seed = 0  # random seed for sampled examples and layouts'''

SETUP = '''import logging

import pandas as pd
from IPython.display import HTML, Markdown, display

from qawl import display as views
from qawl.tables import read_table

logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
pd.set_option("display.max_colwidth", 120)'''


def code(source, check=False):
    cell = new_code_cell(source)
    if check:
        cell.metadata["tags"] = ["nbval-check-output"]
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
           '\nlexicon = None  # optional extra stance lexicon file (CSV/TSV: term,polarity), merged with ours'),
    code(SETUP + "\nfrom qawl import engine"),
    code("report = engine.process_corpus(\n"
         "    corpus, output_dir, limit=limit, seed=seed, sample=sample, workers=workers,\n"
         "    scheduler=scheduler, partition_size=partition_size,\n"
         "    config=engine.EngineConfig(backend=backend, lexicon=lexicon))"),
    code("print(f\"{report.documents} documents cleaned; {len(report.skipped)} inputs skipped\")",
         check=True),
    code("print(f\"{report.words:,} words in {report.partitions} partitions ({report.redone} processed now) \"\n"
         "      f\"on {report.workers} worker(s) in {report.seconds:.0f} s\")\n"
         "pd.DataFrame(report.skipped + report.failures, columns=[\"stage\", \"origin\", \"reason\"])"),
    new_markdown_cell("## Before and after\n\nOne article of the corpus as the page gave it, "
                      "and as cleaned (␣ marks a no-break space)."),
    code("documents = read_table(output_dir, \"documents\", parts=1)  # the first partition\n"
         "blocks = read_table(output_dir, \"blocks\", parts=1)\n"
         "example = documents.iloc[0]\n"
         "article = views.find_article(corpus, example.doc_id)\n"
         "display(HTML(views.before_after(article.raw_text, example.text)))"),
    new_markdown_cell("## Blocks by role"),
    code("display(HTML(views.blocks_view(blocks[blocks.doc_id == example.doc_id])))"),
    code("blocks.role.value_counts()", check=True),
    new_markdown_cell("## Corpus statistics"),
    code("views.corpus_statistics(documents)"),
    code("views.statistics_by_source(documents)"),
]

ENTITIES = [
    new_markdown_cell(
        "# 02 · Entities: who and what the news talks about\n\n"
        "Tags people (PER), places (LOC), organisations (ORG) and other names (MISC) with the "
        "built-in offline CRF tagger (or camel-tools' BERT when its data is installed), and groups "
        "the mentions of each entity under one canonical name per article.\n\n"
        "Shows entities per article with their mentions highlighted, the top entities of the "
        "corpus by type, and which entities appear together. Writes `tables/mentions` and "
        "`tables/entities`."),
    params('\nbackend = "auto"  # the NER backend that 01_clean used (it runs every stage)'),
    code(SETUP + "\nfrom qawl.entities import analysis as entity_views"),
    code("print(entity_views.describe_backend(backend))"),
    code("mentions = read_table(output_dir, \"mentions\")\n"
         "entities = read_table(output_dir, \"entities\")\n"
         "documents = read_table(output_dir, \"documents\")\n"
         "print(f\"{len(mentions)} mentions of {len(entities)} entities in {len(documents)} documents\")"),
    code("sorted(entities[entities.label == \"PER\"].canonical.unique())  # the people named", check=True),
    new_markdown_cell("## Entities per article, in context"),
    code("for doc in documents.head(3).itertuples():\n"
         "    spans = mentions[mentions.doc_id == doc.doc_id]\n"
         "    display(HTML(views.highlight(doc.text, zip(spans.start, spans.end, spans.label), title=doc.doc_id)))\n"
         "    display(entities[entities.doc_id == doc.doc_id][[\"label\", \"canonical\", \"mentions\"]])"),
    code("display(HTML(views.legend([\"PER\", \"LOC\", \"ORG\", \"MISC\"])))"),
    new_markdown_cell("## Top entities of the corpus, by type"),
    code("entity_views.top_entities(entities, n=15)"),
    new_markdown_cell("## Entity co-occurrence\n\nPairs of entities named in the same article."),
    code("entity_views.entity_cooccurrence(entities, n=20)"),
]

QUOTES = [
    new_markdown_cell(
        "# 03 · Quotes: who said what\n\n"
        "Finds direct quotes (in quotation marks), indirect quotes (a cue such as قال إن، أكد أن، "
        "بحسب), mixed quotes and headline quotes (المتحدث: …), each with its cue, content and "
        "speaker; pronoun and descriptive speakers are resolved to the entity they refer to.\n\n"
        "Shows each article's quotes in context, who is quoted how often directly and indirectly, "
        "and the most frequent cues. Writes `tables/quotes`."),
    params(),
    code(SETUP + "\nfrom qawl import stance"),
    code("quotes = read_table(output_dir, \"quotes\")\n"
         "documents = read_table(output_dir, \"documents\")\n"
         "print(f\"{len(quotes)} quotes in {len(documents)} documents\")"),
    code("sorted(quotes.speaker_canonical.unique())  # who is quoted", check=True),
    new_markdown_cell("## Quotes in context\n\nSpeaker, cue and content are highlighted."),
    code("display(HTML(views.legend([\"speaker\", \"cue\", \"content\"])))\n"
         "for doc in documents.head(3).itertuples():\n"
         "    found = quotes[quotes.doc_id == doc.doc_id]\n"
         "    display(HTML(views.highlight(doc.text, views.quote_spans(found), title=doc.doc_id)))\n"
         "    display(found[[\"type\", \"speaker_canonical\", \"speaker_kind\", \"cue\", \"content\", \"confidence\"]])"),
    new_markdown_cell("## Who is quoted, directly and indirectly"),
    code("stance.directness(quotes, by=\"speaker\").head(20)"),
    new_markdown_cell("## The most frequent cues"),
    code("views.cue_frequencies(quotes, n=20)"),
]

STANCE = [
    new_markdown_cell(
        "# 04 · Stance and attribution\n\n"
        "For each quote, the targets it is about and the speaker's polarity towards each "
        "(favor, against, neutral), from the cue, an evaluative lexicon, negation and binding "
        "rules; every stance keeps its evidence. Then, across the corpus: share of voice, "
        "directness by speaker and outlet, who speaks about whom, stance over time and an "
        "outlet comparison. Writes `tables/stances` and `tables/attribution`."),
    params(),
    code(SETUP + "\nfrom qawl import stance"),
    code("quotes = read_table(output_dir, \"quotes\")\n"
         "stances = read_table(output_dir, \"stances\")\n"
         "print(f\"{len(stances)} stances from {len(quotes)} quotes\")"),
    code("sorted(stances.speaker.unique())  # who takes positions", check=True),
    code("stances[[\"doc_id\", \"speaker\", \"polarity\", \"target\", \"evidence\"]].head(30)"),
    new_markdown_cell("## Share of voice"),
    code("stance.share_of_voice(quotes).head(20)"),
    new_markdown_cell("## Directness by outlet"),
    code("stance.directness(quotes, by=\"source\")"),
    new_markdown_cell("## Who speaks about whom"),
    code("stance.speaker_target_table(stances).head(30)"),
    new_markdown_cell("## Stance over time"),
    code("stance.stance_over_time(stances)"),
    new_markdown_cell("## Outlet comparison: how outlets quote the same people"),
    code("stance.outlet_comparison(quotes, top_n=10)"),
]

VISUALISE = [
    new_markdown_cell(
        "# 05 · Figures\n\n"
        "Paper-ready figures from the run's tables, saved as PNG and SVG in `figures/`: share of "
        "voice, direct vs indirect by outlet, the speaker × target stance heatmap, the speaker → "
        "target network, quotes over time, and a timeline of one article showing who speaks where."),
    params(),
    code(SETUP + "\nfrom qawl import viz"),
    code("quotes = read_table(output_dir, \"quotes\")\n"
         "stances = read_table(output_dir, \"stances\")\n"
         "blocks = read_table(output_dir, \"blocks\")\n"
         "documents = read_table(output_dir, \"documents\")"),
    new_markdown_cell("## Share of voice"),
    code("figure = viz.share_of_voice_figure(quotes)\nviz.save_figure(figure, output_dir, \"share_of_voice\")\nfigure"),
    new_markdown_cell("## Direct and indirect quoting by outlet"),
    code("figure = viz.directness_by_outlet_figure(quotes)\nviz.save_figure(figure, output_dir, \"directness_by_outlet\")\nfigure"),
    new_markdown_cell("## Speaker × target stance"),
    code("figure = viz.stance_heatmap(stances)\nviz.save_figure(figure, output_dir, \"stance_heatmap\")\nfigure"),
    new_markdown_cell("## Who speaks about whom"),
    code("figure = viz.stance_network(stances, seed=seed)\nviz.save_figure(figure, output_dir, \"stance_network\")\nfigure"),
    new_markdown_cell("## Quotes over time"),
    code("figure = viz.quotes_over_time(quotes)\nviz.save_figure(figure, output_dir, \"quotes_over_time\")\nfigure"),
    new_markdown_cell("## One article: who speaks where\n\nThe article with the most quotes."),
    code("doc_id = views.most_quoted_document(quotes, documents)\n"
         "figure = viz.article_timeline(blocks, quotes, doc_id)\n"
         "viz.save_figure(figure, output_dir, \"article_timeline\")\nfigure"),
    new_markdown_cell("## Files written"),
    code("from qawl.tables import figures_dir\nsorted(path.name for path in figures_dir(output_dir).iterdir())", check=True),
]


def main():
    NOTEBOOKS.mkdir(exist_ok=True)
    for name, cells in [("01_clean", CLEAN), ("02_entities", ENTITIES), ("03_quotes", QUOTES),
                        ("04_stance", STANCE), ("05_visualise", VISUALISE)]:
        nb = new_notebook(cells=cells)
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nb.metadata["language_info"] = {"name": "python"}
        nbformat.write(nb, NOTEBOOKS / f"{name}.ipynb")


if __name__ == "__main__":
    main()
