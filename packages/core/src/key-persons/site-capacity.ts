/** A quarantine site raises a capacity alert at 90 % occupancy (issue #4: "alert at 90 % full"). */
export const SITE_CAPACITY_ALERT_RATIO = 0.9;

export interface CapacityState {
  beds: number;
  occupied: number;
  free: number;
  ratio: number;
  alert: boolean;
  full: boolean;
}

export function capacityState(beds: number, occupied: number): CapacityState {
  const ratio = beds === 0 ? 1 : occupied / beds;
  return { beds, occupied, free: Math.max(0, beds - occupied), ratio, alert: ratio >= SITE_CAPACITY_ALERT_RATIO, full: occupied >= beds };
}
