"""Agreement between reviewers: percent agreement and chance-corrected kappa (Cohen's for two
reviewers, Fleiss' for more), over items each rated by the same reviewers."""

from __future__ import annotations

from collections import Counter
from typing import Sequence


def all_agree(ratings: Sequence[str]) -> bool:
    return len(set(ratings)) == 1


def kappa(items: Sequence[Sequence[str]]) -> float | None:
    """Chance-corrected agreement over ``items`` (each: the statuses its reviewers gave, in the
    same reviewer order). None where chance agreement is total (every rating the same
    category): kappa is undefined there, and printing 1.0 or 0.0 would both mislead."""
    items = [list(r) for r in items if len(r) >= 2]
    if not items:
        return None
    if all(len(r) == 2 for r in items):
        return _cohen(items)
    return _fleiss(items)


def _cohen(items: list[list[str]]) -> float | None:
    n = len(items)
    observed = sum(a == b for a, b in items) / n
    first, second = Counter(a for a, _ in items), Counter(b for _, b in items)
    expected = sum(first[c] * second[c] for c in first) / (n * n)
    if expected >= 1.0:
        return None
    return (observed - expected) / (1.0 - expected)


def _fleiss(items: list[list[str]]) -> float | None:
    """Fleiss' kappa, in the form that allows items rated by different numbers of reviewers."""
    per_item, totals, n_ratings = [], Counter(), 0
    for ratings in items:
        counts = Counter(ratings)
        m = len(ratings)
        per_item.append((sum(v * v for v in counts.values()) - m) / (m * (m - 1)))
        totals.update(counts)
        n_ratings += m
    observed = sum(per_item) / len(per_item)
    expected = sum((v / n_ratings) ** 2 for v in totals.values())
    if expected >= 1.0:
        return None
    return (observed - expected) / (1.0 - expected)
