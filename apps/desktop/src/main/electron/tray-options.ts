import { z } from 'zod';

/** The key under the data file's `app` settings. */
export const TRAY_APP_KEY = 'tray';

/** Whether minimizing or closing the window leaves the app in the tray (syncs go on there). */
export const TrayOptionsSchema = z.object({
  minimizeToTray: z.boolean(),
  closeToTray: z.boolean(),
});

export type TrayOptions = z.infer<typeof TrayOptionsSchema>;
export type TrayOption = keyof TrayOptions;

/** As a desktop app behaves unless told otherwise: minimize minimizes, close closes. */
export const DEFAULT_TRAY_OPTIONS: TrayOptions = { minimizeToTray: false, closeToTray: false };

/** The stored options; a missing or unreadable one is off. */
export function parseTrayOptions(stored: unknown): TrayOptions {
  const parsed = TrayOptionsSchema.partial().safeParse(stored);
  const options = parsed.success ? parsed.data : {};
  return {
    minimizeToTray: options.minimizeToTray ?? DEFAULT_TRAY_OPTIONS.minimizeToTray,
    closeToTray: options.closeToTray ?? DEFAULT_TRAY_OPTIONS.closeToTray,
  };
}

/** What closing the window does. While the app quits, a window always closes. */
export function closeAction(options: TrayOptions, quitting: boolean): 'hide-to-tray' | 'close' {
  return options.closeToTray && !quitting ? 'hide-to-tray' : 'close';
}

export function minimizeAction(options: TrayOptions): 'hide-to-tray' | 'minimize' {
  return options.minimizeToTray ? 'hide-to-tray' : 'minimize';
}
