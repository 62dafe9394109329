// Data in, reports out: what callers give us (object, JSON text, bytes) as JSON text for the
// core, and the core's reports as plain { ok, errors: [{ path, message }], warnings } objects.

/** The message of anything thrown (Error, string or other value). */
export function errorMessage(err) {
  if (err instanceof Error) return err.message;
  if (typeof err === 'string') return err;
  try { return JSON.stringify(err); } catch { return String(err); }
}

/** Turns what a caller gave us (object or JSON text) into JSON text, or throws a readable Error. */
export function toJsonText(data) {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return new TextDecoder().decode(data);
  let text;
  try {
    text = JSON.stringify(data);
  } catch (err) {
    throw new Error(`the data could not be turned into JSON: ${errorMessage(err)}`);
  }
  if (text === undefined) throw new Error(`expected an object or a JSON string, found ${typeof data}`);
  return text;
}

/** The path of a problem that concerns the whole document (not JSON, not fetched, not drawn). */
export const DOCUMENT_PATH = '$';

/** A report's problem list as plain { path, message } objects; no path means the whole document. */
export function normaliseProblems(list) {
  if (!Array.isArray(list)) return [];
  return list.map((p) => ({ path: String(p?.path ?? '') || DOCUMENT_PATH, message: String(p?.message ?? p ?? '') }));
}

/** The one-entry error list of a failure that concerns the whole document. */
export function documentProblem(message) {
  return [{ path: DOCUMENT_PATH, message: String(message) }];
}

export function normaliseReport(report) {
  return {
    ok: Boolean(report?.ok),
    errors: normaliseProblems(report?.errors),
    warnings: normaliseProblems(report?.warnings),
  };
}
