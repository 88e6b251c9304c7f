import { createRoot } from 'react-dom/client';
import 'zmp-ui/zaui.css';
import './css/app.css';
import { Root } from './app';

const container = document.getElementById('app');
if (container) createRoot(container).render(<Root />);
