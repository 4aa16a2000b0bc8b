/** Debian's Chromium driven by playwright-core; never a browser downloaded by a test tool. */
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Every host name (and every IP address but 127.0.0.1) resolves to "not
 * found", so no request can leave the machine. Unlike intercepting requests
 * (Playwright's route), it does not hold each same-origin request up on its
 * way through the DevTools protocol.
 */
export const ONLY_LOOPBACK = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1";

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync", ...extraArgs],
  });
}
