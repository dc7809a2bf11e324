import { Fragment } from 'react';
import { useI18n } from '../i18n';

const LABELS = { pdf: 'PDF', csv: 'CSV', xlsx: 'XLSX', geojson: 'GeoJSON', shp: 'SHP' } as const;
export type DownloadFormat = keyof typeof LABELS;

/**
 * Download links for a list the page shows (search results, deadlines, planner candidates, an application's extension
 * annex): the server builds
 * the file in the page's language (header block, Chinese headers, labels from the vocabulary). `href` is the
 * export URL with its query; format and lang are added here.
 */
export function Downloads({ href, formats, testid }: { href: string; formats: DownloadFormat[]; testid: string }) {
  const { t, lang } = useI18n();
  const url = (format: DownloadFormat) => `${href}${href.includes('?') ? '&' : '?'}format=${format}&lang=${lang}`;
  return (
    <p className="downloads small" data-testid={testid}>
      {t('exportAs')}:{' '}
      {formats.map((f, i) => (
        <Fragment key={f}>
          {i > 0 ? ' · ' : null}
          <a href={url(f)} download data-testid={`${testid}-${f}`}>
            {LABELS[f]}
          </a>
        </Fragment>
      ))}
    </p>
  );
}
