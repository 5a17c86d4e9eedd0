(function (root) {
  try {
    var theme = localStorage.getItem('theme');
    var size = localStorage.getItem('text-size');
    if (theme === 'light' || theme === 'dark') root.setAttribute('data-theme', theme);
    if (size === 'small' || size === 'large') root.setAttribute('data-text-size', size);
  } catch (e) {}
})(document.documentElement);
