"""EcoIndex (ecoindex.fr, by GreenIT): a page's environmental grade from three figures, its
number of DOM elements, of requests, and its weight in kilobytes (images included).

Each figure is placed among the quantiles of a reference sample of web pages; the weighted
mean (DOM 3, requests 2, weight 1) gives a score out of 100 and a grade from A to G. The
quantiles and thresholds are those of the reference implementation (ecoindex_python).
"""

QUANTILES_DOM = [
    0,
    47,
    75,
    159,
    233,
    298,
    358,
    417,
    476,
    537,
    603,
    674,
    753,
    843,
    949,
    1076,
    1237,
    1459,
    1801,
    2479,
    594601,
]
QUANTILES_REQUESTS = [
    0,
    2,
    15,
    25,
    34,
    42,
    49,
    56,
    63,
    70,
    78,
    86,
    95,
    105,
    117,
    130,
    147,
    170,
    205,
    281,
    3920,
]
QUANTILES_KILOBYTES = [
    0,
    1.37,
    144.7,
    319.53,
    479.46,
    631.97,
    783.38,
    937.91,
    1098.62,
    1265.47,
    1448.32,
    1648.27,
    1876.08,
    2142.06,
    2465.37,
    2866.31,
    3401.59,
    4155.73,
    5400.08,
    8037.54,
    223212.26,
]
# A score above the threshold earns the grade.
GRADES = [("A", 80), ("B", 70), ("C", 55), ("D", 40), ("E", 25), ("F", 10), ("G", 0)]


def _position(quantiles, value):
    for index in range(1, len(quantiles)):
        if value < quantiles[index]:
            low, high = quantiles[index - 1], quantiles[index]
            return index - 1 + (value - low) / (high - low)
    return len(quantiles) - 1


def score(dom_elements, requests, kilobytes):
    mean = (
        3 * _position(QUANTILES_DOM, dom_elements)
        + 2 * _position(QUANTILES_REQUESTS, requests)
        + _position(QUANTILES_KILOBYTES, kilobytes)
    ) / 6
    return round(100 - 5 * mean, 1)


def grade(value):
    return next(letter for letter, threshold in GRADES if value > threshold or letter == "G")
