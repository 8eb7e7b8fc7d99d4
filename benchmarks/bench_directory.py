"""Directory figures with 10,000 synthetic services (prints; asserts nothing).

1. Import of a 10,000-service HSDS JSON file into an empty vault (goal < 10 s),
   then its re-import (updates in place).
2. Search as you type, each keystroke in its own Vault.warm_session as the Répertoire
   page does (a keyed connection kept warm while unlocked): one-letter, three-letter
   and multi-word queries, p95 per class (goal < 15 ms), with and without filters.
3. The same queries on an unencrypted copy (sqlcipher_export), ratio of p95s
   (goal <= 1.3).

    .venv/bin/python benchmarks/bench_directory.py [--services 10000] [--reps 3]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import time
import uuid
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.directory.hsds_import import import_file  # noqa: E402
from app.directory.search import SearchFilters, search_services  # noqa: E402
from app.vault import Vault  # noqa: E402

import plain_db  # noqa: E402  (beside this script)

OUT = ROOT / "benchmarks" / "out"
FAST_KDF = {"alg": "argon2id", "iterations": 1, "lanes": 4, "memory_kib": 64 * 1024}  # unlock is not measured
PASSPHRASE = "benchmark passphrase"

KINDS = [
    "Hébergement", "Refuge", "Comptoir alimentaire", "Banque alimentaire", "Soupe populaire", "Clinique",
    "Centre de jour", "Halte-chaleur", "Friperie", "Ligne d'écoute", "Centre de crise", "Maison des jeunes",
    "Aide juridique", "Accueil immigrants", "Logement social", "Travail de rue", "Popote roulante",
    "Dépannage", "Groupe d'entraide", "Centre de femmes", "Réadaptation", "Pharmacie communautaire",
]
PLACES = [
    "du Centre", "des Érables", "Saint-Joseph", "de la Gare", "du Marché", "Notre-Dame", "des Forges",
    "du Vieux-Moulin", "de l'Île", "Saint-Frédéric", "des Pionniers", "du Boisé", "de la Rivière", "Sainte-Anne",
]
WORDS = (
    "accueil écoute repas chaud douche laverie vêtements bottes manteaux hiver nuit soir matin urgence "
    "dépannage épicerie denrées paniers enfants familles femmes hommes jeunes aînés nouveaux arrivants réfugiés "
    "francisation emploi logement loyer éviction dettes impôts santé mentale dépendances consommation seringues "
    "naloxone dépistage vaccination infirmière médecin psychologue travailleur social accompagnement transport "
    "autobus rendez-vous gratuit confidentiel anonyme bénévoles entraide cuisine collective jardin communautaire "
    "animaux intoxication crise suicide violence conjugale hébergement sécuritaire itinérance chambre lit"
).split()
CATEGORIES = [
    "Hébergement d'urgence", "Alimentation", "Santé physique", "Santé mentale", "Crise et écoute",
    "Réduction des méfaits", "Dépendances", "Vêtements", "Droit et justice", "Immigration", "Violence",
    "Logement", "Hygiène", "Emploi", "Famille", "Jeunesse", "Aînés", "Transport", "Finances", "Loisirs",
]
LANGS = [("fr", "Français"), ("en", "Anglais"), ("es", "Espagnol"), ("ar", "Arabe"), ("fa", "Persan"), ("uk", "Ukrainien")]
DAYS = ["MO,TU,WE,TH,FR", None, "TU,TH", "MO,WE,FR", "SA,SU", "MO,TU,WE,TH,FR,SA"]
HOURS = [("09:00", "17:00"), ("19:00", "07:00"), ("08:30", "12:00"), ("13:00", "16:30"), ("00:00", "00:00"),
         ("11:30", "13:00"), ("17:00", "21:00")]


def synthetic_directory(count: int, seed: int = 4) -> dict:
    rng = random.Random(seed)
    ident = lambda: str(uuid.UUID(int=rng.getrandbits(128), version=4))  # noqa: E731
    terms = [{"id": ident(), "name": c, "description": "", "taxonomy": "bench"} for c in CATEGORIES]
    orgs = [{"id": ident(), "name": f"{rng.choice(KINDS)} {rng.choice(PLACES)} {i}", "description": "Organisme fictif."}
            for i in range(count // 4)]
    contents = []
    for i in range(count):
        kind, place = rng.choice(KINDS), rng.choice(PLACES)
        opens, closes = rng.choice(HOURS)
        location = {
            "id": ident(), "location_type": "physical", "name": f"{kind} {place}",
            "addresses": [{"id": ident(), "address_1": f"{rng.randint(1, 999)}, rue {place}", "city": "Drummondville",
                           "state_province": "QC", "postal_code": "J2B 0A1", "country": "CA",
                           "address_type": "physical"}],
        }
        service = {
            "id": ident(), "name": f"{kind} {place} {i}", "status": "active",
            "description": " ".join(rng.choices(WORDS, k=rng.randint(12, 30))).capitalize() + ".",
            "organization": rng.choice(orgs),
            "phones": [{"id": ident(), "number": f"819-555-{rng.randint(0, 9999):04d}", "type": "voice"}],
            "schedules": [{"id": ident(), "freq": "WEEKLY", "byday": rng.choice(DAYS), "opens_at": opens,
                           "closes_at": closes}],
            "languages": [{"id": ident(), "code": c, "name": n} for c, n in rng.sample(LANGS, rng.randint(1, 3))],
            "service_at_locations": [{"id": ident(), "location": location}],
            "attributes": [{"id": ident(), "taxonomy_term": t, "taxonomy_term_id": t["id"]}
                           for t in rng.sample(terms, rng.randint(1, 3))],
        }
        if service["schedules"][0]["byday"] is None:
            del service["schedules"][0]["byday"]
        contents.append(service)
    return {"total_items": count, "total_pages": 1, "page_number": 1, "size": count, "first_page": True,
            "last_page": True, "empty": False, "contents": contents}


def queries() -> dict[str, list[str]]:
    rng = random.Random(9)
    one = list("abcdefghijlmnoprstuvé")
    three = ["heb", "ref", "com", "ali", "cli", "sou", "cen", "log", "dep", "nui", "urg", "acc", "fri", "ecu",
             "hal", "mai", "ser", "sai", "gar", "fem", "jeu", "san", "vio", "imm", "sec"]
    multi = [" ".join(rng.sample(WORDS, 2)) for _ in range(15)] + [
        "hebergement urgence", "comptoir alim", "repas chaud", "centre de jour", "ligne d'écoute",
        "sante mentale", "aide juridique logement", "refuge nuit animaux", "soupe pop", "clinique vaccination",
    ]
    return {"one-letter": one, "three-letter": three, "multi-word": multi}


FILTERS = {
    "no filter": SearchFilters(),
    "open now": SearchFilters(open_now=True),
    "language (ar)": SearchFilters(language="ar"),
}


def measure(session, reps: int) -> tuple[dict, dict]:
    """Wall-clock and CPU milliseconds per query (CPU shows the cost when the machine is busy)."""
    now = datetime(2026, 11, 26, 22, 30)
    wall: dict[tuple[str, str], list[float]] = {}
    cpu: dict[tuple[str, str], list[float]] = {}
    for fname, filters in FILTERS.items():
        for cls, qs in queries().items():
            times, cpu_times = [], []
            for _ in range(reps):
                for q in qs:
                    t, c = time.perf_counter(), time.process_time()
                    with session() as s:
                        search_services(s, q, filters, limit=30, now=now)
                    times.append((time.perf_counter() - t) * 1000)
                    cpu_times.append((time.process_time() - c) * 1000)
            wall[(fname, cls)] = times
            cpu[(fname, cls)] = cpu_times
    return wall, cpu


def p95(values: list[float]) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=10_000)
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()

    OUT.mkdir(parents=True, exist_ok=True)
    work = OUT / "directory"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir()
    source = work / "directory.json"
    started = time.perf_counter()
    source.write_text(json.dumps(synthetic_directory(args.services), ensure_ascii=False), "utf-8")
    print(f"generated {args.services} services ({source.stat().st_size / 1e6:.1f} MB JSON) "
          f"in {time.perf_counter() - started:.1f} s")

    vault = Vault(work / "vault")
    vault.create(PASSPHRASE, site_name="Banc d'essai", worker_name="Banc d'essai", kdf_params=FAST_KDF)
    t = time.perf_counter()
    with vault.session() as s:
        result = import_file(s, source)
    first = time.perf_counter() - t
    t = time.perf_counter()
    with vault.session() as s:
        again = import_file(s, source)
    second = time.perf_counter() - t
    print(f"import {result.services_created} services into an empty vault: {first:.2f} s (goal < 10 s)")
    print(f"re-import, {again.services_updated} updated in place: {second:.2f} s")

    conn = vault.engine.raw_connection()
    try:
        conn.execute("ANALYZE")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    # As the Répertoire page searches: Vault.warm_session, a connection kept warm while
    # unlocked; the plain copy gets one kept-open connection too, so only encryption differs.
    encrypted, encrypted_cpu = measure(vault.warm_session, args.reps)
    plain_path = plain_db.plain_copy(vault, work / "plain.sqlite")
    plain, plain_cpu = measure(plain_db.sessions_for(plain_path, pooled=True)[0], args.reps)
    vault.lock()

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\nsearch per keystroke, {args.services} services, Vault.warm_session per query (ms; load average {load:.1f})")
    print(f"{'filter':26} {'query':13} {'p50':>6} {'p95':>6} {'max':>6} {'cpu p95':>7} {'plain p95':>9} "
          f"{'ratio':>6} {'cpu ratio':>9}")
    worst = 0.0
    for key, times in encrypted.items():
        enc_p95, plain_p95 = p95(times), p95(plain[key])
        cpu_p95, plain_cpu_p95 = p95(encrypted_cpu[key]), p95(plain_cpu[key])
        worst = max(worst, enc_p95)
        print(f"{key[0]:26} {key[1]:13} {statistics.median(times):6.1f} {enc_p95:6.1f} {max(times):6.1f} "
              f"{cpu_p95:7.1f} {plain_p95:9.1f} {enc_p95 / plain_p95:6.2f} {cpu_p95 / plain_cpu_p95:9.2f}")
    flat = lambda table: [v for times in table.values() for v in times]  # noqa: E731
    print(f"\noverall p95 encrypted {p95(flat(encrypted)):.1f} ms (cpu {p95(flat(encrypted_cpu)):.1f}), "
          f"plain {p95(flat(plain)):.1f} ms (cpu {p95(flat(plain_cpu)):.1f}), "
          f"ratio {p95(flat(encrypted)) / p95(flat(plain)):.2f} (goals: < 15 ms, <= 1.3); worst class p95 {worst:.1f} ms")


if __name__ == "__main__":
    main()
