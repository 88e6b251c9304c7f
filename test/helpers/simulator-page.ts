import type { Locator, Page } from 'playwright-core';

/** Long enough for a busy 2-core machine: each step goes webhook → queue → worker → stand-in → poll. */
export const patient = { timeout: 45_000 };

export type PaneName = 'resident' | 'team' | 'leaders' | 'miniapp';

/**
 * Drives the simulator page the way a person does: typing, tapping, reading what is on screen.
 * Every wait is for visible text, never for a time.
 */
export function simulatorPage(page: Page) {
  const pane = (name: PaneName): Locator => page.getByTestId(`pane-${name}`);
  /** The newest bubble that shows `text`. */
  const latest = (name: PaneName, text: string | RegExp): Locator => pane(name).locator('.bubble').filter({ hasText: text }).last();

  return {
    pane,
    latest,
    /** Waits until the pane shows a bubble with this text; returns that bubble's whole text. */
    async see(name: PaneName, text: string | RegExp): Promise<string> {
      const bubble = latest(name, text);
      await bubble.waitFor(patient);
      return bubble.innerText();
    },
    async type(name: PaneName, text: string): Promise<void> {
      await pane(name).getByRole('textbox').fill(text);
      await pane(name).getByRole('button', { name: 'Gửi', exact: true }).click();
    },
    /** Taps a button of the newest OA bubble that offers it, as on the phone. */
    async tap(name: PaneName, title: string): Promise<void> {
      const button = pane(name).locator('.bubble').getByRole('button', { name: title, exact: true }).last();
      await button.waitFor(patient);
      await button.click();
    },
    async choose(name: PaneName, label: string, option: string): Promise<void> {
      await pane(name).getByLabel(label, { exact: true }).selectOption({ label: option });
    },
  };
}
