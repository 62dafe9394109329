// The demo page's own dark-mode switch: it sets class="dark" on <html>, and every chart with
// theme="auto" (the default) follows it, as it would a newsroom site's toggle.
const button = document.getElementById('theme-toggle');
if (button) {
  const root = document.documentElement;
  const sync = () => {
    const dark = root.classList.contains('dark');
    button.setAttribute('aria-pressed', String(dark));
    button.textContent = dark ? 'Light mode' : 'Dark mode';
  };
  if (matchMedia('(prefers-color-scheme: dark)').matches) root.classList.add('dark');
  sync();
  button.addEventListener('click', () => {
    root.classList.toggle('dark');
    root.classList.toggle('light', !root.classList.contains('dark'));
    sync();
  });
}
