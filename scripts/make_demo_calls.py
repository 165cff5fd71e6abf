#!/usr/bin/env python3
"""Generate the demo calls in recordings/demo/: English with espeak-ng, Finnish with Festival's
Finnish voices (Debian festival, festvox-suopuhe-lj, festvox-suopuhe-mv), resampled with sox.

Each call is a 16 kHz stereo WAV: agent on the left channel, customer on the right, with
natural gaps. demo-hold has an announced ~25 s hold; demo-talkover has the agent starting
to speak while the customer is still talking. The script (what is said, and when) is also
written to tests/data/demo_reference/<call>.json in the transcript JSON format, as the
reference for word-error-rate checks.

Run: .venv/bin/python scripts/make_demo_calls.py [NAME...]   (deterministic for given voices;
NAME limits it to those calls)
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "recordings" / "demo"
REF = ROOT / "tests" / "data" / "demo_reference"
RATE = 16000
VOICES = {"agent": ("en-us", 140), "customer": ("en-gb", 145)}
#: Festival voice per speaker for Finnish calls (text2wave reads ISO-8859-1)
FESTIVAL_VOICES = {"agent": "voice_suo_fi_lj_diphone", "customer": "voice_hy_fi_mv_diphone"}
LANGUAGES = {"demo-fi-sahko": "fi"}

# (speaker, text, gap before this line in seconds; negative = starts before the previous ends)
CALLS = {
    "demo-broadband": [
        ("agent", "Good morning, you're through to Northwave Broadband, my name is Kelly. How can I help you today?", 0.4),
        ("customer", "Hi Kelly. My internet has been off since seven this morning and the router light is orange.", 0.7),
        ("agent", "I'm sorry to hear that, that sounds really frustrating. So it has been down since seven, and the light is orange. Can I take your account number please?", 0.8),
        ("customer", "Yes, it is four five seven two nine one.", 0.6),
        ("agent", "Thank you. I can see a fault on the line in your area. Our engineers are fixing it now.", 1.0),
        ("customer", "Do you know when it will be back?", 0.5),
        ("agent", "It should be back by two o'clock today. I will send you a text message as soon as it is fixed.", 0.7),
        ("customer", "Great, thank you very much.", 0.5),
        ("agent", "Thank you for calling Northwave, and have a lovely day.", 0.6),
    ],
    "demo-hold": [
        ("agent", "Hello, this is Mikko at Harbour Insurance. How can I help?", 0.5),
        ("customer", "Hello. I sent a claim for my broken phone last week and I have not heard anything.", 0.8),
        ("agent", "Let me check that for you. May I put you on hold for a moment while I look at the claim?", 0.9),
        ("customer", "Yes, that is fine.", 0.5),
        ("agent", "Thank you for waiting. Your claim was approved yesterday and the payment will arrive on Friday.", 25.0),
        ("customer", "Oh good, thanks.", 0.6),
        ("agent", "You are welcome. You will also get a short feedback survey by email. Goodbye.", 0.7),
    ],
    "demo-talkover": [
        ("agent", "Sam speaking, Citylink Energy, what can I do for you?", 0.4),
        ("customer", "My bill this month is twice as high as last month and I really do not understand why it has gone up so much.", 0.6),
        ("agent", "Yes, yes, I know, prices went up.", -2.0),
        ("customer", "But my usage has not changed at all, I checked the meter myself yesterday evening.", 0.3),
        ("agent", "Well that is how it is, everyone got the same letter.", -1.8),
        ("customer", "I never got any letter about a price change.", 0.4),
        ("agent", "It was sent to everyone in March.", -1.2),
        ("customer", "Fine. Goodbye.", 0.5),
    ],
    # Finnish: an electricity bill that looks too high, sorted in the call
    "demo-fi-sahko": [
        ("agent", "Hyvää huomenta, Kotivirta, täällä puhuu Sanna. Miten voin auttaa?", 0.4),
        ("customer", "Huomenta. Sähkölaskuni on tässä kuussa melkein kaksi kertaa suurempi kuin ennen, enkä ymmärrä miksi.", 0.7),
        ("agent", "Ikävä kuulla, iso lasku yllättäen on todella harmillinen. Katsotaan se yhdessä. Kertoisitteko asiakasnumeronne?", 0.8),
        ("customer", "Se on kolme neljä viisi kuusi seitsemän.", 0.6),
        ("agent", "Kiitos. Numero kolme neljä viisi kuusi seitsemän. Näen, että lukema on arvioitu, koska mittari ei ole lähettänyt tietoja kahteen kuukauteen.", 1.0),
        ("customer", "Ai, no se selittää asian.", 0.5),
        ("agent", "Korjaan laskun nyt oikean lukeman mukaan. Uusi lasku tulee sähköpostiinne perjantaihin mennessä, ja asentaja soittaa teille huomenna mittarin korjauksesta.", 0.7),
        ("customer", "Hienoa, kiitos paljon avusta.", 0.5),
        ("agent", "Kiitos, että soititte. Hyvää viikonloppua!", 0.6),
    ],
}


def speak(text: str, speaker: str, workdir: Path, language: str = "en") -> np.ndarray:
    raw, res, txt = workdir / "raw.wav", workdir / "res.wav", workdir / "line.txt"
    if language == "fi":
        txt.write_bytes(text.encode("iso-8859-1"))
        subprocess.run(["text2wave", "-eval", f"({FESTIVAL_VOICES[speaker]})", str(txt), "-o", str(raw)], check=True)
    else:
        voice, speed = VOICES[speaker]
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(raw), text], check=True)
    subprocess.run(["sox", str(raw), "-r", str(RATE), "-c", "1", "-b", "16", str(res)], check=True)
    with wave.open(str(res)) as w:
        pcm = np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16)
    # espeak pads with silence; trim it so the gaps in the script are the real gaps
    voiced = np.nonzero(np.abs(pcm) > 200)[0]
    return pcm[voiced[0] : voiced[-1] + 1] if voiced.size else pcm


def write_stereo(path: Path, placed) -> float:
    """Write (channel, start_s, pcm) pieces into one 16-bit stereo WAV (0 = agent, left);
    returns its length in seconds. Shared by the demo calls and bench/'s synthesised calls."""
    total = int((max(s + len(p) / RATE for _, s, p in placed) + 0.5) * RATE)
    stereo = np.zeros((total, 2), dtype=np.int16)
    for ch, start, pcm in placed:
        i = int(start * RATE)
        stereo[i : i + len(pcm), ch] = pcm
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(stereo.tobytes())
    return total / RATE


def build(name: str, lines, workdir: Path) -> None:
    placed, t = [], 0.0
    language = LANGUAGES.get(name, "en")
    for speaker, text, gap in lines:
        pcm = speak(text, speaker, workdir, language)
        start = max(0.0, t + gap)
        placed.append((speaker, text, start, pcm))
        t = start + len(pcm) / RATE
    segments = [{"speaker": speaker, "start": round(start, 2), "end": round(start + len(pcm) / RATE, 2), "text": text}
                for speaker, text, start, pcm in placed]
    length_s = write_stereo(OUT / f"{name}.wav", [(0 if sp == "agent" else 1, start, pcm) for sp, _, start, pcm in placed])
    REF.mkdir(parents=True, exist_ok=True)
    (REF / f"{name}.json").write_text(
        json.dumps({"language": language, "channel": "phone", "segments": segments}, indent=2, ensure_ascii=False) + "\n",
        "utf-8"
    )
    print(f"{name}.wav: {length_s:.1f} s, {len(segments)} turns")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name, lines in CALLS.items():
            if len(sys.argv) <= 1 or name in sys.argv[1:]:
                build(name, lines, Path(tmp))


if __name__ == "__main__":
    main()
