"""Coaching PDFs with reportlab (platypus for the layout, reportlab.graphics for charts)."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from coach_app.core.metrics import talk_summary
from coach_app.core.redaction import redact
from coach_app.core.transcript import AGENT, CUSTOMER, format_clock
from coach_app.export.strings import t
from coach_app.services.reports import CallReportData

FONT, BOLD = "CoachSans", "CoachSans-Bold"
_FONT_CANDIDATES = [
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
]
INK, MUTED, GOOD, BAD = colors.HexColor("#1f2933"), colors.HexColor("#616e7c"), colors.HexColor("#1b7f4b"), colors.HexColor("#b42318")
AGENT_C, CUST_C = colors.HexColor("#2f6fba"), colors.HexColor("#e08e2b")


def _register_fonts() -> None:
    """DejaVu (covers Finnish and other Latin names) when installed, else reportlab's Vera."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    import reportlab

    pairs = _FONT_CANDIDATES + [(str(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"),
                                 str(Path(reportlab.__file__).parent / "fonts" / "VeraBd.ttf"))]
    for regular, bold in pairs:
        if Path(regular).exists() and Path(bold).exists():
            pdfmetrics.registerFont(TTFont(FONT, regular))
            pdfmetrics.registerFont(TTFont(BOLD, bold))
            return


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=FONT, fontSize=9.5, leading=12.5, textColor=INK)
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10.5, textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11),
        "title": ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=18, leading=22, spaceAfter=4),
        "h2": ParagraphStyle("h2", parent=base, fontName=BOLD, fontSize=12.5, leading=16, spaceBefore=10, spaceAfter=5),
        "big": ParagraphStyle("big", parent=base, fontName=BOLD, fontSize=26, leading=30, alignment=TA_CENTER),
        "verdict": ParagraphStyle("verdict", parent=base, fontName=BOLD, fontSize=11, alignment=TA_CENTER),
    }


def _p(text: str, style) -> Paragraph:
    return Paragraph(escape(text), style)


def timeline_drawing(segments, hold_limit_ms: int, lang: str, width: float = 170 * mm) -> Drawing:
    """Agent and customer lanes over the call, silences over the limit and talk-over marks."""
    summary = talk_summary(segments, hold_limit_ms)
    total = max(summary.duration_ms, 1)
    label_w, lane_h = 22 * mm, 9
    d = Drawing(width, 52)
    scale = (width - label_w) / total
    for y, speaker, colour, name in ((30, AGENT, AGENT_C, t(lang, "agent")), (16, CUSTOMER, CUST_C, t(lang, "customer"))):
        d.add(String(0, y + 2, name[:14], fontName=FONT, fontSize=7, fillColor=INK))
        d.add(Rect(label_w, y, width - label_w, lane_h, fillColor=colors.HexColor("#f1f3f5"), strokeColor=None))
        for s in segments:
            if s.speaker == speaker:
                d.add(Rect(label_w + s.start_ms * scale, y, max(0.6, (s.end_ms - s.start_ms) * scale), lane_h,
                           fillColor=colour, strokeColor=None))
    for a, b in summary.long_silences:
        d.add(Rect(label_w + a * scale, 14, (b - a) * scale, 27, fillColor=None, strokeColor=colors.HexColor("#6b7280"),
                   strokeDashArray=[2, 2], strokeWidth=0.8))
    for ms in summary.talk_over_ms:
        x = label_w + ms * scale
        d.add(Line(x, 12, x, 43, strokeColor=BAD, strokeWidth=1.2))
    d.add(String(label_w, 2, "0:00", fontName=FONT, fontSize=6.5, fillColor=MUTED))
    d.add(String(width - 14, 2, format_clock(total), fontName=FONT, fontSize=6.5, fillColor=MUTED))
    legend = f"- - {t(lang, 'silence')}     | {t(lang, 'talk_over')}"
    d.add(String(label_w + 40 * mm, 2, legend, fontName=FONT, fontSize=6.5, fillColor=MUTED))
    return d


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0].rstrip(",.;:") + " …"


def _status_text(lang: str, status: str | None) -> str:
    return t(lang, status) if status else t(lang, "not_scored")


def _disputes_table(disputes, lang: str, st, clean) -> list:
    """The agent's disputes of the review: criterion, the reviewer's verdict and the one asked
    for, the agent's reason, and the outcome with the reply."""
    rows = [[_p(t(lang, k), st["cell"]) for k in ("criterion", "dispute_change", "dispute_reason", "dispute_outcome")]]
    for d in disputes:
        title = d.criterion_title.get(lang) or next(iter(d.criterion_title.values()), d.criterion_id)
        change = f"{_status_text(lang, d.from_status)} → {_status_text(lang, d.wanted_status)}"
        if d.status == "open":
            outcome = Paragraph(f'<font color="{MUTED.hexval()}">{escape(t(lang, "dispute_open"))}</font>', st["cell"])
        else:
            colour = GOOD if d.status == "accepted" else BAD
            head = t(lang, f"dispute_{d.status}").format(who=d.resolved_by or "-")
            outcome = Paragraph(f'<font color="{colour.hexval()}">{escape(head)}</font>: {escape(clean(d.reply or ""))}',
                                st["cell"])
        rows.append([_p(title, st["cell"]), _p(change, st["cell"]), _p(clean(d.reason), st["cell"]), outcome])
    table = Table(rows, colWidths=[38 * mm, 32 * mm, 50 * mm, 50 * mm], repeatRows=1)
    table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, 0), 0.8, INK), ("FONTNAME", (0, 0), (-1, 0), BOLD),
                               ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.lightgrey), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return [_p(t(lang, "disputes"), st["h2"]), table]


