/**
 * Text encoded as GBK, the legacy Chinese encoding a careless editor's tools may save in. Node
 * decodes GBK but cannot encode it, so the table is built by decoding every two-byte code.
 */
let table: Map<string, number[]> | undefined;

function gbkTable(): Map<string, number[]> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && char !== '\ufffd' && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  return table;
}

/** `text` as GBK bytes; ASCII stays one byte. Throws on a character GBK lacks. */
export function encodeGbk(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) bytes.push(char.charCodeAt(0));
    else {
      const code = gbkTable().get(char);
      if (!code) throw new Error(`no GBK code for ${char}`);
      bytes.push(...code);
    }
  }
  return new Uint8Array(bytes);
}
