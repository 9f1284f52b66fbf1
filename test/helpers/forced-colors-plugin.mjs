/**
 * A test-runner command the stock ones lack: emulating forced colours (Windows High Contrast) in
 * Chromium through the DevTools protocol, which puppeteer's own emulateMediaFeatures refuses.
 * Browser side: `executeServerCommand('forced-colors', { active: true })`.
 */
export function forcedColorsPlugin() {
  return {
    name: 'forced-colors-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'forced-colors') return undefined;
      const page = session.browser.getPage(session.id);
      const client = await page.createCDPSession();
      await client.send('Emulation.setEmulatedMedia', {
        features: [{ name: 'forced-colors', value: payload && payload.active ? 'active' : 'none' }],
      });
      return true;
    },
  };
}
