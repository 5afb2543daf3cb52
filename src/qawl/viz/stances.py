"""Who takes a stance on whom: the speaker × target heatmap and the stance network.
"""
from __future__ import annotations

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.colors import Normalize
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from qawl.actors import is_generic_label
from qawl.aggregates import pair_counts
from qawl.schema import POLARITIES
from qawl.viz.captions import DEFINITIONS
from qawl.viz.style import (
    FIGURE_WIDTH, MAX_FIGURE_HEIGHT, MIN_FIGURE_HEIGHT, POLARITY_COLOURS, _new_figure, _title, house_style,
    no_data_figure, shorten_label,
)


def named_pairs(pairs: pd.DataFrame) -> pd.DataFrame:
    """The stance pairs between named actors: an unnamed speaker or target ("(unnamed minister or
    official)", the alias table's label for a description) is no actor for these figures."""
    generic = pairs["speaker"].map(is_generic_label) | pairs["target"].map(is_generic_label)
    return pairs[~generic.astype(bool)]


def _ranked(pairs: pd.DataFrame, column: str) -> pd.Series:
    """Stances per name of ``column``, most first, ties in order of first stance (as value_counts)."""
    return pairs.groupby(column, sort=False)["total"].sum().sort_values(ascending=False, kind="stable")


@house_style
def stance_heatmap(pairs: pd.DataFrame, top_n: int = 15) -> Figure:
    """Speaker x target grid: colour = favor minus against (blue favor, red against), text = count.

    ``pairs`` is ``qawl.aggregates.stance_pairs(run_dir)`` or ``qawl.aggregates.stance_pairs_of(stances)``.
    """
    title = "Stance of speakers towards targets"
    in_run = int(pairs["total"].sum()) if not pairs.empty else 0
    pairs = named_pairs(pairs)
    if pairs.empty:
        return no_data_figure(title, "no stances between named speakers and targets")
    # speakers ranked by stances on the top targets, so that no row is empty
    targets = _ranked(pairs, "target").index[:top_n]
    on_targets = pairs[pairs["target"].isin(targets)]
    speakers = _ranked(on_targets, "speaker").index[:top_n]
    kept = on_targets[on_targets["speaker"].isin(speakers)]
    targets = [t for t in targets if t in set(kept["target"])]
    counts = pair_counts(kept)
    net = (counts["net"] / counts["total"]).unstack().reindex(index=speakers, columns=targets)
    total = counts["total"].unstack().reindex(index=speakers, columns=targets).fillna(0).astype(int)

    width = float(np.clip(3.5 + 0.45 * len(targets), 5.0, FIGURE_WIDTH + 3))
    height = float(np.clip(2.8 + 0.35 * len(speakers), MIN_FIGURE_HEIGHT, MAX_FIGURE_HEIGHT))
    fig = _new_figure(width, height)
    ax = fig.add_subplot()
    ax.spines[:].set_visible(False)
    norm = Normalize(vmin=-1, vmax=1)
    cmap = matplotlib.colormaps["RdBu"].with_extremes(bad="white")  # bad: no stance between the pair
    image = ax.pcolormesh(np.ma.masked_invalid(net.to_numpy(dtype=float)), cmap=cmap, norm=norm,
                          edgecolors="#e0e0e0", linewidth=0.5)
    ax.set_xlim(0, len(targets))
    ax.set_ylim(len(speakers), 0)
    for (row, col), n in np.ndenumerate(total.to_numpy()):
        if n:
            dark = abs(net.iat[row, col]) > 0.6
            ax.text(col + 0.5, row + 0.5, str(n), ha="center", va="center", fontsize=8,
                    color="white" if dark else "black")
    ax.set_xticks(np.arange(len(targets)) + 0.5, labels=[shorten_label(t, 25) for t in targets],
                  rotation=45, ha="right", rotation_mode="anchor")
    ax.set_yticks(np.arange(len(speakers)) + 0.5, labels=[shorten_label(s, 25) for s in speakers])
    ax.tick_params(length=0)
    ax.set_xlabel("target")
    ax.set_ylabel("speaker")
    colourbar = fig.colorbar(image, ax=ax, shrink=0.8, pad=0.02)
    colourbar.set_label("how the speaker leans towards the target")
    colourbar.set_ticks([-1, 0, 1], labels=["all against", "balanced", "all in favour"])
    _title(ax, title, f"numbers: stances per pair; top {len(speakers)} speakers × "
                      f"{len(targets)} targets, {int(kept['total'].sum())} of {int(pairs['total'].sum())} stances "
                      "between named actors")
    fig.caption = (
        f"Stances of the {len(speakers)} named speakers with the most stances on the {len(targets)} most frequent "
        f"named targets (n = {int(kept['total'].sum()):,} of {int(pairs['total'].sum()):,} stances between named "
        f"actors; {in_run:,} in the run, the others by or about unnamed speakers such as officials or sources). "
        f"Each cell: the number of stances; colour: {DEFINITIONS['leaning']}; white: none. "
        f"{DEFINITIONS['stance'].capitalize()}.")
    fig.stage = "stance"
    return fig


