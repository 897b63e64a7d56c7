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
