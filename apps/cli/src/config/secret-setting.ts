/** What `bwdc config` shows for a secret that is set; its value is never printed. */
export const MASKED_SECRET = '********';
