"""The debrief handout: one self-contained HTML file a facilitator can print on A4 or email.

Everything is inline (CSS, the chart as SVG), nothing is fetched from the network, and
every piece of text from a script or a record is escaped. The handout is built from the
record's fixed header fields and the run's events only, so nothing typed about the
people in the room can reach it. A PNG of the chart is written beside it for slides.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from html import escape
from pathlib import Path
from typing import assert_never

from game.i18n import N_, _, language, month
from game.records import chart as charts
from game.records.journal import JournalRecord
from game.records.session import replay_record
from game.safetext import safe_name
from game.storage import atomic_write_text
from game.story.events import (
    Buzzed,
    Chosen,
    DecisionReached,
    Ended,
    Event,
    HotSeated,
    LineShown,
    Missed,
    OwnWords,
    Played,
    Redirected,
    Resumed,
    Rewound,
    Started,
    Tallied,
    run_mode,
)
from game.story.model import Decision, Ending, Intervention, Script
from game.story.roles import Seat, seat_words
from game.story.runtime import anti_model_result
from game.story.scoring import Judged
from game.story.views import AttemptResult, CriterionResult, RunResult

TONE_NAMES = {
    "traditional": N_("Traditional outcome"),
    "mixed": N_("Mixed outcome"),
    "just": N_("Just and learning outcome"),
}
NOTE_LINES = 14


def tone_name(tone: str) -> str:
    """An ending's tone in words ("Just and learning outcome"), in the language in use."""
    return _(TONE_NAMES[tone]) if tone in TONE_NAMES else tone


CSS = """
@page { size: A4; margin: 14mm 14mm 16mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "Atkinson Hyperlegible", Verdana, Arial, sans-serif; color: #17202a;
  font-size: 11pt; line-height: 1.4; margin: 0 auto; max-width: 190mm; padding: 8mm 4mm; }
h1 { font-size: 20pt; margin: 0 0 2mm; }
h2 { font-size: 14pt; margin: 7mm 0 2mm; border-bottom: 1.5pt solid #17202a; }
h3 { font-size: 12pt; margin: 1mm 0; }
.meta { color: #545e6a; margin: 0; }
.outcomes { display: flex; gap: 5mm; }
.outcome { flex: 1; border: 1.5pt solid #17202a; padding: 3mm 4mm; break-inside: avoid; }
.outcome.anti { border-style: dashed; }
.tone { font-weight: bold; text-transform: uppercase; font-size: 9pt; letter-spacing: 0.05em; }
svg.chart { width: 100%; height: auto; display: block; break-inside: avoid;
  print-color-adjust: exact; -webkit-print-color-adjust: exact; }
table { border-collapse: collapse; width: 100%; margin-top: 3mm; break-inside: avoid; }
th, td { border: 0.75pt solid #8a949e; padding: 1mm 2mm; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
ol.timeline { list-style: none; padding: 0; margin: 0; }
ol.timeline li { border-left: 3pt solid #17202a; padding: 1mm 0 1mm 3mm; margin: 0 0 2mm;
  break-inside: avoid; }
ol.timeline li.missed { border-left-style: dotted; }
ol.timeline li.rewind { border-left-style: double; }
.when { font-variant-numeric: tabular-nums; color: #545e6a; margin-right: 2mm; }
.kind { font-weight: bold; text-transform: uppercase; font-size: 9pt; margin-right: 2mm; }
.scores, .feedback { margin: 0.5mm 0 0; }
.feedback { font-style: italic; }
.notes { break-inside: avoid; }
.notes .ruled { border-bottom: 0.75pt solid #8a949e; height: 9mm; }
footer { margin-top: 6mm; color: #545e6a; font-size: 9pt; }
@media print { body { padding: 0; max-width: none; } h2 { break-after: avoid; } }
"""


@dataclass
class Entry:
    """One line of the timeline, already in words."""

    when: str
    attempt: int
    kind: str  # css class and label source
    label: str
    text: str
    details: list[str] = field(default_factory=list)
    feedback: str = ""


