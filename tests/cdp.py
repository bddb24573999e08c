"""The built book opened in headless Chromium through the DevTools protocol over
a pipe (``--remote-debugging-pipe``): no port, no network, no package beyond
Chromium.

`Browser` loads a page at a width in a colour scheme and measures it; `Book`
keeps, for the test session, every measurement of a page taken on its two
loads (see `Book.page`), so the reader's tests (test_reader.py) and the
typesetting tests (test_book.py) share them instead of loading a page again.
"""

import json
import os
import shutil
import subprocess
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
HTML = Path(os.environ.get("NNLIT_HTML", ROOT / "_build" / "html"))
PROBE = (HERE / "reader.js").read_text(encoding="utf-8")
COPY = (HERE / "copy.js").read_text(encoding="utf-8")
# Click the page's own colour-mode switch (light, dark or auto).
SWITCH = ("document.querySelector('.theme-change-button[data-mode=\"{}\"]').click(),"
          " document.documentElement.dataset.theme;")
# Before following a new colour preference: the theme's colour transitions are
# turned off, so the page shows its final colours at once (what is measured is
# where the page ends, not the 150 ms fade on its way there).
STILL = """(() => {
  const style = document.createElement("style");
  style.textContent = "*, *::before, *::after { transition: none !important; }";
  document.head.appendChild(style);
})()"""
# Resolve once the page shows the scheme `want` (the theme follows the reader's
# preference through a media-query listener) and two more frames are drawn; or
# after two seconds, leaving the test to say what it saw.
SETTLE = """new Promise(resolve => {{
  const start = performance.now();
  const frames = n => n ? requestAnimationFrame(() => frames(n - 1)) : resolve();
  const poll = () => document.documentElement.dataset.theme === "{want}"
      || performance.now() - start > 2000 ? frames(2) : requestAnimationFrame(poll);
  poll();
}})"""


def chromium():
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        pytest.fail("Chromium is missing: apt-get install chromium fonts-noto-cjk")
    return exe


def offline(cmd):
    """Run cmd with no network at all where the kernel allows it (root)."""
    if shutil.which("unshare") and subprocess.run(
            ["unshare", "-n", "true"], capture_output=True).returncode == 0:
        return ["unshare", "-n", *cmd]
    return cmd


