// Before any module that builds a zod schema (see the file).
import './zodJitless';
// Next on purpose: it starts the opening page's network work before the modules below are evaluated.
import { booted } from './boot';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/features.css';
import './styles/review.css';
import './styles/marks.css';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');
void booted.then(({ host, queryClient }) =>
  createRoot(container).render(
    <StrictMode>
      <App host={host} queryClient={queryClient} />
    </StrictMode>,
  ),
);
