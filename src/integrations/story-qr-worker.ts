/** Worker of src/integrations/story-qr-codes.ts: writes its share of the QR codes, drawing those not kept. */
import { rename, writeFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { qrSvg } from '../lib/qr.ts';
import { placeKeptFile } from '../data/build-cache.ts';

/** What the worker is given: each code's text, the file it goes to and where it is kept between builds. */
export interface QrJob {
  text: string;
  file: string;
  kept: string;
}

/** Places the kept code (a link), or draws it and keeps it (whole: a killed build leaves no half file). */
async function writeCode({ text, file, kept }: QrJob): Promise<void> {
  try {
    return placeKeptFile(kept, file);
  } catch {
    const svg = await qrSvg(text);
    await writeFile(file, svg);
    await writeFile(`${kept}.partial`, svg);
    await rename(`${kept}.partial`, kept);
  }
}

/** Files written before waiting for their writes: keeps the disk busy while the next codes are drawn. */
const WRITES_IN_FLIGHT = 64;

let writes: Promise<void>[] = [];
for (const job of workerData as QrJob[]) {
  writes.push(writeCode(job));
  if (writes.length >= WRITES_IN_FLIGHT) {
    await Promise.all(writes);
    writes = [];
  }
}
await Promise.all(writes);
parentPort?.postMessage('done');
