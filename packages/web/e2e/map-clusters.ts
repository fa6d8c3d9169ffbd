import type { Locator, Page } from 'playwright-core';
import { settled } from './browser';

// 点聚合 on the 派单地图 in the browser tests: a ticket or an engineer is drawn as its own marker or inside a
// cluster (data-members lists the ids inside it). reveal() gets to its own marker as a dispatcher does: a
// click on its cluster (zoom in, or spread out at the highest zoom), 显示全部 when it is out of view.

export type MarkerKind = 'ticket' | 'engineer';

export const single = (page: Page, kind: MarkerKind, id: string) =>
  page.locator(kind === 'ticket' ? `[data-testid="ticket-marker"][data-ticket-id="${id}"]` : `[data-testid="engineer-marker"][data-user-id="${id}"]`);
export const clusterOf = (page: Page, kind: MarkerKind, id: string) => page.locator(`[data-testid="${kind}-cluster"][data-members~="${id}"]`);
/** Its marker or the cluster it is in. */
export const drawn = (page: Page, kind: MarkerKind, id: string) => single(page, kind, id).or(clusterOf(page, kind, id));

/** Whether the element's centre is inside the map's frame on screen. */
export async function inView(page: Page, el: Locator) {
  const [m, b] = await Promise.all([page.getByTestId('dispatch-map').boundingBox(), el.first().boundingBox()]);
  if (!m || !b) return false;
  const [x, y] = [b.x + b.width / 2, b.y + b.height / 2];
  return x > m.x && x < m.x + m.width && y > m.y && y < m.y + m.height;
}

/** Shows the map at its whole extent (the control is there while anything is out of view). */
export async function showAll(page: Page) {
  const button = page.getByTestId('show-all');
  if (await button.count()) await button.click();
  await settled(page);
}

/** Its own marker on screen, clicking the clusters it is in. */
export async function reveal(page: Page, kind: MarkerKind, id: string): Promise<Locator> {
  const own = single(page, kind, id);
  await page.getByTestId('dispatch-map').waitFor();
  for (let i = 0; i < 15; i++) {
    await settled(page);
    if ((await own.count()) && (await inView(page, own))) return own;
    const cluster = clusterOf(page, kind, id);
    if ((await cluster.count()) && (await inView(page, cluster))) await cluster.click();
    else if (await page.getByTestId('show-all').count()) await showAll(page);
    else await page.waitForTimeout(300); // the board not read yet, or the map still moving
  }
  throw new Error(`the ${kind} ${id} is not on the map as its own marker`);
}
