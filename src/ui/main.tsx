// First: modules are evaluated in import order, so the engine's worker starts before React and the app's modules run.
import './startEngineFirst';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DataProvider } from './data/DataContext';
import { initI18n } from './i18n';
import { App } from './shell/App';
import { ViewStateProvider } from './state/ViewStateContext';
import './styles.css';

await initI18n();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <DataProvider>
      <ViewStateProvider>
        <App />
      </ViewStateProvider>
    </DataProvider>
  </StrictMode>,
);
