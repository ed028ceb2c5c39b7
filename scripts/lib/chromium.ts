// How every browser this project drives is started: the journeys (playwright.config.ts), the README's
// screenshots and the editor's benchmark. Debian's Chromium, run as root, quiet on a closed network.

/** Chromium's own pages that a headless window still loads, and the app's pages do not need. */
const BROWSER_UI_FEATURES = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup", "WebUIOmniboxFullPopup"];

export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
    // Chromium 156's omnibox popup is a WebUI page of ~400 modules that a window loads now and then
    // (after a focus change): about 2.5 s of CPU each time, beside the app on a 2-core machine. A
    // trace of the editor's benchmark showed it using as much CPU as the page being measured, and
    // two journey specs spent 123 s of Chromium CPU with it, 105 s without.
    `--disable-features=${BROWSER_UI_FEATURES.join(",")}`,
  ],
};
