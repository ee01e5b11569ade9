let cached: { value: string; label: string }[] | null = null;

function offsetOf(timeZone: string, now: Date): string {
  try {
    const parts = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' }).formatToParts(now);
    const name = parts.find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
    return name === 'GMT' ? 'UTC' : name.replace('GMT', 'UTC');
  } catch {
    return '';
  }
}

/** Every IANA zone the browser knows, labelled with its current UTC offset. */
export function timeZoneOptions(current: string): { value: string; label: string }[] {
  if (!cached) {
    const now = new Date();
    const zones = new Set(Intl.supportedValuesOf('timeZone'));
    zones.add('UTC');
    cached = [...zones]
      .sort()
      .map((zone) => ({ value: zone, label: `${zone.replaceAll('_', ' ')} (${offsetOf(zone, now)})` }));
  }
  if (current && !cached.some((option) => option.value === current)) {
    return [{ value: current, label: current }, ...cached];
  }
  return cached;
}
