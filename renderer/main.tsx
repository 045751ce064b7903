import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
// The shipped faces (issue #10), bundled with the page: Latin through Noto Sans, Chinese through
// Noto Sans SC, each split per unicode-range so a screen loads only the pieces it shows. 400 and 700
// only: the theme's 600 and 800 resolve to 700 (CSS font matching), with no synthetic bold.
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './ui/theme.css';
import { App } from './app/App';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
