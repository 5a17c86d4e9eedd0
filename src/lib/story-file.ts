/**
 * A story file from its bytes to frontmatter and body: strict UTF-8 (a BOM and CRLF line endings
 * are fine), frontmatter between `---` lines read as plain YAML. Every refusal is a sentence an
 * editor can act on; the caller puts the file's name in front.
 */
import { constants } from 'node:fs';
import { lstat, open, readlink } from 'node:fs/promises';
import { CORE_SCHEMA, load } from 'js-yaml';

export interface StoryFileParts {
  /** The frontmatter as YAML read it; values stay as written (no timestamps). */
  frontmatter: Record<string, unknown>;
  /** The body, with the frontmatter's lines left empty so line numbers are the file's. */
  body: string;
}

/** A story file that cannot be read; the message names what is wrong in plain words. */
export class StoryFileError extends Error {}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The largest story file: a printed page holds far less (the longest of the first six is 4 KB). */
const MAX_STORY_FILE_BYTES = 1024 * 1024;

/** What a file that is not a regular file is, in plain words. */
function kindOf(stats: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * The bytes of a story (or source) file: a regular file, not a symbolic link, of at most
 * MAX_STORY_FILE_BYTES. A link could publish a file from anywhere on the machine (or read
 * /dev/zero for ever), a named pipe would wait for a writer: each is refused at once, by name.
 */
export async function readStoryFile(path: string, maxBytes = MAX_STORY_FILE_BYTES): Promise<Uint8Array> {
  const stats = await lstat(path);
  if (stats.isSymbolicLink()) {
    const target = await readlink(path).catch(() => '?');
    throw new StoryFileError(
      `the file is a symbolic link (to ${target}): a story file must be a regular file in the folder; copy the file there instead of linking to it`,
    );
  }
  if (!stats.isFile())
    throw new StoryFileError(`the file is ${kindOf(stats)}, not a regular file: a story file must be a regular file`);
  const tooBig = (size: number) =>
    new StoryFileError(
      `the file is ${size.toLocaleString('en')} bytes, more than the ${maxBytes.toLocaleString('en')} a story file may hold`,
    );
  if (stats.size > maxBytes) throw tooBig(stats.size);
  // O_NOFOLLOW and O_NONBLOCK: a file swapped for a link or a pipe since lstat still cannot hang the build.
  const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const opened = await handle.stat();
    if (!opened.isFile())
      throw new StoryFileError(
        `the file is ${kindOf(opened)}, not a regular file: a story file must be a regular file`,
      );
    // Sized by the file (one byte more, to see it grew), not by the limit: a 1 MB buffer for each
    // of 10,000 files of 4 KB cost the loader about a third of its time in zero-filling and GC.
    let bytes = new Uint8Array(Math.min(opened.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === bytes.length) {
        // Written to since it was opened: read on, up to the limit.
        const grown = new Uint8Array(Math.min(bytes.length * 2, maxBytes + 1));
        grown.set(bytes);
        bytes = grown;
      }
      const { bytesRead } = await handle.read(bytes, length, bytes.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) throw tooBig(length);
    }
    return bytes.subarray(0, length);
  } finally {
    await handle.close();
  }
}

/**
 * The text of a story file. A BOM is dropped; anything that is not UTF-8 (GBK, UTF-16, Latin-1)
 * is refused with the line and byte where it stops being UTF-8.
 */
export function decodeStoryText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    const offset = firstInvalidByte(bytes);
    throw new StoryFileError(
      `the file is not UTF-8 (line ${lineAt(bytes, offset)}, byte ${offset + 1}: 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')}); save it as UTF-8`,
    );
  }
  const nul = text.indexOf('\0');
  // UTF-16 text of ASCII letters is valid UTF-8 with a NUL after every letter.
  if (nul !== -1) {
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const offset = bom + new TextEncoder().encode(text.slice(0, nul)).length;
    throw new StoryFileError(
      `the file is not UTF-8 text (line ${lineAt(bytes, offset)}, byte ${offset + 1}: a NUL byte, as in UTF-16); save it as UTF-8`,
    );
  }
  return text;
}

