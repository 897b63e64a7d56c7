"""Every internal link, anchor, image, script and stylesheet of every
built page resolves inside the site; nothing is loaded from elsewhere.
External links are only listed (`python -m scripts.links`)."""

from scripts import sitecheck


def test_internal_links_anchors_and_resources_resolve(built_site):
    problems, _ = sitecheck.check_links(built_site)
    assert not problems, "broken references:\n" + "\n".join(problems)


def test_every_page_is_checked(built_site):
    pages = sitecheck.html_pages(built_site)
    assert "index.html" in pages and "404.html" in pages
    assert any(page.startswith("ch01-") for page in pages)


def test_link_check_names_missing_pages_anchors_and_foreign_resources(
        tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<link rel="canonical" href="https://book.example/">'
        '<h2 id="here">x</h2><a href="#here">ok</a>'
        '<a href="a/">ok</a><a href="a/#gone">bad anchor</a>'
        '<a href="b/">bad page</a>'
        '<a href="https://book.example/a/">ok, site_url</a>'
        '<a href="https://other.example/x">listed</a>'
        '<img src="https://other.example/y.png">')
    (tmp_path / "a" / "index.html").write_text('<p id="kept">a</p>')
    problems, external = sitecheck.check_links(tmp_path)
    assert problems == [
        "index.html:1: <a href=\"a/#gone\">: no id 'gone' in a/index.html",
        'index.html:1: <a href="b/">: b/index.html not found',
        'index.html:1: <img src="https://other.example/y.png">: loads '
        "from another host"]
    assert external == {"https://other.example/x": {"index.html"}}
