"""Hostile rubric files for the bad-input corpus: patterns RE2 cannot run, YAML aliases and
billion laughs, absurd weights and pass marks, missing or unknown fields, broken YAML."""

from __future__ import annotations

from pathlib import Path

BASE = """id: tiny
name: {en: Tiny}
version: "1"
languages: [en]
pass_mark: PASS
sections:
  - id: all
    title: {en: All}
    criteria:
      - id: empathy
        title: {en: Empathy}
        description: {en: Acknowledges the customer.}
        weight: WEIGHT
        detector:
          kind: phrases
          met:
            en: [PATTERN]
"""


def rubric(pattern: str = '"i understand"', weight: str = "1", pass_mark: str = "70") -> str:
    return BASE.replace("PATTERN", pattern).replace("WEIGHT", weight).replace("PASS", pass_mark)


def billion_laughs(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels):
        refs = ", ".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    return rubric().replace("sections:", "\n".join(lines) + "\nsections:", 1)


def rubric_texts() -> dict[str, tuple[str | bytes, str]]:
    deep = 20_000
    return {
        # patterns
        "backreference": (rubric(r'"re:(a+)\\1"'), "regular expression"),
        "named-backreference": (rubric(r'"re:(?P<x>a)(?P=x)"'), "regular expression"),
        "lookahead": (rubric('"re:sorry(?= for)"'), "regular expression"),
        "negative-lookahead": (rubric('"re:sorry(?! not)"'), "regular expression"),
        "lookbehind": (rubric('"re:(?<=very )sorry"'), "regular expression"),
        "negative-lookbehind": (rubric('"re:(?<!not )sorry"'), "regular expression"),
        "atomic-group": (rubric('"re:(?>a+)b"'), "regular expression"),
        "possessive": (rubric('"re:a++b"'), "regular expression"),
        "conditional": (rubric('"re:(a)?(?(1)b|c)"'), "regular expression"),
        "unbalanced": (rubric('"re:(unclosed"'), "regular expression"),
        "bad-escape": (rubric(r'"re:\\"'), "regular expression"),
        "repeat-too-big": (rubric('"re:a{5000}"'), "regular expression"),
        "empty-pattern": (rubric('""'), "empathy"),
        # YAML
        "billion-laughs": (billion_laughs(), "aliases"),
        "one-alias": (rubric().replace("title: {en: Empathy}", "title: &t {en: Empathy}").replace(
            "description: {en: Acknowledges the customer.}", "description: *t"), "aliases"),
        "merge-key": (rubric().replace("detector:\n", "<<: {critical: true}\n        detector:\n"), ""),
        "python-tag": (rubric().replace('version: "1"', "version: !!python/object/apply:os.system [echo hi]"), ""),
        "deep-nesting": ("[" * deep + "]" * deep, "nested too deeply"),
        "deep-mapping": ("a: " * 2000 + "1", ""),
        "tab-indent": (rubric().replace("    criteria:", "\tcriteria:"), "not valid yaml"),
        "unclosed-flow": (rubric().replace("{en: Tiny}", "{en: Tiny"), "not valid yaml"),
        "duplicate-key": (rubric().replace('version: "1"', 'version: "1"\nversion: "2"'), "appears twice"),
        "empty": ("", "empty"),
        "only-comment": ("# nothing here\n", "empty"),
        "a-list": ("- id: tiny\n", "must be a mapping"),
        "a-scalar": ("just words", "must be a mapping"),
        "not-utf8": (rubric().replace("Tiny", "T\xe4ny").encode("latin-1"), "cannot read"),
        "nul-byte": (rubric().replace("Tiny", "Ti\x00ny"), "not valid yaml"),
        # numbers
        "weight-1e308": (rubric(weight="1e308"), "weight"),
        "weight-inf": (rubric(weight=".inf"), "weight"),
        "weight-nan": (rubric(weight=".nan"), "weight"),
        "weight-negative": (rubric(weight="-1"), "weight"),
        "weight-zero": (rubric(weight="0"), "weight"),
        "weight-word": (rubric(weight="heavy"), "weight"),
        "weight-list": (rubric(weight="[1, 2]"), "weight"),
        "pass-mark-101": (rubric(pass_mark="101"), "pass_mark"),
        "pass-mark-negative": (rubric(pass_mark="-5"), "pass_mark"),
        "pass-mark-nan": (rubric(pass_mark=".nan"), "pass_mark"),
        "pass-mark-word": (rubric(pass_mark="high"), "pass_mark"),
        "pass-mark-bool": (rubric(pass_mark="yes"), "pass_mark"),
        "hold-limit-zero": (rubric().replace("pass_mark: 70", "pass_mark: 70\nhold_limit_s: 0"), "hold_limit_s"),
        # fields
        "missing-id": (rubric().replace("id: tiny\n", ""), "id"),
        "missing-sections": (rubric().split("sections:")[0], "sections"),
        "no-sections": (rubric().split("sections:")[0] + "sections: []\n", "sections"),
        "no-criteria": (rubric().split("    criteria:")[0] + "    criteria: []\n", "criteria"),
        "no-languages": (rubric().replace("languages: [en]", "languages: []"), "languages"),
        "unknown-key": (rubric().replace("pass_mark: 70", "pass_mark: 70\nfavourite_colour: blue"), "unknown key"),
        "unknown-detector": (rubric().replace("kind: phrases", "kind: mind_reading"), "kind"),
        "bad-criterion-id": (rubric().replace("- id: empathy", "- id: Empathy Now"), "id"),
        "bad-rubric-id": (rubric().replace("id: tiny", "id: ../../etc"), "id"),
        "duplicate-criterion": (rubric() + rubric().split("    criteria:\n")[1], "used twice"),
        "missing-title-language": (rubric().replace("languages: [en]", "languages: [en, fi]"), "'fi'"),
        "pattern-language-not-listed": (rubric().replace("en: [", "sv: ["), "'sv'"),
        "automatic-without-detector": (rubric().split("        detector:")[0], "detector"),
        "scale-on-automatic": (rubric().replace("weight: 1", "weight: 1\n        scale: 1-5"), "scale"),
        "critical-word": (rubric().replace("weight: 1", "weight: 1\n        critical: maybe"), "critical"),
        "bad-judge": (rubric().replace("pass_mark: 70", "pass_mark: 70\njudge: ../../model"), "judge"),
    }


def rubric_cases(folder: Path) -> list[tuple[str, Path, str]]:
    out = []
    for name, (content, problem) in rubric_texts().items():
        p = folder / f"r-{name}.yaml"
        p.write_bytes(content) if isinstance(content, bytes) else p.write_text(content, "utf-8")
        out.append((name, p, problem))
    huge = folder / "r-huge.yaml"
    huge.write_text(rubric() + "# " + "x" * 100 + "\n" * 1, "utf-8")
    with huge.open("a", encoding="utf-8") as f:
        f.write(("#" + "y" * 1000 + "\n") * 12_000)  # 12 MB of comments
    (folder / "r-folder.yaml").mkdir()
    out += [("huge", huge, "too large"), ("folder", folder / "r-folder.yaml", "is a directory"),
            ("missing", folder / "r-missing.yaml", "not found")]
    return out
