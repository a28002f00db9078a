/**
 * Draws the current view for one window. In Electron the login window and the code window are
 * separate (`role`); in the browser preview one page plays both, with the code window as a
 * modal dialog over the login form.
 */
import { useCallback, useEffect } from 'react';
import type { StepgateBridge } from '../../shared/ipc/bridge.js';
import type { Intent } from '../../shared/ipc/intents.js';
import type { AppView, FlowView } from '../../shared/ipc/view.js';
import { en } from '../../shared/messages/en.js';
import { assertNever } from '../../shared/util/assert-never.js';
import { ModalDialog } from '../components/ModalDialog.js';
import { Notices } from '../components/Notices.js';
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
  return { kind: 'signIn', server: view.server, username: view.username, keepSignedIn: false, canKeepSignedIn: false, busy: true, problem: null };
}

function MainWindow({ flow, send, role }: { readonly flow: FlowView; readonly send: (intent: Intent) => void; readonly role: WindowRole }) {
  switch (flow.kind) {
    case 'starting':
      return <p className="card muted" role="status">{en.starting}</p>;
    case 'serverPrompt':
      return <ServerPromptView view={flow} send={send} />;
    case 'signIn':
      return <LoginView key="login" view={flow} send={send} />;
    case 'code':
      return (
        <>
          <LoginView key="login" view={loginBehindCode(flow)} send={send} inert />
          {role === 'combined' && (
            <ModalDialog label={en.windowTitle.code} onCancel={() => send({ type: 'cancel' })}>
              <CodeView view={flow} send={send} />
            </ModalDialog>
          )}
        </>
      );
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
  /** Digits typed into code.html's early input. */
  readonly earlyCode?: string;
}

export function App({ bridge, role, initialView, earlyCode = '' }: AppProps) {
  const view = useAppView(bridge, initialView);
  const send = useCallback(
    (intent: Intent) => {
      bridge.send(intent).catch(() => undefined);
    },
    [bridge],
  );
  useEffect(() => {
    document.title = role === 'code' ? en.windowTitle.code : en.windowTitle.signIn;
  }, [role]);

  if (role === 'code') {
    return <main>{view.flow.kind === 'code' ? <CodeView view={view.flow} send={send} initialCode={earlyCode} /> : null}</main>;
  }
  return (
    <main>
      <Notices notices={view.notices} onDismiss={(notice) => send({ type: 'dismissNotice', notice })} />
      <MainWindow flow={view.flow} send={send} role={role} />
    </main>
  );
}
