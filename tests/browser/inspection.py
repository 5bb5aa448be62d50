"""One visit of a page in Chromium, with and without JavaScript, and everything the gates read.

Each page is visited once per mode and the figures are kept, so that each gate is a cheap
assertion over every page and the whole browser suite stays fast.
"""

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from tests.browser import ecoindex
from tests.browser.layout import measure_at_each_width

AXE_PATH = Path(__file__).parent / "vendor" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ACTION_TIMEOUT_MS = 5000

# A short description of an element for failure messages.
DESCRIBE_JS = """
el => el.tagName.toLowerCase()
    + (el.id ? '#' + el.id : '')
    + (el.getAttribute('name') ? '[name=' + el.getAttribute('name') + ']' : '')
    + (el.getAttribute('href') ? '[href=' + el.getAttribute('href') + ']' : '')
    + (el.textContent.trim() ? ' "' + el.textContent.trim().slice(0, 40) + '"' : '')
"""

HEADINGS_JS = """
() => Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6'))
    .map(h => [Number(h.tagName[1]), h.textContent.trim().slice(0, 60)])
"""

FOCUSED_JS = f"""
() => {{
    const el = document.activeElement;
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return {{
        element: ({DESCRIBE_JS})(el),
        href: el.getAttribute('href'),
        isSkipLink: el.classList.contains('skip-link'),
        onScreen: box.width > 0 && box.height > 0 && box.top >= 0 && box.bottom <= innerHeight,
        outlined: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
        isMain: el.tagName === 'MAIN',
        mainId: document.querySelector('main') ? document.querySelector('main').id : null,
    }};
}}
"""

# Focus every focusable element (keyboard modality is on after a Tab) and compare its look with
# the unfocused one: an element that looks the same when focused has no visible focus.
INVISIBLE_FOCUS_JS = f"""
() => {{
    const describe = {DESCRIBE_JS};
    const look = el => {{
        const s = getComputedStyle(el);
        return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor,
                s.color, s.borderColor, s.textDecorationLine].join('|');
    }};
    const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, '
        + '[tabindex]:not([tabindex="-1"])';
    const invisible = [];
    for (const el of document.querySelectorAll(selector)) {{
        if (el.disabled || !el.getClientRects().length) continue;
        const before = look(el);
        el.focus();
        if (document.activeElement !== el) continue;
        if (look(el) === before) invisible.push(describe(el));
        el.blur();
    }}
    return invisible;
}}
"""

UNLABELLED_CONTROLS_JS = f"""
() => Array.from(document.querySelectorAll('input, select, textarea'))
    .filter(el => !['hidden', 'submit', 'button', 'reset', 'image'].includes(el.type))
    .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
        && !el.getAttribute('aria-labelledby') && !el.getAttribute('title'))
    .map({DESCRIBE_JS})
"""

FORMS_JS = """
() => Array.from(document.forms).map((form, index) => ({
    index,
    method: (form.getAttribute('method') || 'get').toLowerCase(),
    action: form.getAttribute('action') || '',
    fields: Array.from(form.elements).map(el => el.name).filter(Boolean),
    required: Array.from(form.elements).some(el => el.required),
}))
"""

AXE_RUN_JS = """
async tags => {
    // Violations only: the gates read nothing else, and axe then spares describing the nodes
    // of every rule that passes or does not apply.
    const result = await axe.run(document, {
        runOnly: {type: 'tag', values: tags},
        resultTypes: ['violations'],
    });
    return result.violations.map(v => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')),
    }));
}
"""


@dataclass
class PageReport:
    """What a visit with JavaScript found on one page."""

    status: int
    html: str
    requests: int = 0
    bytes_without_images: int = 0
    bytes_total: int = 0
    dom_elements: int = 0
    foreign_requests: list = field(default_factory=list)
    cookies: list = field(default_factory=list)
    iframes: int = 0
    headings: list = field(default_factory=list)
    first_tab_stop: dict = field(default_factory=dict)
    after_skip_link: dict = field(default_factory=dict)
    invisible_focus: list = field(default_factory=list)
    unlabelled_controls: list = field(default_factory=list)
    forms: list = field(default_factory=list)
    axe_violations: list = field(default_factory=list)
    script_errors: list = field(default_factory=list)
    layouts: dict = field(default_factory=dict)

    @property
    def kilobytes(self):
        return self.bytes_without_images / 1024

    @property
    def ecoindex(self):
        return ecoindex.score(self.dom_elements, self.requests, self.bytes_total / 1024)


@dataclass
class NoScriptReport:
    """What a visit without JavaScript found on one page."""

    status: int
    main_text: str
    h1_count: int
    forms: list


