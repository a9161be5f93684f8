"""UN Member States and observer States: canonical names, ISO 3166 alpha-3 codes, common aliases."""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple


class Country(NamedTuple):
    """A State as the UN names it, with its ISO code and other names found in documents."""

    name: str
    iso3: str
    aliases: tuple[str, ...] = ()


COUNTRIES: tuple[Country, ...] = (
    Country("Afghanistan", "AFG"),
    Country("Albania", "ALB"),
    Country("Algeria", "DZA"),
    Country("Andorra", "AND"),
    Country("Angola", "AGO"),
    Country("Antigua and Barbuda", "ATG"),
    Country("Argentina", "ARG"),
    Country("Armenia", "ARM"),
    Country("Australia", "AUS"),
    Country("Austria", "AUT"),
    Country("Azerbaijan", "AZE"),
    Country("Bahamas", "BHS", ("The Bahamas",)),
    Country("Bahrain", "BHR"),
    Country("Bangladesh", "BGD"),
    Country("Barbados", "BRB"),
    Country("Belarus", "BLR"),
    Country("Belgium", "BEL"),
    Country("Belize", "BLZ"),
    Country("Benin", "BEN"),
    Country("Bhutan", "BTN"),
    Country(
        "Bolivia (Plurinational State of)", "BOL", ("Bolivia", "Plurinational State of Bolivia")
    ),
    Country("Bosnia and Herzegovina", "BIH", ("Bosnia-Herzegovina",)),
    Country("Botswana", "BWA"),
    Country("Brazil", "BRA"),
    Country("Brunei Darussalam", "BRN", ("Brunei",)),
    Country("Bulgaria", "BGR"),
    Country("Burkina Faso", "BFA"),
    Country("Burundi", "BDI"),
    Country("Cabo Verde", "CPV", ("Cape Verde",)),
    Country("Cambodia", "KHM"),
    Country("Cameroon", "CMR"),
    Country("Canada", "CAN"),
    Country("Central African Republic", "CAF"),
    Country("Chad", "TCD"),
    Country("Chile", "CHL"),
    Country("China", "CHN", ("People's Republic of China",)),
    Country("Colombia", "COL"),
    Country("Comoros", "COM"),
    Country("Congo", "COG", ("Republic of the Congo", "Congo-Brazzaville")),
    Country("Costa Rica", "CRI"),
    Country("Côte d'Ivoire", "CIV", ("Cote d'Ivoire", "Côte d Ivoire", "Ivory Coast")),
    Country("Croatia", "HRV"),
    Country("Cuba", "CUB"),
    Country("Cyprus", "CYP"),
    Country("Czechia", "CZE", ("Czech Republic",)),
    Country("Democratic People's Republic of Korea", "PRK", ("North Korea", "DPRK")),
    Country("Democratic Republic of the Congo", "COD", ("DR Congo", "Congo-Kinshasa", "DRC")),
    Country("Denmark", "DNK"),
    Country("Djibouti", "DJI"),
    Country("Dominica", "DMA"),
    Country("Dominican Republic", "DOM"),
    Country("Ecuador", "ECU"),
    Country("Egypt", "EGY"),
    Country("El Salvador", "SLV"),
    Country("Equatorial Guinea", "GNQ"),
    Country("Eritrea", "ERI"),
    Country("Estonia", "EST"),
    Country("Eswatini", "SWZ", ("Swaziland", "Kingdom of Eswatini")),
    Country("Ethiopia", "ETH"),
    Country("Fiji", "FJI"),
    Country("Finland", "FIN"),
    Country("France", "FRA"),
    Country("Gabon", "GAB"),
    Country("Gambia", "GMB", ("The Gambia",)),
    Country("Georgia", "GEO"),
    Country("Germany", "DEU"),
    Country("Ghana", "GHA"),
    Country("Greece", "GRC"),
    Country("Grenada", "GRD"),
    Country("Guatemala", "GTM"),
    Country("Guinea", "GIN"),
    Country("Guinea-Bissau", "GNB"),
    Country("Guyana", "GUY"),
    Country("Haiti", "HTI"),
    Country("Honduras", "HND"),
    Country("Hungary", "HUN"),
    Country("Iceland", "ISL"),
    Country("India", "IND"),
    Country("Indonesia", "IDN"),
    Country("Iran (Islamic Republic of)", "IRN", ("Iran", "Islamic Republic of Iran")),
    Country("Iraq", "IRQ"),
    Country("Ireland", "IRL"),
    Country("Israel", "ISR"),
    Country("Italy", "ITA"),
    Country("Jamaica", "JAM"),
    Country("Japan", "JPN"),
    Country("Jordan", "JOR"),
    Country("Kazakhstan", "KAZ"),
    Country("Kenya", "KEN"),
    Country("Kiribati", "KIR"),
    Country("Kuwait", "KWT"),
    Country("Kyrgyzstan", "KGZ", ("Kyrgyz Republic",)),
    Country("Lao People's Democratic Republic", "LAO", ("Laos",)),
    Country("Latvia", "LVA"),
    Country("Lebanon", "LBN"),
    Country("Lesotho", "LSO"),
    Country("Liberia", "LBR"),
    Country("Libya", "LBY", ("Libyan Arab Jamahiriya",)),
    Country("Liechtenstein", "LIE"),
    Country("Lithuania", "LTU"),
    Country("Luxembourg", "LUX"),
    Country("Madagascar", "MDG"),
    Country("Malawi", "MWI"),
    Country("Malaysia", "MYS"),
    Country("Maldives", "MDV"),
    Country("Mali", "MLI"),
    Country("Malta", "MLT"),
    Country("Marshall Islands", "MHL"),
    Country("Mauritania", "MRT"),
    Country("Mauritius", "MUS"),
    Country("Mexico", "MEX"),
    Country(
        "Micronesia (Federated States of)", "FSM", ("Micronesia", "Federated States of Micronesia")
    ),
    Country("Monaco", "MCO"),
    Country("Mongolia", "MNG"),
    Country("Montenegro", "MNE"),
    Country("Morocco", "MAR"),
    Country("Mozambique", "MOZ"),
    Country("Myanmar", "MMR", ("Burma",)),
    Country("Namibia", "NAM"),
    Country("Nauru", "NRU"),
    Country("Nepal", "NPL"),
    Country(
        "Netherlands",
        "NLD",
        ("Netherlands (Kingdom of the)", "Kingdom of the Netherlands", "Holland"),
    ),
    Country("New Zealand", "NZL"),
    Country("Nicaragua", "NIC"),
    Country("Niger", "NER"),
    Country("Nigeria", "NGA"),
    Country("North Macedonia", "MKD", ("The former Yugoslav Republic of Macedonia", "Macedonia")),
    Country("Norway", "NOR"),
    Country("Oman", "OMN"),
    Country("Pakistan", "PAK"),
    Country("Palau", "PLW"),
    Country("Panama", "PAN"),
    Country("Papua New Guinea", "PNG"),
    Country("Paraguay", "PRY"),
    Country("Peru", "PER"),
    Country("Philippines", "PHL", ("The Philippines",)),
    Country("Poland", "POL"),
    Country("Portugal", "PRT"),
    Country("Qatar", "QAT"),
    Country("Republic of Korea", "KOR", ("South Korea", "Korea")),
    Country("Republic of Moldova", "MDA", ("Moldova",)),
    Country("Romania", "ROU"),
    Country("Russian Federation", "RUS", ("Russia",)),
    Country("Rwanda", "RWA"),
    Country("Saint Kitts and Nevis", "KNA"),
    Country("Saint Lucia", "LCA"),
    Country("Saint Vincent and the Grenadines", "VCT"),
    Country("Samoa", "WSM"),
    Country("San Marino", "SMR"),
    Country("Sao Tome and Principe", "STP", ("São Tomé and Príncipe",)),
    Country("Saudi Arabia", "SAU"),
    Country("Senegal", "SEN"),
    Country("Serbia", "SRB"),
    Country("Seychelles", "SYC"),
    Country("Sierra Leone", "SLE"),
    Country("Singapore", "SGP"),
    Country("Slovakia", "SVK", ("Slovak Republic",)),
    Country("Slovenia", "SVN"),
    Country("Solomon Islands", "SLB"),
    Country("Somalia", "SOM"),
    Country("South Africa", "ZAF"),
    Country("South Sudan", "SSD"),
    Country("Spain", "ESP"),
    Country("Sri Lanka", "LKA"),
    Country("Sudan", "SDN"),
    Country("Suriname", "SUR"),
    Country("Sweden", "SWE"),
    Country("Switzerland", "CHE"),
    Country("Syrian Arab Republic", "SYR", ("Syria",)),
    Country("Tajikistan", "TJK"),
    Country("Thailand", "THA"),
    Country("Timor-Leste", "TLS", ("East Timor",)),
    Country("Togo", "TGO"),
    Country("Tonga", "TON"),
    Country("Trinidad and Tobago", "TTO"),
    Country("Tunisia", "TUN"),
    Country("Türkiye", "TUR", ("Turkey", "Turkiye", "Republic of Türkiye")),
    Country("Turkmenistan", "TKM"),
    Country("Tuvalu", "TUV"),
    Country("Uganda", "UGA"),
    Country("Ukraine", "UKR"),
    Country("United Arab Emirates", "ARE", ("UAE",)),
    Country(
        "United Kingdom of Great Britain and Northern Ireland",
        "GBR",
        ("United Kingdom", "UK", "Great Britain", "Britain"),
    ),
    Country("United Republic of Tanzania", "TZA", ("Tanzania",)),
    Country("United States of America", "USA", ("United States", "USA", "US", "U.S.", "U.S.A.")),
    Country("Uruguay", "URY"),
    Country("Uzbekistan", "UZB"),
    Country("Vanuatu", "VUT"),
    Country(
        "Venezuela (Bolivarian Republic of)",
        "VEN",
        ("Venezuela", "Bolivarian Republic of Venezuela"),
    ),
    Country("Viet Nam", "VNM", ("Vietnam",)),
    Country("Yemen", "YEM"),
    Country("Zambia", "ZMB"),
    Country("Zimbabwe", "ZWE"),
    Country("Holy See", "VAT"),
    Country("State of Palestine", "PSE", ("Palestine",)),
)

