"""A key's value that says more than the key's own fact (issue 11, thirty-fourth session):
"| Independence | 17 June 1944 (from Denmark) |" also says whom the country parted from;
"constitutional monarchy since 2008" is the value without its date.  Answers of my own, no spaCy."""

from __future__ import annotations

from tests.extractors.readers.conftest import relation_triples as _triples


def test_an_independence_from_a_country_in_a_table() -> None:
    found = _triples(
        "# Finland\n\n| Attribute | Value |\n|---|---|\n| Capital | Helsinki |\n"
        "| Independence | 6 December 1917 (from Russia) |\n"
    )
    assert ("Finland", "independence_from", "Russia") in found, found
    assert ("Finland", "independence", "6 December 1917") in found, found


def test_an_independence_from_a_country_in_a_key_value_item() -> None:
    found = _triples(
        "# Ghana\n\n**Key facts**\n- **Capital:** Accra\n"
        "- **Independence:** 6 March 1957, from the United Kingdom\n"
    )
    assert ("Ghana", "independence_from", "United Kingdom") in found, found


def test_an_independence_without_from_gives_only_its_date() -> None:
    found = _triples("# Norway\n\n- **Capital:** Oslo\n- **Independence:** 1905\n")
    assert not any(p == "independence_from" for _, p, _ in found), found


def test_a_value_since_a_year_is_the_value() -> None:
    found = _triples(
        "# Spain\n\n| Attribute | Value |\n|---|---|\n| Capital | Madrid |\n"
        "| Government | parliamentary monarchy since 1978 |\n"
    )
    assert ("Spain", "government", "parliamentary monarchy") in found, found


def test_a_lead_in_opening_with_a_conjunction_names_the_place_without_it() -> None:
    # "And Paris:" goes on from the sentence before; the conjunction is no part of the name
    found = _triples(
        "Lyon is known for its food.\n\nAnd Paris:\n\n- **Population:** 2.1 million\n"
        "- **River:** Seine\n"
    )
    assert ("Paris", "river", "Seine") in found, found
    assert not any(s.startswith("And ") for s, _, _ in found), found


def test_an_independence_from_a_rule_names_no_country() -> None:
    """ "from British rule": the capitalised word is an adjective of "rule", not the country
    parted from (review of be1bae9)."""
    found = _triples(
        "# India\n\n- **Capital:** New Delhi\n- **Independence:** 15 August 1947 (from British rule)\n"
    )
    assert not any(p == "independence_from" for _, p, _ in found), found
