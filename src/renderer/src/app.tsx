// The app proper, loaded by the entry script (main.tsx) once it has asked for the first
// page of the list.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
