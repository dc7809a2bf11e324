/**
 * The exploration block a new mining right or a report-then-produce area must lie in (the containment check needs
 * it as `block_id`): search the register by name, id or licence number, or click the block on the map.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { searchBlocks } from '../api/features';
import type { BlockProps, Feature } from '../api/contract';
import { useI18n } from '../i18n';
import { BLOCK_KINDS, BLOCK_STATUSES } from '../../../server/vocab';
import type { MapController } from '../map/controller';
import { ErrorBox } from './common';

export interface PickedBlock {
  id: string;
  name: string;
}

export function BlockPicker({
  ctl,
  picked,
  onPick,
}: {
  ctl: MapController;
  picked: PickedBlock | null;
  onPick: (b: PickedBlock | null) => void;
}) {
  const { t, term } = useI18n();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<Feature<BlockProps>[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [picking, setPicking] = useState(false);

  // Esc ends picking; leaving the panel (unmount) too
  useEffect(() => {
    if (!picking) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') ctl.cancelPick();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [picking, ctl]);
  useEffect(() => () => ctl.cancelPick(), [ctl]);

  const search = async (e: FormEvent) => {
    e.preventDefault();
    if (!q.trim()) return;
    setError(null);
    try {
      setResults((await searchBlocks(q.trim())).features);
    } catch (err) {
      setError(err);
    }
  };

  const pickOnMap = () => {
    setPicking(true);
    ctl.pickBlock(
      (hit) => onPick({ id: hit.id, name: String(hit.properties.name ?? hit.id) }),
      () => setPicking(false),
    );
  };

  return (
    <fieldset className="block-picker" data-testid="containment-block">
      <legend>{t('containmentBlock')}</legend>
      <p className="muted small">{t('containmentHelp')}</p>
      {picked ? (
        <p className="small" data-testid="picked-block" data-id={picked.id}>
          {t('blockPicked', { name: `${picked.name} (${picked.id})` })}{' '}
          <button type="button" className="link" onClick={() => onPick(null)}>
            {t('blockClear')}
          </button>
        </p>
      ) : (
        <p className="notice small">{t('containmentMissing')}</p>
      )}
      <form className="row" onSubmit={(e) => void search(e)}>
        <input
          type="search"
          value={q}
          aria-label={t('blockSearchLabel')}
          placeholder={t('blockSearchLabel')}
          onChange={(e) => setQ(e.target.value)}
          data-testid="block-search"
        />
        <button type="submit">{t('blockSearch')}</button>
      </form>
      {picking ? (
        <p className="notice small" role="status">
          {t('pickingBlock')}{' '}
          <button type="button" className="link" onClick={() => ctl.cancelPick()}>
            {t('pickCancel')}
          </button>
        </p>
      ) : (
        <button type="button" onClick={pickOnMap} data-testid="pick-on-map">
          {t('pickOnMap')}
        </button>
      )}
      {error !== null && <ErrorBox error={error} />}
      {results && results.length === 0 && <p className="muted small">{t('noResults')}</p>}
      {results && results.length > 0 && (
        <ul className="results small">
          {results.map((f) => (
            <li key={String(f.id)}>
              <button
                type="button"
                className="link"
                data-testid="block-option"
                data-id={String(f.id)}
                onClick={() => {
                  onPick({ id: String(f.id), name: String(f.properties.name ?? f.id) });
                  setResults(null);
                }}
              >
                {String(f.properties.name ?? f.id)}
              </button>{' '}
              <span className="muted">
                {String(f.id)} · {term(BLOCK_KINDS, f.properties.kind)} · {term(BLOCK_STATUSES, f.properties.status)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
