/**
 * The About view's diagnostics for IT support: collected by the main process when the view opens,
 * listed as the lines "Copy diagnostics" puts on the clipboard. After copying, focus stays on the
 * button and screen readers hear "Diagnostics copied" (or why not).
 */
import { useEffect, useRef, useState } from 'react';
import { diagnosticsLines } from '../../shared/diagnostics/diagnostics-lines.js';
import type { StepgateBridge } from '../../shared/ipc/bridge.js';
import type { Diagnostics } from '../../shared/ipc/diagnostics.js';
import { useAnnounce } from '../components/Announcer.js';
import { useMessages } from '../i18n/messages.js';

type Collected = { readonly kind: 'collecting' } | { readonly kind: 'collected'; readonly report: Diagnostics } | { readonly kind: 'failed' };
type Copy = 'idle' | 'copying' | 'copied' | 'failed';

export function DiagnosticsPanel({ bridge }: { readonly bridge: Pick<StepgateBridge, 'diagnostics' | 'copyDiagnostics'> }) {
  const t = useMessages();
  const w = t.diagnostics;
  const announce = useAnnounce();
  const [collected, setCollected] = useState<Collected>({ kind: 'collecting' });
  const [copy, setCopy] = useState<Copy>('idle');
  const copyButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let current = true;
    bridge.diagnostics().then(
      (report) => current && setCollected({ kind: 'collected', report }),
      () => current && setCollected({ kind: 'failed' }),
    );
    return () => {
      current = false;
    };
  }, [bridge]);

  const copyNow = () => {
    if (copy === 'copying') return;
    setCopy('copying');
    bridge.copyDiagnostics().then(
      () => {
        setCopy('copied');
        announce(w.copied);
      },
      () => {
        setCopy('failed');
        announce(w.copyFailed);
      },
    );
    // The button keeps focus (it is never disabled, which would drop it), so copying again is one key away.
    copyButton.current?.focus();
  };

  return (
    <section className="diagnostics" aria-labelledby="diagnostics-heading" data-testid="about-diagnostics">
      <h3 id="diagnostics-heading">{w.heading}</h3>
      <p className="muted">{w.intro}</p>
      {collected.kind === 'collecting' && <p className="muted">{w.collecting}</p>}
      {collected.kind === 'failed' && <p>{w.collectFailed}</p>}
      {collected.kind === 'collected' && (
        <dl className="facts diagnostics-facts">
          {diagnosticsLines(collected.report, t).map((line, i) => (
            <div key={i} className="fact">
              <dt>{line.label}</dt>
              <dd>{line.value}</dd>
            </div>
          ))}
        </dl>
      )}
      <div className="diagnostics-copy">
        <button type="button" className="secondary" ref={copyButton} aria-busy={copy === 'copying'} onClick={copyNow} data-testid="about-copy-diagnostics">
          {w.copy}
        </button>
        {/* Seen here; heard through the announcer, so it is not said twice. */}
        <span className="muted" aria-hidden="true">
          {copy === 'copied' ? w.copied : copy === 'failed' ? w.copyFailed : ''}
        </span>
      </div>
    </section>
  );
}
