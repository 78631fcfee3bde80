/**
 * Words for the errno of a failed file open or write (ENOENT → 'no such file', ENOSPC → 'no space
 * left on device'), so a configuration file, checkpoint, trace or result file that cannot be opened
 * or written says why in plain words rather than as a raw code.
 */

const WORDS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file', EACCES: 'permission denied', EPERM: 'permission denied', EISDIR: 'it is a directory',
  ENOTDIR: 'a path through a file, not a directory', ELOOP: 'too many symbolic links', ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files', ENFILE: 'too many open files', EBUSY: 'the file is busy', EIO: 'an I/O error',
  ENOSPC: 'no space left on device', EDQUOT: 'disk quota exceeded', EROFS: 'read-only file system', EFBIG: 'file too large',
};

/** Why an open or write failed, in words ('no such file', 'permission denied', ...); the code itself when unlisted. */
export function openErrorText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string') return e instanceof Error ? e.message.split('\n')[0] ?? 'error' : 'error';
  return WORDS[code] ?? code;
}