/** Offset of the first byte that is not part of a valid UTF-8 character. */
function firstInvalidByte(bytes: Uint8Array): number {
  const validPrefix = (length: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  // Streaming, a prefix that ends inside a character is fine: all of it valid means the file
  // ends inside a character, which starts at the last byte that is not a continuation byte.
  const byte = (i: number) => bytes[i] ?? 0;
  if (validPrefix(bytes.length)) {
    let lead = bytes.length - 1;
    while (lead > 0 && (byte(lead) & 0xc0) === 0x80) lead--;
    return lead;
  }
  // Validity of prefixes is monotone: binary search for the shortest invalid one. Its last byte
  // is where the decoder gave up; the bad character starts at the lead byte before it when that
  // byte began a character still waiting for its continuation bytes (GBK's 昔 = CE F4).
  let valid = 0;
  let invalid = bytes.length;
  while (invalid - valid > 1) {
    const mid = (valid + invalid) >>> 1;
    if (validPrefix(mid)) valid = mid;
    else invalid = mid;
  }
  const failed = invalid - 1;
  let lead = failed - 1;
  while (lead > 0 && failed - lead < 4 && (byte(lead) & 0xc0) === 0x80) lead--;
  const length = byte(lead) >= 0xf0 ? 4 : byte(lead) >= 0xe0 ? 3 : byte(lead) >= 0xc0 ? 2 : 1;
  return lead >= 0 && lead + length > failed ? lead : failed;
}

/** 1-based line of the byte at `offset`. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

const FENCE = /^---[ \t]*$/;

/** Frontmatter and body of a story's text (after decodeStoryText). */
export function splitStoryFile(text: string): StoryFileParts {
  if (text.trim() === '') {
    throw new StoryFileError('the file is empty: a story needs frontmatter between --- lines and a body');
  }
  // Split on LF only and drop a CR at the end of each line: line numbers stay the file's for
  // LF and CRLF files alike.
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  if (!FENCE.test(lines[0] ?? '')) {
    throw new StoryFileError(
      'the file does not start with a --- line: a story needs frontmatter between --- lines and a body',
    );
  }
  const end = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (end === -1) {
    throw new StoryFileError(
      'the frontmatter has no closing --- line: a story needs frontmatter between --- lines and a body',
    );
  }
  let parsed: unknown;
  try {
    // A leading empty line keeps js-yaml's line numbers the file's own.
    parsed = load(['', ...lines.slice(1, end)].join('\n'), { schema: CORE_SCHEMA });
  } catch (error) {
    throw new StoryFileError(`the frontmatter is not valid YAML: ${(error as Error).message}`);
  }
  if (parsed === null || parsed === undefined) {
    throw new StoryFileError(
      'the frontmatter is empty: a story needs its fields (slug, headline, date …) between the --- lines',
    );
  }
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new StoryFileError('the frontmatter is not a list of fields (`name: value` lines)');
  }
  if (repeatsAValue(parsed)) {
    throw new StoryFileError(
      'the frontmatter uses a YAML alias (*name) to repeat a list or field: write each value out in full',
    );
  }
  const body = [...Array<string>(end + 1).fill(''), ...lines.slice(end + 1)].join('\n');
  return { frontmatter: parsed as Record<string, unknown>, body };
}

/**
 * Whether YAML aliases made one list or object appear twice. js-yaml shares the object an alias
 * names, so ten lines can stand for a billion values (an "alias bomb") that the schema check or
 * the content store would walk for ever. Each object is visited once, so the walk is linear.
 */
function repeatsAValue(root: object): boolean {
  const seen = new Set<object>();
  // A stack, not recursion: deeply nested lists must not overflow the call stack.
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object') continue;
    if (seen.has(value)) return true;
    seen.add(value);
    stack.push(...Object.values(value));
  }
  return false;
}
