""""Did you mean …?": spelling suggestions for a search that finds nothing or little, taken
from the words of the names in the book (rapidfuzz over a compact, cached word list)."""

from __future__ import annotations

import re
import threading
from collections import Counter
from dataclasses import replace

from crmdesk.services.customer_query import CustomerFilter, customer_ids
from crmdesk.services.name_order import names_stamp
from crmdesk.services.search_index import fold
from crmdesk.store.db import db

_WORD = re.compile(r"[^\W\d_]+")
#: a search with at most this many hits gets suggestions too ("finds little")
FEW_HITS = 2
#: how alike (rapidfuzz ratio, 0-100) a name word must be to a typed word to be offered
CUTOFF = 75

_lock = threading.Lock()
_cache: dict[str, object] = {}


def _stamp() -> str:
    """Changes whenever a name on the list may have changed (name_order.names_stamp): any
    other write, an audit entry or a call logged, keeps the word list."""
    return names_stamp()


def name_words() -> list[str]:
    """Every word of the family and given names on the list, folded ('pena'), commonest
    first; read from the name index alone (a covering scan: ~30 ms at 100k customers) and
    cached until a customer is added, changed, archived or restored."""
    stamp = _stamp()
    with _lock:
        cached = _cache.get("words")
        if _cache.get("stamp") == stamp and isinstance(cached, list):
            return cached
    counts: Counter[str] = Counter()
    for key, times in db.execute_sql(
            "SELECT sort_name, count(*) FROM customer INDEXED BY customer_sort "
            "WHERE archived_at IS NULL GROUP BY sort_name"):
        for word in _WORD.findall(str(key)):
            if len(word) > 1:
                counts[word] += int(times)
    words = [w for w, _n in counts.most_common()]
    with _lock:
        _cache["words"], _cache["stamp"] = words, stamp
    return words


def spelling_of(key: str) -> str:
    """How the book writes the folded name word `key` ('pena' -> 'Peña'): its commonest
    spelling among a few customers whose name holds it."""
    seen: Counter[str] = Counter()
    for row in db.execute_sql(
            "SELECT c.given_name, c.family_name, c.preferred_name FROM customer_fts "
            "JOIN customer c ON c.id = customer_fts.rowid WHERE customer_fts MATCH ? LIMIT 20",
            (f'name : "{key}"',)):
        seen.update(w for value in row for w in _WORD.findall(str(value)) if fold(w) == key)
    return seen.most_common(1)[0][0] if seen else key


def suggestions(text: str, limit: int = 3) -> list[str]:
    """Corrected versions of `text` whose every word is (the start of) a name word in the
    book, best first; [] when the text is digits, an e-mail or already spelt as in the book.
    Each suggestion still has to be searched by the caller (it may find nothing with the
    filters set)."""
    text = text.strip()
    if not text or "@" in text or any(ch.isdigit() for ch in text):
        return []
    typed = _WORD.findall(text)
    if not typed or len(typed) > 4:
        return []
    from rapidfuzz import fuzz, process

    keys = name_words()
    known = set(keys)
    options: list[list[tuple[str, float]]] = []
    changed = False
    for word in typed:
        key = fold(word)
        if key in known or len(key) < 3:
            options.append([(word, 100.0)])
            continue
        found = process.extract(key, keys, scorer=fuzz.ratio, limit=limit,
                                score_cutoff=CUTOFF)
        if not found:
            return []
        options.append([(spelling_of(k), float(score)) for k, score, _i in found])
        changed = True
    if not changed:
        return []
    # The best choice for every word, then the runner-ups of one word at a time.
    best = [choices[0][0] for choices in options]
    out = [" ".join(best)]
    ranked = sorted(((score, i, candidate) for i, choices in enumerate(options)
                     for candidate, score in choices[1:]), reverse=True)
    for _score, i, candidate in ranked:
        alternative = " ".join(best[:i] + [candidate] + best[i + 1:])
        if alternative not in out:
            out.append(alternative)
    return out[:limit]


def did_you_mean(flt: CustomerFilter, hits: int, limit: int = 3) -> list[str]:
    """The suggestions for a search that found `hits` customers: only when it found nothing
    or little, and only those that find someone with the same filters (and the same rules
    on what the person may see)."""
    if hits > FEW_HITS or flt.archived:
        return []
    found = []
    for text in suggestions(flt.text, limit):
        same = fold(text) == fold(flt.text)
        if not same and customer_ids(replace(flt, text=text, sort="name"), limit=1):
            found.append(text)
    return found
