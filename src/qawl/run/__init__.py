"""The runner: execute the notebooks in order with papermill into a run folder.

A run folder holds the executed notebooks, ``tables/``, ``figures/``,
``logs/``, ``run.json`` (parameters, git SHA, versions, times, failures) and
``report.html``.

One run per folder, and a folder that tells the truth:

- A run holds an exclusive ``flock`` on ``DIR/.lock`` for its whole life (the
  file says which pid on which host, since when). A second run into the folder
  stops at once with :class:`RunLocked`. The operating system releases the
  lock however the process ends, so a ``run.json`` that says ``running`` while
  nobody holds the lock belongs to a dead run (``kill -9``, a crash, a power
  cut): :func:`run_status`, ``--resume`` and a new run into the folder rewrite
  it as ``interrupted``.
- SIGINT and SIGTERM stop the notebook kernel and its dask workers (they are
  one process group), remove temporary files, write ``"status":
  "interrupted"`` with what can be resumed, and raise :class:`RunInterrupted`.
- ``--overwrite`` never writes into the earlier run: when the new run starts,
  the earlier one is swapped out in one step (``renameat2`` exchange; two
  renames where that is not supported) to ``DIR.old-…``, and the new run
  writes into an empty ``DIR``. The earlier run is deleted when the new one
  completes (also after ``--resume``). So ``DIR`` only ever holds one run: the
  earlier one, complete, or the new one, marked ``running``, ``interrupted``,
  ``failed`` or ``ok``; and an interrupted overwrite is resumable like any run.
"""
from qawl.run.record import (
    PROJECT_ROOT, RECORDED_PACKAGES, RUN_JSON, git_sha, package_versions, model_versions, write_run_json,
    read_run_json, partition_summary, resume_command, resume_info,
)
from qawl.run.folder import (
    LOCK_FILE, RunLocked, RunLock, lock_holder, in_use_message, run_status, remove_temporary_files,
    RENAME_EXCHANGE, RunFolder, claim_run_folder,
)
from qawl.run.params import (
    NOTEBOOKS_DIR, NOTEBOOK_RE, PARAMETER_NAMES, EmptyCorpus, list_notebooks, default_run_id,
    coerce_parameter, check_corpus_has_articles, check_lexicon, declared_parameters,
)
from qawl.run.kernels import QUIET_KERNEL, KERNEL_LOG, KERNEL_GRACE, STOP_SIGNALS, RunInterrupted
from qawl.run.driver import IO_FAILURE_RE, NotebookFailed, run_notebooks
