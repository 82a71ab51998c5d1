"""Similar cases: the other cases of the organisation sharing a narrative's rarest words."""

from django.utils import translation

from mizan.search.similar import similar_cases

FILLERS = ["تأخر الرد على طلبي", "لم يسجلوا المحضر", "منعوني من السفر في المطار", "صادروا هاتفي",
           "رفضوا إعطائي نسخة من الحكم", "فصلوني من العمل بلا سبب", "لم يصرفوا المعاش", "هددني الجار"]


def refs(items):
    return [item.reference for item in items]


def fillers(story):
    """Unrelated complaints, so that the shared words are rare as they are in real data."""
    for text in FILLERS:
        story(text)


def test_similar_cases_share_rare_words_best_first(staff, story, other_story):
    case = story("صعقوني بالكهرباء في قسم الدقي وعلقوني من ذراعي")
    close = story("صعقوه بالكهرباء وعلقوه من ذراعيه في قسم الدقي")
    partial = story("علقوني من ذراعي في الزنزانة")
    story("منعوا الزيارة عن والدي منذ شهر")
    other_story("صعقوني بالكهرباء في قسم الدقي وعلقوني من ذراعي")
    fillers(story)

    result = similar_cases(staff["officer"], case)

    assert refs(result) == [close.reference, partial.reference]
    assert result[0].score > result[1].score > 0
    # صعق كهرباء قسم دقي علق ذراع: six of the case's words for the close copy, علق ذراع for the other
    assert (result[0].shared_words, result[1].shared_words) == (6, 2)
    assert result[0].status == "received"
    with translation.override("en"):
        assert str(result[0].status_label) == "Received"
    assert result[0].received_at == close.received_at


def test_similar_cases_exclude_the_case_itself_and_respect_the_limit(staff, story):
    case = story("حبسوني انفراديا في زنزانة مظلمة")
    for _ in range(4):
        story("حبسوه انفراديا في زنزانة مظلمة")

    result = similar_cases(staff["officer"], case, limit=3)

    assert len(result) == 3
    assert case.reference not in refs(result)


def test_similar_cases_need_shared_words(staff, story):
    case = story("صادروا سيارتي عند الكمين")
    story("منعوا الزيارة عن والدي")

    assert similar_cases(staff["officer"], case) == []


def test_similar_cases_empty_for_outsiders_and_analysts(staff, story):
    case = story("صعقوني بالكهرباء في القسم")
    story("صعقوه بالكهرباء في القسم")

    assert similar_cases(staff["outsider"], case) == []
    assert similar_cases(staff["analyst"], case) == []


def test_similar_cases_is_one_query(staff, story, django_assert_num_queries):
    case = story("صعقوني بالكهرباء في القسم")
    story("صعقوه بالكهرباء في القسم")
    staff["officer"].membership  # noqa: B018 - loaded once per request by the desk anyway

    with django_assert_num_queries(1):
        result = similar_cases(staff["officer"], case)

    assert len(result) == 1


def test_similar_cases_not_hidden_by_another_organisations_copy(staff, story, other_story):
    case = story("صعقوني بالكهرباء في قسم الدقي وعلقوني من ذراعي وحرموني من النوم ثلاثة أيام")
    close = story("صعقوه بالكهرباء في قسم الدقي")
    # the same complaint sent to the other organisation too: its words are then "rare" overall
    other_story("صعقوني بالكهرباء في قسم الدقي وعلقوني من ذراعي وحرموني من النوم ثلاثة أيام")
    fillers(story)

    assert refs(similar_cases(staff["officer"], case)) == [close.reference]
