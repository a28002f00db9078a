/** Where a page goes once a sign-in step succeeds: enrollment when it is still needed, else where the person was heading. */
import { safeNext } from '../../../shared/pages/page-paths.js';

export function goOn(status: 'authenticated' | 'enrollment_required'): void {
  const next = safeNext(new URLSearchParams(window.location.search).get('next')) ?? '/settings';
  window.location.assign(status === 'enrollment_required' ? '/enroll' : next);
}
