#!/usr/bin/env python3
"""The pages of `scrutiny serve` driven in headless Chromium through selenium.

    python3 Tests/Bench/browser_test.py BASE_URL [--out bench-out/browser]

BASE_URL is a running server (Tests/Bench/browser.sh starts one on a small fixture
corpus). Checks, each printed PASS or FAIL with what it saw:

  a. a search typed into the index page's own form with a space (`Child protection`):
     the box, the heading and the title show the words with a space (never `+`), and
     results are listed;
  b. a quoted phrase with an apostrophe typed into the form: box and heading show it
     exactly as typed, results listed;
  c. an indicator page opened from the results: its chart is an inline <svg> whose actual
     line (one polyline per council) has one point per dated period of the series table;
  d. a document page lists its records with page numbers, the first record row of each
     page carries id="page-N", and /document/ID#page-N lands on it (`:target`);
  e. an unknown path is a 404 (status seen by the browser and by a plain HTTP client) and
     shows the site's Not found page.

A screenshot of each page goes to OUT (bench-out/ is gitignored). Exit status 1 when a
check fails, 2 when the browser cannot be started.
"""
import argparse
import json
import os
import re
import shutil
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

SEARCH_WORDS = "Child protection"
PHRASE = "\"children's social care\""
WAIT_SECONDS = 15
WINDOW = (1280, 1000)
# SeriesChart.palette: one colour per council, in the legend.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A figure as SeriesChart.format writes it (1,234.5 or 1.2m); other cells are printed text, not plotted.
FIGURE = re.compile(r"^-?[\d,]+(\.\d+)?m?$")


class Check:
    """One named check: collects failures, prints PASS/FAIL with details."""

    def __init__(self, name):
        self.name, self.failures, self.notes = name, [], []

    def expect(self, ok, what):
        (self.notes if ok else self.failures).append(what)
        return ok

    def note(self, what):
        self.notes.append(what)

    @property
    def passed(self):
        return not self.failures

    def report(self):
        print(f"{'PASS' if self.passed else 'FAIL'}  {self.name}")
        for n in self.notes:
            print(f"      ok: {n}")
        for f in self.failures:
            print(f"    FAIL: {f}")
        sys.stdout.flush()


