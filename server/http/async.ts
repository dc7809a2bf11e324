import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** Wrap an async handler so a rejection reaches the error middleware. */
export const route =
  (fn: (req: Request, res: Response, next: NextFunction) => Promise<unknown>): RequestHandler =>
  (req, res, next) => {
    fn(req, res, next).catch(next);
  };
