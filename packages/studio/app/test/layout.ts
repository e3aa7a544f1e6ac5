// happy-dom has no layout engine: every element measures 0 × 0, so a virtualised table would
// show no row at all. The scrolling box gets the size of a laptop's viewport instead.
import { beforeAll } from 'vitest';

beforeAll(() => {
  const size = (axis: 'width' | 'height') =>
    function (this: HTMLElement): number {
      return this.classList.contains('scroller') ? (axis === 'width' ? 1024 : 640) : 0;
    };
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: size('height') });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: size('width') });
});