def chromium_paths():
    browser = next((p for p in (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")) if p), None)
    driver = shutil.which("chromedriver") or next(
        (p for p in ("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver") if os.path.exists(p)), None)
    return browser, driver


def start_browser():
    options = Options()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                f"--window-size={WINDOW[0]},{WINDOW[1]}", "--lang=en-GB"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    browser, driver = chromium_paths()
    if browser:
        options.binary_location = browser
    service = Service(executable_path=driver) if driver else Service()
    return webdriver.Chrome(options=options, service=service)


def screenshot(driver, out, name):
    """A full-page PNG: the window stretched to the page's height for the shot."""
    path = os.path.join(out, name + ".png")
    height = driver.execute_script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")
    try:
        driver.set_window_size(WINDOW[0], min(max(height + 40, WINDOW[1]), 8000))
        driver.save_screenshot(path)
    finally:
        driver.set_window_size(*WINDOW)
    return path


def wait_for_page(driver, path_prefix):
    WebDriverWait(driver, WAIT_SECONDS).until(
        lambda d: urllib.parse.urlsplit(d.current_url).path.startswith(path_prefix)
        and d.execute_script("return document.readyState") == "complete")


def type_into_page_form(driver, base, text):
    """Types `text` into the search box of the index page's own form (in <main>) and submits it."""
    driver.get(base + "/")
    box = driver.find_element(By.CSS_SELECTOR, "main form.search input[name=q]")
    box.clear()
    box.send_keys(text)
    box.send_keys(Keys.ENTER)
    wait_for_page(driver, "/search")


def search_results(driver, check, typed):
    """Shared checks of a search page reached from the form with `typed` in the box."""
    url = driver.current_url
    query = urllib.parse.urlsplit(url).query
    check.expect(urllib.parse.parse_qs(query).get("q") == [typed], f"the form sent q={typed!r} ({query})")
    boxes = driver.find_elements(By.CSS_SELECTOR, "main form.search input[name=q]")
    value = boxes[0].get_attribute("value") if boxes else None
    check.expect(value == typed, f"box shows {value!r}")
    summary = driver.find_element(By.CSS_SELECTOR, "main p.muted").text
    check.expect(f"“{typed}”" in summary and "+" not in summary, f"heading line: {summary!r}")
    title = driver.title
    check.expect(title.startswith(f"Search: {typed}") and "+" not in title, f"title: {title!r}")
    hits = driver.find_elements(By.CSS_SELECTOR, "ol.hits > li")
    check.expect(len(hits) > 0, f"{len(hits)} results listed")
    marks = driver.find_elements(By.CSS_SELECTOR, "ol.hits mark")
    check.expect(len(marks) > 0, f"{len(marks)} matched words marked")
    return hits


def check_search_words(driver, base, out):
    check = Check(f"a. search typed into the page's form: {SEARCH_WORDS}")
    type_into_page_form(driver, base, SEARCH_WORDS)
    search_results(driver, check, SEARCH_WORDS)
    check.note("screenshot " + screenshot(driver, out, "a-search-words"))
    return check


def check_search_phrase(driver, base, out):
    check = Check(f"b. quoted phrase with an apostrophe typed into the form: {PHRASE}")
    type_into_page_form(driver, base, PHRASE)
    search_results(driver, check, PHRASE)
    html = driver.page_source
    check.expect("&amp;#39;" not in html and "&amp;quot;" not in html, "no double-escaped quote or apostrophe in the page")
    check.note("screenshot " + screenshot(driver, out, "b-search-phrase"))
    return check


def series_rows(driver):
    """The indicator page's series table as dicts of header → cell text."""
    tables = driver.find_elements(By.CSS_SELECTOR, "main table")
    for table in tables:
        header = [th.text.strip() for th in table.find_elements(By.CSS_SELECTOR, "thead th")]
        if header[:3] == ["Council", "Period", "Actual"]:
            return [dict(zip(header, (td.text.strip() for td in tr.find_elements(By.TAG_NAME, "td"))))
                    for tr in table.find_elements(By.CSS_SELECTOR, "tbody tr")]
    return []


def check_indicator(driver, base, out):
    check = Check("c. indicator page from the results: inline SVG chart, one polyline point per period")
    # The indicator hits of the word search, the one with the most dated figures first.
    type_into_page_form(driver, base, SEARCH_WORDS)
    links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "ol.hits a[href^='/indicator']")]
    if not check.expect(bool(links), f"{len(links)} indicator links in the results"):
        return check
    chosen, best = None, -1
    for href in dict.fromkeys(links):      # visit each, keep the richest series; the click below is the real path
        driver.get(href)
        dated = sum(1 for r in series_rows(driver) if ISO_DATE.match(r.get("Period", "")) and FIGURE.match(r.get("Actual", "")))
        if dated > best:
            chosen, best = href, dated
    type_into_page_form(driver, base, SEARCH_WORDS)
    link = next(a for a in driver.find_elements(By.CSS_SELECTOR, "ol.hits a[href^='/indicator']")
                if a.get_attribute("href") == chosen)
    link.click()
    wait_for_page(driver, "/indicator")
    check.note(f"opened {urllib.parse.unquote(urllib.parse.urlsplit(driver.current_url).query)} "
               f"({driver.find_element(By.TAG_NAME, 'h1').text})")
    svgs = driver.find_elements(By.CSS_SELECTOR, "div.chart > svg")
    if not check.expect(len(svgs) == 1, f"{len(svgs)} inline <svg> in div.chart"):
        return check
    svg = svgs[0]
    check.expect(driver.execute_script("return arguments[0] instanceof SVGSVGElement && arguments[0].ownerDocument === document", svg),
                 "the chart is an SVG element of the page itself (not an <img> or <object>)")
    size = svg.size
    check.expect(size["width"] > 100 and size["height"] > 100, f"chart drawn at {size['width']}×{size['height']} px")

    # Expected: per council, the dated periods with an actual figure (the series table's rows).
    rows = series_rows(driver)
    per_council = {}
    for r in rows:
        if ISO_DATE.match(r.get("Period", "")) and FIGURE.match(r.get("Actual", "")):
            per_council.setdefault(r["Council"], set()).add(r["Period"])
    check.expect(bool(per_council), f"series table: {len(rows)} rows, "
                 + ", ".join(f"{c}: {len(p)} dated periods" for c, p in sorted(per_council.items())))
    # Actual lines: solid polylines (targets are dashed); the chart draws one per council with ≥ 2 figures.
    lines = driver.execute_script("""
        return Array.from(arguments[0].querySelectorAll('polyline'))
            .filter(p => !p.getAttribute('stroke-dasharray'))
            .map(p => ({colour: p.getAttribute('stroke'), points: p.points.numberOfItems}));""", svg)
    legend = driver.execute_script("""
        // Legend: a coloured line followed by the council's name, in the chart's order.
        const out = [];
        for (const t of arguments[0].querySelectorAll('text')) {
            const prev = t.previousElementSibling;
            if (prev && prev.tagName === 'line' && arguments[1].includes(prev.getAttribute('stroke')))
                out.push({colour: prev.getAttribute('stroke'), name: t.textContent});
        }
        return out;""", svg, PALETTE)
    by_colour = {l["colour"]: l["points"] for l in lines}
    check.expect(len(lines) >= 1, f"{len(lines)} actual polyline(s): " + ", ".join(str(l["points"]) for l in lines) + " points")
    unknown = [c for c in per_council if c in ("", "–")]
    if unknown or len(legend) != len(per_council) or len({l["colour"] for l in legend}) != len(legend):
        # Councils not named: compare totals over the lines drawn.
        expected = sum(len(p) for p in per_council.values() if len(p) > 1)
        got = sum(by_colour.values())
        check.expect(got == expected, f"polyline points {got} == dated periods {expected} (totals)")
    else:
        for entry in legend:
            name = entry["name"]
            council = next((c for c in per_council if c == name or (name.endswith("…") and c.startswith(name[:-1]))), None)
            periods = len(per_council.get(council, ()))
            got = by_colour.get(entry["colour"], 0 if periods < 2 else None)
            check.expect(got == (periods if periods > 1 else 0),
                         f"{name}: polyline has {got} points, series has {periods} dated periods")
    labels = driver.execute_script("""
        return Array.from(arguments[0].querySelectorAll('text.x-label')).map(t => t.getBBox())
            .map(b => ({x: b.x, w: b.width}));""", svg)
    overlaps = [(a, b) for a, b in zip(labels, labels[1:]) if a["x"] + a["w"] > b["x"]]
    check.expect(labels and not overlaps, f"{len(labels)} x-axis date labels, none overlapping (measured bounding boxes)")
    check.note("screenshot " + screenshot(driver, out, "c-indicator"))
    return check


def check_document(driver, base, out):
    check = Check("d. document page: records with page numbers, #page-N anchors for each page")
    driver.get(base + "/")
    # The paper with the most records on the most pages: its link from the index.
    docs = driver.execute_script("""
        const rows = Array.from(document.querySelectorAll('main table tbody tr'));
        return rows.filter(r => r.querySelector('a[href^="/document/"]'))
            .map(r => ({href: r.querySelector('a[href^="/document/"]').getAttribute('href'),
                        records: parseInt(r.cells[r.cells.length - 1].textContent) || 0}));""")
    if not check.expect(bool(docs), f"{len(docs)} documents on the index"):
        return check
    best = max(docs, key=lambda d: d["records"])
    driver.find_element(By.CSS_SELECTOR, f"main a[href='{best['href']}']").click()
    wait_for_page(driver, "/document/")
    doc_path = urllib.parse.urlsplit(driver.current_url).path
    check.note(f"opened {doc_path} ({driver.find_element(By.TAG_NAME, 'h1').text}, {best['records']} records)")
    info = driver.execute_script("""
        const h = Array.from(document.querySelectorAll('main h2')).find(h => h.textContent.startsWith('Records'));
        let el = h && h.nextElementSibling;
        const table = el && el.querySelector('table');
        if (!table) return null;
        const header = Array.from(table.querySelectorAll('thead th')).map(th => th.textContent.trim());
        const rows = Array.from(table.querySelectorAll('tbody tr')).map(tr => ({page: tr.cells[0].textContent.trim(), id: tr.id}));
        return {header, rows};""")
    if not check.expect(info is not None and info["header"][:1] == ["Page"], "records table with a Page column"):
        return check
    rows = info["rows"]
    numbered = [r for r in rows if r["page"].isdigit()]
    check.expect(len(rows) > 0 and len(numbered) == len(rows), f"{len(rows)} record rows, {len(numbered)} with a page number")
    pages = list(dict.fromkeys(int(r["page"]) for r in numbered))
    first_rows = {}
    for i, r in enumerate(numbered):
        first_rows.setdefault(int(r["page"]), i)
    wrong = [p for p in pages if numbered[first_rows[p]]["id"] != f"page-{p}"]
    extra = [r["id"] for i, r in enumerate(numbered) if r["id"] and i not in first_rows.values()]
    check.expect(not wrong, f"pages with records {pages}: the first row of each has id=page-N" + (f" (missing: {wrong})" if wrong else ""))
    check.expect(not extra, "no other row has an id" + (f" (extra: {extra})" if extra else ""))
    landed = []
    for p in pages:
        driver.get(f"{base}{doc_path}#page-{p}")
        wait_for_page(driver, "/document/")
        target = driver.execute_script("const t = document.querySelector(':target'); return t && [t.tagName, t.id, t.getBoundingClientRect().top];")
        landed.append(bool(target) and target[1] == f"page-{p}")
        check.expect(bool(target) and target[0] == "TR" and target[1] == f"page-{p}",
                     f"/document/…#page-{p} targets {target[:2] if target else None}, row top at {round(target[2]) if target else '—'} px")
    # A page link from a search hit lands on an anchor too.
    type_into_page_form(driver, base, SEARCH_WORDS)
    hit = next((a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "ol.hits a[href*='#page-']")), None)
    if hit:
        driver.get(hit)
        wait_for_page(driver, "/document/")
        target = driver.execute_script("const t = document.querySelector(':target'); return t && t.id;")
        frag = urllib.parse.urlsplit(hit).fragment
        check.expect(target == frag, f"search hit link …#{frag} lands on its row ({target})")
    driver.get(f"{base}{doc_path}#page-{pages[-1]}" if pages else base + doc_path)
    check.note("screenshot " + screenshot(driver, out, "d-document"))
    return check


