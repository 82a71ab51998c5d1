"""Stop-words for Arabic (MSA and the main dialects), French and English.

The lists are written in ordinary spelling and stored in their NORMALISED form (the form tokens
have after `normalise`), so they can be compared with tokens directly. They are deliberately
modest: only words that carry no meaning on their own. Anything a complaint could be about —
people (ابن، son), places, vehicles ("car" is a stop-word in French only), actions, dialect
words that are also MSA words (عم "uncle", راح "went", قوي "strong", هواية "hobby") — stays
searchable.
"""

from __future__ import annotations

from .normalise import normalise

__all__ = ["FRENCH_ONLY", "STOPWORDS", "is_stopword"]

_ARABIC_MSA = """
في من الى إلى عن مع حتى منذ مذ خلال عند لدى لدي نحو بين عبر ضمن دون بدون حول أمام خلف فوق تحت
قبل بعد أثناء اثناء لأجل اجل سوى عدا خلا حاشا ضد
و ف ثم أو بل لكن لكنّ لكنه لكنها لكنهم غير إلا الا سوف قد لقد كي لكي لأن لان حيث إذ إذا اذا لو لولا
كما كأن مثل مثلما عندما بينما حينما كلما لما ريثما طالما بما فيما مما عما إنما انما أما اما إما
لا لم لن ما ليس ليست ليسوا ماذا متى أين كيف لماذا هل أي أية أيّ كم ماهو ماهي ماهم مادا لمادا
إن أن إنّ أنّ إنه أنه إنها أنها انه انها أنهم انهم
كان كانت كانوا كنت كنا يكون تكون يكونوا أصبح أصبحت مازال لازال
تم تمت يتم
هذا هذه هذان هاتان هؤلاء ذلك ذاك تلك أولئك اولئك هنا هناك هنالك هكذا
الذي التي الذين اللذان اللتان اللواتي اللاتي اللائي اللذي اللتي
أنا نحن أنت أنتِ أنتم أنتن أنتما هو هي هم هن هما إياه إياها إياهم إياي إيانا
له لها لهم لهن لهما لي لنا لك لكم به بها بهم بي بنا بك منه منها منهم مني منا منك عليه عليها عليهم علينا
عليك فيه فيها فيهم فينا عنه عنها عنهم عني عنا معه معها معهم معي معنا عنده عندها عندهم عندي عندنا
إليه إليها إليهم إلي إلينا اليه اليها اليهم الينا
كل لكل بكل كلها كله كلهم بعض بعضهم جميع جميعا كلا كلتا نفس نفسه نفسها ذات
أيضا ايضا جدا فقط كذلك لذلك بذلك لهذا بهذا ذلكم الآن الان
حين حينئذ عندئذ بعدما قبلما
"""

# Dialect function words. Content words that happen to be frequent in dialect writing (عايز
# "want", زين "good", بدي "I want") are left out on purpose.
_ARABIC_DIALECT = """
اللي إللي
ده دي دا مش مو مب عشان علشان كده كدا ايه إيه ازاي إزاي فين لسه لسة بتاع بتاعة بتاعت بتوع
امتى إمتى ليه مين كمان اهو أهو أهي اهي يعني برضه برضو اوي أوي
وش ليش جذي كذا هذيل هذولا هذول شلون وين الحين اللحين
هاد هادا هاي هيك شو منشان مشان هلق هلأ هون هونيك لهون رح
ديال ديالي ديالو ديالها ديالهم واش علاش بزاف هادي داك كيفاش باش راه راني راها راهم
شنو اكو ماكو هسه
"""

_FRENCH = """
le la les l un une des du de d au aux et ou où mais donc or ni car
ce cet cette ces c ça cela ceci celui celle ceux celles
mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs
je j tu il elle on nous vous ils elles me m te t se s lui y en
que qu qui quoi dont lequel laquelle lesquels auquel duquel
ne n pas plus ni jamais rien
est sont était étaient été être suis es sommes êtes sera seront serait
a ai as avons avez ont avait avaient avoir eu aura auront aurait
fait faire
par pour sur sous dans avec sans entre vers chez après avant pendant depuis dès selon
comme si très aussi alors tout tous toute toutes même déjà encore ainsi puis ensuite lors
quand comment pourquoi
"""

_ENGLISH = """
a an the and or but nor so yet if then than that this these those there here
i me my mine we us our ours you your yours he him his she her hers it its they them their theirs
who whom whose which what when where why how
is am are was were be been being do does did doing have has had having
will would shall should can could might must
of in on at by for with without about against between into through during before after above
below to from up down out off over under again further once
not no only own same too very just also
all any both each few more most other some such
s t d ll m re ve
"""

# French words that are also English content words: dropped only once the text is known to be
# French (see `is_stopword`).
FRENCH_ONLY = frozenset({"car", "son", "ma", "mon", "pour", "plus", "entre", "sans", "est", "ni"})


def _normalised_set(words: str) -> frozenset[str]:
    return frozenset(normalise(word) for word in words.split()) - {""}


# Only MSA function words are recognised behind a clitic: the short dialect words would turn
# content words into stop-words (بدا = ب + دا, كليه = ك + ليه, ولايه = و + ل + ايه).
_ARABIC_AFTER_CLITIC = _normalised_set(_ARABIC_MSA)

STOPWORDS: dict[str, frozenset[str]] = {
    "ar": _normalised_set(_ARABIC_MSA + _ARABIC_DIALECT),
    "fr": _normalised_set(_FRENCH),
    "en": _normalised_set(_ENGLISH),
}

# Words that look like clitic + stop-word but are words in their own right: فقد "lost",
# ولي "guardian", وكل "mandated", بلا "without" is kept as a stop-word by the list itself.
_CLITIC_EXCEPTIONS = frozenset({"فقد", "ولي", "وكل", "فهم"})
_CLITICS = "وفبلك"



def is_stopword(token: str, lang: str | None = None) -> bool:
    """Whether a NORMALISED token is a stop-word.

    Arabic tokens: also a single-letter clitic (و ف ب ل ك), or و/ف + ب/ل/ك, before an MSA
    stop-word (وهو، فهي، بماذا، لهذه، وبهذا); never article + word: الدول "the states", الامام "the imam" are
    content words even though دول and امام can be function words. Latin tokens: the list of `lang`;
    without a language, the French and English lists together except the French words that are
    English content words.
    """
    if not token:
        return False
    arabic = STOPWORDS["ar"]
    if token in arabic:
        return True
    if token[0] in _CLITICS and token not in _CLITIC_EXCEPTIONS:
        rest = token[1:]
        if len(rest) >= 2 and rest in _ARABIC_AFTER_CLITIC:
            return True
        if token[0] in "وف" and rest[:1] in ("ب", "ل", "ك") and rest[1:] in _ARABIC_AFTER_CLITIC:
            return len(rest) >= 3
    if lang == "fr":
        return token in STOPWORDS["fr"]
    if lang == "en":
        return token in STOPWORDS["en"]
    if lang == "ar":
        return token in STOPWORDS["en"] or (
            token in STOPWORDS["fr"] and token not in FRENCH_ONLY
        )
    return token in STOPWORDS["en"] or (token in STOPWORDS["fr"] and token not in FRENCH_ONLY)
