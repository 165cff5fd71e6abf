"""Speech to speaker-labelled transcript. ``base`` is the interface; ``whisper`` the real thing.

Importing this package is cheap: faster-whisper is imported only when a model is loaded.
"""

from coach_app.transcription.base import (  # noqa: F401
    ChannelMap,
    TranscriptionCancelled,
    TranscriptionResult,
    Transcriber,
)
