/** The report stays pasteable into a ticket; whole sections are cut beyond this. */
export const MAX_REPORT_CHARS = 200_000;

// What each part of the report shows at most.
export const MAX_CODE_CHARS = 100_000;
export const MAX_PAYLOAD_CHARS = 50_000;
export const MAX_VALUE_CHARS = 20_000;
export const MAX_MODULE_CHARS = 10_000;
export const MAX_BODY_CHARS = 2_000;
export const MAX_LOG_ENTRY_CHARS = 2_000;
export const MAX_CONSOLE_LINES = 200;
export const MAX_CONSOLE_CHARS = 40_000;
export const MAX_REQUEST_ROWS = 100;
export const MAX_REQUEST_DETAIL_CHARS = 40_000;
export const MAX_URL_CHARS = 300;
