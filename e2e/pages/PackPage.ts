import { expect, type Locator, type Page } from '@playwright/test';
import type { BoxType } from '../../shared/packing';
import { StationPage } from './StationPage';

export type PackStep = 'order' | 'items' | 'box' | 'label';

/** The pack station (issue #13): the orders to pack, an order's items scanned, the box, the weight, the label. */
export class PackPage extends StationPage {
  constructor(page: Page) {
    super(page);
  }

  screen(): Locator {
    return this.page.locator('main.pack-screen');
  }

  async expectStep(step: PackStep): Promise<void> {
    await expect(this.screen()).toHaveAttribute('data-pack-step', step);
  }

  /** The orders whose runs reached the pack station, as rows (`data-order`). */
  ordersToPack(): Locator {
    return this.page.locator('.orders-to-pack .order-to-pack');
  }

  /** Scans the order (its id typed, as a packer does without its slip; an `ORD-…` code works the same) and waits for its lines. */
  async openOrder(orderId: string): Promise<void> {
    await this.scan(orderId);
    await expect(this.screen()).toHaveAttribute('data-order', orderId);
  }

  /** Keys how many units the next scan stands for, then scans the item. */
  async scanItem(gtin: string, count?: number): Promise<void> {
    if (count !== undefined) await this.page.getByLabel(this.t('packing.pack.perScan')).fill(String(count));
    await this.scan(gtin);
  }

  /** The order's line of `sku` (`data-quantity`, `data-verified`). */
  line(sku: string): Locator {
    return this.page.locator(`.pack-lines tr[data-sku="${sku}"]`);
  }

  async expectLine(sku: string, verified: number, quantity?: number): Promise<void> {
    await expect(this.line(sku)).toHaveAttribute('data-verified', String(verified));
    if (quantity !== undefined) await expect(this.line(sku)).toHaveAttribute('data-quantity', String(quantity));
  }

  /** A shift lead packs what is in the box, fewer units than the order asks. */
  async packShort(): Promise<void> {
    await this.button('packing.pack.packShort').click();
    await this.expectStep('box');
  }

  async chooseBox(box: BoxType): Promise<void> {
    await this.expectStep('box');
    await this.page.getByRole('radio', { name: box, exact: true }).check();
  }

  /** Keys the weight as the packer reads it: grams ("850") or kg with a decimal ("1,25"). */
  async enterWeight(weight: string): Promise<void> {
    await this.page.getByLabel(this.t('packing.pack.weight')).fill(weight);
  }

  /** Goes on from the box to the label (if not there yet) and scans the carrier's label. */
  async scanLabel(tracking: string): Promise<void> {
    if ((await this.screen().getAttribute('data-pack-step')) === 'box') {
      await this.button('packing.pack.toLabel').click();
      await this.expectStep('label');
    }
    await this.scan(tracking);
  }

  /** Waits for the parcel sealed (back at the orders, the parcel beside them) and answers its SSCC. */
  async expectSealed(tracking?: string): Promise<string> {
    await this.expectStep('order');
    const sealed = this.page.locator('.pack-sealed');
    if (tracking !== undefined) await expect(sealed).toHaveAttribute('data-tracking', tracking);
    await expect(sealed).toHaveAttribute('data-sscc', /^\d{18}$/);
    return (await sealed.getAttribute('data-sscc')) ?? '';
  }

  /** A shift lead opens a sealed parcel again: its SSCC or tracking number, a reason. */
  async unpack(code: string, reason: string): Promise<void> {
    await this.button('packing.unpack.open').click();
    const form = this.page.locator('form.pack-unpack');
    await form.getByLabel(this.t('packing.unpack.code')).fill(code);
    await form.getByLabel(this.t('packing.unpack.reason')).fill(reason);
    await form.getByRole('button', { name: this.t('packing.unpack.confirm'), exact: true }).click();
    await expect(form).toHaveCount(0);
  }
}
