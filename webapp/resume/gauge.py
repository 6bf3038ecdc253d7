"""Geometry of the score gauge: a half-circle arc drawn server-side as SVG paths."""

from __future__ import annotations

import math
from dataclasses import dataclass

WIDTH = 200
HEIGHT = 112
RADIUS = 84
STROKE = 18


@dataclass(frozen=True)
class Gauge:
    """The SVG paths of a 0-100 score: the grey track and the filled part."""

    score: int
    width: int
    height: int
    stroke: int
    track: str
    value: str


def _point(fraction: float, cx: float, cy: float, r: float) -> tuple[float, float]:
    """The point on the upper half circle ``fraction`` of the way from left to right."""
    angle = math.pi * (1 - fraction)
    return cx + r * math.cos(angle), cy - r * math.sin(angle)


def _arc(start: float, end: float, cx: float, cy: float, r: float) -> str:
    x0, y0 = _point(start, cx, cy, r)
    x1, y1 = _point(end, cx, cy, r)
    # An arc of at most half a circle: the small-arc flag, drawn clockwise.
    return f"M {x0:.2f} {y0:.2f} A {r} {r} 0 0 1 {x1:.2f} {y1:.2f}"


def score_gauge(score: int) -> Gauge:
    """The gauge of ``score`` (clamped to 0-100); an empty value path at 0."""
    score = max(0, min(100, score))
    cx, cy = WIDTH / 2, RADIUS + STROKE / 2
    return Gauge(
        score=score,
        width=WIDTH,
        height=HEIGHT,
        stroke=STROKE,
        track=_arc(0.0, 1.0, cx, cy, RADIUS),
        value=_arc(0.0, score / 100, cx, cy, RADIUS) if score else "",
    )
