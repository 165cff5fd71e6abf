"""Utterance embeddings kept in the database beside the transcripts (table
utterance_embedding), so a call is embedded once however often it is re-scored."""

from __future__ import annotations

import threading
from typing import Sequence

import numpy as np
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from coach_app.core.semantic.embedder import EmbeddingCache, default_embedder
from coach_app.db.models import UtteranceEmbedding

_CHUNK = 500


class DatabaseVectorStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def get_many(self, model_id: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        with Session(self.engine) as session:
            for i in range(0, len(keys), _CHUNK):
                part = list(keys[i:i + _CHUNK])
                rows = session.exec(select(UtteranceEmbedding.text_key, UtteranceEmbedding.vector).where(
                    UtteranceEmbedding.model_id == model_id, UtteranceEmbedding.text_key.in_(part))).all()
                out.update({k: np.frombuffer(v, "<f4").copy() for k, v in rows})
        return out

    def put_many(self, model_id: str, items: dict[str, np.ndarray]) -> None:
        if not items:
            return
        insert = pg_insert if self.engine.dialect.name == "postgresql" else sqlite_insert
        rows = [{"model_id": model_id, "text_key": k, "vector": np.asarray(v, "<f4").tobytes()} for k, v in items.items()]
        with self.engine.begin() as conn:
            for i in range(0, len(rows), _CHUNK):
                # another client may have embedded the same text meanwhile: same vector, keep theirs
                conn.execute(insert(UtteranceEmbedding).values(rows[i:i + _CHUNK]).on_conflict_do_nothing())


_caches: dict[str, EmbeddingCache] = {}
_lock = threading.Lock()


def embedding_cache(engine: Engine) -> EmbeddingCache:
    """The cache over this database (one per database URL and process)."""
    key = str(engine.url)
    with _lock:
        if key not in _caches:
            _caches[key] = EmbeddingCache(default_embedder(), DatabaseVectorStore(engine))
        return _caches[key]
