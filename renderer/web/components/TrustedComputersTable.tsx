/**
 * A person's trusted computers as their settings and administration list them: name (and "This
 * browser" for the one the page runs in), added, last used, until when, and a Remove button each.
 */
import type { TrustedComputer } from '../../../shared/api/schemas.js';
import { useMessages, usePagesMessages } from '../../i18n/messages.js';
import { StackedTable } from './StackedTable.js';

interface Props {
  readonly computers: readonly TrustedComputer[];
  readonly busy: boolean;
  readonly removeLabel: (computer: TrustedComputer) => string;
  readonly onRemove: (computer: TrustedComputer) => void;
}

export function TrustedComputersTable({ computers, busy, removeLabel, onRemove }: Props) {
  const t = usePagesMessages().settings;
  const time = useMessages().time;
  return (
    <StackedTable>
      <thead role="rowgroup">
        <tr role="row">
          <th role="columnheader" scope="col">{t.name}</th>
          <th role="columnheader" scope="col">{t.added}</th>
          <th role="columnheader" scope="col">{t.lastUsed}</th>
          <th role="columnheader" scope="col">{t.expires}</th>
          <th role="columnheader" scope="col">{t.actions}</th>
        </tr>
      </thead>
      <tbody role="rowgroup">
        {computers.map((c) => (
          <tr role="row" key={c.id}>
            <th role="rowheader" scope="row">
              {c.name}
              {c.thisComputer && (
                <>
                  {' '}
                  <span className="this-browser">{t.thisBrowser}</span>
                </>
              )}
            </th>
            <td role="cell" data-label={t.added}>{time(Date.parse(c.createdAt))}</td>
            <td role="cell" data-label={t.lastUsed}>{c.lastUsedAt === null ? t.never : time(Date.parse(c.lastUsedAt))}</td>
            <td role="cell" data-label={t.expires}>{time(Date.parse(c.expiresAt))}</td>
            <td role="cell" className="row-actions">
              <button type="button" className="secondary compact" aria-label={removeLabel(c)} disabled={busy} onClick={() => onRemove(c)}>
                {t.remove}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </StackedTable>
  );
}
