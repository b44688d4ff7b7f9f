import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Times are shown in Asia/Shanghai whatever the browser's zone (ARCHITECTURE: display and deadlines). */
export const DISPLAY_ZONE = 'Asia/Shanghai';

/** The one display format of dates: YYYY-MM-DD (times: YYYY-MM-DD HH:mm:ss), Asia/Shanghai. */
export const DATE_FORMAT = 'YYYY-MM-DD';

export function formatDate(iso: string | null | undefined): string {
  return formatTime(iso, DATE_FORMAT);
}

export function formatTime(iso: string | null | undefined, pattern = 'YYYY-MM-DD HH:mm:ss'): string {
  return iso ? dayjs(iso).tz(DISPLAY_ZONE).format(pattern) : '—';
}
