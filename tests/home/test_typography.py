"""French non-breaking spaces in rendered HTML: the text changes, the markup never does."""

import pytest
from django.template import Context, Template
from django.utils.safestring import mark_safe

from home.typography import french_spacing

NARROW = "\u202f"
NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("Pourquoi ?", f"Pourquoi{NARROW}?"),
        ("Enfin !", f"Enfin{NARROW}!"),
        ("un ; deux", f"un{NARROW}; deux"),
        ("Besoins : tout", f"Besoins{NBSP}: tout"),
        ("« mot »", f"«{NBSP}mot{NBSP}»"),
        ("«mot»", f"«{NBSP}mot{NBSP}»"),
        ("Vraiment  \n?", f"Vraiment{NARROW}?"),
        ("<p>Une <em>question</em> ?</p>", f"<p>Une <em>question</em>{NARROW}?</p>"),
        ("«<em>libre</em>»", f"«{NBSP}<em>libre</em>{NBSP}»"),
    ],
)
def test_spaces_in_text_become_non_breaking(html, expected):
    assert french_spacing(html) == expected


@pytest.mark.parametrize(
    "html",
    [
        "Rendez-vous à 10:30.",
        "https://example.org/page?x=1",
        "Voir https://example.org/?q=libre!",
        '<a href="https://example.org/?q=a ?" title="Une question ?">lien</a>',
        '<img alt="Pourquoi ? « mot »" src="/a.svg">',
        "<!-- une remarque ? -->",
        "<pre>x = a ? b : c</pre>",
        "<code>if a ; then b</code>",
        "<pre><code>a ? b</code> c ?</pre>",
        '<script>if (a < b && c ? d : e) { alert(" !") }</script>',
        "<style>a::after { content: ' !' }</style>",
        "<textarea>Mon message <b> ?</textarea>",
        "<kbd>Ctrl :</kbd>",
    ],
)
def test_markup_urls_times_and_code_are_left_alone(html):
    assert french_spacing(html) == html


def test_text_after_code_and_script_is_spaced_again():
    html = "<code>a ?</code> b ? <script>x ? y</script> c !"
    assert french_spacing(html) == f"<code>a ?</code> b{NARROW}? <script>x ? y</script> c{NARROW}!"


def test_tags_written_inside_a_script_are_not_read_as_markup():
    html = '<script>const open = "<pre>";</script> Et ensuite ?'
    assert french_spacing(html) == f'<script>const open = "<pre>";</script> Et ensuite{NARROW}?'


def test_a_script_tag_in_an_attribute_does_not_stop_the_spacing():
    html = '<a title="<pre> ?">Oui ?</a> non ?'
    assert french_spacing(html) == f'<a title="<pre> ?">Oui{NARROW}?</a> non{NARROW}?'


def test_spaces_already_right_stay_right_and_the_wrong_kind_is_corrected():
    right = f"Pourquoi{NARROW}? Besoins{NBSP}: «{NBSP}mot{NBSP}»"
    assert french_spacing(right) == right
    assert french_spacing("Pourquoi&nbsp;? Là&#160;!") == f"Pourquoi{NARROW}? Là{NARROW}!"
    assert french_spacing(f"Besoins{NARROW}:") == f"Besoins{NBSP}:"


def test_entities_ending_in_a_semicolon_are_not_spaced():
    html = "Tom &amp; Jerry, l&#x27;association ; suite"
    assert french_spacing(html) == f"Tom &amp; Jerry, l&#x27;association{NARROW}; suite"


def render(source, **context):
    return Template("{% load typography_tags %}" + source).render(Context(context))


def test_filter_escapes_plain_text_before_spacing():
    rendered = render("{{ title|french_typography }}", title="<b>Qui ?</b> & « nous »")
    assert rendered == f"&lt;b&gt;Qui{NARROW}?&lt;/b&gt; &amp; «{NBSP}nous{NBSP}»"


def test_filter_keeps_safe_html_as_markup():
    body = mark_safe('<p class="lead">Et après ?</p>')
    assert render("{{ body|french_typography }}", body=body) == (
        f'<p class="lead">Et après{NARROW}?</p>'
    )


def test_filter_block_spaces_rendered_blocks():
    rendered = render(
        '{% filter french_typography %}<a href="/?q=1">Lien :</a>{{ text }}{% endfilter %}',
        text="Oui !",
    )
    assert rendered == f'<a href="/?q=1">Lien{NBSP}:</a>Oui{NARROW}!'
