/** Debian's Chromium, never a downloaded browser, and the flags that keep it off the network (closed here anyway). */
export const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const quiet = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
