// Making, reading and opening share links: nothing the first paint needs, so one chunk that
// loadShareLinks.ts fetches after start-up or on first use.
export { leftOutOf, shareLinkDigest } from '../../share/openedLink';
export { decodeShareLink, encodeShareLink, readShareFragment } from '../../share/shareLink';
export { sharedStateOf } from '../../share/sharedStateOf';