def headless(profile, *extra):
    """The headless Chromium command line, offline."""
    return offline([chromium(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", f"--user-data-dir={profile}", *extra])


def page_path(lang, page):
    path = HTML / lang / f"{page}.html"
    assert path.exists(), f"{path} is missing: build the book first (make docs)"
    return path


class Browser:
    """One Chromium process; `open` loads a page at a width in a colour scheme."""

    def __init__(self):
        self._profile = tempfile.TemporaryDirectory()
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()
        os.set_inheritable(to_chrome_r, True)
        os.set_inheritable(from_chrome_w, True)

        def fds():  # Chromium reads commands from fd 3 and answers on fd 4
            os.dup2(to_chrome_r, 3)
            os.dup2(from_chrome_w, 4)

        cmd = headless(self._profile.name, "--remote-debugging-pipe", "--hide-scrollbars",
                       "--allow-file-access-from-files")
        self._proc = subprocess.Popen(cmd, preexec_fn=fds, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL, close_fds=False)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buffer, self._id, self._events = b"", 0, []
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.send("Target.attachToTarget", targetId=target,
                                 flatten=True)["sessionId"]
        self.send("Page.enable", session=True)

    def _read(self):
        while b"\0" not in self._buffer:
            chunk = os.read(self._from_chrome, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def send(self, method, session=False, **params):
        self._id += 1
        message = {"id": self._id, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]
            self._events.append(reply.get("method"))

    def evaluate(self, expression):
        """The value of a JS expression in the page (promises are awaited)."""
        result = self.send("Runtime.evaluate", session=True, expression=expression,
                           awaitPromise=True, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression[:80]}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def open(self, path, width=1280, height=900, dark=False, query=""):
        """Load `path` at `width` CSS pixels (a phone below 600), light or dark,
        and wait until MathJax has typeset the page."""
        self.send("Emulation.setDeviceMetricsOverride", session=True, width=width,
                  height=height, deviceScaleFactor=1, mobile=width < 600)
        self.prefer(dark, settle=False)
        self._events.clear()
        self.send("Page.navigate", session=True, url=path.as_uri() + query)
        while "Page.loadEventFired" not in self._events:
            self._events.append(self._read().get("method"))
        self.evaluate("(window.MathJax && MathJax.startup ? MathJax.startup.promise"
                      " : Promise.resolve()).then(() => document.fonts.ready)"
                      ".then(() => new Promise(r => setTimeout(r, 50)))")
        return self

    def prefer(self, dark, settle=True):
        """Set the reader's colour-scheme preference; with `settle`, wait until
        the open page has followed it (see SETTLE)."""
        self.send("Emulation.setEmulatedMedia", session=True, features=[
            {"name": "prefers-color-scheme", "value": "dark" if dark else "light"}])
        if settle:
            self.evaluate(SETTLE.format(want="dark" if dark else "light"))

    def follow(self, dark):
        """On an open page: turn the reader's preference to dark (or light) and
        wait until the page has followed it."""
        self.evaluate(STILL)
        self.prefer(dark)

    def screenshot(self, out, full_page=False):
        import base64

        params = {"format": "png"}
        if full_page:
            params["captureBeyondViewport"] = True
            size = self.evaluate("[document.documentElement.scrollWidth,"
                                 " document.documentElement.scrollHeight]")
            params["clip"] = {"x": 0, "y": 0, "width": size[0], "height": size[1], "scale": 1}
        data = self.send("Page.captureScreenshot", session=True, **params)["data"]
        out.write_bytes(base64.b64decode(data))

    def close(self):
        try:
            self.send("Browser.close")
        except RuntimeError:
            pass
        os.close(self._to_chrome)
        os.close(self._from_chrome)
        self._proc.wait(timeout=30)
        self._profile.cleanup()


class Book:
    """What a reader gets on each page of the built book, for one test session.

    Two browsers measure pages side by side, one page each at a time (a page
    load is mostly MathJax at work, on one core of the machine's two):
    `measure` queues pages, `page` waits for one. `browser` is a third, for the
    tests that drive a page themselves."""

    WORKERS = 2

    def __init__(self):
        self._pool = ThreadPoolExecutor(self.WORKERS, thread_name_prefix="page")
        self._local = threading.local()
        self._browsers, self._pages, self._own = [], {}, None

    @property
    def browser(self):
        if self._own is None:
            self._own = Browser()
        return self._own

    def measure(self, pairs):
        """Queue the (language, page) pairs not measured yet."""
        for lang, page in pairs:
            if (lang, page) not in self._pages:
                self._pages[lang, page] = self._pool.submit(self._measure, page_path(lang, page))

    def page(self, lang, page):
        """What a reader gets on `page` in `lang`, keyed (width, "light"|"dark"),
        and the typeset DOM under "dom". Two loads measure all four views:

        - 1280 px, loaded in light: measured, DOM kept; the preference turned to
          dark and measured again (the page must follow a reader who switches
          while reading); then the copy buttons and the page's own colour
          switch are clicked (last, as clicking changes the page);
        - 390 px, loaded in dark: measured; then the preference turned to light
          and measured again.

        So every page is loaded fresh in each scheme, and followed live into
        the other."""
        self.measure([(lang, page)])
        return self._pages[lang, page].result()

    def _measure(self, path):
        if not hasattr(self._local, "browser"):
            self._local.browser = Browser()
            self._browsers.append(self._local.browser)
        b, seen = self._local.browser, {}
        b.open(path, width=1280, dark=False)
        seen[1280, "light"] = b.evaluate(PROBE)
        seen["dom"] = b.evaluate("document.documentElement.outerHTML")
        b.follow(dark=True)
        seen[1280, "dark"] = b.evaluate(PROBE)
        light = seen[1280, "light"]  # the buttons' tests, kept with the light view's
        light["copy"] = b.evaluate(COPY)
        light["switched"] = [b.evaluate(SWITCH.format(m)) for m in ("dark", "light")]
        light["switched_background"] = b.evaluate(SWITCH.format("dark") + PROBE)["background"]
        b.evaluate(SWITCH.format("auto") + "localStorage.clear()")
        b.open(path, width=390, dark=True)
        seen[390, "dark"] = b.evaluate(PROBE)
        b.follow(dark=False)
        seen[390, "light"] = b.evaluate(PROBE)
        return seen

    def close(self):
        self._pool.shutdown(cancel_futures=True)
        for browser in [*self._browsers, *([self._own] if self._own else [])]:
            browser.close()