def browser_status(driver, url):
    """The HTTP status Chromium saw for `url` (from its performance log), or None."""
    try:
        for entry in driver.get_log("performance"):
            msg = json.loads(entry["message"])["message"]
            if msg.get("method") == "Network.responseReceived":
                resp = msg["params"]["response"]
                if resp.get("url") == url and msg["params"].get("type") == "Document":
                    return resp.get("status")
    except WebDriverException:
        return None
    return None


def check_not_found(driver, base, out):
    check = Check("e. unknown path: 404")
    url = base + "/no/such/page"
    try:
        driver.get_log("performance")     # drop earlier entries
    except WebDriverException:
        pass
    driver.get(url)
    status = browser_status(driver, url)
    check.expect(status == 404, f"the browser got status {status}")
    try:
        code = urllib.request.urlopen(url, timeout=10).status
    except urllib.error.HTTPError as e:
        code = e.code
    check.expect(code == 404, f"plain HTTP GET: {code}")
    h1 = driver.find_element(By.TAG_NAME, "h1").text
    check.expect(h1 == "Not found", f"page heading {h1!r}")
    check.note("screenshot " + screenshot(driver, out, "e-not-found"))
    return check


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("base", help="server address, e.g. http://127.0.0.1:8080")
    ap.add_argument("--out", default="bench-out/browser", help="folder for the screenshots")
    args = ap.parse_args()
    base = args.base.rstrip("/")
    os.makedirs(args.out, exist_ok=True)
    try:
        driver = start_browser()
    except WebDriverException as e:
        print(f"FAIL  cannot start headless Chromium: {e.msg}")
        return 2
    checks = []
    try:
        print(f"browser: {driver.capabilities.get('browserName')} {driver.capabilities.get('browserVersion')}, server {base}")
        driver.get(base + "/")
        print("index screenshot:", screenshot(driver, args.out, "index"))
        for fn in (check_search_words, check_search_phrase, check_indicator, check_document, check_not_found):
            started = time.monotonic()
            try:
                check = fn(driver, base, args.out)
            except Exception as e:       # a check that crashes is a failed check; the others still run
                check = Check(fn.__name__)
                check.expect(False, f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}")
                try:
                    check.note("screenshot " + screenshot(driver, args.out, fn.__name__ + "-error"))
                except WebDriverException:
                    pass
            check.note(f"{time.monotonic() - started:.1f} s")
            check.report()
            checks.append(check)
    finally:
        driver.quit()
    failed = [c.name for c in checks if not c.passed]
    print(f"\nbrowser test: {len(checks) - len(failed)}/{len(checks)} checks passed"
          + (f"; FAILED: {'; '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
