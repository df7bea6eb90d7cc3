// How much a package may weigh in Hookpad. Each limit is far beyond what a hook's dependency
// needs; past it, the package is refused with core's overLimitText naming the limit (never a
// hang or an out-of-memory crash of the page).

/** Bytes of one compressed tarball, as downloaded or added from a file. */
export const MAX_TARBALL_BYTES = 32 * 1024 * 1024;
/** Bytes of one package once unpacked (the tar stream, or a package's files in a zip). */
export const MAX_UNPACKED_BYTES = 128 * 1024 * 1024;
/** Entries of one tarball or one zip. */
export const MAX_ARCHIVE_ENTRIES = 50_000;
/** Bytes of one registry metadata document (abbreviated metadata of large packages is a few MiB). */
export const MAX_PACKUMENT_BYTES = 64 * 1024 * 1024;
/** Packages one install plan may hold (a whole dependency tree). */
export const MAX_PLANNED_PACKAGES = 2_000;
/** Bytes of one zip of a node_modules folder, and of all its files once unpacked. */
export const MAX_ZIP_BYTES = 256 * 1024 * 1024;
