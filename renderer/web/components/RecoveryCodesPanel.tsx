/**
 * New recovery codes, shown once: copy, download, and a confirmation that they were saved before
 * the person can move on. Leaving the page before that asks the browser to warn them.
 */
import { useEffect, useState } from 'react';
import { pagesEn } from '../../../shared/messages/pages-en.js';
import { CopyButton } from './CopyButton.js';
import { ErrorText } from './Messages.js';

const t = pagesEn.recovery;

export function recoveryCodesFile(codes: readonly string[], environment: string): string {
  return [t.fileHeader(environment), '', ...codes, ''].join('\n');
}

function download(codes: readonly string[], environment: string) {
  const url = URL.createObjectURL(new Blob([recoveryCodesFile(codes, environment)], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = t.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function RecoveryCodesPanel({ codes, environment, onDone }: { readonly codes: readonly string[]; readonly environment: string; readonly onDone: () => void }) {
  const [saved, setSaved] = useState(false);
  const [nudge, setNudge] = useState(false);

  useEffect(() => {
    if (saved) return undefined;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [saved]);

  const done = () => {
    if (saved) onDone();
    else setNudge(true);
  };

  return (
    <section className="card" aria-labelledby="recovery-heading">
      <h2 id="recovery-heading" tabIndex={-1}>
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
        <button type="button" className="secondary compact" onClick={() => download(codes, environment)}>
          {t.download}
        </button>
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
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
