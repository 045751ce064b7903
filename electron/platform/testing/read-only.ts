import { execFileSync } from 'node:child_process';

export type ReadOnly = { readonly undo: () => void } | { readonly skip: string };

/**
 * Makes a file or folder one the program cannot write, as a read-only disk or another owner would,
 * with the immutable attribute (`chattr +i`). A mode alone would not do: the program makes its own
 * files 0600 again at start, and root ignores modes. Where chattr cannot run (not root, a file
 * system without attributes) the caller skips, saying why.
 */
export function makeReadOnly(path: string): ReadOnly {
  try {
    execFileSync('chattr', ['+i', path], { stdio: 'pipe' });
  } catch (error) {
    return { skip: `cannot make ${path} read-only here (chattr +i needs root on a file system with attributes): ${String(error).split('\n')[0]}` };
  }
  return { undo: () => execFileSync('chattr', ['-i', path], { stdio: 'pipe' }) };
}
