/**
 * A report handed in for verification: the signed record embedded in the PDF (certificate.json), or
 * the JSON envelope itself. The PDF is read in the upload worker pool when one is given.
 */
import { badRequest } from '../errors';
import { say } from '../i18n/message';
import type { WorkPool } from '../work/pool';
import type { VerifyResult } from './certificates';
import { REPORT_SAY } from './messages';
import { extractAttachment } from './pdf-attach';

/** What a PDF yields: the parsed envelope, or `unreadable` when the embedded record is not JSON (the file was altered). */
export type EnvelopeFromPdf = { envelope: unknown } | { unreadable: true };

/** Pure: the embedded record of a report PDF. 400 when the bytes are not a PDF or carry no record. */
export function envelopeFromPdf(pdf: Buffer): EnvelopeFromPdf {
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-')
    throw badRequest('VERIFY_NOT_PDF', 'The upload is not a PDF', '上传的文件不是 PDF', [{ field: 'file' }]);
  const att = extractAttachment(pdf, 'application/json');
  if (!att)
    throw badRequest(
      'VERIFY_NO_CERTIFICATE',
      'The PDF carries no certificate.json attachment: it was not issued by this service or was rebuilt',
      'PDF 中没有 certificate.json 附件：并非本服务出具，或已被重新生成',
      [{ field: 'file' }],
    );
  try {
    return { envelope: JSON.parse(att.toString('utf8')) };
  } catch {
    return { unreadable: true };
  }
}

/** The answer for a PDF whose embedded record cannot be read. */
export const unreadableResult = (): VerifyResult => ({
  valid: false,
  certificate_id: null,
  signature_valid: false,
  on_file: false,
  differences: [{ path: '$', expected: 'JSON', found: 'unreadable' }],
  message: say(REPORT_SAY, 'VERIFY_UNREADABLE'),
});

/**
 * The envelope to verify from a request: a PDF (multipart file or application/pdf body, read off the main
 * thread) or a JSON body `{record, signature, key_id}`. Null with `unreadable` when the PDF's record is not JSON.
 */
export async function envelopeToVerify(
  work: WorkPool | undefined,
  pdf: Buffer | null,
  body: unknown,
): Promise<{ envelope: Record<string, unknown> } | { unreadable: true }> {
  if (pdf) {
    const bytes = new Uint8Array(pdf);
    const r = work ? await work.run('certificate-envelope', { bytes }, [bytes.buffer as ArrayBuffer]) : envelopeFromPdf(pdf);
    if ('unreadable' in r) return r;
    return { envelope: (r.envelope && typeof r.envelope === 'object' ? r.envelope : {}) as Record<string, unknown> };
  }
  if (body && typeof body === 'object' && 'record' in body) return { envelope: body as Record<string, unknown> };
  throw badRequest(
    'VERIFY_NO_INPUT',
    'Send the report PDF (multipart `file` or application/pdf) or its JSON {record, signature, key_id}',
    '请上传报告 PDF（multipart 字段 file 或 application/pdf），或提交其 JSON {record, signature, key_id}',
  );
}
