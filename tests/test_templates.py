"""Page classes on <body> live in their own namespace, apart from components' classes.

A profile once had `<body class="provider">`, which the `.provider` component rule of the
directory's CSS squeezed into 736 px on every desktop screen. Body classes start with
`page-`, and no element other than <body> wears a `page-` class.
"""

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
BODY_CLASS = re.compile(r"{%\s*block body_class\s*%}(.*?){%\s*endblock")
CLASS_ATTRIBUTE = re.compile(r'class="([^"{]*)"')


def templates():
    return sorted(TEMPLATES.rglob("*.html"))


def test_body_classes_start_with_page():
    wrong = {
        f"{path.relative_to(TEMPLATES)} : {name}"
        for path in templates()
        for block in BODY_CLASS.findall(path.read_text(encoding="utf-8"))
        for name in block.split()
        if not name.startswith("page-")
    }
    assert not wrong, "Classes de <body> sans le préfixe « page- » :\n" + "\n".join(sorted(wrong))


def test_no_component_wears_a_page_class():
    wrong = {
        f"{path.relative_to(TEMPLATES)} : {name}"
        for path in templates()
        for value in CLASS_ATTRIBUTE.findall(path.read_text(encoding="utf-8"))
        for name in value.split()
        if name.startswith("page-")
    }
    assert not wrong, "Classes « page- » hors de <body> :\n" + "\n".join(sorted(wrong))
