"""On PostgreSQL the statements of home.compiled_loads are prepared once per database session
(home.prepared_statements): the page a visitor gets must be the same, with the same number of queries,
whether the statement is prepared now, was prepared before, or the session is new."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.compiled_loads import load_in_bulk, load_specific
from home.prepared_statements import Statement
from profiles.models import DistrictProfilePage
from tests.site_content import full_profile

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements are PostgreSQL only")


def load_profile(pk):
    with CaptureQueriesContext(connection) as queries:
        profile = load_specific(DistrictProfilePage, pk, DistrictProfilePage.serve_select_related)
    assert len(queries) == 1
    return profile, queries[0]["sql"]


def test_prepared_once_then_executed_with_other_ids(site_tree):
    first = full_profile(site_tree["municipality"], title="Westerfilde", slug="westerfilde")
    second = site_tree["profile"]
    profile, sql = load_profile(first.pk)
    assert profile.title == "Westerfilde" and profile.municipality.title == "Dortmund"
    assert sql.startswith("PREPARE ") or sql.startswith("EXECUTE ")  # another test may have prepared it
    profile, sql = load_profile(second.pk)
    assert sql.startswith("EXECUTE ")
    assert profile.pk == second.pk and profile.title == second.title
    # Documents and contact persons go the same way, one statement per number of ids.
    assert load_in_bulk(DistrictProfilePage, [first.pk, second.pk]).keys() == {first.pk, second.pk}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # site_tree needs the locale back
def test_a_new_session_prepares_again(site_tree):
    profile = site_tree["profile"]
    load_profile(profile.pk)
    assert load_profile(profile.pk)[1].startswith("EXECUTE ")
    connection.close()  # the next query opens a new session, where nothing is prepared
    loaded, sql = load_profile(profile.pk)
    assert sql.startswith("PREPARE ")
    assert loaded.title == profile.title


def test_switched_off_runs_the_plain_statement(site_tree, settings):
    settings.DATABASE_PREPARED_STATEMENTS = False
    loaded, sql = load_profile(site_tree["profile"].pk)
    assert sql.startswith("SELECT ")
    assert loaded.pk == site_tree["profile"].pk


def test_literal_percent_signs_and_placeholders(site_tree):
    statement = Statement(
        "SELECT title FROM wagtailcore_page WHERE title LIKE '%%terfil%%' AND depth > %s AND id IN (%s, %s)"
    )
    profile = full_profile(site_tree["municipality"], title="Westerfilde", slug="westerfilde")
    for _ in range(2):  # prepared, then executed
        with connection.cursor() as cursor:
            statement.execute(cursor, [1, profile.pk, site_tree["profile"].pk])
            assert cursor.fetchall() == [("Westerfilde",)]


def test_hand_written_statements_with_id_lists_and_the_per_session_cap(site_tree, monkeypatch):
    from home import prepared_statements

    other = full_profile(site_tree["municipality"], title="Westerfilde", slug="westerfilde")
    ids = [site_tree["profile"].pk, other.pk]
    sql = "SELECT title FROM wagtailcore_page WHERE id IN ({}) ORDER BY title"
    expected = {1: [site_tree["profile"].title], 2: sorted([site_tree["profile"].title, "Westerfilde"])}
    for count in (1, 2, 2):  # one statement per length of the list, the second use executed
        with connection.cursor() as cursor:
            prepared_statements.execute(cursor, sql.format(", ".join(["%s"] * count)), ids[:count])
            assert [title for (title,) in cursor.fetchall()] == expected[count]
    # Past the cap a session runs further statements plain instead of preparing ever more.
    monkeypatch.setattr(prepared_statements, "MAX_PER_SESSION", 0)
    with CaptureQueriesContext(connection) as queries, connection.cursor() as cursor:
        prepared_statements.execute(cursor, "SELECT title FROM wagtailcore_page WHERE id = %s", [other.pk])
        assert cursor.fetchall() == [("Westerfilde",)]
    assert queries[0]["sql"].startswith("SELECT ")
