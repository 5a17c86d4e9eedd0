/**
 * 复制链接 and 复制引用 (components/StoryCite.astro): shown only once a clipboard is there, so a page
 * without one (or without JavaScript) shows no button that does nothing.
 */
const copyBox = document.getElementById('copy-buttons');
const statusLine = copyBox?.querySelector('[role=status]');
if (copyBox && statusLine && navigator.clipboard) {
  copyBox.hidden = false;
  copyBox.addEventListener('click', (event) => {
    const button = (event.target as Element).closest('button');
    if (!button) return;
    const from = button.dataset.copyFrom;
    const text = from ? (document.getElementById(from)?.textContent ?? '') : (button.dataset.copy ?? '');
    navigator.clipboard.writeText(text).then(
      () => (statusLine.textContent = button.dataset.done ?? ''),
      () => (statusLine.textContent = '复制失败，请选中上方文字复制'),
    );
  });
}
