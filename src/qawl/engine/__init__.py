"""The engine: a corpus cut into partitions, each partition through every stage in one task.

A partition is a run of consecutive articles (in corpus order, or of the
seeded sample). One task cleans them, tags their entities in batches, finds
their quotes and stances, and writes its rows as parquet parts
(``tables/quotes/part-00042.parquet``); its completion marker is written last
(see ``qawl.tables``). Tasks run in this process (one worker), on a local
``dask.distributed`` cluster of worker processes (``workers > 1``), or on a
running cluster (``scheduler="tcp://…"``). Every worker process runs torch on
one thread: the parallelism comes from processes.

The partition size depends only on the number of articles, never on the
number of workers, so any number of workers gives the same tables. A run
that stopped (Ctrl-C, ``kill -9``, a crash, a full disk) is finished by
calling ``process_corpus`` again on the same folder: complete partitions are
kept and only the others are redone.
"""
from qawl.engine.partition import (
    EngineConfig, DocumentResult, BATCH_TOKENS, analyse_articles, table_frames, process_partition,
    analyse_partition,
)
from qawl.engine.executors import (
    PROGRESS_TOPIC, DASK_MALLOC_TRIM, default_workers, ProgressLog, LocalExecutor, DaskExecutor,
    _local_cluster, make_executor,
)
from qawl.engine.plan import (
    MAX_PARTITION, MIN_PARTITION, TARGET_PARTITIONS, partition_size_for, NoArticles, no_articles_message,
    CorpusPlan, CorpusArticles, quiet, plan_corpus,
)
from qawl.engine.process import EngineReport, process_corpus, finish_tables, analyse_corpus
