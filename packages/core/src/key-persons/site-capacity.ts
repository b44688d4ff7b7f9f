/** A quarantine site raises a capacity alert at 90 % occupancy (issue #4: "alert at 90 % full"). */
export const SITE_CAPACITY_ALERT_RATIO = 0.9;

export interface CapacityState {
  beds: number;
  occupied: number;
  free: number;
  ratio: number;
  alert: boolean;
  full: boolean;
  /** No rooms or beds recorded yet: a site being set up, neither full nor alerting (issue 18 item 3). */
  noRooms: boolean;
}

export function capacityState(beds: number, occupied: number): CapacityState {
  if (beds === 0) return { beds, occupied, free: 0, ratio: 0, alert: false, full: false, noRooms: true };
  const ratio = occupied / beds;
  return {
    beds,
    occupied,
    free: Math.max(0, beds - occupied),
    ratio,
    alert: ratio >= SITE_CAPACITY_ALERT_RATIO,
    full: occupied >= beds,
    noRooms: false,
  };
}
