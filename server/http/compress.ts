import { constants } from 'node:zlib';
import compression from 'compression';
import type { RequestHandler } from 'express';

/**
 * Negotiated compression (issue 17): brotli or gzip for JSON, GeoJSON, MVT tiles, CSV, and static text assets.
 * Brotli at quality 4: close to gzip's speed with smaller output; quality 11 (zlib's default) costs ~50× the CPU
 * and would put the compressor, not the database, on the tile path.
 * Already-compressed formats (PNG, PDF, XLSX, zip) are passed through.
 */
const COMPRESSIBLE =
  /^(application\/(json|geo\+json|vnd\.mapbox-vector-tile|x-protobuf|javascript|xml|vnd\.google-earth\.kml\+xml)|text\/|image\/svg\+xml)/i;

/** Answers below this many bytes go out as they are; gzip level and brotli quality (shared with the tile cache). */
export const COMPRESS_THRESHOLD_BYTES = 1024;
export const GZIP_LEVEL = 6;
export const BROTLI_QUALITY = 4;

export function isCompressible(contentType: string | undefined): boolean {
  return !!contentType && COMPRESSIBLE.test(contentType);
}

export function compress(): RequestHandler {
  return compression({
    threshold: COMPRESS_THRESHOLD_BYTES,
    level: GZIP_LEVEL,
    brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } },
    filter: (req, res) => {
      if (req.headers['x-no-compression']) return false;
      return isCompressible(res.getHeader('Content-Type')?.toString());
    },
  });
}
