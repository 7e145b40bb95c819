/**
 * The tenant clock's DOM side: shows the shared tenant's time every second and moves it. Every
 * other widget and playground on the page reads the same clock, so a jump here shows everywhere.
 */
import { startBrowserTenant } from '../../tenant/hosts/browser.ts';
import { describeOffset, formatTenantTime, jumpMessage } from './clock-text.ts';

export async function mountTenantClock(root: HTMLElement): Promise<void> {
  const time = root.querySelector<HTMLTimeElement>('[data-clock-time]')!;
  const offset = root.querySelector<HTMLElement>('[data-clock-offset]')!;
  const status = root.querySelector<HTMLElement>('[data-clock-status]')!;
  const buttons = [...root.querySelectorAll<HTMLButtonElement>('button[data-jump], button[data-reset]')];

  const browser = await startBrowserTenant();
  const show = () => {
    const now = browser.tenant.clock.now();
    time.textContent = formatTenantTime(now);
    time.dateTime = new Date(now).toISOString();
    offset.textContent = describeOffset(now - Date.now());
  };
  for (const button of buttons) {
    button.disabled = false;
    button.addEventListener('click', () => {
      const clock = browser.tenant.clock;
      if (button.dataset.reset !== undefined) {
        // Back to the reader's own time (not to when the sandbox was first created).
        clock.set(Date.now());
        status.textContent = 'The tenant clock is back in step with your computer\'s clock.';
      } else {
        const seconds = Number(button.dataset.jump);
        clock.advance(seconds);
        status.textContent = jumpMessage(seconds);
      }
    });
  }
  browser.subscribe(show);
  show();
  const timer = setInterval(() => (root.isConnected ? show() : clearInterval(timer)), 1000);
}
