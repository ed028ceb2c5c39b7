// How every browser this project drives is started: the journeys (playwright.config.ts), the README's
// screenshots and the editor's benchmark. Debian's Chromium, run as root, quiet on a closed network.
import { existsSync } from "node:fs";

/** Debian's `chromium`: the browser a person runs. The screenshots and the benchmark use it. */
const FULL_CHROMIUM = "/usr/bin/chromium";
/** Debian's `chromium-headless-shell`: the same engine without the browser's own windows and pages. */
export const HEADLESS_SHELL = "/usr/lib/chromium/chromium-headless-shell";

/** Chromium's own pages that a headless window still loads, and the app's pages do not need. */
const BROWSER_UI_FEATURES = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup", "WebUIOmniboxFullPopup"];

const ARGS = [
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
];

export const CHROMIUM_LAUNCH = { executablePath: process.env.CHROMIUM_PATH ?? FULL_CHROMIUM, args: ARGS };

/**
 * The journeys' browser: the headless shell when it is installed (npm test and .ci/run install it),
 * else the full browser. Same Blink and V8; without the browser's windows the same two journey
 * specs took 77 s of Chromium CPU instead of 91 s.
 */
export const JOURNEY_CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : FULL_CHROMIUM),
  args: ARGS,
};
