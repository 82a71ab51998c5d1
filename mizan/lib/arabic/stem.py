"""Light stemming: Arabic by careful clitic removal + Snowball, Latin by Snowball French/English."""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache

import Stemmer

from .normalise import is_arabic_letter, normalise
from .stopwords import STOPWORDS

__all__ = [
    "decliticise",
    "guess_latin_language",
    "stem",
    "stem_arabic",
    "stem_latin",
    "stem_normalised",
    "token_script",
]

# PyStemmer objects keep internal state between calls, so each thread gets its own.
_local = threading.local()


def _stemmer(lang: str) -> Stemmer.Stemmer:
    stemmers = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    if lang not in stemmers:
        stemmers[lang] = Stemmer.Stemmer({"ar": "arabic", "fr": "french", "en": "english"}[lang])
    return stemmers[lang]


# Scripts of tokens already seen: a text's words repeat, and every analysis asks for each of
# them. Bounded for hostile input, like normalise's caches.
_SCRIPTS: dict[str, str] = {}
_SCRIPTS_LIMIT = 100_000


def token_script(token: str) -> str:
    """The kind of a normalised token: 'num' (digits only), 'mixed' (digits with letters:
    Arabizi "3ayz", references), 'ar' (Arabic letters), 'latin' (Latin letters) or 'other'."""
    script = _SCRIPTS.get(token)
    if script is None:
        script = _token_script(token)
        if len(_SCRIPTS) < _SCRIPTS_LIMIT:
            _SCRIPTS[token] = script
    return script


def _token_script(token: str) -> str:
    if token.isdigit():
        return "num"
    if any(char.isdigit() for char in token):
        return "mixed"
    if any(is_arabic_letter(char) for char in token):
        return "ar"
    if all("LATIN" in unicodedata.name(char, "") for char in token if char.isalpha()):
        return "latin"
    return "other"


# --- Arabic ------------------------------------------------------------------------------------

# Article forms, longest first: conjunction/preposition + ال, and لل (ل + ال with the alef dropped).
_ARTICLES = ("وبال", "وكال", "فبال", "فكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال")

# Words (normalised) whose first letter is و، ف، ب، ل or ك belonging to the word itself, which a
# proclitic rule would otherwise cut: وزاره → زاره, بلاغ → لاغ, كرامه → رامه. Words of three
# letters need no entry (the remainder would be too short to strip). The list favours the
# vocabulary of complaints and public administration.
_PROTECTED_SOURCE = """
وزير وزراء وزارة وطني وطنية وقت وقتها وصول وجود وحدة وفاة وثيقة وثائق وكيل وكالة ورقة أوراق ولاية
واقعة وقائع واقع والد والدة والدي والدتي وظيفة واجب واضح وادي وارد وحيد وسيلة وسائل وصف وعود وفد
وفق ولادة وجبة ورشة وقوف وراء وباء وداع وسام وسيط وصية وعي وقاية وقود ولاء وليد وزن وسيم وكر
فريق فترة فكرة فتاة فتيات فرنسا فندق فلسطين فيلم فرصة فلوس فساد فحوص فيديو فوضى فاتورة فائدة فقير
فقراء فوري فراش فاعل فلاح فني فيضان فوق فصيل فضيحة فرقة فقدان فاجعة
بلاغ بلاغات بيوت بنات برنامج بطاقة بحار بنوك بريد بيان بيانات بداية بقية بلدية بناء بيئة برلمان بطالة
بعثة بنزين بوليس بلطجي بلطجية بصمة براءة بالغ باقي باطل بائع باشا بارد باص بوابة بيع بكاء بلوغ
بشرة بطانية بدلة بحيرة بصر بلاد بلدان
لجنة لجان لحظة لغة لقاء لبنان ليبيا ليلة لباس لائحة لاجئ لاجئين لصوص لوحة لواء لسان لقطة لهجة لاعب
لازم لوم لياقة
الله اللهم
كلام كتاب كبير كثير كلية كرسي كمية كهرباء كامل كافي كاميرا كلمة كدمة كدمات كشوف كفالة كفيل كمين كتيبة
كنيسة كارثة كرامة كلابشات كوبري كفر كتابة كهل كورونا
"""


def _protected_set() -> frozenset[str]:
    return frozenset(normalise(word) for word in _PROTECTED_SOURCE.split())


_PROTECTED = _protected_set()

