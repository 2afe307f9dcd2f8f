import type { ReadProgress } from '@bwdc/core';

export interface ProgressLine {
  readonly update: (progress: ReadProgress) => void;
  /** Clears the line, so the result that follows starts on a clean one. */
  readonly end: () => void;
}

/**
 * One line on stderr, rewritten as a long read goes on: "Reading the directory: 12500 users,
 * 40 groups". Only for a terminal; scripts and logs get the result alone.
 */
export function progressLine(write: (text: string) => void): ProgressLine {
  let shown = false;
  return {
    update: ({ users, groups }) => {
      shown = true;
      write(`\r\u001b[KReading the directory: ${users} users, ${groups} groups`);
    },
    end: () => {
      if (shown) {
        write('\r\u001b[K');
      }
    },
  };
}
