"""Rubric templates: YAML files validated into pydantic models with errors that name the file,
the line and the field ("rubrics/x.yaml:42: criterion 'empathy': weight: must be > 0")."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any, Literal, Optional

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from coach_app.core.text import PatternError, compile_pattern
from coach_app.errors import CoachError

DETECTOR_KINDS = ("phrases", "greeting", "reflection", "talk_over", "hold", "clarity", "semantic", "person")
#: the judge model the default rubric pins (coach_app/core/semantic/models/<id>.npz)
DEFAULT_JUDGE = "judge-6"
#: criterion weights are relative; anything larger only risks overflowing the total
MAX_WEIGHT = 1000.0
#: the largest rubric text read (the default rubric is ~28 kB; more is not a rubric but a load)
MAX_RUBRIC_CHARS = 2_000_000


def _not_bool(v: Any) -> Any:
    """YAML reads yes/no/true as booleans, which pydantic would take as 1 and 0."""
    if isinstance(v, bool):
        raise ValueError("must be a number, not true/false")
    return v


class RubricError(CoachError):
    pass


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


LangText = dict[str, str]
LangList = dict[str, list[str]]


class Detector(Strict):
    """How a criterion is scored automatically. ``kind`` picks the algorithm; the phrase lists
    (per language) configure it. See the default rubric for every field in use."""

    kind: Literal["phrases", "greeting", "reflection", "talk_over", "hold", "clarity", "semantic"] = "phrases"
    #: semantic: the learned head of the judge model to use (default: the criterion's id); a
    #: criterion without one is judged by its example utterances
    head: Optional[str] = Field(None, pattern=r"^[a-z][a-z0-9_]*$")
    speaker: Literal["agent", "customer", "any"] = "agent"
    #: only utterances starting in the first / last N seconds of the conversation count
    within_first_s: Optional[float] = Field(None, gt=0)
    within_last_s: Optional[float] = Field(None, gt=0)
    #: any match -> met (with the utterance as evidence)
    met: LangList = {}
    #: any match -> not_met; wins over ``met``
    not_met: LangList = {}
    #: utterances matching these are ignored (sarcasm, hedged forms: "thanks a lot for shouting")
    ignore: LangList = {}
    #: a match preceded (within 3 words) by one of the rubric's negation words does not count
    negation_guard: bool = True
    #: status when nothing matched
    default: Literal["met", "not_met", "na"] = "not_met"
    #: any match -> na (checked first); e.g. an informational contact for resolution
    na: LangList = {}
    #: detector-specific extra phrase lists (greeting: help/intro; hold: request/thanks; ...)
    extra: dict[str, LangList] = {}
    #: numeric parameters (talk_over: max_events; clarity: wpm_min, wpm_max ...)
    params: dict[str, float] = {}
    #: a chat has no speaking times: timing detectors answer na there
    na_for_chat: bool = False

    def phrase_lists(self) -> dict[str, LangList]:
        out = {"met": self.met, "not_met": self.not_met, "ignore": self.ignore, "na": self.na}
        out.update({f"extra.{k}": v for k, v in self.extra.items()})
        return out


class Examples(Strict):
    """Example utterances of an agent that meet / do not meet a criterion (one language)."""

    met: list[str] = []
    not_met: list[str] = []

    @field_validator("met", "not_met")
    @classmethod
    def _texts(cls, v: list[str]) -> list[str]:
        if any(not t.strip() for t in v):
            raise ValueError("example utterances must not be empty")
        return v


class Criterion(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: LangText
    description: LangText
    weight: float = 1.0
    critical: bool = False
    na_when: LangText = {}
    scoring: Literal["automatic", "person"] = "automatic"
    scale: Literal["met_not_met", "1-5", "0-10"] = "met_not_met"
    detector: Optional[Detector] = None
    tips: LangList = {}
    #: per language: utterances that meet / do not meet it (shown to trainers; the semantic
    #: judge scores a criterion without a learned head by its nearest example)
    examples: dict[str, Examples] = {}
    #: rationale templates per language and status; {quote}, {time} and {detail} are filled in
    rationale: dict[str, dict[str, str]] = {}

    _weight_not_bool = field_validator("weight", mode="before")(_not_bool)

    @field_validator("weight")
    @classmethod
    def _weight(cls, v: float) -> float:
        if not 0 < v <= MAX_WEIGHT:  # NaN fails too; a huge weight would make the total NaN
            raise ValueError(f"weight must be a positive number up to {MAX_WEIGHT:g}")
        return v

    @model_validator(mode="after")
    def _consistent(self) -> "Criterion":
        if self.scoring == "automatic" and self.detector is None:
            raise ValueError("an automatic criterion needs a 'detector' (or set scoring: person)")
        if self.scale != "met_not_met" and self.scoring != "person":
            raise ValueError("a 1-5 or 0-10 scale is only for person-scored criteria")
        return self


class Section(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: LangText
    criteria: list[Criterion] = Field(min_length=1)


class Rubric(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_-]*$")
    name: LangText
    version: str
    languages: list[str] = Field(min_length=1)
    pass_mark: float = Field(70, ge=0, le=100)
    #: words that negate a following phrase ("don't understand", "en ymmärrä")
    negations: LangList = {}
    #: silence (s) above which a gap is a hold / dead air
    hold_limit_s: float = Field(20, gt=0)
    #: the semantic judge model (learned weights) this rubric version is scored with
    judge: str = Field(DEFAULT_JUDGE, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
    sections: list[Section] = Field(min_length=1)

    _numbers_not_bool = field_validator("pass_mark", "hold_limit_s", mode="before")(_not_bool)

    @model_validator(mode="after")
    def _check(self) -> "Rubric":
        seen: set[str] = set()
        for c in self.criteria:
            if c.id in seen:
                raise ValueError(f"criterion id '{c.id}' is used twice")
            seen.add(c.id)
            for lang in self.languages:
                for field in ("title", "description"):
                    if not getattr(c, field).get(lang, "").strip():
                        raise ValueError(f"criterion '{c.id}': {field} has no '{lang}' text")
            for lang in c.examples:
                if lang not in self.languages:
                    raise ValueError(f"criterion '{c.id}': examples have language '{lang}' not in languages")
            if c.detector is not None:
                for name, lists in c.detector.phrase_lists().items():
                    for lang, patterns in lists.items():
                        if lang not in self.languages:
                            raise ValueError(f"criterion '{c.id}': {name} has language '{lang}' not in languages")
                        for p in patterns:
                            try:
                                compile_pattern(p, lang)
                            except PatternError as exc:
                                raise ValueError(f"criterion '{c.id}': {name}.{lang}: {exc}") from None
                    if lists and name in ("met", "not_met"):
                        missing = [lang for lang in self.languages if lang not in lists]
                        if missing:
                            raise ValueError(f"criterion '{c.id}': {name} has no patterns for {', '.join(missing)}")
                if c.detector.kind == "phrases":
                    for lang in self.languages:
                        if not any(lists.get(lang) for lists in (c.detector.met, c.detector.not_met, c.detector.na)):
                            raise ValueError(f"criterion '{c.id}': no phrase patterns for '{lang}' (met or not_met)")
        return self

    @property
    def criteria(self) -> list[Criterion]:
        return [c for s in self.sections for c in s.criteria]

    def criterion(self, cid: str) -> Criterion:
        for c in self.criteria:
            if c.id == cid:
                return c
        raise KeyError(cid)


# ----------------------------------------------------------------------------- loading

def _compose_with_lines(text: str, origin: str) -> tuple[Any, dict[tuple, int]]:
    """Parse YAML keeping the line of every key and list item (for error messages)."""
    if len(text) > MAX_RUBRIC_CHARS:
        raise RubricError(f"{origin}: {len(text):,} characters is too large for a rubric "
                          f"(at most {MAX_RUBRIC_CHARS:,})")
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except RecursionError:
        raise RubricError(f"{origin}: YAML nested too deeply to be a rubric") from None
    except yaml.YAMLError as exc:
        raise _yaml_refusal(exc, origin, "not valid YAML") from None
    lines: dict[tuple, int] = {}
    seen: set[int] = set()

    def build(n, path: tuple):
        lines[path] = n.start_mark.line + 1
        if isinstance(n, (yaml.MappingNode, yaml.SequenceNode)):
            # an alias (*name) reuses a node: expanding nested aliases grows exponentially
            # ("billion laughs"), so a rubric may not use them
            if id(n) in seen:
                raise RubricError(f"{origin}:{n.start_mark.line + 1}: YAML aliases (&anchor / *alias) are not "
                                  "allowed in a rubric; write the entries out")
            seen.add(id(n))
        if isinstance(n, yaml.MappingNode):
            out = {}
            for k, v in n.value:
                key = k.value
                if key in out:
                    raise RubricError(f"{origin}:{k.start_mark.line + 1}: key '{key}' appears twice")
                lines[path + (key,)] = k.start_mark.line + 1
                out[key] = build(v, path + (key,))
            return out
        if isinstance(n, yaml.SequenceNode):
            return [build(v, path + (i,)) for i, v in enumerate(n.value)]
        return scalars.construct_object(n, deep=True)

    scalars = yaml.SafeLoader("")  # only its scalar constructors are used

    if node is None:
        raise RubricError(f"{origin}: file is empty")
    try:
        return build(node, ()), lines
    except RecursionError:
        raise RubricError(f"{origin}: YAML nested too deeply to be a rubric") from None
    except yaml.YAMLError as exc:  # a value YAML cannot build, e.g. a bare merge key "<<"
        raise _yaml_refusal(exc, origin, "not valid in a rubric") from None


def _yaml_refusal(exc: yaml.YAMLError, origin: str, what: str) -> RubricError:
    """One line naming the file, the line and YAML's reason (a reader error has two lines)."""
    mark = getattr(exc, "problem_mark", None)
    where = f":{mark.line + 1}" if mark else ""
    why = " ".join(str(getattr(exc, "problem", None) or exc).split())
    return RubricError(f"{origin}{where}: {what} ({why})")


