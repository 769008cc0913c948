// The client's timeout is undici's own, on shared timers that tick about
// twice a second: a timeout fires up to about a second after it is due
// (provider/client/transport.ts). A fault meant to outlast a test client's
// short timeout (under 1 s) holds the answer this long, so the timeout has
// certainly fired before the answer comes.
export const SLOWER_THAN_ANY_TIMEOUT_MS = 2_500;
