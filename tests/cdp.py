"""A page opened in headless Chromium through the DevTools protocol over a pipe
(``--remote-debugging-pipe``): no port, no network, no package beyond Chromium.

Used by the browser tests that must measure the laid-out page (widths, colours)
or click (the colour-mode switch, the copy buttons); ``test_book.render``
serves the tests that only need the final DOM.
"""

import json
import os
import subprocess
import tempfile

from test_book import headless


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

    def open(self, path, width=1280, height=900, dark=False):
        """Load `path` at `width` CSS pixels (a phone below 600), light or dark,
        and wait until MathJax has typeset the page."""
        self.send("Emulation.setDeviceMetricsOverride", session=True, width=width,
                  height=height, deviceScaleFactor=1, mobile=width < 600)
        self.send("Emulation.setEmulatedMedia", session=True, features=[
            {"name": "prefers-color-scheme", "value": "dark" if dark else "light"}])
        self._events.clear()
        self.send("Page.navigate", session=True, url=path.as_uri())
        while "Page.loadEventFired" not in self._events:
            self._events.append(self._read().get("method"))
        self.evaluate("(window.MathJax && MathJax.startup ? MathJax.startup.promise"
                      " : Promise.resolve()).then(() => document.fonts.ready)"
                      ".then(() => new Promise(r => setTimeout(r, 50)))")
        return self

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
