import { getJson } from './http';
import type { PaymentStatement } from './contract';

export type { PaymentStatement };

/** A block's payment statement (obligations, payments, balance and late fees) as at `on` (default today). */
export const blockPayments = (id: string, signal?: AbortSignal, on?: string) =>
  getJson<PaymentStatement>(`/api/blocks/${encodeURIComponent(id)}/payments${on ? `?on=${on}` : ''}`, signal);
