/** Whether a script URL names a file of the archive's own search bundle: same origin, under /pagefind/. */
export function isPagefindUrl(input: string, base: string): boolean {
  try {
    const url = new URL(input, base);
    return url.origin === new URL(base).origin && url.pathname.startsWith('/pagefind/');
  } catch {
    return false;
  }
}
