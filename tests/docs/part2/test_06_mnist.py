"""docs/part2/06-mnist.md: where MNIST comes from."""

from scripts.paths import ROOT

PAGE = ROOT / "docs" / "part2" / "06-mnist.md"


def test_mnist_is_remixed_from_nist_and_postcodes_are_usps():
    intro = PAGE.read_text("utf-8").split("## The data")[0]
    assert "Special Database 3" in intro and "Special Database 1" in intro
    assert "Census Bureau" in intro and "high-school" in intro
    # the postcode story is told of the USPS digits, not of MNIST
    postcode = next(s for s in intro.replace("\n", " ").split(". ")
                    if "postcode" in s)
    assert "Postal Service" in postcode and "MNIST" not in postcode
