import { box } from '../../server/geometry/shapes.fixture';

/** A proposed CBM block over 柿庄南 (blk-0010) and its neighbours on the demo register, in lon/lat. */
export const OVER_SHIZHUANG = box(112.62, 35.9, 112.78, 36.08);