def _where(data: Any, loc: tuple) -> str:
    """'criterion 'empathy': weight' from a pydantic location inside the rubric data."""
    parts, cur = [], data
    for key in loc:
        try:
            cur = cur[key]
        except (KeyError, IndexError, TypeError):
            parts.append(str(key))
            continue
        if isinstance(cur, dict) and "id" in cur and isinstance(key, int):
            kind = "criterion" if "detector" in cur or "scoring" in cur or "weight" in cur else "section"
            parts.append(f"{kind} '{cur['id']}'")
        elif not isinstance(key, int):
            parts.append(str(key))
    named = [i for i, p in enumerate(parts) if p.startswith(("criterion '", "section '"))]
    return ": ".join(parts[named[-1]:] if named else parts)


def _criterion_line(data: dict, lines: dict[tuple, int], cid: str) -> int | None:
    for si, sec in enumerate(data.get("sections") or []):
        for ci, crit in enumerate((sec or {}).get("criteria") or []):
            if isinstance(crit, dict) and crit.get("id") == cid:
                return lines.get(("sections", si, "criteria", ci, "id"))
    return None


def _pattern_line(data: dict, lines: dict[tuple, int], cid: str, msg: str) -> int | None:
    """The line of the first pattern a "criterion 'x': met.en: ..." error is about (the pattern
    that does not compile), so an editor can jump to it."""
    where = re.search(r"criterion '[^']+': ((?:extra\.)?\w+)\.(\w+): ", msg)
    if not where:
        return None
    for si, sec in enumerate(data.get("sections") or []):
        for ci, crit in enumerate((sec or {}).get("criteria") or []):
            if isinstance(crit, dict) and crit.get("id") == cid:
                path = ("sections", si, "criteria", ci, "detector", *where.group(1).split("."), where.group(2))
                node: Any = crit.get("detector")
                for key in path[5:]:
                    node = node.get(key) if isinstance(node, dict) else None
                for k, p in enumerate(node if isinstance(node, list) else []):
                    try:
                        compile_pattern(str(p), where.group(2))
                    except PatternError:
                        return lines.get(path + (k,))
    return None


