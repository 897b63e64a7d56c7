"""Every internal link, anchor, image, script and stylesheet of every
built page resolves inside the site (checked by lychee, offline);
nothing is loaded from another host (the book's own rule). External
links are only listed (`python -m scripts.links`)."""

from scripts import sitecheck


def test_internal_links_anchors_and_resources_resolve(built_site):
    problems, _ = sitecheck.check_links(built_site)
    assert not problems, "broken references:\n" + "\n".join(problems)


def test_every_page_is_checked(built_site):
    pages = sitecheck.html_pages(built_site)
    assert "index.html" in pages and "404.html" in pages
    assert any(page.startswith("ch01-") for page in pages)
    assert any(page.startswith("part2/") for page in pages)
    report = sitecheck.run_lychee(built_site)
    # lychee read every page and found links in it (not an empty run).
    assert report["total"] > 10 * len(pages), report["total"]


def test_link_check_names_missing_pages_anchors_and_foreign_resources(
        tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<link rel="canonical" href="https://book.example/">\n'
        '<h2 id="here">x</h2><a href="#here">ok</a>\n'
        '<a href="#nowhere">bad anchor here</a>\n'
        '<a href="a/">ok</a><a href="a/#kept">ok</a>\n'
        '<a href="a/#gone">bad anchor</a>\n'
        '<a href="b/">bad page</a><img src="gone.png">\n'
        '<a href="https://book.example/a/#kept">ok, site_url</a>\n'
        '<a href="https://book.example/c/">bad, site_url</a>\n'
        '<a href="https://other.example/x">listed</a>\n'
        '<img src="https://other.example/y.png">\n'
        '<script src="https://other.example/z.js"></script>\n')
    (tmp_path / "a" / "index.html").write_text('<p id="kept">a</p>')
    problems, external = sitecheck.check_links(tmp_path)
    assert problems == [
        "index.html:3: index.html#nowhere: Cannot find fragment",
        "index.html:5: a#gone: Cannot find fragment",
        "index.html:6: b: File not found. Check if file exists and path "
        "is correct",
        "index.html:6: gone.png: File not found. Check if file exists and "
        "path is correct",
        "index.html:8: c/: File not found. Check if file exists and path "
        "is correct",
        'index.html:10: <img src="https://other.example/y.png">: loads '
        "from another host",
        'index.html:11: <script src="https://other.example/z.js">: loads '
        "from another host"]
    assert external == {"https://other.example/x": {"index.html"}}
