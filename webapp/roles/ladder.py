"""Geometry of the career ladder diagram: numbers only; the SVG markup is in templates.

Levels sit on a grid: one row per step of the ladder (a role's row is below every role it
comes from), the core and leadership track in the first column and the specialists beside
it. Arrows are routed so that no line crosses a box: between adjacent rows they run
straight across the gap; further down they drop into a vertical gutter between columns,
each in a lane of its own, and come out in the gap above their target.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from scoring.roles import Role

SPECIALIST = "specialist"
CHAR_WIDTH = 0.62  # average width of a bold sans-serif glyph, as a share of its size


@dataclass(frozen=True)
class LadderStyle:
    """The grid and type sizes of one layout, in SVG user units."""

    columns: int
    box_width: int
    box_height: int
    col_gap: int
    row_gap: int
    outer: int
    top: int
    title_size: int
    line_size: int
    # Whether specialists may use the first column in rows without a core role.
    pack: bool


# Desktop: three columns, one line per title. Phone: two columns, titles may wrap.
WIDE = LadderStyle(
    columns=3,
    box_width=252,
    box_height=74,
    col_gap=60,
    row_gap=54,
    outer=24,
    top=34,
    title_size=15,
    line_size=14,
    pack=False,
)
NARROW = LadderStyle(
    columns=2,
    box_width=162,
    box_height=90,
    col_gap=46,
    row_gap=54,
    outer=22,
    top=6,
    title_size=15,
    line_size=13,
    pack=True,
)


@dataclass(frozen=True)
class TextLine:
    """One line of text and its baseline."""

    text: str
    y: float


@dataclass(frozen=True)
class Rung:
    """A level's box: position, size, title lines and the baselines of years and pay."""

    slug: str
    track: str
    row: int
    col: int
    x: float
    y: float
    width: float
    height: float
    title_lines: tuple[TextLine, ...]
    years_y: float
    pay_y: float

    @property
    def cx(self) -> float:
        """Horizontal centre, where the text is anchored."""
        return self.x + self.width / 2

    @property
    def bottom(self) -> float:
        """Bottom edge."""
        return self.y + self.height


@dataclass(frozen=True)
class Arrow:
    """A line from one level to a level it leads to, as a list of points."""

    source: str
    target: str
    points: tuple[tuple[float, float], ...]

    @property
    def path(self) -> str:
        """The points as an SVG path."""
        return "M" + " L".join(f"{x:g} {y:g}" for x, y in self.points)


@dataclass(frozen=True)
class Heading:
    """A column heading's centre and baseline; the words are in the template."""

    key: str
    x: float
    y: float


@dataclass(frozen=True)
class Ladder:
    """Everything a template needs to draw the ladder."""

    width: float
    height: float
    rungs: tuple[Rung, ...]
    arrows: tuple[Arrow, ...]
    headings: tuple[Heading, ...]
    style: LadderStyle


def ladder_steps(roles: Mapping[str, Role]) -> dict[str, int]:
    """Each role's step: 0 for an entry role, otherwise one more than any role it comes from."""
    steps: dict[str, int] = {}

    def step(slug: str, seen: frozenset[str]) -> int:
        if slug in seen:
            raise ValueError(f"the ladder has a cycle through '{slug}'")
        if slug not in steps:
            previous = [p for p in roles[slug].previous_roles if p in roles]
            steps[slug] = 1 + max((step(p, seen | {slug}) for p in previous), default=-1)
        return steps[slug]

    for slug in roles:
        step(slug, frozenset())
    return steps


def place(roles: Mapping[str, Role], style: LadderStyle) -> dict[str, tuple[int, int]]:
    """Grid cells (row, column): one step can take several rows when it has many roles."""
    steps = ladder_steps(roles)
    cells: dict[str, tuple[int, int]] = {}
    row = 0
    for step in sorted(set(steps.values())):
        members = sorted(
            (r for r in roles.values() if steps[r.slug] == step), key=lambda r: r.order
        )
        core = [r.slug for r in members if r.track != SPECIALIST]
        specialists = [r.slug for r in members if r.track == SPECIALIST]
        while core or specialists:
            if core:
                cells[core.pop(0)] = (row, 0)
                free = list(range(1, style.columns))
            else:
                free = list(range(0 if style.pack else 1, style.columns))
            taken, specialists = specialists[: len(free)], specialists[len(free) :]
            if style.pack and len(free) == style.columns:
                free = free[len(free) - len(taken) :]  # a lone specialist stays beside the core
            for slug, col in zip(taken, free, strict=False):
                cells[slug] = (row, col)
            row += 1
    return cells


