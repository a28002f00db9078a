/**
 * Draws the current view for one window. In Electron the login window and the code window are
 * separate (`role`); in the browser preview one page plays both, with the code window as a
 * modal dialog over the login form.
 */
import { useCallback, useEffect } from 'react';
import type { StepgateBridge } from '../../shared/ipc/bridge.js';
import type { Intent } from '../../shared/ipc/intents.js';
import { serverUrlOf, type AppView, type FlowView } from '../../shared/ipc/view.js';
import { assertNever } from '../../shared/util/assert-never.js';
import { AnnouncerProvider } from '../components/Announcer.js';
import { ModalDialog } from '../components/ModalDialog.js';
import { Notices } from '../components/Notices.js';
import { LanguageProvider, useMessages } from '../i18n/messages.js';
import { AppFooter } from '../views/AppFooter.js';
import { BrowserSignInView } from '../views/BrowserSignInView.js';
import { CodeView } from '../views/CodeView.js';
import { EnrollmentView } from '../views/EnrollmentView.js';
import { LoginView, type LoginViewModel } from '../views/LoginView.js';
import { ServerPromptView } from '../views/ServerPromptView.js';
import { SignedInView } from '../views/SignedInView.js';
import { useAppView } from './use-app-view.js';

/** login: the main window; code: Electron's modal code window; combined: the browser preview. */
export type WindowRole = 'login' | 'code' | 'combined';

/** The login form as it stays visible, locked, behind the code window. */
function loginBehindCode(view: Extract<FlowView, { kind: 'code' }>): LoginViewModel {
  return {
    kind: 'signIn',
    server: view.server,
    username: view.username,
    keepSignedIn: false,
    canKeepSignedIn: false,
    busy: true,
    problem: null,
    signedOut: null,
    providers: null,
    passwordSignIn: true,
    providersFirst: false,
    focusProvider: null,
  };
}

function MainWindow({ flow, send, role }: { readonly flow: FlowView; readonly send: (intent: Intent) => void; readonly role: WindowRole }) {
  const t = useMessages();
  switch (flow.kind) {
    case 'starting':
      return <p className="card muted" role="status">{t.starting}</p>;
    case 'serverPrompt':
      return <ServerPromptView view={flow} send={send} />;
    case 'signIn':
      return <LoginView key="login" view={flow} send={send} />;
    case 'code':
      return (
        <>
          <LoginView key="login" view={loginBehindCode(flow)} send={send} inert />
          {role === 'combined' && (
            <ModalDialog label={t.windowTitle.code} onCancel={() => send({ type: 'cancel' })}>
              <CodeView view={flow} send={send} />
            </ModalDialog>
          )}
        </>
      );
    case 'browserSignIn':
      return <BrowserSignInView view={flow} send={send} />;
    case 'enrollmentNeeded':
      return <EnrollmentView view={flow} send={send} />;
    case 'signedIn':
      return <SignedInView view={flow} send={send} />;
    default:
      return assertNever(flow);
  }
}

interface AppProps {
  readonly bridge: StepgateBridge;
  readonly role: WindowRole;
  /** The view at start, so the first render already shows the window's content. */
  readonly initialView: AppView;
  /** Digits typed into code.html's early input, and where its caret was. */
  readonly earlyCode?: { readonly value: string; readonly selection: readonly [number, number] | null };
}

export function App({ bridge, role, initialView, earlyCode }: AppProps) {
  const view = useAppView(bridge, initialView);
  return (
    <LanguageProvider language={view.app.language}>
      <AnnouncerProvider>
        <Window view={view} bridge={bridge} role={role} earlyCode={earlyCode} />
      </AnnouncerProvider>
    </LanguageProvider>
  );
}

function Window({ view, bridge, role, earlyCode }: { readonly view: AppView; readonly bridge: StepgateBridge; readonly role: WindowRole; readonly earlyCode: AppProps['earlyCode'] }) {
  const t = useMessages();
  const send = useCallback(
    (intent: Intent) => {
      bridge.send(intent).catch(() => undefined);
    },
    [bridge],
  );
  useEffect(() => {
    document.title = role === 'code' ? t.windowTitle.code : t.windowTitle.signIn;
  }, [role, t]);

  if (role === 'code') {
    return (
      <main className="code-window">
        {view.flow.kind === 'code' ? (
          <CodeView view={view.flow} send={send} initialCode={earlyCode?.value ?? ''} initialSelection={earlyCode?.selection ?? null} />
        ) : null}
      </main>
    );
  }
  return (
    <>
      <main>
        <Notices notices={view.notices} onDismiss={(notice) => send({ type: 'dismissNotice', notice })} />
        <MainWindow flow={view.flow} send={send} role={role} />
      </main>
      <AppFooter version={view.app.version} server={serverUrlOf(view)} bridge={bridge} />
    </>
  );
}
