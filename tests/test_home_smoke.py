def test_every_index_page_renders(client, site_tree):
    for key in ["home", "news_index", "event_index", "profile_index", "municipality", "profile"]:
        response = client.get(site_tree[key].url)
        assert response.status_code == 200, key
        assert site_tree[key].title in response.content.decode()


def test_profile_gets_its_municipality_from_the_parent(site_tree):
    site_tree["profile"].refresh_from_db()
    assert site_tree["profile"].municipality_id == site_tree["municipality"].pk
    assert site_tree["profile"].latitude == 51.5136
