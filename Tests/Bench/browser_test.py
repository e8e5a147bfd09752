#!/usr/bin/env python3
"""The pages of `scrutiny serve` driven in headless Chromium through selenium.

    python3 Tests/Bench/browser_test.py BASE_URL [--out bench-out/browser]

BASE_URL is a running server (Tests/Bench/browser.sh starts one on a small fixture
corpus). Checks, each printed PASS or FAIL with what it saw:

  a. a search typed into the index page's own form with a space (`Child protection`):
     the box, the heading and the title show the words with a space (never `+`), and
     results are listed;
  b. a quoted phrase with an apostrophe typed into the form: box and heading show it
     exactly as typed, results listed, each with the phrase's words together and in order;
  c. an indicator page opened from the results: its chart is an inline <svg> whose actual
     line (one polyline per council) has one point per dated period of the series table;
     and on every indicator page of the index the chart's date labels do not overlap;
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
    hits = search_results(driver, check, PHRASE)
    # A phrase: every hit has its words together and in order (the snippet shows where), or
    # its snippet (at most 16 words) is cut off inside the phrase: `… for children…`.
    words = [w + r"\w*" for w in re.findall(r"\w+", PHRASE.lower())]
    together = re.compile(r"\W+".join(words))
    cut = re.compile(r"\b" + "(?:" + "|".join(r"\W+".join(words[:n]) for n in range(1, len(words))) + r")…$")
    shown = [h.text.lower().replace("’", "'") for h in hits]
    apart = [t.splitlines()[-1] for t in shown if not together.search(t) and not cut.search(t)]
    cut_off = sum(1 for t in shown if not together.search(t) and cut.search(t))
    check.expect(hits and not apart, f"{len(hits) - len(apart)} of {len(hits)} hits have the words as a phrase"
                 + (f" ({cut_off} with the snippet cut off inside it)" if cut_off else "")
                 + (f"; not: {apart[:3]}" if apart else ""))
    html = driver.page_source
    check.expect("&amp;#39;" not in html and "&amp;quot;" not in html, "no double-escaped quote or apostrophe in the page")
    check.note("screenshot " + screenshot(driver, out, "b-search-phrase"))
    return check


def table_rows(driver, first_headers):
    """The rows of the page's table whose header starts with `first_headers`, as dicts of
    header → cell text (and `_id` → the row's id); None when there is no such table."""
    return driver.execute_script("""
        for (const table of document.querySelectorAll('main table')) {
            const header = Array.from(table.querySelectorAll('thead th')).map(th => th.textContent.trim());
            if (arguments[0].some((h, i) => header[i] !== h)) continue;
            return Array.from(table.querySelectorAll('tbody tr')).map(tr => {
                const row = {_id: tr.id};
                Array.from(tr.cells).forEach((td, i) => row[header[i]] = td.textContent.trim());
                return row;
            });
        }
        return null;""", first_headers)


def series_rows(driver):
    """The indicator page's series table."""
    return table_rows(driver, ["Council", "Period", "Actual"]) or []


def series_key(row):
    """The chart's line for a series row: the council, or for an unrecognised council the
    paper (`? source`: such a paper's figures are never joined to another paper's)."""
    council = row.get("Council", "")
    if council in ("", "–"):
        return "? " + re.sub(r" p\.\d+$", "", row.get("From", ""))
    return council


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

    # Expected: per line (council), the dated periods with an actual figure (the series table's rows).
    rows = series_rows(driver)
    per_council = {}
    for r in rows:
        if ISO_DATE.match(r.get("Period", "")) and FIGURE.match(r.get("Actual", "")):
            per_council.setdefault(series_key(r), set()).add(r["Period"])
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
    # Every line with two or more figures is drawn: the polylines' point counts are the series' period counts.
    expected = sorted(len(p) for p in per_council.values() if len(p) > 1)
    got = sorted(l["points"] for l in lines)
    check.expect(got == expected, f"polyline point counts {got} == dated periods per line {expected}")
    # Named councils by their legend colour (when the palette has not wrapped round).
    if len({l["colour"] for l in legend}) == len(legend):
        for entry in legend:
            periods = len(per_council.get(entry["name"], ()))
            if entry["name"] in per_council and periods > 1:
                check.expect(by_colour.get(entry["colour"]) == periods,
                             f"{entry['name']}: its polyline has {by_colour.get(entry['colour'])} points, "
                             f"the series {periods} dated periods")
    # Date labels on the x-axis (`Jun 2013`), measured as drawn.
    n, overlapping = label_overlaps(driver)
    check.expect(n > 0 and not overlapping, f"{n} x-axis date labels, none overlapping (measured bounding boxes)"
                 + (f": {overlapping}" if overlapping else ""))
    check.note("screenshot " + screenshot(driver, out, "c-indicator"))

    # Every indicator page of the index: the chart's date labels never overlap.
    driver.get(base + "/")
    hrefs = driver.execute_script("""
        return Array.from(new Set(Array.from(document.querySelectorAll('main a[href^="/indicator?"]')).map(a => a.href)));""")
    crowded = []
    for href in hrefs:
        driver.get(href)
        n, overlapping = label_overlaps(driver)
        if overlapping:
            crowded.append((href, n, overlapping))
    worst = max(crowded, key=lambda c: len(c[2]), default=None)
    check.expect(hrefs and not crowded, f"{len(hrefs)} indicator pages from the index: "
                 + (f"{len(crowded)} with overlapping date labels, e.g. {urllib.parse.unquote(worst[0].split('?', 1)[1])}: "
                    f"{worst[2][:4]}" if crowded else "no overlapping date labels"))
    if worst:
        driver.get(worst[0])
        check.note("screenshot of the worst " + screenshot(driver, out, "c-indicator-overlapping-labels"))
    return check


def label_overlaps(driver):
    """The chart's x-axis date labels (`Jun 2013`) as drawn: how many, and the overlapping pairs."""
    labels = driver.execute_script("""
        const svg = document.querySelector('div.chart > svg');
        if (!svg) return [];
        return Array.from(svg.querySelectorAll('text'))
            .filter(t => t.classList.contains('x-label') || /^[A-Z][a-z]{2} \\d{4}$/.test(t.textContent))
            .map(t => { const b = t.getBBox(); return {x: b.x, w: b.width, text: t.textContent}; })
            .sort((a, b) => a.x - b.x);""")
    pairs = [f"{a['text']}/{b['text']}" for a, b in zip(labels, labels[1:]) if a["x"] + a["w"] > b["x"]]
    return len(labels), pairs


def check_document(driver, base, out):
    check = Check("d. document page: records with page numbers, #page-N anchors for each page")
    driver.get(base + "/")
    hrefs = driver.execute_script("""
        return Array.from(document.querySelectorAll('main table tbody tr a[href^="/document/"]')).map(a => a.getAttribute('href'));""")
    if not check.expect(bool(hrefs), f"{len(hrefs)} documents on the index"):
        return check
    # The paper whose records lie on the most pages (text exports have none).
    best, best_pages = None, 0
    for href in hrefs:
        driver.get(base + href)
        rows = table_rows(driver, ["Page", "Code"]) or []
        pages = {r["Page"] for r in rows if r["Page"].isdigit()}
        if len(pages) > best_pages:
            best, best_pages = href, len(pages)
    if not check.expect(best is not None, f"a paper with page numbers on its records ({best_pages} pages)"):
        return check
    driver.get(base + "/")
    driver.find_element(By.CSS_SELECTOR, f"main a[href='{best}']").click()
    wait_for_page(driver, "/document/")
    doc_path = urllib.parse.urlsplit(driver.current_url).path
    rows = table_rows(driver, ["Page", "Code"])
    if not check.expect(rows is not None, "records table with a Page column"):
        return check
    check.note(f"opened {doc_path} from the index ({driver.find_element(By.TAG_NAME, 'h1').text})")
    numbered = [r for r in rows if r["Page"].isdigit()]
    check.expect(len(rows) > 0 and len(numbered) == len(rows), f"{len(rows)} record rows, {len(numbered)} with a page number")
    pages = list(dict.fromkeys(int(r["Page"]) for r in numbered))
    first_rows = {}
    for i, r in enumerate(numbered):
        first_rows.setdefault(int(r["Page"]), i)
    wrong = [p for p in pages if numbered[first_rows[p]]["_id"] != f"page-{p}"]
    extra = [r["_id"] for i, r in enumerate(numbered) if r["_id"] and i not in first_rows.values()]
    check.expect(not wrong, f"pages with records {pages}: the first row of each has id=page-N" + (f" (missing: {wrong})" if wrong else ""))
    check.expect(not extra, "no other row has an id" + (f" (extra: {extra})" if extra else ""))
    for p in pages:
        driver.get(f"{base}{doc_path}#page-{p}")
        wait_for_page(driver, "/document/")
        target = driver.execute_script("const t = document.querySelector(':target'); return t && [t.tagName, t.id, t.getBoundingClientRect().top];")
        check.expect(bool(target) and target[0] == "TR" and target[1] == f"page-{p}",
                     f"/document/…#page-{p} targets {target[:2] if target else None}, row top at {round(target[2]) if target else '—'} px")
    # A page link from a search hit lands on an anchor too.
    type_into_page_form(driver, base, SEARCH_WORDS)
    hits = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "ol.hits a[href*='#page-']")]
    landed = 0
    for hit in hits:
        driver.get(hit)
        wait_for_page(driver, "/document/")
        frag = urllib.parse.urlsplit(hit).fragment
        record_pages = {f"page-{r['Page']}" for r in table_rows(driver, ["Page", "Code"]) or []}
        if frag not in record_pages:
            continue     # a hit in the text of a page without records: the link opens the paper at its top
        target = driver.execute_script("const t = document.querySelector(':target'); return t && t.id;")
        check.expect(target == frag, f"search hit link …{urllib.parse.urlsplit(hit).path[-8:]}#{frag} lands on its row ({target})")
        landed += 1
        if landed == 3:
            break
    check.note(f"{len(hits)} search hits link to a page; {landed} of them (to pages with records) checked")
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
