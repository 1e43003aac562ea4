#!/usr/bin/env python3
"""End-to-end test of `naraprint watch --serve` in a real headless browser.

Starts the preview on a temporary copy of the project's leaflet, opens it in Debian's
chromium (driven over the DevTools protocol on a pipe: no extra Python packages), and checks
what a communicator sees:
  1. both pages are shown;
  2. a word changed in the YAML appears in the page (the page tree's text and a new SVG);
     the scroll position is kept;
  3. a clicked text shows its id and file:line, with the source lines;
  4. a broken YAML shows the error overlay with file:line over the last good pages;
     fixed, the overlay goes away;
  5. the language can be switched on the page;
  6. the server answers only on loopback, refuses `..` and files the render did not read,
     and other Host names.
Screenshots are kept in the artifacts folder. Exit status 0 when every check passed.

  preview_e2e.py --binary .build/debug/naraprint --repo . --artifacts .build/test-artifacts
"""
import argparse
import base64
import fcntl
import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)
    print(f"  ok: {message}", flush=True)


class Chromium:
    """chromium --headless with --remote-debugging-pipe: JSON commands on fd 3, answers and
    events on fd 4, each message ended by a NUL byte."""

    def __init__(self, executable, width=1400, height=900):
        self.profile = tempfile.mkdtemp(prefix="naraprint-chromium-")
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()
        # Above 4, so that placing them at 3 and 4 in the child cannot overwrite either.
        high_r, high_w = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD, 10), fcntl.fcntl(from_browser_w, fcntl.F_DUPFD, 10)
        os.close(to_browser_r)
        os.close(from_browser_w)
        to_browser_r, from_browser_w = high_r, high_w

        def child_fds():
            os.dup2(to_browser_r, 3)
            os.dup2(from_browser_w, 4)

        self.process = subprocess.Popen(
            [executable, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-dev-shm-usage", "--hide-scrollbars", "--remote-debugging-pipe",
             f"--user-data-dir={self.profile}", f"--window-size={width},{height}", "about:blank"],
            # Kept open after `child_fds` placed them (the other inherited descriptors close).
            pass_fds=(3, 4), preexec_fn=child_fds,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.buffer = b""
        self.next_id = 0
        self.session = None
        target = self.call("Target.createTarget", {"url": "about:blank"}, browser=True)["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True}, browser=True)["sessionId"]
        self.call("Page.enable")
        self.call("Runtime.enable")
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})

    def call(self, method, params=None, browser=False, timeout=60):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if self.session and not browser:
            message["sessionId"] = self.session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.time() + timeout
        while time.time() < deadline:
            while b"\0" in self.buffer:
                raw, self.buffer = self.buffer.split(b"\0", 1)
                answer = json.loads(raw)
                if answer.get("id") == self.next_id:
                    if "error" in answer:
                        raise Failure(f"{method}: {answer['error']}")
                    return answer.get("result", {})
            chunk = os.read(self.from_browser, 1 << 20)
            if not chunk:
                raise Failure("chromium closed the DevTools pipe")
            self.buffer += chunk
        raise Failure(f"no answer to {method} in {timeout} s")

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise Failure(f"{expression}: {result['exceptionDetails'].get('text')}")
        return result["result"].get("value")

    def wait_for(self, expression, what, timeout=60):
        deadline = time.time() + timeout
        last = None
        while time.time() < deadline:
            try:
                if self.evaluate(expression):
                    return
            except Failure as e:
                last = e  # the page may be loading (no body yet): try again
            time.sleep(0.2)
        raise Failure(f"timed out waiting for {what}" + (f" (last: {last})" if last else ""))

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", {"format": "png"})["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))
        print(f"  screenshot: {path}", flush=True)

    def click(self, x, y):
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1})

    def close(self):
        try:
            self.call("Browser.close", browser=True, timeout=5)
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


