/**
 * "Can't use your authenticator app?": what to do without the phone. The desktop app opens this
 * page unless policy names another; the code step links to it. Open to everyone, signed in or not.
 */
import { useMessages, usePagesMessages } from '../../i18n/messages.js';
import { PageFrame } from '../components/PageFrame.js';

export function HelpPage() {
  const t = usePagesMessages();
  const useRecovery = useMessages().code.useRecovery;
  return (
    <PageFrame title={t.title.help}>
      <h1>{t.help.heading}</h1>
      <p>{t.help.intro}</p>
      <section className="card" aria-labelledby="help-recovery">
        <h2 id="help-recovery">{t.help.recoveryHeading}</h2>
        <p>{t.help.recovery(useRecovery)}</p>
        <p>{t.help.afterRecovery}</p>
      </section>
      <section className="card" aria-labelledby="help-admin">
        <h2 id="help-admin">{t.help.adminHeading}</h2>
        <p>{t.help.admin}</p>
      </section>
      <section className="card" aria-labelledby="help-time">
        <h2 id="help-time">{t.help.timeHeading}</h2>
        <p>{t.help.time}</p>
      </section>
      <p>
        <a href="/signin">{t.help.toSignIn}</a>
      </p>
    </PageFrame>
  );
}
