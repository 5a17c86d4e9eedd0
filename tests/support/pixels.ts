/** Reading a screenshot's pixels, for tests that judge what a reader sees rather than the DOM. */
import type { Page } from 'playwright-core';

/** The RGBA pixels of a PNG screenshot, decoded in a blank page of `page`'s context (no CSP there). */
export async function pngPixels(page: Page, png: Buffer): Promise<{ width: number; height: number; rgba: number[] }> {
  const blank = await page.context().newPage();
  const pixels = await blank.evaluate(async (base64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${base64}`;
    await img.decode();
    const canvas = Object.assign(document.createElement('canvas'), { width: img.width, height: img.height });
    const context = canvas.getContext('2d')!;
    context.drawImage(img, 0, 0);
    return { width: img.width, height: img.height, rgba: [...context.getImageData(0, 0, img.width, img.height).data] };
  }, png.toString('base64'));
  await blank.close();
  return pixels;
}