# Pronoun and plural endings that may follow a protected word (بطاقتي، وزارتها، بلاغاتهم).
_SUFFIXES = ("", "ه", "ها", "هم", "هن", "هما", "كم", "كن", "ك", "ي", "نا", "ات", "ان", "ين",
             "ون", "وا", "اتها", "اتهم", "اته", "اتي", "اتنا", "اتك", "اتكم")


def _is_protected(word: str) -> bool:
    for suffix in _SUFFIXES:
        if suffix and not word.endswith(suffix):
            continue
        base = word[: len(word) - len(suffix)] if suffix else word
        if len(base) < 3:
            continue
        if base in _PROTECTED:
            return True
        # ة written as ت before a suffix (بطاقتي) or dropped before ات (بطاقات).
        if base.endswith("ت") and base[:-1] + "ه" in _PROTECTED:
            return True
        if suffix.startswith("ات") and base + "ه" in _PROTECTED:
            return True
    return False


_MIN_REMAINDER = 3
# The name of God with a clitic: و/ب/ف/ت + الله, and لله (ل + الله).
_ALLAH = frozenset({"والله", "بالله", "فالله", "تالله", "لله", "ولله", "فلله"})
# The article marks a noun, and nouns of two letters are common (الحي، الدم، الاب، الام، اليد).
_MIN_ARTICLE_REMAINDER = 2


def decliticise(word: str) -> str:
    """Remove attached conjunction, preposition and article from a NORMALISED Arabic word.

    وال/بال/كال/فال/لل/ال (and و/ف + بال/كال/لل) go when at least two letters remain;
    a single و/ف and then a single ب/ل/ك go when what remains is a plausible word (see
    `_plausible`) and the word is not a known word that starts with that letter (وزاره, بلاغ,
    كرامه stay whole).
    """
    if _is_protected(word):
        return word
    if word in _ALLAH:
        return "الله"
    for article in _ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= _MIN_ARTICLE_REMAINDER:
            rest = word[len(article) :]
            # لل + a word starting with ل: "للجنه" is ل + اللجنه, so the noun is لجنه.
            if article.endswith("لل") and _is_protected("ل" + rest):
                return "ل" + rest
            return rest
    current = word
    if current[0] in "وف" and _plausible(current[1:]):
        current = current[1:]
        if _is_protected(current):
            return current
        for article in ("بال", "كال", "لل", "ال"):
            if current.startswith(article) and len(current) - len(article) >= _MIN_ARTICLE_REMAINDER:
                return current[len(article) :]
    if current[0] in "بلك" and _plausible(current[1:]) and not _is_protected(current):
        current = current[1:]
    return current


def _plausible(rest: str) -> bool:
    """Whether `rest` can be a word once a single-letter proclitic is cut off: three letters at
    least, and three letters still after its inflectional ending — Arabic stems have three
    root letters, so وقفوني (قفوني → قف), بلدي (لدي → لد), فقدت (قدت → قد) keep their first
    letter while وضربوني (ضربوني → ضرب) loses the conjunction."""
    if len(rest) < _MIN_REMAINDER:
        return False
    for ending in _ENDINGS_LONGEST_FIRST:
        if rest.endswith(ending) and len(rest) - len(ending) >= 2:
            return len(rest) - len(ending) >= 3
    return True


# Inflectional endings a light stemmer may remove (normalised: ة is ه, ى is ي). Snowball Arabic
# proposes a cut; it is accepted only if what it removed is one of these. Snowball also treats
# stacked letters as stacked pronouns (انتهاك → انت, مملكه → ممل, انسانيه → انس, محاكم → محا);
# those cuts are refused and the longest acceptable ending is removed instead.
_PRONOUNS = ("", "ه", "ها", "هم", "هن", "هما", "ي", "ني", "نا")
_ENDINGS = frozenset(
    {marker + pronoun for marker in ("", "ت", "ات") for pronoun in _PRONOUNS}
    | {"و" + pronoun for pronoun in _PRONOUNS if pronoun}  # ضربوه، اعتقلوني
    | {"ي" + pronoun for pronoun in _PRONOUNS if pronoun}  # محاميها، اراضيهم
    | {"وا", "ون", "ين", "ان", "تم", "ا", "يه", "يين", "يون", "يات"}
)
_ENDINGS_LONGEST_FIRST = tuple(sorted(_ENDINGS - {""}, key=len, reverse=True))

# Pronouns that follow a feminine noun whose ة is written ت (بطاقتي، زوجتك، حكومتنا).
_NOUN_PRONOUNS = ("هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا", "ه", "ي", "ك")


