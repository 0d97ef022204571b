"""The weights of a passage's score (shared by the ranker and its candidate tiers).

A score is :data:`FOUND` per clause found, plus up to :data:`QUALITY` for the
idf-weighted match quality, plus the arrangement bonuses (at most :data:`BONUS`).
"""

from __future__ import annotations

FOUND = 1000.0
"""Score of each clause found: all clauses found beats some."""
QUALITY = 100.0
"""Score of the idf-weighted match quality, summed over clauses (at most this)."""
ADJACENT, PROXIMITY, ORDER, SHORT = 25.0, 15.0, 10.0, 2.0
"""Stage-2 bonuses: consecutive query words side by side, a tight window, query order, brevity."""
BONUS = ADJACENT + PROXIMITY + ORDER + SHORT
"""The most stage 2 can add to a stage-1 score."""
EPSILON = 1e-6
"""Added to every upper bound, so that rounding never makes a bound fall below its score."""
