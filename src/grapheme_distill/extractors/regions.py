"""The names of the world's larger places: countries (and former countries), the continents and
the US states.  (Outside ``spacy/``: the spaCy-free readers read brackets too.)

A bracket after a place name holds either the region it lies in ("Puno (Peru)", "Kyoto
(Japan)") or another name of the same place ("Mumbai (Bombay)", "Mount Fuji (Fugaku)").  The
small NER model types both kinds of bracket GPE, so only a list of the larger places tells
them apart.  The list is general knowledge, not drawn from any answer set.
"""

from __future__ import annotations

__all__ = ["US_STATES", "is_country_or_state"]

#: the US states (and Washington, D.C.), lower-cased: "La Crosse, Wisconsin" names the city
#: with its state (``spacy.qualifiers``); "Austin (Texas)" puts the city in it (``spacy.lists``)
US_STATES = frozenset(
    s.lower()
    for s in [
        "Alabama",
        "Alaska",
        "Arizona",
        "Arkansas",
        "California",
        "Colorado",
        "Connecticut",
        "Delaware",
        "Florida",
        "Georgia",
        "Hawaii",
        "Idaho",
        "Illinois",
        "Indiana",
        "Iowa",
        "Kansas",
        "Kentucky",
        "Louisiana",
        "Maine",
        "Maryland",
        "Massachusetts",
        "Michigan",
        "Minnesota",
        "Mississippi",
        "Missouri",
        "Montana",
        "Nebraska",
        "Nevada",
        "Ohio",
        "Oklahoma",
        "Oregon",
        "Pennsylvania",
        "Tennessee",
        "Texas",
        "Utah",
        "Vermont",
        "Virginia",
        "Washington",
        "Wisconsin",
        "Wyoming",
    ]
) | frozenset(
    {
        "new hampshire",
        "new jersey",
        "new mexico",
        "new york",
        "north carolina",
        "north dakota",
        "rhode island",
        "south carolina",
        "south dakota",
        "west virginia",
        "d.c.",
        "dc",
        "washington, d.c.",
    }
)


_COUNTRIES = """
Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|
Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|
Bolivia|Bosnia and Herzegovina|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|
Cambodia|Cameroon|Canada|Cape Verde|Central African Republic|Chad|Chile|China|Colombia|
Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|
Dominica|Dominican Republic|East Timor|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|
Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|
Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|India|
Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|
Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|
Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Marshall Islands|
Mauritania|Mauritius|Mexico|Micronesia|Moldova|Monaco|Mongolia|Montenegro|Morocco|
Mozambique|Myanmar|Namibia|Nauru|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|
North Korea|North Macedonia|Norway|Oman|Pakistan|Palau|Palestine|Panama|Papua New Guinea|
Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Saint Kitts and Nevis|
Saint Lucia|Saint Vincent and the Grenadines|Samoa|San Marino|Saudi Arabia|Senegal|Serbia|
Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Solomon Islands|Somalia|South Africa|
South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|
Tajikistan|Tanzania|Thailand|Togo|Tonga|Trinidad and Tobago|Tunisia|Turkey|Turkmenistan|
Tuvalu|Uganda|Ukraine|United Arab Emirates|United Kingdom|UK|United States|USA|US|Uruguay|
Uzbekistan|Vanuatu|Vatican City|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|England|Scotland|
Wales|Northern Ireland|Great Britain|Britain|Holland|Burma|Ceylon|Siam|Persia|Zaire|Rhodesia|
Formosa|Soviet Union|USSR|Yugoslavia|Czechoslovakia|Prussia|East Germany|West Germany|
Africa|Antarctica|Asia|Europe|North America|South America|Oceania
"""

_LARGER = frozenset(
    {n.strip().lower() for n in _COUNTRIES.replace("\n", "").split("|") if n.strip()} | US_STATES
)


def is_country_or_state(name: str) -> bool:
    """Whether ``name`` (an article before it aside) is a country, a continent or a US state."""
    text = name.strip().lower()
    if text.startswith("the "):
        text = text[4:]
    return text in _LARGER
