/** Worker of src/integrations/story-qr-codes.ts: draws and writes its share of the QR codes. */
import { writeFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { qrSvg } from '../lib/qr.ts';

/** What the worker is given: each code's text and the file it goes to. */
export interface QrJob {
  text: string;
  file: string;
}

/** Files written before waiting for their writes: keeps the disk busy while the next codes are drawn. */
const WRITES_IN_FLIGHT = 64;

let writes: Promise<void>[] = [];
for (const { text, file } of workerData as QrJob[]) {
  writes.push(writeFile(file, await qrSvg(text)));
  if (writes.length >= WRITES_IN_FLIGHT) {
    await Promise.all(writes);
    writes = [];
  }
}
await Promise.all(writes);
parentPort?.postMessage('done');