def _spread_apart(points: np.ndarray, min_distance: float = 0.07, rounds: int = 150) -> np.ndarray:
    """Push points apart until none are closer than ``min_distance`` of the layout's extent.

    Distance is measured with x halved: labels are wide, so side-by-side
    neighbours need twice the room of stacked ones.
    """
    scale = np.array([0.5, 1.0])
    points = points.astype(float) * scale
    extent = float(np.ptp(points, axis=0).max()) or 1.0
    wanted = min_distance * extent
    # coincident points are pushed along x, each pair in opposite directions
    order = np.arange(len(points))
    tie_break = np.sign(order[:, None] - order[None, :])[..., None] * np.array([1.0, 0.0])
    for _ in range(rounds):
        offsets = points[:, None, :] - points[None, :, :]
        distances = np.sqrt((offsets ** 2).sum(axis=-1))
        np.fill_diagonal(distances, np.inf)
        overlap = np.clip(wanted - distances, 0, None)
        if not overlap.any():
            break
        safe = np.maximum(distances, 1e-12)[..., None]
        directions = np.where(distances[..., None] > 1e-12, offsets / safe, tie_break)
        points += 0.5 * (directions * overlap[..., None]).sum(axis=1)
    return points / scale


@house_style
def stance_network(pairs: pd.DataFrame, top_n: int = 30, seed: int = 0, max_edges: int = 60) -> Figure:
    """Speaker -> target network of the ``top_n`` busiest names.

    ``pairs`` is ``qawl.aggregates.stance_pairs(run_dir)`` or ``qawl.aggregates.stance_pairs_of(stances)``.

    An edge's colour is the pair's prevailing polarity (favor blue, against
    red, otherwise grey), its width the number of stances; only the
    ``max_edges`` heaviest edges are drawn. Speakers start on an inner ring and
    targets on an outer one, then networkx's spring layout (``seed``) settles them.
    """
    import networkx as nx  # only this figure needs it

    title = "Who takes a stance on whom"
    pairs = named_pairs(pairs[pairs["speaker"] != pairs["target"]])
    if pairs.empty:
        return no_data_figure(title, "no stances with a speaker and a distinct target")
    # a name's stances as speaker and as target; ties in order of first
    # appearance, speakers before targets (as over the stance rows)
    ends = pd.concat([pairs[["speaker", "total"]].set_axis(["name", "total"], axis=1),
                      pairs[["target", "total"]].set_axis(["name", "total"], axis=1)], ignore_index=True)
    activity = _ranked(ends, "name")
    names = set(activity.index[:top_n])
    counts = pair_counts(pairs[pairs["speaker"].isin(names) & pairs["target"].isin(names)])
    if counts.empty:
        return no_data_figure(title, f"no stances among the {top_n} most active names")
    counts = counts.sort_values("total", ascending=False, kind="stable").iloc[:max_edges]

    graph = nx.DiGraph()
    for (speaker, target), row in counts.iterrows():
        polarity = "favor" if row["net"] > 0 else "against" if row["net"] < 0 else "neutral"
        graph.add_edge(speaker, target, weight=int(row["total"]), polarity=polarity)
    node_order = sorted(graph.nodes, key=lambda n: (-activity[n], n))
    speakers = set(counts.index.get_level_values("speaker"))
    rings = [[n for n in node_order if n in speakers], [n for n in node_order if n not in speakers]]
    start = nx.shell_layout(graph, nlist=[ring for ring in rings if ring])
    layout = nx.spring_layout(graph, pos=start, seed=seed, k=2.5 / np.sqrt(len(node_order)), iterations=60)
    spread = _spread_apart(np.array([layout[n] for n in node_order]), min_distance=max(0.07, 0.45 / np.sqrt(len(node_order))))
    layout = dict(zip(node_order, spread))

    size = float(np.clip(3 + 0.17 * len(node_order), 5, 10))
    fig = _new_figure(size + 1, size)
    ax = fig.add_subplot()
    ax.set_axis_off()
    degree = dict(graph.degree(weight="weight"))
    node_sizes = [100 + 450 * degree[n] / max(degree.values()) for n in node_order]
    nx.draw_networkx_nodes(
        graph, layout, ax=ax, nodelist=node_order, node_size=node_sizes, alpha=0.9,
        node_color=["#fdd49e" if n in speakers else "#d9d9d9" for n in node_order],
        edgecolors="#636363", linewidths=0.5,
    )
    edges = list(graph.edges(data=True))
    max_weight = max(d["weight"] for *_, d in edges)
    nx.draw_networkx_edges(
        graph, layout, ax=ax, edgelist=[(u, v) for u, v, _ in edges],
        edge_color=[POLARITY_COLOURS[d["polarity"]] for *_, d in edges],
        width=[0.8 + 4.2 * d["weight"] / max_weight for *_, d in edges],
        arrows=True, arrowstyle="-|>", arrowsize=10, alpha=0.7,
        node_size=node_sizes, nodelist=node_order, connectionstyle="arc3,rad=0.08",
    )
    for name, area in zip(node_order, node_sizes):
        # under the node (its radius in points is sqrt(area) / 2), so the node stays visible
        ax.annotate(shorten_label(name, 22), layout[name], xytext=(0, -np.sqrt(area) / 2 - 1),
                    textcoords="offset points", ha="center", va="top", fontsize=8, zorder=4,
                    bbox={"boxstyle": "round,pad=0.1", "facecolor": "white", "alpha": 0.7, "linewidth": 0})
    ax.margins(0.1)
    handles = [Line2D([], [], color=POLARITY_COLOURS[p], lw=2.5, label=p) for p in POLARITIES]
    handles += [
        Line2D([], [], ls="", marker="o", ms=9, mfc="#fdd49e", mec="#636363", label="speaker"),
        Line2D([], [], ls="", marker="o", ms=9, mfc="#d9d9d9", mec="#636363", label="target only"),
    ]
    fig.legend(handles=handles, loc="outside lower center", fontsize=8, ncols=len(handles))
    _title(ax, title, f"{len(node_order)} names, {graph.number_of_edges()} pairs, "
                      f"{int(counts['total'].sum())} stances", "edge width = stances, colour = prevailing polarity")
    fig.caption = (
        f"Who takes a stance on whom among the {top_n} named actors most active as speaker or target: "
        f"{graph.number_of_edges()} speaker → target pairs, n = {int(counts['total'].sum()):,} stances "
        f"(the {max_edges} heaviest pairs at most). Arrow width: number of stances; colour: the pair's "
        "prevailing polarity (blue more in favour, red more against, grey balanced or neutral). "
        f"{DEFINITIONS['stance'].capitalize()}. Layout: spring layout with a fixed seed ({seed}).")
    fig.stage = "stance"
    return fig
