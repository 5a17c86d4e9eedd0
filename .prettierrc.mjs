// Prettier (npm run format writes, npm run format:check checks): the layout the code already had:
// single quotes, semicolons, 120 columns (where 95% of its lines already ended). Astro 7 drops
// whitespace that holds a line break, as JSX does, and the Astro plugin keeps each space that
// shows ({' '}), so formatting a page left every built page the same (checked by diffing dist/).
export default {
  printWidth: 120,
  singleQuote: true,
  // Tailwind's own plugin orders utility classes; v4 reads the theme from the stylesheet.
  plugins: ['prettier-plugin-astro', 'prettier-plugin-tailwindcss'],
  tailwindStylesheet: './src/styles/global.css',
  // CSS keeps the double quotes it is written with.
  overrides: [{ files: '*.css', options: { singleQuote: false } }],
};
