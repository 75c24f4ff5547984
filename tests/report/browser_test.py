#!/usr/bin/python3
"""The report in a real browser: Debian's chromium, headless, loads
report.html from a file with the network shut off; a font with Chinese
glyphs is installed and the screenshot is not blank, the DOM text holds
every target with the figures of the --json output, the console shows no
error, and printing to PDF works.

usage: browser_test.py ZJCREDIT DATA_DIR WORK_DIR LOANS_CSV
Fails (exit 1) when chromium is missing: `make test` installs it.
"""
import html.parser
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

zjcredit, data, work, loans = sys.argv[1:5]
os.makedirs(work, exist_ok=True)
chromium = shutil.which("chromium") or shutil.which("chromium-browser")
if not chromium:
    sys.exit("FAIL: chromium is not installed (make deps installs it)")
# Without a font that has Chinese glyphs the screenshot shows boxes for every
# heading, and the test would pass on a page nobody could read.
if not subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout.strip():
    sys.exit("FAIL: no font with Chinese glyphs (make deps installs fonts-wqy-microhei)")


def fail(msg):
    sys.exit("FAIL: " + msg)


def run(*args):
    r = subprocess.run(args, capture_output=True, timeout=60)
    if r.returncode != 0:
        fail(" ".join(args) + " exited " + str(r.returncode) + ": " + r.stderr.decode(errors="replace"))
    return r


obs = os.path.join(data, "observations")
ledgers = os.path.join(data, "ledgers")
page = os.path.join(work, "report.html")
subsidies = os.path.join(work, "subsidies.json")
run(zjcredit, "subsidy", loans, "--json", "-o", subsidies)
inputs = ["--observations", obs, "--ledger", ledgers, "--subsidies", subsidies]
run(zjcredit, "report", *inputs, "-o", page)
doc = json.loads(run(zjcredit, "report", *inputs, "--json").stdout)


def browse(target, *extra):
    """One headless chromium run on `target`; returns stderr (its log)."""
    with tempfile.TemporaryDirectory() as profile:
        r = subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + profile,
             "--no-first-run", "--disable-background-networking", "--disable-extensions",
             "--host-resolver-rules=MAP * ~NOTFOUND",  # no network, even if the page asked
             "--enable-logging=stderr", "--v=0", *extra, target],
            capture_output=True, timeout=40, cwd=work)
    if r.returncode != 0:
        fail("chromium " + " ".join(extra) + " exited " + str(r.returncode) + ": " + r.stderr.decode(errors="replace")[-2000:])
    return r


def png_pixels(path):
    """IHDR size and the inflated image data of a PNG (zlib + struct only)."""
    with open(path, "rb") as f:
        b = f.read()
    if b[:8] != b"\x89PNG\r\n\x1a\n":
        fail(path + " is not a PNG")
    pos, idat, size = 8, b"", None
    while pos < len(b):
        n, kind = struct.unpack(">I4s", b[pos:pos + 8])
        body = b[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            size = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    return size, zlib.decompress(idat)


url = "file://" + os.path.abspath(page)
page_uri = url

# 1. The screenshot is not blank: a blank page's image data holds only a few
# byte values (white and the row filters); the report's, many. The blank
# render shows the check can fail.
blank = os.path.join(work, "blank.html")
with open(blank, "w") as f:
    f.write("<!DOCTYPE html><html><body></body></html>")
log = []
for name, target in (("shot.png", page_uri), ("blank.png", "file://" + os.path.abspath(blank))):
    out = os.path.join(work, name)
    if os.path.exists(out):
        os.remove(out)
    log.append(browse(target, "--screenshot=" + out, "--window-size=1200,1600").stderr.decode(errors="replace"))
    if not os.path.exists(out):
        fail("no screenshot " + name)
(size, pixels), (bsize, bpixels) = png_pixels(os.path.join(work, "shot.png")), png_pixels(os.path.join(work, "blank.png"))
if size != (1200, 1600):
    fail("screenshot size " + str(size))
distinct, blank_distinct = len(set(pixels)), len(set(bpixels))
if blank_distinct > 8:
    fail("the blank render is not blank (%d byte values): the check proves nothing" % blank_distinct)
if distinct < 64 or pixels == bpixels:
    fail("the screenshot looks blank: %d distinct byte values" % distinct)

# 2. The DOM text: every target, with the figures of the JSON.
r = browse(page_uri, "--dump-dom")
log.append(r.stderr.decode(errors="replace"))
dom = r.stdout.decode()


class Cards(html.parser.HTMLParser):
    """The text of each element with data-target or data-standing (headline)."""

    def __init__(self):
        super().__init__()
        self.stack, self.text = [], {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        key = None
        if "data-target" in a:
            key = "target:" + a["data-target"]
        elif tag == "div" and "data-standing" in a:
            key = "headline:" + a["data-standing"]
        self.stack.append((tag, key))
        if key:
            self.text[key] = ""

    def handle_endtag(self, tag):
        while self.stack:
            t, _ = self.stack.pop()
            if t == tag:
                break

    def handle_data(self, d):
        for _, key in self.stack:
            if key:
                self.text[key] += d + "\x1f"


cards = Cards()
cards.feed(dom)
if len(doc["targets"]) != 16:
    fail("expected the plan's 16 targets in the JSON, got %d" % len(doc["targets"]))
for t in doc["targets"]:
    text = cards.text.get("target:" + t["id"])
    if text is None:
        fail("target %s is not in the DOM" % t["id"])
    cells = text.split("\x1f")
    for key in ("actual", "threshold", "margin"):
        if t[key] is not None and t[key] not in cells:
            fail("target %s: %s %s not in the DOM text %r" % (t["id"], key, t[key], cells))
    for key in ("projected", "pace_achieved", "pace_needed"):
        v = t["warning"][key]
        if v is not None and v not in cells:
            fail("target %s: %s %s not in the DOM text" % (t["id"], key, v))
    if t["standing_zh"] not in cells:
        fail("target %s: standing %s not in the DOM" % (t["id"], t["standing_zh"]))
for key, n in doc["headline"].items():
    if key == "total":
        continue
    text = cards.text.get("headline:" + key, "")
    if str(n) not in text.split("\x1f"):
        fail("headline %s: %d not in %r" % (key, n, text))
for u in doc["compliance"]["units"]:
    if u["unit_name"] not in dom:
        fail("compliance grid lacks " + u["unit_name"])
total = doc["subsidies"]["total"]["amount"]
section = dom[dom.find('id="subsidies"'):]
if not dom.count('id="subsidies"') or ">" + total + "<" not in section:
    fail("the subsidy total %s is not in the page's subsidy section" % total)

# 3. No console errors, in any run.
for entry in log:
    for line in entry.splitlines():
        if "Uncaught" in line or "ERROR:CONSOLE" in line or ":CONSOLE(" in line:
            fail("console: " + line)

# 4. Print to PDF.
pdf = os.path.join(work, "report.pdf")
if os.path.exists(pdf):
    os.remove(pdf)
browse(page_uri, "--print-to-pdf=" + pdf, "--no-pdf-header-footer")
with open(pdf, "rb") as f:
    head = f.read(5)
if head != b"%PDF-":
    fail("the PDF starts with %r" % head)
print("ok: screenshot %d distinct byte values (blank %d); %d targets in the DOM; PDF %d bytes"
      % (distinct, blank_distinct, len(doc["targets"]), os.path.getsize(pdf)))
