"""Geometry of the salary range charts: numbers only; the SVG markup is in templates."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from scoring.salary import Range

# Candidate gridline steps in dollars; the smallest giving at most MAX_INTERVALS wins.
STEPS = (5_000, 10_000, 20_000, 25_000, 50_000, 100_000, 200_000, 250_000, 500_000)
MAX_INTERVALS = 6

WIDTH = 640
PAD_X = 32  # room for the centred axis labels at both ends
PAD_TOP = 6
AXIS_HEIGHT = 30
ROW_HEIGHT = 56
ROW_HEIGHT_WITH_ENDS = 88
LABEL_BASELINE = 20  # label text, from the top of a row
BAR_TOP = 30
BAR_HEIGHT = 16
TICK_OVERHANG = 5  # the typical tick sticks out of the bar by this much
ENDS_BASELINE = 70


@dataclass(frozen=True)
class ChartRow:
    """One range to draw: a label and low / typical / high dollars."""

    label: str
    pay: Range
    thin: bool = False


@dataclass(frozen=True)
class RangeBar:
    """A row's bar in SVG user units."""

    label: str
    pay: Range
    thin: bool
    top: float
    x_low: float
    x_typical: float
    x_high: float
    x_p25: float = 0.0
    x_p75: float = 0.0

    @property
    def label_y(self) -> float:
        """Baseline of the row's label."""
        return self.top + LABEL_BASELINE

    @property
    def bar_y(self) -> float:
        """Top edge of the bar."""
        return self.top + BAR_TOP

    @property
    def bar_height(self) -> float:
        """Height of the bar."""
        return BAR_HEIGHT

    @property
    def bar_width(self) -> float:
        """Width of the bar (at least 1 unit, so a point figure stays visible)."""
        return max(self.x_high - self.x_low, 1.0)

    @property
    def middle_width(self) -> float:
        """Width of the p25-p75 part of the bar (the middle half of people)."""
        return max(self.x_p75 - self.x_p25, 0.0)

    @property
    def tick_y(self) -> float:
        """Top of the typical tick."""
        return self.bar_y - TICK_OVERHANG

    @property
    def tick_height(self) -> float:
        """Height of the typical tick."""
        return BAR_HEIGHT + 2 * TICK_OVERHANG

    @property
    def ends_y(self) -> float:
        """Baseline of the low and high labels under the bar."""
        return self.top + ENDS_BASELINE


@dataclass(frozen=True)
class AxisTick:
    """A gridline at ``value`` dollars, drawn at ``x``."""

    value: int
    x: float


@dataclass(frozen=True)
class RangeChart:
    """Everything a template needs to draw horizontal range bars on a shared axis."""

    width: int
    height: int
    plot_left: float
    plot_right: float
    plot_top: float
    plot_bottom: float
    bars: tuple[RangeBar, ...]
    ticks: tuple[AxisTick, ...]
    show_ends: bool

    @property
    def axis_label_y(self) -> float:
        """Baseline of the axis labels."""
        return self.plot_bottom + 20


def axis_bounds(low: float, high: float) -> tuple[int, int, int]:
    """A round axis from below ``low`` to above ``high``: (start, end, step)."""
    for step in STEPS:
        start = math.floor(low / step) * step
        end = math.ceil(high / step) * step
        if end == start:
            end += step
        if (end - start) / step <= MAX_INTERVALS:
            return start, end, step
    step = STEPS[-1]
    return math.floor(low / step) * step, math.ceil(high / step) * step + step, step


def range_chart(
    rows: Sequence[ChartRow],
    show_ends: bool = False,
    axis: tuple[float, float] | None = None,
) -> RangeChart:
    """Lay out one bar per row, p10 to p90 with the middle half shaded and a tick at the
    median, on a shared dollar axis (``axis`` fixes its ends, so charts compare)."""
    if not rows:
        raise ValueError("a range chart needs at least one row")
    lowest: float = min(r.pay.low for r in rows)
    highest: float = max(r.pay.high for r in rows)
    if axis is not None:
        lowest, highest = min(lowest, axis[0]), max(highest, axis[1])
    start, end, step = axis_bounds(lowest, highest)
    left, right = float(PAD_X), float(WIDTH - PAD_X)

    def x(value: float) -> float:
        return round(left + (value - start) / (end - start) * (right - left), 1)

    row_height = ROW_HEIGHT_WITH_ENDS if show_ends else ROW_HEIGHT
    bars = tuple(
        RangeBar(
            label=row.label,
            pay=row.pay,
            thin=row.thin,
            top=PAD_TOP + i * row_height,
            x_low=x(row.pay.low),
            x_typical=x(row.pay.typical),
            x_high=x(row.pay.high),
            x_p25=x(row.pay.p25 or row.pay.low),
            x_p75=x(row.pay.p75 or row.pay.high),
        )
        for i, row in enumerate(rows)
    )
    plot_bottom = PAD_TOP + len(rows) * row_height
    ticks = tuple(AxisTick(value, x(value)) for value in range(start, end + 1, step))
    return RangeChart(
        width=WIDTH,
        height=plot_bottom + AXIS_HEIGHT,
        plot_left=left,
        plot_right=right,
        plot_top=PAD_TOP,
        plot_bottom=plot_bottom,
        bars=bars,
        ticks=ticks,
        show_ends=show_ends,
    )
