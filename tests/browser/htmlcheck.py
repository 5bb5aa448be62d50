"""A parser-based HTML check: html5lib's parse errors (unclosed or misnested elements, stray end
tags, bad attributes) and duplicate ids."""

from collections import Counter

import html5lib


def html_problems(html):
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    document = parser.parse(html)
    problems = [
        f"ligne {line}, colonne {column} : {code} {data or ''}".strip()
        for (line, column), code, data in parser.errors
    ]
    ids = Counter(element.get("id") for element in document.iter() if element.get("id"))
    problems += [
        f"id « {value} » utilisé {count} fois" for value, count in ids.items() if count > 1
    ]
    return problems