LEADING_THE_RE = re.compile(r"^the\s+", re.IGNORECASE)
INVERTED_THE_RE = re.compile(r"\s*\((?:[Tt]he)\)\s*$")
NON_WORD_RE = re.compile(r"[^a-z0-9()]+")


def country_key(name: str) -> str:
    """A lookup key: accents, case, apostrophes, a leading or inverted "the" ("Bahamas (The)",
    as lists print it) and extra spaces ignored."""
    name = INVERTED_THE_RE.sub("", name)
    decomposed = unicodedata.normalize("NFKD", name.replace("\u2019", "'"))
    ascii_name = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    ascii_name = LEADING_THE_RE.sub("", ascii_name.strip()).lower()
    return NON_WORD_RE.sub(" ", ascii_name).strip()


COUNTRY_INDEX: dict[str, Country] = {}
for _country in COUNTRIES:
    for _name in (_country.name, *_country.aliases):
        COUNTRY_INDEX.setdefault(country_key(_name), _country)
del _country, _name


def canonical_country(name: str) -> str | None:
    """The UN's canonical name for a State named in any common way, or None if not a State."""
    country = COUNTRY_INDEX.get(country_key(name))
    return country.name if country else None


def country_by_name(name: str) -> Country | None:
    """The State named `name` (any alias), or None."""
    return COUNTRY_INDEX.get(country_key(name))
