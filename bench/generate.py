"""Synthetic complaints for benchmarks: deterministic for a seed, no outside data.

Each complaint recombines sentences of the demo narratives (`mizan/complaints/demo/narratives.json`:
Modern Standard Arabic, Egyptian, Gulf, Levantine and Maghrebi Arabic, French, English) of the
same language and dialect, fills their {facility} / {date} slots and adds an opening and a closing
phrase written here with names, places and days drawn from the lists below. About three in four
complaints are Arabic, as in the demo data. Categories and urgency are those of the sentences used.

    .venv/bin/python bench/generate.py --n 1000 --seed 7 > complaints.jsonl

Library use: `from generate import complaints; for c in complaints(100_000, seed=1): c["text"]`.
"""

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "mizan" / "complaints" / "demo" / "narratives.json"
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")

NAMES = {
    "ar": ["أحمد", "محمد", "محمود", "إبراهيم", "يوسف", "عمر", "خالد", "علي", "حسن", "مصطفى", "سعيد", "كريم",
           "فاطمة", "مريم", "عائشة", "زينب", "نور", "سارة", "هدى", "ليلى", "رقية", "سلمى"],
    "fr": ["Karim", "Youssef", "Samir", "Rachid", "Nadia", "Leïla", "Amina", "Hakim", "Sofiane", "Meriem"],
    "en": ["Omar", "Hassan", "Tariq", "Layla", "Huda", "Sami", "Rania", "Bilal", "Nour", "Ziad"],
}
RELATIVES = {
    "ar": ["ابني", "أخي", "زوجي", "والدي", "ابنتي", "أختي", "ابن عمي", "جاري"],
    "fr": ["mon fils", "mon frère", "mon mari", "mon père", "ma fille", "ma sœur"],
    "en": ["my son", "my brother", "my husband", "my father", "my daughter", "my sister"],
}
FACILITIES = {
    "ar": ["قسم شرطة الدقي", "مركز شرطة العمرانية", "سجن القناطر", "مركز إصلاح وتأهيل القاهرة", "قسم أول مدينة نصر",
           "مخفر الشرطة المركزي", "مركز التوقيف المؤقت", "سجن برج العرب", "قسم شرطة الساحل", "مديرية الأمن"],
    "fr": ["commissariat de Dokki", "prison centrale", "centre de détention de Salé", "poste de police du centre"],
    "en": ["Dokki police station", "the central prison", "the holding centre", "the district police station"],
}
DATES = {
    "ar": ["الأحد الماضي", "يوم ١٢ مارس", "أول أمس", "بداية الشهر", "يوم ٣ يناير", "الخميس الماضي", "منذ أسبوعين"],
    "fr": ["dimanche dernier", "le 12 mars", "avant-hier", "au début du mois", "il y a deux semaines"],
    "en": ["last Sunday", "on 12 March", "the day before yesterday", "early this month", "two weeks ago"],
}
OPENINGS = {
    "msa": ["السيد المدير، تحية طيبة وبعد.", "أتقدم بهذه الشكوى بخصوص {relative} {name}.",
            "أنا المواطن {name} أتقدم بشكواي هذه.", "بالإشارة إلى ما حدث {date}،"],
    "egyptian": ["يا فندم أنا عايز أشتكي.", "أنا {name} وعايز أقدم شكوى بخصوص {relative}.",
                 "الموضوع حصل {date}."],
    "gulf": ["السلام عليكم، عندي شكوى.", "أنا {name} وأبي أشتكي عن اللي صار لـ{relative}.", "اللي صار {date}."],
    "levantine": ["مرحبا، بدي قدّم شكوى.", "أنا {name} وبدي احكي شو صار مع {relative}.", "القصة صارت {date}."],
    "maghrebi": ["السلام، بغيت نشكي.", "أنا {name} وبغيت نحكي على داكشي لي وقع لـ{relative}.", "هادشي وقع {date}."],
    "fr": ["Madame, Monsieur,", "Je m'appelle {name} et je porte plainte au sujet de {relative}.",
           "Les faits se sont produits {date}."],
    "en": ["To whom it may concern,", "My name is {name} and I am writing about {relative}.",
           "This happened {date}."],
}
CLOSINGS = {
    "msa": ["أرجو التحقيق في الأمر واتخاذ اللازم.", "وتفضلوا بقبول فائق الاحترام.", "أطالب بمحاسبة المسؤولين."],
    "egyptian": ["أرجوكم تشوفوا الموضوع ده بسرعة.", "ومحدش رد علينا لحد دلوقتي."],
    "gulf": ["نبي حل بأسرع وقت.", "وما أحد رد علينا للحين."],
    "levantine": ["بترجاكم تشوفولنا حل.", "وما حدا رد علينا لهلق."],
    "maghrebi": ["عافاكم شوفو لينا حل.", "وحتى واحد ما جاوبنا حتى لدابا."],
    "fr": ["Je vous prie d'ouvrir une enquête.", "Veuillez agréer mes salutations distinguées."],
    "en": ["I ask you to investigate.", "Nobody has answered us so far."],
}


def _pools():
    narratives = json.loads(SOURCE.read_text(encoding="utf-8"))["narratives"]
    pools: dict[str, list[dict]] = {}
    for item in narratives:
        key = item["dialect"] or item["lang"]
        sentences = [s for s in _SENTENCE_END.split(item["text"].strip()) if s]
        pools.setdefault(key, []).append({**item, "sentences": sentences})
    return pools


def _fill(text: str, rng: random.Random, lang: str) -> str:
    return (text.replace("{facility}", rng.choice(FACILITIES[lang])).replace("{date}", rng.choice(DATES[lang]))
            .replace("{name}", rng.choice(NAMES[lang])).replace("{relative}", rng.choice(RELATIVES[lang])))


def complaints(n: int, seed: int = 0):
    """Yield `n` complaints: dicts with text, lang, dialect, categories, urgency."""
    rng = random.Random(seed)
    pools = _pools()
    keys = sorted(pools)
    weights = [len(pools[key]) for key in keys]
    for _ in range(n):
        key = rng.choices(keys, weights)[0]
        base = rng.choice(pools[key])
        donor = rng.choice(pools[key])
        lang = base["lang"]
        sentences = list(base["sentences"])
        # Swap in one or two sentences of another complaint of the same dialect, keep the order
        # of the rest: the text stays plausible and the vocabulary of the dialect is preserved.
        for _ in range(rng.randint(1, 2)):
            if len(sentences) > 1 and donor["sentences"]:
                sentences[rng.randrange(len(sentences))] = rng.choice(donor["sentences"])
        parts = []
        if rng.random() < 0.6:
            parts.append(rng.choice(OPENINGS[key]))
        parts += sentences
        if rng.random() < 0.5:
            parts.append(rng.choice(CLOSINGS[key]))
        categories = sorted(set(base["categories"]) | (set(donor["categories"]) if donor is not base else set()))
        yield {"text": _fill(" ".join(parts), rng, lang), "lang": lang, "dialect": base["dialect"],
               "categories": categories, "urgency": base["urgency"]}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    for complaint in complaints(args.n, args.seed):
        sys.stdout.write(json.dumps(complaint, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
