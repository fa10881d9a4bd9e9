import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startBrowserEngine } from '../db/wasmBrowser';
import { DataProvider } from './data/DataContext';
import { initI18n } from './i18n';
import { App } from './shell/App';
import { ViewStateProvider } from './state/ViewStateContext';
import './styles.css';

// The engine's download and compile take longest: started before anything else, beside the app's rendering.
startBrowserEngine();
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