def build_call_report(data: CallReportData, out: Path, lang: str | None = None, redact_pii: bool = True) -> None:
    _register_fonts()
    st = _styles()
    rubric, inter = data.rubric, data.interaction
    lang = lang or (inter.language if inter.language in rubric.languages else rubric.languages[0])
    clean = (lambda s: redact(s, lang)) if redact_pii else (lambda s: s)
    ev = data.main
    story = [_p(t(lang, "call_report"), st["title"])]
    when = inter.occurred_at.astimezone().strftime("%Y-%m-%d %H:%M") if inter.occurred_at else "-"
    reviewer = ev.author if ev.evaluation.kind != "automatic" else t(lang, "automatic")
    header = [
        [t(lang, "agent"), data.agent or "-", t(lang, "date"), when],
        [t(lang, "duration"), format_clock(inter.duration_ms or 0) if inter.channel_type == "phone" else "-",
         t(lang, "channel"), t(lang, inter.channel_type)],
        [t(lang, "reviewer"), reviewer or "-", t(lang, "rubric"),
         f"{rubric.name.get(lang, rubric.id)} v{rubric.version}"],
    ]
    head = Table([[_p(c, st["cell"]) for c in row] for row in header], colWidths=[33 * mm, 52 * mm, 30 * mm, 55 * mm])
    head.setStyle(TableStyle([("TEXTCOLOR", (0, 0), (0, -1), MUTED), ("TEXTCOLOR", (2, 0), (2, -1), MUTED),
                              ("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    passed = ev.evaluation.passed
    verdict = _p(t(lang, "passed") if passed else t(lang, "failed"),
                 ParagraphStyle("v", parent=st["verdict"], textColor=GOOD if passed else BAD))
    total = "-" if ev.evaluation.total is None else f"{ev.evaluation.total:.0f}"
    score_box = Table([[_p(total, st["big"])], [verdict],
                       [_p(f"{t(lang, 'total')} / 100 · {t(lang, 'pass_mark')} {rubric.pass_mark:.0f}", st["small"])]],
                      colWidths=[170 * mm])
    score_box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, GOOD if passed else BAD),
                                   ("ALIGN", (0, 0), (-1, -1), "CENTER"), ("TOPPADDING", (0, 0), (-1, -1), 4)]))
    story += [head, Spacer(1, 6), score_box, _p(t(lang, "scorecard"), st["h2"])]

    rows = [[_p(t(lang, k), st["cell"]) for k in ("criterion", "status", "weight", "evidence", "comment")]]
    strengths, focus = [], []
    for c in rubric.criteria:
        r = ev.results.get(c.id)
        status = r.status if r else None
        ev_list = (r.evidence or []) if r else []
        quote = ""
        if ev_list:
            e = ev_list[0]
            quote = f"{format_clock(e['start_ms'])} “{_shorten(clean(e['quote']), 150)}”"
        comment = " ".join(x for x in [
            (r.reviewer_comment or "") if r else "",
            f"({t(lang, 'overridden')} {_status_text(lang, r.overridden_from)}: {r.override_reason or ''})"
            if r and r.overridden_from else "",
        ] if x)
        colour = {"met": GOOD, "not_met": BAD}.get(status, MUTED)
        rows.append([_p(c.title.get(lang, c.id), st["cell"]),
                     Paragraph(f'<font color="{colour.hexval()}">{escape(_status_text(lang, status))}</font>', st["cell"]),
                     _p(f"{c.weight:g}{' !' if c.critical else ''}", st["cell"]), _p(quote, st["cell"]),
                     _p(clean(comment), st["cell"])])
        if status == "met":
            strengths.append((c, quote))
        elif status == "not_met":
            focus.append(c)
    card = Table(rows, colWidths=[38 * mm, 19 * mm, 15 * mm, 68 * mm, 30 * mm], repeatRows=1)
    card.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, 0), 0.8, INK), ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.lightgrey),
                              ("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, 0), BOLD)]))
    story.append(card)

    story.append(_p(t(lang, "strengths"), st["h2"]))
    story += [_p(f"• {c.title.get(lang, c.id)} — {q}" if q else f"• {c.title.get(lang, c.id)}", st["base"])
              for c, q in strengths] or [_p(t(lang, "no_strengths"), st["base"])]
    story.append(_p(t(lang, "focus"), st["h2"]))
    for c in focus:
        r = ev.results.get(c.id)
        rationale = (r.rationale or "") if r else ""
        if r is not None and r.overridden_from:  # a person's verdict: the automatic reason would contradict it
            rationale = t(lang, "changed_by").format(who=ev.author or t(lang, "a_reviewer"),
                                                     old=_status_text(lang, r.overridden_from).lower(),
                                                     reason=r.override_reason or "")
        tips = c.tips.get(lang) or []
        block = [_p(f"• {c.title.get(lang, c.id)}", ParagraphStyle("fb", parent=st["base"], fontName=BOLD))]
        if rationale:
            block.append(_p(clean(rationale), st["small"]))
        block += [_p(f"   – {tip}", st["base"]) for tip in tips]
        story.append(KeepTogether(block))
    if not focus:
        story.append(_p(t(lang, "no_focus"), st["base"]))

    m = ev.evaluation.metrics or {}
    if inter.channel_type == "phone" and data.segments:
        story.append(_p(t(lang, "metrics"), st["h2"]))
        silences = m.get("long_silences_s") or []
        mrows = [
            [t(lang, "talk_ratio"), f"{(m.get('agent_talk_ratio') or 0):.0%}", t(lang, "wpm"), f"{m.get('agent_wpm') or 0:.0f}"],
            [t(lang, "talk_overs"), str(m.get("talk_over_count", 0)), t(lang, "longest_silence"),
             f"{m.get('longest_silence_s') or 0:.0f} {t(lang, 'seconds')}"],
            [t(lang, "long_silences"), ", ".join(f"{format_clock(int(a * 1000))}–{format_clock(int(b * 1000))}" for a, b in silences)
             or t(lang, "none"), "", ""],
        ]
        mt = Table([[_p(c, st["cell"]) for c in row] for row in mrows], colWidths=[45 * mm, 40 * mm, 50 * mm, 35 * mm])
        mt.setStyle(TableStyle([("TEXTCOLOR", (0, 0), (0, -1), MUTED), ("SPAN", (1, 2), (3, 2))]))
        story += [mt, Spacer(1, 4), _p(t(lang, "timeline"), st["small"]),
                  timeline_drawing(data.segments, int(rubric.hold_limit_s * 1000), lang)]

    if data.self_assessment and data.main.evaluation.kind in ("lead", "calibration"):
        story.append(_p(t(lang, "self_vs_lead"), st["h2"]))
        srows = [[_p(x, st["cell"]) for x in (t(lang, "criterion"), t(lang, "self"), t(lang, "lead"))]]
        style = [("LINEBELOW", (0, 0), (-1, 0), 0.8, INK), ("FONTNAME", (0, 0), (-1, 0), BOLD)]
        for i, c in enumerate(rubric.criteria, start=1):
            a = data.self_assessment.results.get(c.id)
            b = data.main.results.get(c.id)
            sa, sb = (a.status if a else None), (b.status if b else None)
            srows.append([_p(c.title.get(lang, c.id), st["cell"]), _p(_status_text(lang, sa), st["cell"]),
                          _p(_status_text(lang, sb), st["cell"])])
            if sa != sb:
                style.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#fff4e5")))
        s_table = Table(srows, colWidths=[70 * mm, 50 * mm, 50 * mm])
        s_table.setStyle(TableStyle(style))
        story.append(s_table)

    if data.disputes:
        story += _disputes_table(data.disputes, lang, st, clean)

    lines = Table([[""], [""], [""]], colWidths=[170 * mm], rowHeights=[9 * mm] * 3)
    lines.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.grey)]))
    sig = Table([["", "", ""], [t(lang, "signature_agent"), "", t(lang, "signature_lead")]],
                colWidths=[75 * mm, 20 * mm, 75 * mm], rowHeights=[14 * mm, None], spaceBefore=6)
    sig.setStyle(TableStyle([("LINEBELOW", (0, 0), (0, 0), 0.6, INK), ("LINEBELOW", (2, 0), (2, 0), 0.6, INK),
                             ("FONTNAME", (0, 1), (-1, 1), FONT), ("FONTSIZE", (0, 1), (-1, 1), 8),
                             ("TEXTCOLOR", (0, 1), (-1, 1), MUTED)]))
    story.append(KeepTogether([_p(t(lang, "actions"), st["h2"]), lines, sig]))
    footer_note = t(lang, "redacted") if redact_pii else ""

    def on_page(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(20 * mm, 10 * mm, f"Encounter Coach · #{inter.id} {inter.original_name[:60]} · {footer_note}")
        canvas.drawRightString(190 * mm, 10 * mm, f"{t(lang, 'page')} {doc.page}")
        canvas.restoreState()

    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=16 * mm,
                            bottomMargin=18 * mm, title=f"{t(lang, 'call_report')} #{inter.id}",
                            author="Encounter Coach", subject=data.agent or "")
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
