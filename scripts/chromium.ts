import fs from 'node:fs';

/** Where a Chromium for the browser tests may be: CHROMIUM_PATH first, then the usual system places. */
export const CHROMIUM_CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
].filter((p): p is string => Boolean(p));

export function findChromium(): string | null {
  return CHROMIUM_CANDIDATES.find((p) => fs.existsSync(p)) ?? findPlaywrightChromium();
}

/** A Chromium that Playwright's own installer put in its cache, if any. */
export function findPlaywrightChromium(): string | null {
  const home = process.env.PLAYWRIGHT_BROWSERS_PATH ?? `${process.env.HOME}/.cache/ms-playwright`;
  if (!fs.existsSync(home)) return null;
  for (const dir of fs.readdirSync(home).filter((d) => d.startsWith('chromium'))) {
    for (const rel of ['chrome-linux/chrome', 'chrome-linux64/chrome', 'chrome-mac/Chromium.app/Contents/MacOS/Chromium']) {
      const p = `${home}/${dir}/${rel}`;
      if (fs.existsSync(p)) return p;
    }
  }
  return null;
}

/** Flags for headless runs in containers and CI: no sandbox (root), no GPU, no background traffic, fake media. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
];