def open_context(browser, base_url, *, javascript=True, foreign=None):
    """A fresh browser context on the live server: other hosts blocked (and noted in `foreign`),
    short timeouts so that a broken page fails fast."""
    context = browser.new_context(base_url=base_url, java_script_enabled=javascript)
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    own = urlsplit(base_url).netloc
    foreign = [] if foreign is None else foreign

    def handle(route):
        if urlsplit(route.request.url).netloc == own:
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    context.route("**/*", handle)
    return context


def _transferred(request):
    """Bytes received for one request (headers and encoded body); 0 if it never completed."""
    if request.failure is not None or request.response() is None:
        return 0
    sizes = request.sizes()
    return sizes["responseHeadersSize"] + sizes["responseBodySize"]


def visit_with_javascript(browser, base_url, site_pages):
    """{page: PageReport}, every page visited in one tab of one context: a context per page
    made Chromium start and tear down a renderer process for each.

    Each page is still a first visit: its cookies (CSRF, session) are cleared before it, the
    site keeps nothing else in the browser, and routing (which blocks other hosts) turns the
    HTTP cache off. It loads at a fresh tab's size, not at the one the previous page's layout
    measures left, so that the same lazy images load as on a first visit."""
    foreign = []
    context = open_context(browser, base_url, foreign=foreign)
    tab = context.new_page()
    fresh_tab_size = tab.viewport_size
    try:
        reports = {}
        for site_page in site_pages:
            context.clear_cookies()
            tab.set_viewport_size(fresh_tab_size)
            reports[site_page] = inspect_page(tab, site_page, foreign)
        return reports
    finally:
        context.close()


def inspect_page(page, site_page, foreign):
    """Load the page in the open tab `page` and read everything the gates check: the sobriety
    figures as loaded, then the layout at each width, then the keyboard and axe-core.

    `foreign` lists the requests to other hosts that the tab's context blocked: the report keeps
    those made from here on. The listeners added here are removed at the end: left on a tab
    reused for the next pages, they would add those pages' errors to this page's report."""
    requests, errors = [], []
    first_foreign = len(foreign)

    def on_request(request):
        requests.append(request)

    def on_page_error(error):
        errors.append(str(error))

    page.on("request", on_request)
    page.on("pageerror", on_page_error)
    response = page.goto(site_page.path, wait_until="load")
    report = PageReport(status=response.status, html=response.text())
    report.requests = len(requests)
    report.bytes_without_images = sum(
        _transferred(request) for request in requests if request.resource_type != "image"
    )
    report.bytes_total = sum(_transferred(request) for request in requests)
    report.dom_elements = page.evaluate("document.getElementsByTagName('*').length")
    report.iframes = page.locator("iframe").count()
    report.cookies = page.context.cookies()
    report.headings = page.evaluate(HEADINGS_JS)
    report.unlabelled_controls = page.evaluate(UNLABELLED_CONTROLS_JS)
    report.forms = page.evaluate(FORMS_JS)
    # Before the keyboard steps, so that no focus ring shows in the screenshots.
    report.layouts = measure_at_each_width(page, site_page)
    page.keyboard.press("Tab")
    report.first_tab_stop = page.evaluate(FOCUSED_JS)
    if (report.first_tab_stop["href"] or "").startswith("#"):
        page.keyboard.press("Enter")
    report.after_skip_link = page.evaluate(FOCUSED_JS)
    report.invisible_focus = page.evaluate(INVISIBLE_FOCUS_JS)
    report.axe_violations = run_axe(page)
    report.foreign_requests = foreign[first_foreign:]
    report.script_errors = errors
    page.remove_listener("request", on_request)
    page.remove_listener("pageerror", on_page_error)
    return report


def run_axe(page):
    """The WCAG 2.1 A/AA violations axe-core finds on the page as it is now.

    axe-core is evaluated through the browser's devtools protocol: the site's CSP refuses an
    inline <script> tag (which is what `add_script_tag` inserts), but does not govern this.
    """
    page.evaluate(AXE_PATH.read_text())
    return page.evaluate(AXE_RUN_JS, AXE_TAGS)


def visit_without_javascript(browser, base_url, site_pages):
    """{page: NoScriptReport}, every page read in one tab without JavaScript: nothing read here
    depends on a first visit (cookies, cache), so one context serves them all."""
    context = open_context(browser, base_url, javascript=False)
    tab = context.new_page()
    try:
        return {site_page: read_without_javascript(tab, site_page) for site_page in site_pages}
    finally:
        context.close()


def read_without_javascript(tab, site_page):
    response = tab.goto(site_page.path, wait_until="load")
    main = tab.locator("main")
    return NoScriptReport(
        status=response.status,
        main_text=main.inner_text() if main.count() == 1 else "",
        h1_count=tab.locator("h1").count(),
        forms=tab.evaluate(FORMS_JS),
    )
