/**
 * The WAI-ARIA tabs keyboard model (automatic activation): Left/Right move to the previous/next
 * tab and wrap around, Home/End go to the first/last. Any other key is not ours.
 */
export function nextTabIndex(current: number, key: string, count: number): number | undefined {
  if (count <= 0) return undefined;
  switch (key) {
    case 'ArrowRight':
      return (current + 1) % count;
    case 'ArrowLeft':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}
