/** Block dossier PDF — filled in below (priority 3). */
import type { Db } from '../db';
import type { CertificateService } from './certificates';
import type { PdfRenderer } from './renderer';
import { AppError } from '../errors';

export interface DossierDeps {
  db: Db;
  certs: CertificateService;
  renderer: PdfRenderer;
  qr: (url: string) => Promise<string>;
  origin: string;
}

export async function blockDossier(_d: DossierDeps, _id: string, _lang: 'zh' | 'en', _q: unknown): Promise<{ pdf: Buffer; filename: string; certificate_id: string }> {
  throw new AppError(501, 'NOT_IMPLEMENTED', 'not yet', '尚未实现');
}