def wrap(text: str, max_chars: int) -> tuple[str, ...]:
    """Break a title into lines of at most ``max_chars`` characters, at spaces."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= max_chars:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return tuple(lines)


def _max_chars(style: LadderStyle) -> int:
    """How many title characters fit on one line of a box."""
    return int((style.box_width - 16) / (style.title_size * CHAR_WIDTH))


def _fit_height(roles: Mapping[str, Role], style: LadderStyle) -> LadderStyle:
    """The style with boxes tall enough for the longest title, the years and the pay."""
    lines = max(len(wrap(role.title, _max_chars(style))) for role in roles.values())
    needed = 20 + lines * style.title_size * 1.2 + 2 * style.line_size * 1.3
    return replace(style, box_height=max(style.box_height, round(needed)))


def _rung(slug: str, role: Role, row: int, col: int, style: LadderStyle) -> Rung:
    """A box with its text baselines, the block of text centred vertically."""
    x = style.outer + col * (style.box_width + style.col_gap)
    y = style.top + row * (style.box_height + style.row_gap)
    lines = wrap(role.title, _max_chars(style))
    title_step, line_step = style.title_size * 1.2, style.line_size * 1.3
    block = len(lines) * title_step + 2 * line_step
    first = y + (style.box_height - block) / 2 + style.title_size
    title_lines = tuple(TextLine(text, first + i * title_step) for i, text in enumerate(lines))
    years_y = first + (len(lines) - 1) * title_step + line_step + 2
    return Rung(
        slug=slug,
        track=role.track,
        row=row,
        col=col,
        x=x,
        y=y,
        width=style.box_width,
        height=style.box_height,
        title_lines=title_lines,
        years_y=years_y,
        pay_y=years_y + line_step,
    )


@dataclass
class _Route:
    source: Rung
    target: Rung
    gutter: int | None  # None: straight across
    lane_x: float = 0.0
    exit_x: float = 0.0
    entry_x: float = 0.0
    exit_y: float = 0.0  # the horizontal run in the gap below the source
    entry_y: float = 0.0  # the horizontal run in the gap above the target


def _gutter_bounds(gutter: int, style: LadderStyle) -> tuple[float, float]:
    """Left and right edge of gutter ``gutter`` (0 is left of the first column)."""
    pitch = style.box_width + style.col_gap
    if gutter == 0:
        return 0.0, float(style.outer)
    right_of_box = style.outer + (gutter - 1) * pitch + style.box_width
    width = style.outer if gutter == style.columns else style.col_gap
    return float(right_of_box), float(right_of_box + width)


def _spread(start: float, end: float, count: int, index: int) -> float:
    """The ``index``-th of ``count`` evenly spaced points strictly inside start..end."""
    return round(start + (end - start) * (index + 1) / (count + 1), 1)


def _routes(
    roles: Mapping[str, Role], rungs: Mapping[str, Rung], style: LadderStyle
) -> list[_Route]:
    """Pick a route for every next_roles link: straight, or through which gutter."""
    occupied = {(r.row, r.col) for r in rungs.values()}
    routes: list[_Route] = []
    for slug, role in roles.items():
        for nxt in role.next_roles:
            s, t = rungs[slug], rungs[nxt]
            clear = all((row, s.col) not in occupied for row in range(s.row + 1, t.row))
            if t.row == s.row + 1 or (s.col == t.col and clear):
                gutter = None
            elif t.col > s.col:
                gutter = t.col
            elif t.col < s.col:
                gutter = t.col + 1
            else:  # same column, blocked: use the outer side nearer to it
                gutter = s.col if s.col < style.columns / 2 else s.col + 1
            routes.append(_Route(s, t, gutter))
    return routes


def _assign_lanes(routes: list[_Route], style: LadderStyle) -> None:
    """Give every gutter run its own lane, reusing a lane once the run above it has ended.

    Runs into the same target through the same gutter share one lane, drawn as one line
    that the others join: a fan-in reads more easily than parallel lines.
    """
    for gutter in range(style.columns + 1):
        buses: dict[str, tuple[int, int]] = {}
        for r in routes:
            if r.gutter == gutter:
                start, end = buses.get(r.target.slug, (r.source.row, r.target.row - 1))
                buses[r.target.slug] = (min(start, r.source.row), end)
        lane_ends: list[int] = []
        lane_of: dict[str, int] = {}
        for target, (start, end) in sorted(buses.items(), key=lambda item: item[1]):
            lane = next((i for i, last in enumerate(lane_ends) if last < start), len(lane_ends))
            if lane == len(lane_ends):
                lane_ends.append(end)
            else:
                lane_ends[lane] = end
            lane_of[target] = lane
        left, right = _gutter_bounds(gutter, style)
        for r in routes:
            if r.gutter == gutter:
                r.lane_x = _spread(left, right, len(lane_ends), lane_of[r.target.slug])


def _heading_x(r: _Route, toward: Rung) -> float:
    """Where a route heads horizontally as it leaves or enters a box."""
    return r.lane_x if r.gutter is not None else toward.cx


def _assign_ports(routes: list[_Route], rungs: Mapping[str, Rung]) -> None:
    """Spread the lines leaving a box along its bottom and those entering along its top."""
    for rung in rungs.values():
        left, right = rung.x + rung.width * 0.1, rung.x + rung.width * 0.9
        out = sorted((r for r in routes if r.source is rung), key=lambda r: _heading_x(r, r.target))
        for i, r in enumerate(out):
            r.exit_x = _spread(left, right, len(out), i)
        # A shared gutter lane arrives as one line, so it takes one entry port.
        into = sorted(
            {_entry_key(r): _heading_x(r, r.source) for r in routes if r.target is rung}.items(),
            key=lambda item: item[1],
        )
        port = {key: _spread(left, right, len(into), i) for i, (key, _) in enumerate(into)}
        for r in routes:
            if r.target is rung:
                r.entry_x = port[_entry_key(r)]


def _entry_key(r: _Route) -> str:
    """Routes with the same key arrive together."""
    return f"gutter-{r.gutter}" if r.gutter is not None else f"from-{r.source.slug}"


def _assign_runs(routes: list[_Route], style: LadderStyle) -> None:
    """Give each horizontal run in a gap its own height: runs leaving above runs arriving."""
    gaps: dict[int, dict[str, tuple[int, float]]] = {}
    for r in routes:
        if r.gutter is None:
            continue
        exits = gaps.setdefault(r.source.row, {})
        exits[f"exit-{r.source.slug}-{r.target.slug}"] = (0, abs(r.lane_x - r.exit_x))
        entries = gaps.setdefault(r.target.row - 1, {})
        entries[f"entry-{r.target.slug}-{r.gutter}"] = (1, abs(r.lane_x - r.entry_x))
    heights: dict[str, float] = {}
    for gap, runs in gaps.items():
        top = style.top + gap * (style.box_height + style.row_gap) + style.box_height
        for i, key in enumerate(sorted(runs, key=lambda k: runs[k])):
            heights[key] = _spread(top, top + style.row_gap, len(runs), i)
    for r in routes:
        if r.gutter is not None:
            r.exit_y = heights[f"exit-{r.source.slug}-{r.target.slug}"]
            r.entry_y = heights[f"entry-{r.target.slug}-{r.gutter}"]


def _arrow(r: _Route) -> Arrow:
    start = (r.exit_x, r.source.bottom)
    end = (r.entry_x, r.target.y)
    if r.gutter is None:
        return Arrow(r.source.slug, r.target.slug, (start, end))
    points = (
        start,
        (r.exit_x, r.exit_y),
        (r.lane_x, r.exit_y),
        (r.lane_x, r.entry_y),
        (r.entry_x, r.entry_y),
        end,
    )
    return Arrow(r.source.slug, r.target.slug, points)


def ladder_layout(roles: Mapping[str, Role], style: LadderStyle) -> Ladder:
    """Lay out every role as a box on the grid and route an arrow for every next role."""
    style = _fit_height(roles, style)
    cells = place(roles, style)
    rungs = {slug: _rung(slug, roles[slug], *cells[slug], style) for slug in roles}
    routes = _routes(roles, rungs, style)
    _assign_lanes(routes, style)
    _assign_ports(routes, rungs)
    _assign_runs(routes, style)
    rows = 1 + max(row for row, _ in cells.values())
    pitch = style.box_width + style.col_gap
    headings: tuple[Heading, ...] = ()
    if not style.pack and style.columns > 1:
        specialists_centre = style.outer + pitch + ((style.columns - 1) * pitch - style.col_gap) / 2
        headings = (
            Heading("core", style.outer + style.box_width / 2, style.top - 12),
            Heading(SPECIALIST, specialists_centre, style.top - 12),
        )
    return Ladder(
        width=2 * style.outer + style.columns * pitch - style.col_gap,
        height=style.top + rows * (style.box_height + style.row_gap) - style.row_gap + 4,
        rungs=tuple(sorted(rungs.values(), key=lambda r: roles[r.slug].order)),
        arrows=tuple(_arrow(r) for r in routes),
        headings=headings,
        style=style,
    )
