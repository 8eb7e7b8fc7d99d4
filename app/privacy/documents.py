"""Printable documents of the Law 25 duties, as HTML (the GUI layer turns them into PDF):
a person's transcript, the incident register, and the notice of what Milieu records."""
from __future__ import annotations

from datetime import date
from html import escape

from sqlalchemy.orm import Session

from app import settings
from app.privacy import requests, retention
from app.privacy.incidents import CSV_HEADINGS, FIELDS, IncidentRow

STYLE = ("<style>body{font-family:'DejaVu Sans',sans-serif;font-size:10pt} h1{font-size:16pt} "
         "h2{font-size:12pt;margin-top:14pt} td,th{padding:3px 6px;border:1px solid #999} "
         "table{border-collapse:collapse} th{background:#eee;text-align:left}</style>")


def _page(title: str, body: list[str]) -> str:
    return f"<html><head><meta charset='utf-8'>{STYLE}</head><body><h1>{escape(title)}</h1>{''.join(body)}</body></html>"


def _table(headings: list[str], rows: list[list]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headings)
    cells = "".join("<tr>" + "".join(f"<td>{escape('' if v is None else str(v))}</td>" for v in row) + "</tr>"
                    for row in rows)
    return f"<table width='100%'><thead><tr>{head}</tr></thead>{cells}</table>"


def person_transcript(data: dict) -> str:
    """The person's file (app.privacy.person_file) in plain French."""
    p = data["person"]
    body = [f"<p>Exporté le {escape(data['exported_at'][:10])}. Les autres personnes rencontrées sont "
            "désignées « autre personne ».</p>", "<h2>La personne</h2>"]
    labels = {"alias": "Surnom", "first_name": "Prénom", "age_bracket": "Tranche d'âge", "gender": "Genre",
              "gender_self": "Genre (ses mots)", "languages": "Langues", "groups": "Groupes", "notes": "Notes",
              "consent_scope": "Partage avec la supervision", "created_at": "Créée le"}
    body.append(_table(["Champ", "Valeur"], [[label, " ".join(p[k]) if isinstance(p.get(k), list) else p.get(k)]
                                               for k, label in labels.items()]))
    body.append("<h2>Consentements</h2>")
    body.append(_table(["Fin", "Donné le", "Retiré le", "Par un tuteur"],
                       [[c["purpose"], c["given_on"], c["withdrawn_on"] or "", "oui" if c["by_guardian"] else "non"]
                        for c in data["consents"]]) if data["consents"] else "<p>Aucun consentement noté.</p>")
    body.append(f"<h2>Contacts ({len(data['contacts'])})</h2>")
    # One paragraph per contact: Qt lays out a long table in quadratic time, paragraphs in linear.
    for c in data["contacts"]:
        parts = [", ".join(c["types"]) or "sans type"]
        if c["themes"]:
            parts.append("thèmes : " + ", ".join(c["themes"]))
        if c["supplies"]:
            parts.append("dépannage : " + ", ".join(f"{s['item']} ×{s['quantity']}" for s in c["supplies"]))
        if c["referrals"]:
            parts.append("références : " + "; ".join(f"{r['service_name']} ({r['status']})" for r in c["referrals"]))
        notes = f"<br/>{escape(c['notes'])}" if c["notes"] else ""
        body.append(f"<p><b>{escape(c['occurred_at'][:16].replace('T', ' '))}</b> — {escape(' ; '.join(parts))}"
                    f"{notes}</p>")
    if data["conflicts"]:
        body.append(f"<h2>Conflits ({len(data['conflicts'])})</h2>")
        body.append(_table(["Quand", "Intensité", "Ce qui a été fait", "Notes"],
                           [[c["occurred_at"][:16].replace("T", " "), c["intensity"], c["action_taken"], c["notes"]]
                            for c in data["conflicts"]]))
    body.append(f"<h2>Historique des modifications de la fiche ({len(data['person_history'])})</h2>")
    body.append(_table(["Version", "Date", "Champs modifiés"],
                       [[v["version"], v["changed_at"][:16].replace("T", " "), v["changed_fields"]]
                        for v in data["person_history"]]))
    return _page("Dossier d'une personne", body)


def incident_register(rows: list[IncidentRow]) -> str:
    body = [f"<p>Registre des incidents de confidentialité, {len(rows)} incident(s), établi le "
            f"{date.today().isoformat()}. Conservé au moins 5 ans.</p>"]
    for row in rows:
        body.append(f"<h2>Incident no {row.id}</h2>")
        body.append(_table(["", ""], [[CSV_HEADINGS[n], _value(getattr(row, n))] for n in FIELDS if n != "id"]))
    return _page("Registre des incidents de confidentialité", body)


def _value(value) -> str:
    if value is True:
        return "oui"
    if value is False:
        return "non"
    return "" if value is None else str(value)


NOTICE = {
    "fr": {
        "title": "Ce que nous notons à votre sujet",
        "what": "Quand nous nous parlons, l'intervenant·e de milieu peut noter un surnom (jamais votre nom légal si "
                "vous ne le voulez pas), votre tranche d'âge, la langue, le type d'aide et les sujets abordés, le "
                "dépannage remis et les références vers des ressources.",
        "why": "Pour assurer un suivi, vous orienter vers les bonnes ressources et rendre compte du projet "
               "(en chiffres seulement, jamais avec votre surnom).",
        "who": "L'intervenant·e seulement, sur un ordinateur chiffré. La Piaule ne voit votre surnom que si vous "
               "y consentez; la bibliothèque et la Ville ne voient que des totaux.",
        "how_long": "Sans contact pendant {people} mois, votre fiche est rendue anonyme. Les notes des contacts "
                    "sont effacées après {notes} mois.",
        "ask": "Vous pouvez demander de voir ce que nous avons noté, de le corriger, d'en recevoir une copie ou "
               "de le faire effacer, et retirer un consentement en tout temps. Nous répondons dans les {days} jours.",
        "site": "Lieu",
    },
    "en": {
        "title": "What we record about you",
        "what": "When we talk, the outreach worker may record a nickname (never your legal name unless you wish), "
                "your age group, language, the kind of help and the topics, supplies given and referrals.",
        "why": "To follow up, to refer you to the right resources and to report on the project (as totals only, "
               "never with your nickname).",
        "who": "Only the outreach worker, on an encrypted computer. La Piaule sees your nickname only if you "
               "consent; the library and the city see totals only.",
        "how_long": "After {people} months without contact, your record is made anonymous. Notes of contacts are "
                    "erased after {notes} months.",
        "ask": "You may ask to see what we recorded, to correct it, to get a copy or to have it erased, and you "
               "may withdraw a consent at any time. We answer within {days} days.",
        "site": "Place",
    },
}


def notice(session: Session, lang: str = "fr") -> str:
    words = NOTICE[lang]
    rules = retention.rules(session)
    values = {"people": rules["people"], "notes": rules["contact-notes"],
              "days": requests.DAYS[requests.regime(session)]}
    site = settings.get(session, settings.SITE_NAME) or ""
    body = [f"<p><b>{escape(words['site'])}</b> : {escape(site)}</p>"]
    body += [f"<p>{escape(words[k].format(**values))}</p>" for k in ("what", "why", "who", "how_long", "ask")]
    return _page(words["title"], body)
