import { useSnackbar } from 'zmp-ui';

export type Tone = 'success' | 'warning' | 'error';

const marks: Record<Tone, string> = { success: '✓', warning: '!', error: '✕' };

/**
 * A short message at the bottom of the screen. zmp-ui's own snackbar icons come from an icon font on
 * Zalo's CDN, which shows as raw text when offline, so the mark is drawn here instead.
 */
export function useNotify(): (text: string, tone?: Tone) => void {
  const { openSnackbar } = useSnackbar();
  return (text, tone = 'success') =>
    openSnackbar({
      text,
      type: 'default',
      prefixIcon: <span className={`snack-mark snack-${tone}`}>{marks[tone]}</span>,
      // Problems stay longer: they take more reading than a confirmation.
      duration: tone === 'success' ? 3000 : 6000,
    });
}
