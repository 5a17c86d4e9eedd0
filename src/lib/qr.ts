/**
 * The QR code of a story's permanent link, made at build time by the `qrcode` package: an SVG of
 * black modules on a white square with the standard four-module quiet zone, so scanners (WeChat
 * from a screen) read it in dark mode too.
 */
import QRCode from 'qrcode';

/** Error correction M (15 %): survives a smudge or moiré on a photographed screen, keeps the code small. */
const OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const;

/**
 * Side of the code in modules, quiet zone included. The size follows from the version alone, so a
 * fixed mask skips the search for the best of eight (two thirds of the work: this runs once per story page).
 */
export const qrModules = (text: string): number =>
  QRCode.create(text, { ...OPTIONS, maskPattern: 0 }).modules.size + 2 * OPTIONS.margin;

/** Side in CSS pixels at four pixels a module: whole pixels keep every module edge sharp. */
export const qrPixels = (text: string): number => 4 * qrModules(text);

/** The SVG document: `shape-rendering="crispEdges"`, pure black on pure white, no size so it scales. */
export const qrSvg = (text: string): Promise<string> =>
  QRCode.toString(text, { ...OPTIONS, type: 'svg', color: { dark: '#000000ff', light: '#ffffffff' } });