def _clock(seconds: float) -> str:
    whole = max(0, int(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def _points(script: Script) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """Point id -> prompt, and point id -> option texts, for interventions and decisions."""
    points: list[Intervention | Decision] = [*script.interventions.values()]
    points += [b.decision for b in script.beats.values() if b.decision is not None]
    return {p.id: p.prompt for p in points}, {
        p.id: tuple(o.says for o in p.options) for p in points
    }


def score_words(scores: dict[str, int], script: Script) -> str:
    """ "+2 Compassion and wellbeing; -1 Safety" in the script's order of criteria.

    The minus is U+2212 on the handout, as `charts.signed` writes it.
    """
    order = [c for c in script.criteria if scores.get(c)] + [
        c for c in scores if c not in script.criteria and scores[c]
    ]
    names = {c.id: c.name for c in script.criteria.values()}
    return "; ".join(f"{charts.signed(int(scores[c]))} {names.get(c, c)}" for c in order)


def _said(script: Script, who: str, says: str) -> str:
    character = script.cast.get(who)
    return f"{character.name if character else who}: \u201c{says}\u201d"


def _line_at(script: Script, beat_id: str, index: int) -> str:
    """The line at a recorded position (a rewind event carries the moment it went back to)."""
    beat = script.beats.get(beat_id)
    if beat is None or not 0 <= index < len(beat.lines):
        return ""
    return _said(script, beat.lines[index].who, beat.lines[index].says)


def _hands_text(counts: dict[int, int], options: tuple[str, ...]) -> str:
    """A show of hands in words: '3 for "Listen first"; 1 for "Suspend him"'."""
    return "; ".join(
        _("{count} for \u201c{option}\u201d").format(
            count=n,
            option=options[i] if 0 <= i < len(options) else _("option {n}").format(n=i + 1),
        )
        for i, n in sorted(counts.items())
    )


def alternative_words(verdict: Judged, script: Script) -> str:
    """The strongest alternative the room had at a moment, and what it would have changed."""
    strong = verdict.strongest()
    if strong.option == verdict.chosen:
        return _("The strongest choice the room had here.")
    what = f"\u201c{strong.says}\u201d" if strong.says else _("letting the moment pass")
    change = score_words(verdict.change(), script) or _("nothing on the criteria")
    words = _("Strongest alternative here: {what}. It would have changed: {change}.").format(
        what=what, change=change
    )
    if strong.goto and strong.goto != verdict.choice.goto:
        ending = script.endings.get(strong.goto)
        led = (
            _("It would have led to the ending {title!r}.").format(title=ending.title)
            if ending
            else _("It would have led to {beat}.").format(beat=strong.goto)
        )
        words = f"{words} {led}"
    return words


def timeline(
    events: list[Event], script: Script, verdicts: Sequence[Judged] = (), solo: bool = False
) -> list[Entry]:
    """The run in the room's terms: freezes, redirects, hot-seats, rewinds, misses, choices.

    `verdicts` (the runtime's, one per choice and missed moment in record order) add to each
    moment the strongest alternative the room had there and what it would have changed.
    `solo`: one manager practising, so a missed moment is theirs, not a room's.
    """
    prompts, options = _points(script)
    moments = [e for e in events if isinstance(e.data, Redirected | Chosen | Missed)]
    judged = dict(zip(map(id, moments), verdicts, strict=False))
    if len(verdicts) != len(moments):
        judged = {}  # an anti-model run is not judged
    start = events[0].t if events else 0.0
    on_stage = ""
    entries: list[Entry] = []
    #: The show of hands being counted: a room presses + once a hand, so one count is many
    #: events; the timeline shows one entry with each option's latest count.
    hands_at: tuple[str, int] | None = None
    hands: dict[int, int] = {}
    #: The room's own words, recorded just before the option they were mapped to.
    words = ""
    for e in events:
        last = entries[-1] if entries else None
        entry = Entry(_clock(e.t - start), e.attempt, e.kind, "", "")
        match e.data:
            case Started():
                continue
            case LineShown(who=who, says=says):
                on_stage = _said(script, who, says)
                continue
            case DecisionReached(point=point):
                on_stage = _("the decision \u201c{prompt}\u201d").format(
                    prompt=prompts.get(point, "")
                )
                continue
            case Buzzed(offered=offered):
                entry.label = _("Freeze")
                entry.text = _("The scene froze at {moment}").format(
                    moment=on_stage or _("the start")
                )
                if offered in prompts:
                    entry.details.append(
                        _("Moment to intervene: {prompt}").format(prompt=prompts[offered])
                    )
            case OwnWords(words=said):
                words = said
                continue
            case Redirected() | Chosen() as taken:
                entry.label = _("Redirect") if isinstance(taken, Redirected) else _("Decision")
                entry.text = f"{prompts.get(taken.point, '')} \u2192 \u201c{taken.says}\u201d"
                if words:
                    entry.text = _(
                        "{prompt} \u2192 in the room\u2019s own words: "
                        "\u201c{words}\u201d (closest to \u201c{option}\u201d)"
                    ).format(prompt=prompts.get(taken.point, ""), words=words, option=taken.says)
                    words = ""
                entry.details.append(score_words(taken.scores, script))
                entry.feedback = taken.feedback
                if id(e) in judged:
                    entry.details.append(alternative_words(judged[id(e)], script))
            case Played(by=by, says=says, point=point):
                person = script.cast.get(by)
                entry.label = _("Played for the room")
                name = person.name if person else by
                entry.text = f"{prompts.get(point, '')} \u2192 {name}: \u201c{says}\u201d"
            case Missed(point=point, scores=scores, feedback=feedback):
                entry.label = _("Missed moment")
                passed = _("You let the moment pass") if solo else _("Nobody stopped the scene")
                entry.text = f"{passed}: {prompts.get(point, '')}"
                entry.details.append(score_words(scores, script))
                entry.feedback = feedback
                if id(e) in judged:
                    entry.details.append(alternative_words(judged[id(e)], script))
            case HotSeated(character=character, text=text):
                person = script.cast.get(character)
                entry.label = _("Hot-seat")
                entry.text = _("{name} thinks: \u201c{thought}\u201d").format(
                    name=person.name if person else character, thought=text
                )
            case Rewound():
                on_stage = _line_at(script, e.beat, e.line) or on_stage
                entry.label = _("Rewind")
                entry.text = _("Back to {moment}; attempt {attempt} begins").format(
                    moment=on_stage or _("an earlier moment"), attempt=e.attempt
                )
            case Tallied(point=point, option=option, count=count):
                if not (last and last.kind == "tally" and hands_at == (point, e.attempt)):
                    last, hands_at, hands = None, (point, e.attempt), {}
                hands[option] = count
                entry.label = _("Show of hands")
                entry.text = _hands_text(hands, options.get(point, ()))
                if last is not None:  # the same show of hands: its entry takes the new count
                    last.text = entry.text
                    continue
            case Resumed():
                if last is not None and last.kind == "buzz":  # a freeze with nothing done
                    last.details.append(
                        _("You let the scene play on as it was.")
                        if solo
                        else _("The room let the scene play on as it was.")
                    )
                    continue
                entry.label = _("Play on")
                entry.text = _("The scene played on as it was")
            case Ended(title=title):
                entry.label = _("Ending")
                entry.text = title or _("The run stopped without an ending")
            case unknown:  # a new event kind: mypy points here until it has its words
                assert_never(unknown)
        entry.details = [x for x in entry.details if x]
        entries.append(entry)
    return entries


def _context(ending: Ending) -> str:
    """What nobody in the room could see: told only after the run, in the debrief."""
    if not ending.context:
        return ""
    seen = escape(_("What nobody in the room could see:"))
    return f"<p><b>{seen}</b> {escape(ending.context)}</p>"


def _outcome_box(heading: str, ending: Ending | None, css: str, empty: str) -> str:
    if ending is None:
        return f'<div class="outcome {css}"><h2>{escape(heading)}</h2><p>{escape(empty)}</p></div>'
    return (
        f'<div class="outcome {css}"><h2>{escape(heading)}</h2>'
        f'<p class="tone">{escape(tone_name(ending.tone))}</p>'
        f"<h3>{escape(ending.title)}</h3><p>{escape(ending.outcome)}</p>{_context(ending)}</div>"
    )


def _criteria_table(result: RunResult) -> str:
    def share(c: CriterionResult) -> str:
        return f"{c.value}%" if c.tested else _("not tested")

    rows = "".join(
        f"<tr><td>{escape(c.name)}</td><td class='num'>{share(c)}</td>"
        f"<td class='num'>{c.moments}</td><td class='num'>{charts.signed(c.points)}</td></tr>"
        for c in result.criteria
    )
    heads = "".join(
        f"<th>{escape(h)}</th>"
        for h in (
            _("Criterion"),
            _("Where the choices sat, worst 0% to best 100%"),
            _("Moments that tested it"),
            _("Points"),
        )
    )
    note = _(
        "Each choice is placed between the worst and the best alternative the "
        "room had at that moment; the percentage is the average over those moments."
    )
    return (
        f"<table><thead><tr>{heads}</tr></thead><tbody>{rows}</tbody></table>"
        f"<p class='meta'>{escape(note)}</p>"
    )


#: Attempts per table of the handout's comparison: more would not fit a printed page's
#: width; a room that tried more ways gets one table per five, each with the traditional
#: approach beside them.
ATTEMPTS_PER_TABLE = 5


def comparison(
    attempts: Sequence[AttemptResult], traditional: AttemptResult | None
) -> tuple[list[str], list[list[str]]]:
    """The attempts side by side with the traditional approach's path: a header row and
    rows of words (the ending, then each criterion any of them tested, as a percentage of
    the way from the worst alternatives to the best). Every attempt: the screen and the
    handout each page through them their own way."""
    columns = [*([traditional] if traditional is not None else []), *attempts]
    header = [""] + [
        _("Traditional approach")
        if a.attempt == 0
        else _("Attempt {number}").format(number=a.attempt)
        for a in columns
    ]
    rows = [[_("Ending")] + [a.ending.title if a.ending else _("no ending") for a in columns]]
    names = {c.id: c.name for a in columns for c in a.criteria}
    for cid, name in names.items():
        found = [next((c for c in a.criteria if c.id == cid), None) for a in columns]
        if any(c is not None and c.tested for c in found):
            rows.append(
                [name] + [f"{c.value}%" if c is not None and c.tested else "\u2014" for c in found]
            )
    return header, rows


def _comparison_html(result: RunResult, script: Script) -> str:
    """The attempts and the traditional approach compared, for the handout: every attempt,
    in tables of `ATTEMPTS_PER_TABLE`, the traditional approach in each."""
    attempts = result.attempts
    # A role run's criteria are that role's: the manager's traditional path does not compare.
    traditional = None if result.role else anti_model_result(script)
    tables = []
    for first in range(0, len(attempts), ATTEMPTS_PER_TABLE):
        header, rows = comparison(attempts[first : first + ATTEMPTS_PER_TABLE], traditional)
        head = "".join(f"<th>{escape(h)}</th>" for h in header)
        body = "".join(
            "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
        )
        tables.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    note = _(
        "Each attempt that reached an ending, beside the traditional "
        "approach's path judged the same way (0% always the worst alternative, 100% the "
        "best)."
    )
    heading = escape(_("Attempts compared"))
    return (
        f"<section><h2>{heading}</h2>"
        + "".join(tables)
        + f"<p class='meta'>{escape(note)}</p></section>"
    )


def _entry_html(e: Entry) -> str:
    details = "".join(f'<p class="scores">{escape(x)}</p>' for x in e.details)
    feedback = f'<p class="feedback">{escape(e.feedback)}</p>' if e.feedback else ""
    return (
        f'<li class="{escape(e.kind)}"><span class="when">{escape(e.when)}</span>'
        f'<span class="kind">{escape(e.label)}</span>{escape(e.text)}{details}{feedback}</li>'
    )


def _date(iso: str) -> str:
    try:
        when = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{when.day} {month(when.month)} {when.year}, {when:%H:%M}"


def _cut(record: JournalRecord) -> list[str]:
    """What a handout of a record cut by a full disk must say: it holds part of the run."""
    if record.state != "cut":
        return []
    return [
        _(
            "Incomplete: the disk refused to write during this run, so this handout covers "
            "only the first {count} recorded events."
        ).format(count=len(record.events))
    ]


def _role_html(script: Script, result: RunResult) -> str:
    """A run played in someone else's shoes, through their eyes: each of the manager's
    actions and how it landed, what they needed, what they never said, their own choices."""
    role = script.role(result.role)
    person = script.cast.get(result.role)
    who = person.name if person else result.role
    items = "".join(
        f"<li>\u201c{escape(land.says)}\u201d"
        + (
            f"<p class='feedback'>{escape(who)}: \u201c{escape(land.landed)}\u201d</p>"
            if land.landed
            else ""
        )
        + "</li>"
        for land in result.landings
    )
    needed = role.needed if role and role.needed else "(The scenario does not say.)"
    parts = [
        f"<section><h2>Through {escape(who)}\u2019s eyes</h2>",
        f"<h3>What the manager did, and how it landed with {escape(who)}</h3>",
        f"<ol>{items}</ol>" if items else "<p>Nothing the story records on this path.</p>",
        f"<h3>What {escape(who)} needed</h3><p>{escape(needed)}</p>",
    ]
    if role and role.unsaid:
        parts.append(f"<h3>What {escape(who)} never said</h3><p>{escape(role.unsaid)}</p>")
    own = "".join(f"<li>\u201c{escape(said)}\u201d</li>" for said in result.own)
    parts.append(f"<h3>{escape(who)}\u2019s own choices</h3>")
    parts.append(f"<ol>{own}</ol>" if own else "<p>None on this path.</p>")
    parts.append("</section>")
    return "".join(parts)


def render_html(record: JournalRecord, script: Script, result: RunResult) -> str:
    """The handout for one recorded run of `script` (result: the replayed run's result)."""
    facilitated = record.header.get("mode") == "facilitator"
    events = record.events
    anti_run = run_mode(events) == "anti_model"
    attempts = max((e.attempt for e in events), default=1)
    played = seat_words(script, Seat(result.role, result.style))
    meta = [
        _date(str(record.header.get("started", ""))),
        _("Facilitated session") if facilitated else _("Solo practice"),
        _("Anti-model run (not scored)") if anti_run else _("Forum run"),
        *([played] if played else []),
        _("Attempts: {count}").format(count=attempts),
    ]
    scored = bool(result.criteria) or not result.role
    anti = script.endings.get(script.anti_model_ending)
    entries = timeline(events, script, result.verdicts, solo=not facilitated)
    tried = _("What the room tried") if facilitated else _("What you tried")
    title = _("Debrief: {title}").format(title=script.title)
    questions = "".join(f"<li>{escape(q)}</li>" for q in script.discussion_questions)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{language()}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body>",
        f"<header><h1>{escape(title)}</h1><p class='meta'>{escape(' · '.join(meta))}</p></header>",
        # A record the disk cut short says so on the page itself, not only on the screen.
        *(f"<p class='meta'><strong>{escape(w)}</strong></p>" for w in _cut(record)),
        '<section class="outcomes">',
        _outcome_box(_("This run"), result.ending, "run", _("The run stopped before an ending.")),
        _outcome_box(
            _("The traditional approach"), anti, "anti", _("This scenario has no anti-model.")
        ),
        "</section>",
        _role_html(script, result) if result.role else "",
        "<section><h2>"
        + escape(_("Leadership behaviours"))
        + "</h2>"
        + charts.to_svg(charts.layout(result.criteria))
        + _criteria_table(result)
        + "</section>"
        if scored
        else "<section><p>"
        + escape(_("This role is not scored: the run is for reflection."))
        + "</p></section>",
        _comparison_html(result, script) if result.attempts and not anti_run else "",
        f"<section><h2>{escape(tried)}</h2>",
        '<ol class="timeline">' + "".join(_entry_html(e) for e in entries) + "</ol>"
        if entries
        else "<p>" + escape(_("Nothing was recorded.")) + "</p>",
        "</section>",
    ]
    if questions:
        heading = escape(_("Discussion questions"))
        parts.append(f"<section><h2>{heading}</h2><ol>{questions}</ol></section>")
    parts.append('<section class="notes"><h2>' + escape(_("Notes")) + "</h2>")
    parts.append('<div class="ruled"></div>' * NOTE_LINES)
    parts.append("</section>")
    footer = _(
        "Freeze Frame {version} \u00b7 session {session}. This handout records the scenario and "
        "the choices made; it holds no names of people in the room."
    ).format(version=record.header.get("app", ""), session=record.session_id)
    parts.append(f"<footer>{escape(footer)}</footer></body></html>")
    return "\n".join(parts) + "\n"


@dataclass
class HandoutFiles:
    html: Path
    png: Path | None
    warnings: list[str]


def default_name(record: JournalRecord) -> str:
    """The handout's file name, from the record's ids cleaned of anything but a name's
    characters: a crafted record's `../../x` cannot put the handout outside its folder."""
    script_id = safe_name(str(record.script.get("id", "")), "session")
    return f"freeze-frame-{script_id}-{safe_name(record.session_id, 'record')}.html"


#: Draws a chart into a picture file. The records never draw: the caller brings this (the
#: game and the report tool pass `game.ui.chart_png.save_png`), so they need no pygame.
ChartWriter = Callable[[charts.Chart, Path], None]


def write_handout(
    record: JournalRecord, script: Script, out: Path, save_chart: ChartWriter | None
) -> HandoutFiles:
    """Write the HTML handout `out` and, given a chart writer, `<name>-chart.png` beside it;
    also the Export button's call.

    `record` comes from `read_journal`. Raises ResumeError if the record does not replay on
    this script, OSError if the handout cannot be written (a chart that cannot be is a
    warning: the handout stands without it).
    """
    runtime = replay_record(record, script)
    result = runtime.result()
    atomic_write_text(out, render_html(record, script, result))
    warnings = list(record.warnings)
    if save_chart is None:
        return HandoutFiles(out, None, warnings)
    png = out.with_name(f"{out.stem}-chart.png")
    chart = charts.layout(
        result.criteria, _("{title}: this run against the best").format(title=script.title)
    )
    try:
        save_chart(chart, png)
    except (OSError, RuntimeError) as exc:
        warnings.append(_("The chart picture could not be written: {reason}").format(reason=exc))
        with_png = None
    else:
        with_png = png
    return HandoutFiles(out, with_png, warnings)
