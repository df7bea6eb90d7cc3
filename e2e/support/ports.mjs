// HOOKPAD_E2E_PORT lets two runs share a machine: the preview server takes that port and
// the echo server (echoServer.mjs) the next one.
export const APP_PORT = Number(process.env.HOOKPAD_E2E_PORT ?? 4174);
export const ECHO_PORT = APP_PORT + 1;
