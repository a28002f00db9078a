/**
 * New recovery codes, shown once: copy, download, and a confirmation that they were saved before
 * the person can move on. Leaving the page before that asks the browser to warn them.
 */
import { useEffect, useRef, useState } from 'react';
import type { PagesMessages } from '../../../shared/messages/pages-en.js';
import { usePagesMessages } from '../../i18n/messages.js';
import { CopyButton } from './CopyButton.js';
import { ErrorText } from './Messages.js';

type Words = PagesMessages['recovery'];

export function recoveryCodesFile(t: Words, codes: readonly string[], environment: string): string {
  return [t.fileHeader(environment), '', ...codes, ''].join('\n');
}

function download(t: Words, codes: readonly string[], environment: string) {
  const url = URL.createObjectURL(new Blob([recoveryCodesFile(t, codes, environment)], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = t.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function RecoveryCodesPanel({ codes, environment, onDone }: { readonly codes: readonly string[]; readonly environment: string; readonly onDone: () => void }) {
  const t = usePagesMessages().recovery;
  const [saved, setSaved] = useState(false);
  const [nudge, setNudge] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const acknowledgeRef = useRef<HTMLInputElement>(null);
  // A new step: the person hears its heading and reads on from there.
  useEffect(() => headingRef.current?.focus(), []);

  useEffect(() => {
    if (saved) return undefined;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [saved]);

  const done = () => {
    if (saved) onDone();
    else {
      setNudge(true);
      acknowledgeRef.current?.focus();
    }
  };

  return (
    <section className="card" aria-labelledby="recovery-heading">
      <h2 id="recovery-heading" tabIndex={-1} ref={headingRef}>
        {t.heading}
      </h2>
      <p>{t.intro}</p>
      <ul className="recovery-codes" aria-label={t.listLabel}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div className="button-row">
        <CopyButton id="copy-recovery" text={codes.join('\n')} label={t.copy} />
        <button type="button" className="secondary compact" onClick={() => download(t, codes, environment)}>
          {t.download}
        </button>
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          ref={acknowledgeRef}
          checked={saved}
          onChange={(e) => {
            setSaved(e.target.checked);
            setNudge(false);
          }}
          aria-describedby="recovery-problem"
        />
        {t.acknowledge}
      </label>
      <ErrorText id="recovery-problem" text={nudge ? t.mustAcknowledge : null} />
      <button type="button" className="primary" aria-disabled={!saved} onClick={done}>
        {t.continue}
      </button>
    </section>
  );
}
