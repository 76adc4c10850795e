import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { findChromium, findPlaywrightChromium } from './chromium.ts';

/**
 * Run before the browser tests: finds a Chromium, or installs one and says so, or fails with one
 * line saying what to do. It never lets the browser tests be skipped silently.
 */
function main(): void {
  const found = findChromium();
  if (found) {
    console.log(`browser tests: using Chromium at ${found}`);
    return;
  }
  const isRoot = process.getuid?.() === 0;
  if (isRoot && fs.existsSync('/etc/debian_version')) {
    console.log('browser tests: no Chromium found; installing Debian\'s "chromium" package (apt-get)...');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } else {
    console.log("browser tests: no Chromium found; trying Playwright's installer (npx playwright-core install chromium)...");
    try {
      execFileSync('npx', ['playwright-core', 'install', 'chromium'], { stdio: 'inherit' });
    } catch {
      // reported below
    }
    const installed = findPlaywrightChromium();
    if (installed) console.log(`browser tests: installed Playwright's Chromium at ${installed}`);
  }
  const after = findChromium();
  if (!after) {
    console.error(
      'browser tests: Chromium is needed. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH to a Chrome/Chromium binary, then run npm test again.',
    );
    process.exit(1);
  }
  console.log(`browser tests: using Chromium at ${after}`);
}

main();