def http(url, host=None):
    request = urllib.request.Request(url)
    if host:
        request.add_header("Host", host)
    try:
        with urllib.request.urlopen(request, timeout=10) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--repo", required=True)
    parser.add_argument("--artifacts", required=True)
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = parser.parse_args()
    os.makedirs(args.artifacts, exist_ok=True)

    project = tempfile.mkdtemp(prefix="naraprint-preview-")
    for sub in ("layouts", "assets"):
        shutil.copytree(os.path.join(args.repo, sub), os.path.join(project, sub))
    leaflet = os.path.join(project, "layouts", "vad-ar-nara-vard.yaml")
    original = open(leaflet, encoding="utf-8").read()

    env = dict(os.environ, NO_COLOR="1", NARAPRINT_FONTS=os.path.join(args.repo, "fonts"))
    log_path = os.path.join(project, "watch.log")
    log = open(log_path, "wb")
    watch = subprocess.Popen([args.binary, "watch", "layouts/vad-ar-nara-vard.yaml", "-o", "blad.pdf", "--serve", "--port", "0"],
                             cwd=project, env=env, stdout=log, stderr=log)
    browser = None
    try:
        base = None
        deadline = time.time() + 60
        while time.time() < deadline and base is None:
            m = re.search(r"preview: (http://127\.0\.0\.1:(\d+)/)", open(log_path, encoding="utf-8", errors="replace").read())
            if m:
                base, port = m.group(1), int(m.group(2))
            elif watch.poll() is not None:
                raise Failure("naraprint watch exited: " + open(log_path, errors="replace").read())
            time.sleep(0.1)
        check(base is not None, "watch --serve printed its address on 127.0.0.1")

        print("security", flush=True)
        status, _ = http(base + "api/source?file=../../../../etc/passwd&line=1")
        check(status == 403, f"a path with .. is refused (HTTP {status})")
        status, _ = http(base + "api/source?file=/etc/passwd&line=1")
        check(status == 403, f"a file the render did not read is refused (HTTP {status})")
        status, _ = http(base + "api/state", host="attacker.example:%d" % port)
        check(status == 421, f"another Host name is refused (HTTP {status})")
        others = [a for a in subprocess.run(["hostname", "-I"], capture_output=True, text=True).stdout.split() if ":" not in a]
        for address in others[:1]:
            s = socket.socket()
            s.settimeout(2)
            refused = s.connect_ex((address, port)) != 0
            s.close()
            check(refused, f"nothing answers on {address}:{port} (bound to loopback only)")

        browser = Chromium(args.chromium)
        browser.call("Page.navigate", {"url": base})
        print("pages", flush=True)
        browser.wait_for("document.body.dataset.state === 'ok' && document.querySelectorAll('#pages img[data-loaded]').length === 2",
                         "both pages to be shown")
        check(browser.evaluate("document.querySelectorAll('#thumbs img').length") == 2, "two thumbnails")
        browser.screenshot(os.path.join(args.artifacts, "preview-ok.png"))

        def svg_hashes():
            state = json.loads(http(base + "api/state")[1])
            # Cairo numbers its surfaces across the process (`<g id="surface216">`): that id aside,
            # the same page gives the same SVG.
            return [hashlib.sha256(re.sub(rb'id="surface\d+"', b"", http(base + p["svg"].lstrip("/"))[1])).hexdigest()
                    for p in state["pages"]], state

        before, state = svg_hashes()

        print("edit a word", flush=True)
        browser.evaluate("document.getElementById('pages').scrollTop = 300")
        scrolled = browser.evaluate("document.getElementById('pages').scrollTop")
        generation = browser.evaluate("document.body.dataset.pagesGeneration")
        word = "Blåbärsskogen"
        sentence = "Vi måste hitta nya sätt att arbeta på för att räcka till."
        check(sentence in original, "the leaflet has the sentence to edit")
        open(leaflet, "w", encoding="utf-8").write(original.replace(sentence, f"Vi måste hitta nya sätt i {word} för att räcka till."))
        browser.wait_for(f"document.body.dataset.pagesGeneration !== '{generation}' && document.body.dataset.state === 'ok'",
                         "the page to update after the save")
        browser.wait_for("[...document.querySelectorAll('#pages img')].every(i => i.dataset.src === i.src.replace(location.origin, ''))",
                         "the new drawings to be shown")
        texts = browser.evaluate("fetch('/api/state').then(r => r.json()).then(s => JSON.stringify(s.pages.map(p => p.blocks.map(b => b.text))))")
        check(word in texts, f"the new word {word} is in the page tree the preview shows")
        after, _ = svg_hashes()
        check(before[0] != after[0], "page 1's drawing changed")
        check(before[1] == after[1], "page 2's drawing did not change")
        kept = browser.evaluate("document.getElementById('pages').scrollTop")
        check(abs(kept - scrolled) < 2, f"the scroll position was kept ({scrolled} → {kept})")

        print("click-to-source", flush=True)
        browser.evaluate("document.getElementById('pages').scrollTop = 0")
        point = browser.evaluate("""(() => {
            const div = document.getElementById('page-1');
            const r = div.getBoundingClientRect();
            return fetch('/api/state').then(x => x.json()).then(st => {
              const p = st.pages[0];
              const b = p.blocks.find(b => b.text.includes('Blåbärsskogen'));
              return { x: r.left + (b.x + b.width / 2) / p.width * r.width, y: r.top + (b.y + b.height / 2) / p.height * r.height, id: b.item, line: b.line };
            });
          })()""")
        browser.click(point["x"], point["y"])
        browser.wait_for("!!document.getElementById('inspector').dataset.where && !!document.querySelector('#inspector pre')",
                         "the clicked text's source")
        where = browser.evaluate("document.getElementById('inspector').dataset.where")
        check(where == f"layouts/vad-ar-nara-vard.yaml:{point['line']}", f"the click shows where the text is written ({where})")
        shown = browser.evaluate("document.querySelector('#inspector pre .at i').textContent")
        check(shown == str(point["line"]), f"the source excerpt marks line {shown}")
        check(browser.evaluate("document.querySelectorAll('.page .mark').length") == 1, "the clicked block is marked on the page")
        browser.screenshot(os.path.join(args.artifacts, "preview-source.png"))

        print("broken YAML", flush=True)
        lines = original.replace(sentence, f"Vi måste hitta nya sätt i {word} för att räcka till.").split("\n")
        bad_line = next(i for i, l in enumerate(lines) if l.startswith("theme:")) + 1
        lines[bad_line - 1] = "theme: [theme.yaml"
        open(leaflet, "w", encoding="utf-8").write("\n".join(lines))
        browser.wait_for("document.body.dataset.state === 'error' && !document.getElementById('overlay').hidden",
                         "the error overlay")
        overlay = browser.evaluate("document.getElementById('overlay').textContent")
        check(re.search(r"layouts/vad-ar-nara-vard\.yaml:\d+:\d+", overlay) is not None, f"the overlay names file:line:column ({overlay[:120]!r})")
        check(browser.evaluate("document.querySelectorAll('#pages img[data-loaded]').length") == 2, "the last good pages stay visible")
        browser.screenshot(os.path.join(args.artifacts, "preview-error.png"))
        errors_printed = open(log_path, encoding="utf-8", errors="replace").read().count("not written")
        time.sleep(1.5)
        check(open(log_path, encoding="utf-8", errors="replace").read().count("not written") == errors_printed,
              "the error is printed once, not on every poll")

        print("fixed", flush=True)
        open(leaflet, "w", encoding="utf-8").write(original)
        browser.wait_for("document.body.dataset.state === 'ok' && document.getElementById('overlay').hidden", "the overlay to go away")

        print("language", flush=True)
        generation = browser.evaluate("document.body.dataset.pagesGeneration")
        browser.evaluate("(() => { const s = document.getElementById('locale'); s.value = 'en'; s.dispatchEvent(new Event('change')); })()")
        browser.wait_for(f"document.body.dataset.pagesGeneration !== '{generation}'", "the English render", timeout=60)
        state = json.loads(http(base + "api/state")[1])
        check(state["settings"]["locale"] == "en", "the page switched the render to English")
        check(browser.evaluate("document.documentElement.querySelector('#locale').value") == "en", "the language menu shows English")
        browser.screenshot(os.path.join(args.artifacts, "preview-en.png"))
        print("all preview checks passed", flush=True)
        return 0
    except Failure as e:
        print(f"FAILED: {e}", flush=True)
        if browser:
            try:
                browser.screenshot(os.path.join(args.artifacts, "preview-failure.png"))
            except Exception:
                pass
        print("--- watch log ---\n" + open(log_path, encoding="utf-8", errors="replace").read()[-4000:], flush=True)
        return 1
    finally:
        if browser:
            browser.close()
        watch.terminate()
        try:
            watch.wait(timeout=10)
        except subprocess.TimeoutExpired:
            watch.kill()
        shutil.rmtree(project, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