def parse_rubric(text: str, origin: str = "<rubric>") -> Rubric:
    data, lines = _compose_with_lines(text, origin)
    if not isinstance(data, dict):
        raise RubricError(f"{origin}: a rubric must be a mapping with id, name, version, languages and sections")
    try:
        return Rubric.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith(("function-", "literal["))))
        probe = loc
        while probe and probe not in lines:
            probe = probe[:-1]
        line = lines.get(probe, 1)
        named = re.search(r"criterion '([^']+)'", err["msg"])
        if not loc and named:  # a whole-rubric check: point at the criterion it names
            line = _pattern_line(data, lines, named.group(1), err["msg"]) or _criterion_line(
                data, lines, named.group(1)) or line
        msg = err["msg"]
        if err["type"] == "extra_forbidden":
            msg = f"unknown key '{loc[-1]}'"
            loc = loc[:-1]
        elif msg.startswith("Value error, "):
            msg = msg[len("Value error, "):]
        where = _where(data, loc)
        raise RubricError(f"{origin}:{line}: {where + ': ' if where else ''}{msg}") from None


def read_rubric_text(path: str | Path) -> str:
    p = Path(path)
    try:
        return p.read_text("utf-8")
    except FileNotFoundError:
        raise RubricError(f"{p}: file not found") from None
    except IsADirectoryError:
        raise RubricError(f"{p}: is a directory, not a rubric file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RubricError(f"{p}: cannot read ({exc})") from None


def load_rubric(path: str | Path) -> Rubric:
    return parse_rubric(read_rubric_text(path), str(path))


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


DEFAULT_RUBRIC = Path(__file__).resolve().parents[2] / "rubrics" / "customer-encounter-model.yaml"
