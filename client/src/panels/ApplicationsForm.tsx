/**
 * A new application (issue 14 item 7): kind, the right it concerns, the applicant, and the area — pre-filled from a check
 * result or an extension assessment already on the page. Saved as a draft (POST /api/applications); submitting is a
 * step of the draft (ApplicationsView).
 */
import { useState, type FormEvent } from 'react';
import { APPLICATION_KINDS, MINERALS } from '../../../server/vocab';
import { GEOMETRY, ON_A_BLOCK, type ApplicationKind } from '../../../server/applications/states';
import { createApplication, type Application, type ApplicationDraft, type NewApplication } from '../api/applications';
import { useAuth } from '../auth/AuthContext';
import { formatKm2 } from '../format';
import { useI18n } from '../i18n';
import { ErrorBox, VocabSelect } from './common';

const trimmed = (s: string) => (s.trim() === '' ? undefined : s.trim());

export function ApplicationsForm({
  draft,
  onSaved,
  onCancel,
}: {
  draft: ApplicationDraft | null;
  onSaved: (a: Application, etag: string | null) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const { me } = useAuth();
  const own = me?.role === 'holder' && me.holders.length === 1 ? me.holders[0] : '';
  const [kind, setKind] = useState<ApplicationKind>(draft?.kind ?? 'new_exploration');
  const [blockId, setBlockId] = useState(draft?.block_id ?? '');
  const [applicant, setApplicant] = useState(draft?.applicant || own);
  const [mineral, setMineral] = useState<string>(draft?.mineral ?? 'cbm');
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [documentNo, setDocumentNo] = useState('');
  const [geometry, setGeometry] = useState(draft?.geometry);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const onBlock = ON_A_BLOCK.has(kind);
  const takesGeometry = GEOMETRY[kind] !== 'none';

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const body: NewApplication = {
      kind,
      ...(onBlock ? { block_id: trimmed(blockId) } : { applicant: trimmed(applicant), mineral: mineral as NewApplication['mineral'] }),
      ...(takesGeometry && geometry ? { geometry } : {}),
      title: trimmed(title),
      note: trimmed(note),
      reason: trimmed(reason),
      document_no: trimmed(documentNo),
    };
    try {
      const r = await createApplication(body);
      onSaved(r.data, r.etag);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="apps-form" onSubmit={save} data-testid="apps-form" aria-labelledby="apps-form-title">
      <h3 id="apps-form-title">{t('appsNew')}</h3>
      {draft && (
        <p className="notice small" data-testid="apps-prefilled">
          {t('appsPrefilled', { source: draft.source === 'check' ? t('appsFromCheck') : t('appsFromExtension') })}
        </p>
      )}
      <div className="form-grid">
        <VocabSelect
          className="wide"
          caption={t('appsKind')}
          value={kind}
          vocab={APPLICATION_KINDS}
          all={false}
          onChange={(k) => setKind(k as ApplicationKind)}
          testid="apps-kind"
        />
        {onBlock ? (
          <label className="wide">
            {t('appsBlock')}
            <input type="text" value={blockId} required onChange={(e) => setBlockId(e.target.value)} data-testid="apps-block" />
          </label>
        ) : (
          <>
            <label className="wide">
              {t('appsApplicant')}
              <input type="text" value={applicant} onChange={(e) => setApplicant(e.target.value)} data-testid="apps-applicant" />
            </label>
            <VocabSelect caption={t('mineral')} value={mineral} vocab={MINERALS} all={false} onChange={setMineral} />
          </>
        )}
        <label className="wide">
          {t('appsTitleField')}
          <input type="text" value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} data-testid="apps-title" />
        </label>
        <label className="wide">
          {t('appsReason')}
          <textarea value={reason} rows={2} maxLength={2000} onChange={(e) => setReason(e.target.value)} data-testid="apps-reason" />
        </label>
        <label>
          {t('appsDocumentNo')}
          <input type="text" value={documentNo} maxLength={200} onChange={(e) => setDocumentNo(e.target.value)} />
        </label>
        <label className="wide">
          {t('appsNote')}
          <textarea value={note} rows={2} maxLength={4000} onChange={(e) => setNote(e.target.value)} />
        </label>
      </div>
      {takesGeometry && (
        <p className="small" data-testid="apps-geometry">
          {t('appsGeometry')}:{' '}
          {geometry ? (
            <>
              {t('appsGeometryFrom', {
                area: formatKm2(draft?.area_km2),
                source: draft?.source === 'extension' ? t('appsFromExtension') : t('appsFromCheck'),
              })}{' '}
              <button type="button" className="link" onClick={() => setGeometry(undefined)}>
                {t('appsGeometryClear')}
              </button>
            </>
          ) : (
            <span className="muted">{t('appsGeometryNone')}</span>
          )}
        </p>
      )}
      <ErrorBox error={error} />
      <div className="row">
        <button type="submit" disabled={busy} data-testid="apps-save">
          {t('appsSaveDraft')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
