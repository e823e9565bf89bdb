"""Postal addresses laid out as each country's post writes them (UPU / national guides):
the United States and Canada, the United Kingdom, Spain, Germany, France, Italy, Japan,
and postcode-before-city for the rest of Europe and anywhere else."""

from __future__ import annotations

import unicodedata

from crmdesk.services.customers import PostalAddress

_COUNTRY = {
    "us": "US", "usa": "US", "u.s.a.": "US", "u.s.": "US", "united states": "US",
    "united states of america": "US", "estados unidos": "US", "ca": "CA", "canada": "CA",
    "gb": "GB", "uk": "GB", "u.k.": "GB", "united kingdom": "GB", "great britain": "GB",
    "england": "GB", "scotland": "GB", "wales": "GB", "northern ireland": "GB",
    "reino unido": "GB", "es": "ES", "spain": "ES", "españa": "ES", "espana": "ES",
    "de": "DE", "germany": "DE", "deutschland": "DE", "alemania": "DE", "fr": "FR",
    "france": "FR", "francia": "FR", "it": "IT", "italy": "IT", "italia": "IT", "jp": "JP",
    "japan": "JP", "日本": "JP", "japón": "JP", "nippon": "JP", "at": "AT", "austria": "AT",
    "österreich": "AT", "ch": "CH", "switzerland": "CH", "schweiz": "CH", "suisse": "CH",
    "au": "AU", "australia": "AU", "kr": "KR", "korea": "KR", "south korea": "KR",
    "대한민국": "KR", "한국": "KR", "cn": "CN", "china": "CN", "中国": "CN", "tw": "TW",
    "taiwan": "TW", "台灣": "TW", "台湾": "TW",
}


def country_code(country: str) -> str:
    """'United States of America' → 'US'; '' when it is not a country this module knows."""
    key = " ".join(country.strip().lower().split())
    return _COUNTRY.get(key, key.upper() if len(key) == 2 and key.isalpha() else "")


def _has_cjk(text: str) -> bool:
    return any(unicodedata.east_asian_width(ch) in ("W", "F") for ch in text)


def lines(address: PostalAddress) -> list[str]:
    """The address's lines, without the addressee, in the order of its country."""
    street = [x.strip() for x in address.street.splitlines() if x.strip()]
    city, region, postcode = address.city.strip(), address.region.strip(), \
        address.postcode.strip()
    code = country_code(address.country)
    country = address.country.strip().upper() if address.country.strip() else ""
    out: list[str]
    if code in ("US", "CA", "AU"):
        place = ", ".join(x for x in (city, " ".join(x for x in (region, postcode) if x)) if x)
        out = [*street, place]
    elif code == "GB":
        out = [*street, city.upper(), region, postcode.upper()]
    elif code == "JP" and _has_cjk(" ".join([*street, city, region])):
        # Japanese order: postcode, prefecture and city, then the rest of the address.
        out = [f"〒{postcode}" if postcode else "", f"{region}{city}", *street]
    elif code == "JP":
        out = [*street, ", ".join(x for x in (city, " ".join(
            x for x in (region, postcode) if x)) if x)]
    elif code in ("KR", "CN", "TW") and _has_cjk(" ".join([*street, city, region])):
        out = [f"{region}{city}", *street, postcode]
    elif code == "FR":
        out = [*street, " ".join(x for x in (postcode, city.upper()) if x)]
    elif code == "IT":
        out = [*street, " ".join(x for x in (postcode, city, region) if x)]
    elif code == "ES":
        province = f"({region})" if region and region.casefold() != city.casefold() else ""
        out = [*street, " ".join(x for x in (postcode, city, province) if x)]
    elif code in ("DE", "AT", "CH"):
        out = [*street, " ".join(x for x in (postcode, city) if x)]
    else:
        out = [*street, " ".join(x for x in (postcode, city) if x), region]
    if country:
        out.append(country)
    return [x for x in out if x]
