"""Fixed text of the exports in English and Finnish."""

STRINGS = {
    "en": {
        "call_report": "Call coaching report", "agent": "Agent", "date": "Date and time", "duration": "Duration",
        "channel": "Channel", "reviewer": "Reviewer", "rubric": "Rubric", "automatic": "automatic scoring",
        "total": "Total", "passed": "PASSED", "failed": "NOT PASSED", "pass_mark": "pass mark",
        "scorecard": "Scorecard", "criterion": "Criterion", "status": "Status", "weight": "Weight",
        "evidence": "Evidence", "comment": "Comment / override",
        "met": "Met", "not_met": "Not met", "na": "N/A", "not_scored": "Not scored",
        "strengths": "Strengths", "focus": "Focus areas", "no_strengths": "No criterion was met.",
        "no_focus": "Nothing to work on: every applicable criterion was met.",
        "metrics": "Conversation metrics", "talk_ratio": "Agent talk share", "wpm": "Agent speech rate (words/min)",
        "talk_overs": "Talk-over events", "longest_silence": "Longest silence", "long_silences": "Silences over the hold limit",
        "timeline": "Who talks when", "customer": "Customer", "silence": "silence over limit", "talk_over": "talk-over",
        "self_vs_lead": "Self-assessment and review side by side", "self": "Agent", "lead": "Reviewer",
        "actions": "Agreed actions", "signature_agent": "Agent signature", "signature_lead": "Team lead signature",
        "redacted": "Personal data redacted.", "phone": "phone", "chat": "chat", "page": "Page",
        "overridden": "changed from", "seconds": "s", "none": "none",
    },
    "fi": {
        "call_report": "Puhelun valmennusraportti", "agent": "Asiakaspalvelija", "date": "Päivä ja aika", "duration": "Kesto",
        "channel": "Kanava", "reviewer": "Arvioija", "rubric": "Arviointimalli", "automatic": "automaattinen arviointi",
        "total": "Kokonaispisteet", "passed": "HYVÄKSYTTY", "failed": "EI HYVÄKSYTTY", "pass_mark": "hyväksymisraja",
        "scorecard": "Arviointikortti", "criterion": "Kriteeri", "status": "Tila", "weight": "Paino",
        "evidence": "Näyttö", "comment": "Kommentti / muutos",
        "met": "Täyttyy", "not_met": "Ei täyty", "na": "Ei sovellu", "not_scored": "Arvioimatta",
        "strengths": "Vahvuudet", "focus": "Kehityskohteet", "no_strengths": "Yksikään kriteeri ei täyttynyt.",
        "no_focus": "Ei kehitettävää: kaikki sovellettavat kriteerit täyttyivät.",
        "metrics": "Keskustelun mittarit", "talk_ratio": "Asiakaspalvelijan puheosuus", "wpm": "Puhenopeus (sanaa/min)",
        "talk_overs": "Päällepuhumiset", "longest_silence": "Pisin hiljaisuus", "long_silences": "Rajan ylittävät hiljaisuudet",
        "timeline": "Kuka puhuu milloin", "customer": "Asiakas", "silence": "hiljaisuus yli rajan", "talk_over": "päällepuhuminen",
        "self_vs_lead": "Itsearvio ja arvio rinnakkain", "self": "Asiakaspalvelija", "lead": "Arvioija",
        "actions": "Sovitut toimenpiteet", "signature_agent": "Asiakaspalvelijan allekirjoitus",
        "signature_lead": "Esihenkilön allekirjoitus", "redacted": "Henkilötiedot peitetty.", "phone": "puhelu",
        "chat": "chat", "page": "Sivu", "overridden": "muutettu arvosta", "seconds": "s", "none": "ei yhtään",
    },
}


def t(lang: str, key: str) -> str:
    return STRINGS.get(lang, STRINGS["en"])[key]
