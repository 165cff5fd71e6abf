"""Automatic evaluations: score a stored transcript and keep the result with the rubric
version it used (re-scoring with a new version adds a new evaluation, never rewrites one)."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from coach_app.core.rubric import Rubric
from coach_app.core.scoring import ScoreResult, score_segments
from coach_app.db.models import CriterionResult, Evaluation, RubricVersion
from coach_app.errors import CoachError


class NotScoredError(CoachError):
    """The transcript is likely not what was said (see transcription.quality): a person must
    look at it or transcribe it again before it is scored."""
from coach_app.services.embeddings import embedding_cache
from coach_app.services.people import audit
from coach_app.services.transcripts import get_interaction, load_segments
from coach_app.transcription.languages import language_name


def score_interaction(engine: Engine, interaction_id: int, version: RubricVersion, rubric: Rubric,
                      hold_limit_s: float | None = None) -> tuple[Evaluation, ScoreResult]:
    with Session(engine, expire_on_commit=False) as session:
        inter = get_interaction(session, interaction_id)
        if inter.status == "needs_review":
            raise NotScoredError(f"interaction {interaction_id} is not scored: {inter.status_detail or 'its transcript needs review'}")
        if inter.status != "transcribed":
            raise CoachError(f"interaction {interaction_id} has no transcript yet (status {inter.status})")
        segments = load_segments(session, interaction_id)
        if not segments:
            raise CoachError(f"interaction {interaction_id} has an empty transcript; nothing to score")
        if inter.language_probability is not None and inter.language not in rubric.languages:
            # detected from the speech, and the rubric has no wording for it: scoring it in
            # another language's terms would look valid and be wrong
            reason = (f"the call is in {language_name(inter.language)} ({inter.language_probability:.0%}), which the "
                      f"rubric {rubric.id} does not cover ({', '.join(language_name(x) for x in rubric.languages)})")
            inter.status, inter.status_detail = "needs_review", reason
            audit(session, "interaction", interaction_id, "not_scored", {"reason": reason})
            session.commit()
            raise NotScoredError(f"interaction {interaction_id} is not scored: {reason}")
        if hold_limit_s is not None:
            rubric = rubric.model_copy(update={"hold_limit_s": hold_limit_s})
        result = score_segments(segments, rubric, inter.language, inter.channel_type, embeddings=embedding_cache(engine))
        ev = Evaluation(interaction_id=interaction_id, rubric_version_id=version.id, kind="automatic",
                        total=result.total, passed=result.passed, metrics=result.metrics)
        session.add(ev)
        session.flush()
        session.add_all(
            CriterionResult(evaluation_id=ev.id, criterion_id=s.criterion.id, status=s.status, score=s.score,
                            evidence=[e.to_db() for e in s.evidence] or None, rationale=s.rationale or None,
                            confidence=s.confidence)
            for s in result.scores
        )
        if inter.language is None:
            inter.language = result.language
        audit(session, "evaluation", ev.id, "score",
              {"interaction": interaction_id, "rubric_version": version.id, "total": result.total})
        session.commit()
        return ev, result


def evaluations_of(engine: Engine, interaction_id: int) -> list[Evaluation]:
    with Session(engine) as session:
        return list(session.exec(select(Evaluation).where(Evaluation.interaction_id == interaction_id)
                                 .order_by(Evaluation.id)).all())
