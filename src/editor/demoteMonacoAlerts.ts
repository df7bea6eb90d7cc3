/**
 * Monaco announces editor events through two always-present, empty, off-screen
 * `role="alert"` elements. Hookpad reserves the alert role for its own error messages, so
 * that "the alert" on the page is the run's error (for assistive technology and tests
 * alike). The elements stay assertive live regions, so Monaco's announcements still reach
 * screen readers exactly as before.
 */
export function demoteMonacoAlerts(): void {
  for (const element of document.querySelectorAll('.monaco-aria-container [role="alert"]')) {
    element.removeAttribute('role');
    element.setAttribute('aria-live', 'assertive');
  }
}
