// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import tailwindcss from '@tailwindcss/vite';
import remarkRejectUnsafe from './src/markdown/remark-reject-unsafe.ts';
import rehypeEditorNotes from './src/markdown/rehype-editor-notes.ts';

/** The archive's public address: the one place every absolute URL derives from. */
const SITE_URL = process.env.SITE_URL ?? 'https://archive.kexuedaobao.example';

export default defineConfig({
  site: SITE_URL,
  trailingSlash: 'always',
  outDir: process.env.ARCHIVE_OUT_DIR ?? './dist',
  // A slug used by two files must stop the build, not silently drop one story.
  prerenderConflictBehavior: 'error',
  build: { format: 'directory' },
  markdown: {
    processor: unified({
      // Verbatim text: no curly-quote or dash rewriting.
      smartypants: false,
      remarkPlugins: [remarkRejectUnsafe],
      rehypePlugins: [rehypeEditorNotes],
    }),
  },
  vite: {
    plugins: [tailwindcss()],
  },
});