def _restore_teh_marbuta(word: str) -> str:
    """بطاقتي → بطاقه, بلاغاتهم → بلاغه, منظمات → منظمه: the singular form Snowball handles.

    Applied only when three letters stay before the ت, so بيتي، صوته، وقتها are untouched.
    """
    for pronoun in _NOUN_PRONOUNS:
        if word.endswith("ات" + pronoun) and len(word) - len(pronoun) - 2 >= 3:
            return word[: -len(pronoun) - 2] + "ه"
    for pronoun in _NOUN_PRONOUNS:
        if word.endswith("ت" + pronoun) and len(word) - len(pronoun) - 1 >= 3:
            return word[: -len(pronoun) - 1] + "ه"
    if word.endswith("ات") and len(word) - 2 >= 3:
        return word[:-2] + "ه"
    return word


def _snowball_arabic(word: str) -> str:
    """Snowball Arabic, trusted for suffixes only and only for real inflectional endings."""
    stemmed = _stemmer("ar").stemWord(word)
    # Snowball strips ب/و/ف/ال on its own (بلاغ → لاغ); prefixes are decided by `decliticise`,
    # so any prefix it removed is put back.
    position = word.find(stemmed) if stemmed else -1
    if position > 0:
        stemmed = word[: position + len(stemmed)]
    if not word.startswith(stemmed):
        return stemmed if len(stemmed) >= 2 else word
    removed = word[len(stemmed) :]
    # لبناني، عثماني: a nisba adjective on a name in ـان loses only its ي.
    if removed.endswith("ني") and word.endswith("اني") and len(word) >= 5:
        return word[:-1]
    if removed in _ENDINGS and len(stemmed) >= 2:
        return stemmed
    for ending in _ENDINGS_LONGEST_FIRST:
        if len(ending) < len(removed) and removed.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


@lru_cache(maxsize=65536)
def stem_arabic(word: str) -> str:
    """Stem a NORMALISED Arabic word: `decliticise`, restore ة before pronouns and in ات
    plurals, then Snowball's suffix rules limited to inflectional endings; a result shorter than
    two letters falls back to the de-cliticised word."""
    bare = decliticise(word)
    stemmed = _snowball_arabic(_restore_teh_marbuta(bare))
    return stemmed if len(stemmed) >= 2 else bare


# --- Latin -------------------------------------------------------------------------------------

_FRENCH_ACCENTS = frozenset("éèêëàâîïôûùüÿçœæÉÈÊËÀÂÎÏÔÛÙÜŸÇŒÆ")
_FRENCH_ENDINGS = re.compile(r"(?:eux|euse|euses|eaux|aient|oire|oires|iques?|ees)$")


def guess_latin_language(token: str) -> str:
    """'fr' or 'en' for one Latin word: French if it has French accents, is a French-only
    stop-word or ends like a French word; English otherwise."""
    if any(char in _FRENCH_ACCENTS for char in token):
        return "fr"
    lowered = normalise(token)
    if lowered in STOPWORDS["fr"] and lowered not in STOPWORDS["en"]:
        return "fr"
    if _FRENCH_ENDINGS.search(lowered):
        return "fr"
    return "en"


def _stem_french(word: str) -> str:
    # Snowball French keeps the plural s after a vowel (détenus), so it goes first.
    if len(word) >= 4 and word[-1] in "sx" and word[-2] != "s":
        word = word[:-1]
    return _stemmer("fr").stemWord(word)


def stem(token: str, lang: str | None = None) -> str:
    """Stem one token. The language follows the script: Arabic letters → Arabic light stemming;
    Latin letters → French or English Snowball (`lang` "fr"/"en" when the caller knows it,
    otherwise guessed from the word). Numbers and digit/letter mixtures (Arabizi, references)
    are returned normalised but otherwise unchanged."""
    word = normalise(token)
    if not word or " " in word:
        return word
    if token_script(word) == "latin" and lang not in ("fr", "en"):
        lang = guess_latin_language(token)  # the word as written: its accents say French
    return stem_normalised(word, lang)


def stem_normalised(word: str, lang: str | None = None) -> str:
    """`stem` for a word that is already normalised (a token of `tokenise`), without
    normalising it again: the same result, since normalisation is idempotent."""
    script = token_script(word)
    if script == "ar":
        return stem_arabic(word)
    if script == "latin":
        return stem_latin(word, lang if lang in ("fr", "en") else guess_latin_language(word))
    return word


@lru_cache(maxsize=65536)
def stem_latin(word: str, lang: str) -> str:
    """Stem a NORMALISED Latin word with the French or English Snowball stemmer."""
    if lang == "fr":
        return _stem_french(word)
    return _stemmer("en").stemWord(word)
