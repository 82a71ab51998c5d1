"""Search snippets: matched words marked in the original text, everything else escaped, and
personal data masked for users who may not reveal identities."""

from mizan.search.engine import prepare
from mizan.search.snippets import attach_snippets, best_snippet, snippet


def terms(q):
    return prepare(q).terms


def test_snippet_marks_the_original_spelling(staff, story):
    case = story("ضربوني في قِسْمِ الدقي ثم نقلوني إلى السجن")

    html = snippet(case.narrative, terms("قسم سجن"), staff["officer"], case)

    assert html == "ضربوني في <mark>قِسْمِ</mark> الدقي ثم نقلوني إلى <mark>السجن</mark>"


def test_snippet_escapes_everything_else(staff, story):
    case = story('<script>alert("x")</script> ضربوني & أهانوني')

    html = snippet(case.narrative, terms("ضرب"), staff["officer"], case)

    assert html == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; <mark>ضربوني</mark> &amp; أهانوني"


def test_snippet_is_a_window_around_the_best_match(staff, story):
    filler = "كلام " * 100
    case = story(filler + "ضربوني في القسم " + filler + "ضربوني ثم صعقوني في القسم " + filler)

    html = snippet(case.narrative, terms("ضرب صعق"), staff["officer"], case)

    assert html.startswith("…") and html.endswith("…")
    assert "<mark>ضربوني</mark> ثم <mark>صعقوني</mark>" in html
    assert 150 <= len(html.replace("<mark>", "").replace("</mark>", "")) <= 260


def test_snippet_masks_personal_data_without_the_reveal_right(staff, story):
    case = story("اتصلوا على 01001234567 بعد أن ضربوني في القسم")

    hidden = snippet(case.narrative, terms("ضرب"), staff["officer2"], case)
    shown = snippet(case.narrative, terms("ضرب"), staff["officer"], case)

    assert hidden == "اتصلوا على ▇▇▇ بعد أن <mark>ضربوني</mark> في القسم"
    assert shown == "اتصلوا على 01001234567 بعد أن <mark>ضربوني</mark> في القسم"


def test_snippet_searching_the_personal_data_itself_shows_nothing_without_the_right(staff, story):
    case = story("رقم هاتفي 01001234567 ولم يرد أحد")

    assert snippet(case.narrative, terms("01001234567"), staff["officer2"], case) == ""
    assert snippet(case.narrative, terms("01001234567"), staff["officer"], case) == \
        "رقم هاتفي <mark>01001234567</mark> ولم يرد أحد"


def test_snippet_empty_for_an_outsider_or_no_match(staff, story):
    case = story("ضربوني في القسم")

    assert snippet(case.narrative, terms("ضرب"), staff["outsider"], case) == ""
    assert snippet(case.narrative, terms("زيارة"), staff["officer"], case) == ""


def test_best_snippet_picks_the_text_with_most_terms(staff, story):
    case = story("ضربوني")

    html = best_snippet(["ضربوني", "ضربوني في القسم"], terms("ضرب قسم"), staff["officer"], case)

    assert html == "<mark>ضربوني</mark> في <mark>القسم</mark>"


def test_attach_snippets_sets_every_row(staff, story, django_assert_num_queries):
    first = story("ضربوني في القسم")
    second = story("منعوا الزيارة")
    rows = [first, second]

    with django_assert_num_queries(3):
        search = attach_snippets(staff["officer"], rows, "ضرب")

    assert search.active
    assert first.search_snippet == "<mark>ضربوني</mark> في القسم"
    assert second.search_snippet == ""
