"""Draw docs/benchmarks.png from a pytest-benchmark JSON file.

    python -m pytest benchmarks --benchmark-json=benchmarks/results/latest.json
    python scripts/plot_benchmarks.py benchmarks/results/latest.json docs/benchmarks.png

Four panels: 4n/n for every adversarial input (linear is 4, the target 5), per-opinion speed-up
over eyecite (target 5x), news throughput (target 15 MB/s), peak bytes per input character
(target 8). A panel whose benchmarks are missing from the file says so.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402



def _bars_with_target(axes, labels: list[str], values: list[float], target: float, target_label: str,
                      ylabel: str, title: str) -> None:
    """One panel: a bar per measurement and a dashed line at the target."""
    axes.bar(labels, values, color="#2e86c1")
    axes.axhline(target, color="#c0392b", linestyle="--", label=target_label)
    axes.set_ylabel(ylabel)
    axes.set_title(title)
    axes.legend(fontsize=8)

def by_group(data: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for bench in data.get("benchmarks", []):
        groups.setdefault(bench.get("group") or "", []).append(bench)
    return groups


def _param(bench: dict[str, Any], name: str) -> str:
    return str((bench.get("params") or {}).get(name, bench["name"]))


def _case_id(bench: dict[str, Any]) -> str:
    """The parameter id pytest gave the case ("fisher_v_university_of_texas_2013")."""
    return bench["name"].partition("[")[2].rstrip("]") or bench["name"]


def _empty(axis: plt.Axes, title: str) -> None:
    axis.set_title(title)
    axis.text(0.5, 0.5, "not in this run", ha="center", va="center", transform=axis.transAxes)
    axis.set_xticks([])
    axis.set_yticks([])


def plot(data: dict[str, Any], out: Path) -> None:
    groups = by_group(data)
    figure, axes = plt.subplots(2, 2, figsize=(12, 8.5))
    scale, opinions, news, memory = axes.flat

    runs = sorted(groups.get("adversarial-4n", []), key=lambda b: _param(b, "name"))
    if runs:
        names = [_param(b, "name") for b in runs]
        ratios = [b["extra_info"]["ratio_4n_over_n"] for b in runs]
        scale.barh(names, ratios, color=["#c0392b" if r > 5 else "#2e86c1" for r in ratios])
        scale.axvline(4, color="grey", linestyle=":", label="linear (4)")
        scale.axvline(5, color="#c0392b", linestyle="--", label="target (5)")
        scale.set_title("time at 400 kB / time at 100 kB")
        scale.legend(loc="lower right", fontsize=8)
        scale.tick_params(axis="y", labelsize=8)
    else:
        _empty(scale, "adversarial inputs, 4n/n")

    runs = groups.get("per-opinion-vs-eyecite", [])
    if runs:
        labels = [_case_id(b).split("_")[0] for b in runs]
        keys = sorted({k for b in runs for k in b["extra_info"] if k.startswith("speedup_vs_")})
        width = 0.8 / max(1, len(keys))
        for i, key in enumerate(keys):
            opinions.bar([x + i * width for x in range(len(runs))], [b["extra_info"].get(key, 0) for b in runs],
                         width, label=key.removeprefix("speedup_vs_"))
        opinions.set_xticks([x + width * (len(keys) - 1) / 2 for x in range(len(runs))], labels)
        opinions.axhline(5, color="#c0392b", linestyle="--", label="target (5x)")
        opinions.set_title("per opinion: eyecite's time / legal_annot's time")
        opinions.legend(fontsize=8)
    else:
        _empty(opinions, "per opinion vs eyecite")

    runs = groups.get("news-throughput", [])
    if runs:
        values = [runs[0]["extra_info"].get("MB_per_s_best", runs[0]["extra_info"]["MB_per_s"])]
        _bars_with_target(news, ["legal_annot, 1 MB of news"], values, 15, "target (15 MB/s)", "MB/s",
                          "whole pipeline on news")
    else:
        _empty(news, "news throughput")

    bars: dict[str, float] = {}
    for bench in groups.get("memory-50MB", []):
        bars["peak RSS / char\n(50 MB text)"] = bench["extra_info"]["peak_over_input"]
    for bench in groups.get("memory-tracemalloc-5MB", []):
        bars["Python allocations\n+ text / char (5 MB)"] = bench["extra_info"]["with_text_per_char"]
    if bars:
        _bars_with_target(memory, list(bars), list(bars.values()), 8, "target (8 B/char)",
                          "bytes per input character", "memory at peak")
    else:
        _empty(memory, "memory")

    when = data.get("datetime", "")[:16].replace("T", " ")
    figure.suptitle(f"legal_annot benchmarks ({when} UTC; shared 2-core machine under load)")
    figure.tight_layout()
    figure.savefig(out, dpi=110)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results", type=Path, help="pytest-benchmark JSON (--benchmark-json)")
    parser.add_argument("out", type=Path, nargs="?", default=Path("docs/benchmarks.png"))
    args = parser.parse_args()
    plot(json.loads(args.results.read_text(encoding="utf-8")), args.out)


if __name__ == "__main__":
    main()
