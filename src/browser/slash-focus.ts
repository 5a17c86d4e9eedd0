/** "/" focuses the page's search box (the header's, or the search page's own), as on many sites. */
addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement;
  const box = document.querySelector<HTMLInputElement>('input[type=search]');
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || !box) return;
  if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
  event.preventDefault();
  box.focus();
  box.select();
});
