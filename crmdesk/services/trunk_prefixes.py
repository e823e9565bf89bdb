"""The trunk prefix of every calling code, as phonenumbers' metadata gives it (9.0.43).

A search's matched phone (the number shown in the list when digits were typed) and the
numbers' search tokens need the national form of a stored number ('+442079460018' ->
'02079460018'), and so the trunk prefix of its country. Asking phonenumbers for it imports
the whole package: 110 ms, on the first phone search of the window, while the list repaints.
This table answers without it; tests/unit/test_search.py holds it equal to the metadata of
the phonenumbers installed, for every code from 1 to 999 (when a release of phonenumbers
changes one, regenerate it: the test prints how).
"""

from __future__ import annotations

#: Calling codes whose trunk prefix is '0'.
TRUNK_ZERO = frozenset({
    20, 27, 31, 32, 33, 40, 41, 43, 44, 46, 49, 51, 53, 54, 55, 57, 58, 60, 61, 62, 63,
    64, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98, 211, 212, 213, 218, 231, 232,
    233, 234, 243, 249, 250, 251, 252, 254, 255, 256, 260, 261, 262, 263, 264, 265, 291,
    353, 355, 358, 359, 370, 373, 374, 377, 380, 381, 382, 383, 385, 386, 387, 389, 421,
    423, 508, 590, 591, 593, 594, 595, 596, 598, 686, 850, 855, 856, 880, 886, 961, 962,
    963, 964, 966, 967, 970, 971, 972, 976, 977, 994, 995, 996})

#: Calling codes whose trunk prefix is another one.
TRUNK_OTHER = {7: '8', 36: '06', 375: '8', 692: '1', 993: '8'}

#: Calling codes without a trunk prefix (NANP's '1' is the country code itself).
NO_TRUNK = frozenset({
    1, 30, 34, 39, 45, 47, 48, 52, 56, 65, 216, 220, 221, 222, 223, 224, 225, 226, 227,
    228, 229, 230, 235, 236, 237, 238, 239, 240, 241, 242, 244, 245, 246, 247, 248, 253,
    257, 258, 266, 267, 268, 269, 290, 297, 298, 299, 350, 351, 352, 354, 356, 357, 371,
    372, 376, 378, 420, 500, 501, 502, 503, 504, 505, 506, 507, 509, 592, 597, 599, 670,
    672, 673, 674, 675, 676, 677, 678, 679, 680, 681, 682, 683, 685, 687, 688, 689, 690,
    691, 800, 808, 852, 853, 870, 878, 881, 882, 883, 888, 960, 965, 968, 973, 974, 975,
    979, 992, 998})


def trunk_prefix(country_code: int) -> str | None:
    """'0' for 44, '' for 1, None for a number that is no calling code."""
    if country_code in TRUNK_ZERO:
        return "0"
    if country_code in NO_TRUNK:
        return ""
    return TRUNK_OTHER.get(country_code)
