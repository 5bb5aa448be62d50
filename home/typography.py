"""French typography on rendered HTML: the non-breaking spaces a French reader expects.

Editors type "Pourquoi ?" or "« libre »" with ordinary spaces, so a line may break before the
question mark or after the opening guillemet. `french_spacing` fixes the text of an HTML
fragment, never its markup: tags, attributes, comments and the content of `<script>`, `<style>`,
`<pre>`, `<code>`, `<kbd>`, `<samp>` and `<textarea>` are left exactly as they are.

It only turns a space the author wrote into the right non-breaking one (and inserts one inside
guillemets), so "10:30", "https://…" and "index.php?page=2" are never touched.
"""

import re

NARROW_NBSP = "\u202f"
NBSP = "\u00a0"

# A tag (attributes may hold ">" inside quotes), a comment or a doctype.
_MARKUP = re.compile(r"<!--.*?-->|<(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.DOTALL)
_TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)")
_VERBATIM = frozenset({"script", "style", "pre", "code", "kbd", "samp", "textarea"})
_RAW_TEXT = frozenset({"script", "style", "textarea"})

# What counts as a space an author typed: ordinary spaces, both non-breaking ones, and their
# entities, as escaped text may hold them.
_SPACE = r"(?:[ \t\r\n\u00a0\u202f]|&nbsp;|&#160;|&#x[aA]0;)"
_BEFORE_HIGH_PUNCTUATION = re.compile(_SPACE + r"+(?=[;!?])")
_BEFORE_COLON = re.compile(_SPACE + r"+(?=:)")
_AFTER_OPENING_GUILLEMET = re.compile("«" + _SPACE + "*")
_BEFORE_CLOSING_GUILLEMET = re.compile(_SPACE + "*»")


def _space_text(text):
    text = _BEFORE_HIGH_PUNCTUATION.sub(NARROW_NBSP, text)
    text = _BEFORE_COLON.sub(NBSP, text)
    text = _AFTER_OPENING_GUILLEMET.sub("«" + NBSP, text)
    return _BEFORE_CLOSING_GUILLEMET.sub(NBSP + "»", text)


def french_spacing(html):
    """The fragment with non-breaking spaces in its text: narrow before ; ! ?, plain before :
    and inside « »."""
    pieces = []
    verbatim_depth = 0
    position = 0
    while position < len(html):
        markup = _MARKUP.search(html, position)
        end_of_text = markup.start() if markup else len(html)
        text = html[position:end_of_text]
        pieces.append(text if verbatim_depth else _space_text(text))
        if markup is None:
            break
        pieces.append(markup.group())
        position = markup.end()
        name = _TAG_NAME.match(markup.group())
        if name is None or name.group(2).lower() not in _VERBATIM:
            continue
        tag = name.group(2).lower()
        if name.group(1):
            verbatim_depth = max(verbatim_depth - 1, 0)
        elif tag in _RAW_TEXT:
            # Raw text may hold "<" that is not a tag: copy up to the closing tag as it is.
            closing = re.compile(rf"</{tag}\s*>", re.IGNORECASE).search(html, position)
            stop = closing.end() if closing else len(html)
            pieces.append(html[position:stop])
            position = stop
        elif not markup.group().endswith("/>"):
            verbatim_depth += 1
    return "".join(pieces)
