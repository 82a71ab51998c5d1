"""Small-cell suppression of the public statistics: primary (below the threshold), complementary
(a hidden count never follows from a published total), withheld tables, and a brute-force check
that no hidden count can be worked out by someone who knows the rules."""

from itertools import product

from hypothesis import given, settings
from hypothesis import strategies as st

from mizan.reports.publication import PRIMARY, SECONDARY, SHOWN, suppress


def shown(cells):
    return [c.value if c.state == SHOWN else c.state for c in cells]


def test_suppress_hides_counts_below_the_threshold_zero_included():
    cells, withheld = suppress([12, 3, 0, 20], 5, total_published=False)

    assert shown(cells) == [12, PRIMARY, PRIMARY, 20]
    assert not withheld


def test_suppress_hides_a_second_count_when_one_could_be_subtracted_from_the_total():
    cells, _ = suppress([12, 3, 20, 9], 5, total_published=True)

    # 3 = total - 12 - 20 - 9 would follow from the total: the smallest shown count goes too
    assert shown(cells) == [12, PRIMARY, 20, SECONDARY]


def test_suppress_two_small_counts_protect_each_other_unless_both_are_the_largest_possible():
    assert shown(suppress([12, 3, 2, 20], 5, total_published=True)[0]) == [12, PRIMARY, PRIMARY, 20]
    # 4 + 4 = 8 and each is below 5: both would be known to be 4
    assert shown(suppress([12, 4, 4, 20], 5, total_published=True)[0]) == [SECONDARY, PRIMARY, PRIMARY, 20]


def test_suppress_zeros_alone_need_no_second_count():
    assert shown(suppress([0, 0, 30], 5, total_published=True)[0]) == [PRIMARY, PRIMARY, 30]


def test_suppress_without_a_total_needs_no_second_count():
    assert shown(suppress([3, 20], 5, total_published=False)[0]) == [PRIMARY, 20]


def test_suppress_withholds_a_table_that_cannot_be_protected():
    cells, withheld = suppress([4, 4], 5, total_published=True)

    assert withheld
    assert shown(cells) == [PRIMARY, PRIMARY]


def _consistent(cells, total, threshold):
    """Every table of values an outsider who knows the rules, the shown counts and the total
    cannot tell apart from the real one."""
    ranges = []
    for cell in cells:
        if cell.state == SHOWN:
            ranges.append([cell.value])
        elif cell.state == PRIMARY:
            ranges.append(range(threshold))
        else:
            ranges.append(range(threshold, total + 1))
    return [values for values in product(*ranges) if sum(values) == total]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=14), min_size=2, max_size=5), st.integers(min_value=3, max_value=5))
def test_no_hidden_count_below_the_threshold_can_be_worked_out(values, threshold):
    total = sum(values)
    cells, withheld = suppress(values, threshold, total_published=total >= threshold)
    if withheld or total < threshold:
        return  # nothing of the table is published
    possible = _consistent(cells, total, threshold)
    assert tuple(values) in possible
    for i, cell in enumerate(cells):
        if cell.state == PRIMARY and values[i] > 0:
            assert len({option[i] for option in possible}) > 1, (values, shown(cells))


# --- the organisation's choice, in the admin --------------------------------------------------------

def test_publication_settings_edited_by_the_organisation_admin_for_their_own_organisation(client, staff, org,
                                                                                       other_org):
    from django.urls import reverse

    from mizan.reports.models import PublicationSettings

    admin = staff["admin"]
    admin.is_staff = True
    admin.save()
    PublicationSettings.objects.create(organisation=other_org, published=True, threshold=10)
    client.cookies["mizan_language"] = "en"
    client.force_login(admin)
    add = reverse("admin:reports_publicationsettings_add")

    form = client.get(add)
    assert form.status_code == 200 and 'name="organisation"' not in form.content.decode()
    response = client.post(add, {"published": "on", "threshold": "7", "summary": "on", "categories": "on"})

    assert response.status_code == 302
    mine = PublicationSettings.objects.get(organisation=org)
    assert (mine.published, mine.threshold, mine.sections()) == (True, 7, ["summary", "categories"])
    assert client.get(add).status_code == 403  # one row per organisation
    listed = client.get(reverse("admin:reports_publicationsettings_changelist"))
    assert [row.pk for row in listed.context["cl"].result_list] == [org.pk]
    assert client.post(reverse("admin:reports_publicationsettings_change", args=[mine.pk]),
                       {"published": "on", "threshold": "2"}).status_code == 200  # at least 3: refused
    assert PublicationSettings.objects.get(organisation=org).threshold == 7
