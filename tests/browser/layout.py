"""How a page is laid out at a given width: what spans the viewport, what overflows, what
overlaps text; and a full-page screenshot of it when one of these is wrong, kept as a file of
the test run (of every page at every width when BROWSER_SCREENSHOTS names a folder: a full-page
PNG costs about 0.3 s, a tenth of the gates' time for fifty pictures nobody looks at when the
gates pass).

Measured during the page's visit with JavaScript (inspection.py), by resizing the window from
one width to the next, as when a visitor narrows it: the site's layout depends on CSS media
queries only, never on a width read by a script at load time, so the page is laid out as it
would be if loaded at that width, without a visit per width.

A provider's profile once filled only the left 736 px of a desktop screen (a page class
collided with a card's CSS rule) and no gate noticed: these measures would have.
"""

import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

WIDTHS = {"ordinateur": 1280, "mobile": 390}
HEIGHT = 900
SCREENSHOT_DIR = Path(os.environ.get("BROWSER_SCREENSHOTS", ".pytest_cache/browser/screenshots"))
EVERY_SCREENSHOT = bool(os.environ.get("BROWSER_SCREENSHOTS"))

# Boxes of the page's landmarks and of every line of visible text, measured in the page.
# Text rectangles come from text nodes (one per line), so a block that merely contains text
# does not count as overlapping it; controls and images count as boxes that may cover text.
MEASURE_JS = r"""
() => {
    const width = document.documentElement.clientWidth;
    const describe = el => el.tagName.toLowerCase()
        + (el.id ? '#' + el.id : '')
        + (el.className && typeof el.className === 'string'
            ? '.' + el.className.trim().split(/\s+/).join('.') : '');
    const landmark = selector => {
        const el = document.querySelector(selector);
        if (!el) return null;
        const box = el.getBoundingClientRect();
        return {left: box.left, right: box.right};
    };
    // False also inside a closed <details>, whose text still has boxes under its summary.
    const visible = el => el.checkVisibility({visibilityProperty: true, opacityProperty: true});
    const boxes = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const owner = node.parentElement;
        if (!node.textContent.trim() || !visible(owner)) continue;
        // Visually hidden text (a 1 px clipped box) is for screen readers only.
        const ownerBox = owner.getBoundingClientRect();
        if (ownerBox.width < 3 || ownerBox.height < 3) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) {
            if (r.width < 3 || r.height < 3) continue;
            boxes.push({owner: owner, text: node.textContent.trim().slice(0, 30),
                        left: r.left, right: r.right, top: r.top, bottom: r.bottom});
        }
    }
    const controls = 'img, video, iframe, input:not([type=hidden]), select, textarea, button';
    for (const el of document.querySelectorAll(controls)) {
        const r = el.getBoundingClientRect();
        if (r.width < 3 || r.height < 3 || !visible(el)) continue;
        boxes.push({owner: el, text: '', left: r.left, right: r.right, top: r.top,
                    bottom: r.bottom});
    }
    const overlaps = [];
    const MARGIN = 2;  // anti-aliasing and line-height rounding
    for (let i = 0; i < boxes.length && overlaps.length < 5; i++) {
        for (let j = i + 1; j < boxes.length && overlaps.length < 5; j++) {
            const a = boxes[i], b = boxes[j];
            if (!a.text && !b.text) continue;  // two controls side by side are not text
            if (a.owner === b.owner || a.owner.contains(b.owner) || b.owner.contains(a.owner))
                continue;
            const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
            const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
            if (x > MARGIN && y > MARGIN) {
                overlaps.push(`« ${a.text || describe(a.owner)} » (${describe(a.owner)}) et `
                    + `« ${b.text || describe(b.owner)} » (${describe(b.owner)})`);
            }
        }
    }
    return {
        viewport: width,
        scrollWidth: document.documentElement.scrollWidth,
        header: landmark('body > header, header[role=banner], .site-header'),
        main: landmark('main'),
        footer: landmark('body > footer, footer[role=contentinfo], .site-footer'),
        overlaps: overlaps,
    };
}
"""


@dataclass(frozen=True)
class Layout:
    """What one page looks like at one width."""

    width: int
    viewport: int
    scroll_width: int
    landmarks: dict
    overlaps: list
    screenshot: Path | None = None

    def problems(self):
        """What the layout gates (test_layout.py) refuse in this layout, in French."""
        problems = self.spanning_problems()
        if self.scroll_width > self.viewport:
            problems.append(f"{self.scroll_width} px de large pour {self.viewport} px d'écran")
        return problems + self.overlaps

    def spanning_problems(self):
        """A printable document (no header and no footer, by design) only needs its main."""
        problems = self.landmarks_not_spanning()
        if self.landmarks["header"] is None and self.landmarks["footer"] is None:
            problems = [p for p in problems if "<main>" in p]
        return problems

    def landmarks_not_spanning(self):
        """Header, main and footer each run from the left edge to the right edge."""
        problems = []
        for name, box in self.landmarks.items():
            if box is None:
                problems.append(f"pas de <{name}>")
            elif box["left"] > 1 or box["right"] < self.viewport - 1:
                problems.append(
                    f"<{name}> de {box['left']:.0f} à {box['right']:.0f} px sur {self.viewport}"
                )
        return problems


def screenshot_path(label, device):
    slug = re.sub(r"[^\w-]+", "-", label).strip("-").lower()
    return SCREENSHOT_DIR / f"{slug}--{device}.png"


def measure_at_each_width(page, site_page):
    """{device: Layout} for a loaded `page`; its window is back at the first width after."""
    layouts = {device: measure(page, site_page, device) for device in WIDTHS}
    page.set_viewport_size({"width": next(iter(WIDTHS.values())), "height": HEIGHT})
    return layouts


def measure(page, site_page, device):
    """Resize the window of a loaded `page` to the width of `device` and measure the page
    there; save a full-page screenshot if the layout has a problem (or if all are asked for)."""
    width = WIDTHS[device]
    page.set_viewport_size({"width": width, "height": HEIGHT})
    measures = page.evaluate(MEASURE_JS)
    layout = Layout(
        width=width,
        viewport=measures["viewport"],
        scroll_width=measures["scrollWidth"],
        landmarks={name: measures[name] for name in ("header", "main", "footer")},
        overlaps=measures["overlaps"],
    )
    if not (EVERY_SCREENSHOT or layout.problems()):
        return layout
    path = screenshot_path(site_page.label, device)
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)
    return replace(layout, screenshot=path)
