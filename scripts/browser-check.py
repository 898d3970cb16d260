#!/usr/bin/env python3
"""Opens a page in headless Chromium and reports what a user would see go wrong.

Drives Chromium over the DevTools protocol on a pipe (--remote-debugging-pipe: JSON messages
ending in NUL on file descriptors 3 and 4), so it needs nothing beyond Python and Debian's
`chromium`. Prints one JSON object: `errors` (console errors, uncaught exceptions, failed
loads), `values` (the result of each --eval), and writes --screenshot if asked.

Usage:
  browser-check.py URL [--width 1280 --height 900] [--mobile] [--wait-for JS]
                   [--eval NAME=JS ...] [--screenshot PATH] [--timeout 30]
Each JS is an expression; a Promise is awaited. --wait-for is polled until it is truthy.
"""
import argparse, base64, json, os, shutil, subprocess, sys, tempfile, time


class Browser:
    def __init__(self, binary):
        self.profile = tempfile.mkdtemp(prefix="medsynth-chromium-")
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()
        # The browser reads commands on fd 3 and writes replies on fd 4.
        def wire():
            # Copy first: either pipe end may already sit on fd 3 or 4.
            reader, writer = os.dup(to_browser_r), os.dup(from_browser_w)
            os.dup2(reader, 3)
            os.dup2(writer, 4)
        self.process = subprocess.Popen(
            [binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--no-default-browser-check", "--hide-scrollbars", "--mute-audio",
             f"--user-data-dir={self.profile}", "--remote-debugging-pipe", "about:blank"],
            close_fds=False, preexec_fn=wire,
            stdout=subprocess.DEVNULL, stderr=None if os.environ.get("BROWSER_CHECK_DEBUG") else subprocess.DEVNULL)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def send(self, method, params=None, session=None, timeout=30):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.time() + timeout
        while time.time() < deadline:
            reply = self.receive(deadline)
            if reply is not None and reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
        raise TimeoutError(f"{method}: no reply in {timeout} s")

    def receive(self, deadline):
        """One message; events are kept in self.events."""
        import select
        while b"\0" not in self.buffer:
            left = deadline - time.time()
            if left <= 0:
                return None
            ready, _, _ = select.select([self.from_browser], [], [], left)
            if not ready:
                return None
            chunk = os.read(self.from_browser, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium exited")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        message = json.loads(raw)
        if "method" in message:
            self.events.append(message)
        return message

    def pump(self, seconds):
        deadline = time.time() + seconds
        while self.receive(deadline) is not None:
            pass

    def close(self):
        try:
            self.send("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


def problems(events):
    """Console errors, uncaught exceptions and failed loads, as one line each."""
    found = []
    urls = {e["params"]["requestId"]: e["params"]["request"]["url"]
            for e in events if e["method"] == "Network.requestWillBeSent"}
    for event in events:
        method, params = event["method"], event.get("params", {})
        if method == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text")
            found.append(f"exception: {text}")
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            args = " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
            found.append(f"console.{params['type']}: {args}")
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            entry = params["entry"]
            found.append(f"log: {entry.get('text')} {entry.get('url', '')}".strip())
        elif method == "Network.loadingFailed" and not params.get("canceled"):
            found.append(f"failed load: {params.get('errorText')} {urls.get(params.get('requestId'), '')}".strip())
    return found


def evaluate(browser, session, expression, timeout):
    result = browser.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                               "awaitPromise": True}, session, timeout)
    if "exceptionDetails" in result:
        details = result["exceptionDetails"]
        raise RuntimeError(details.get("exception", {}).get("description") or details.get("text"))
    return result.get("result", {}).get("value")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--mobile", action="store_true")
    parser.add_argument("--wait-for")
    parser.add_argument("--eval", action="append", default=[])
    parser.add_argument("--screenshot")
    parser.add_argument("--timeout", type=float, default=30)
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    args = parser.parse_args()

    browser = Browser(args.chromium)
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Runtime", "Log", "Page", "Network"):
            browser.send(f"{domain}.enable", session=session)
        browser.send("Emulation.setDeviceMetricsOverride",
                     {"width": args.width, "height": args.height, "deviceScaleFactor": 2 if args.mobile else 1,
                      "mobile": args.mobile}, session)
        browser.events.clear()
        browser.send("Page.navigate", {"url": args.url}, session)
        deadline = time.time() + args.timeout
        while not any(e["method"] == "Page.loadEventFired" for e in browser.events):
            if browser.receive(deadline) is None:
                raise TimeoutError(f"{args.url} did not finish loading in {args.timeout} s")
        waited = True
        if args.wait_for:
            waited = False
            while time.time() < deadline:
                if evaluate(browser, session, args.wait_for, args.timeout):
                    waited = True
                    break
                browser.pump(0.2)
        browser.pump(0.3)
        values = {}
        for item in args.eval:
            name, _, expression = item.partition("=")
            values[name] = evaluate(browser, session, expression, args.timeout)
        browser.pump(0.3)
        if args.screenshot:
            shot = browser.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": False}, session)
            os.makedirs(os.path.dirname(os.path.abspath(args.screenshot)), exist_ok=True)
            with open(args.screenshot, "wb") as file:
                file.write(base64.b64decode(shot["data"]))
        print(json.dumps({"url": args.url, "waited": waited, "errors": problems(browser.events), "values": values}))
    finally:
        browser.close()


if __name__ == "__main__":
    sys.exit(main())
