/**
 * Renderer entry. The code window's page already shows a focused input in its first frame; React
 * is loaded only after that frame, so the input takes typing without waiting for the bundle.
 */
import './styles/app.css';

const boot = () => void import('./boot.js');
if (document.getElementById('early-code') !== null) requestAnimationFrame(() => setTimeout(boot, 0));
else boot();
