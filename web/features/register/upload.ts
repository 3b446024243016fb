/**
 * A file POSTed as the raw request body with XMLHttpRequest, because fetch has no upload
 * progress: `onProgress` gets the bytes sent so far. Same contract as `apiFetch`: the CSRF
 * token on the write, JSON back, an ApiError with the server's code, message and details.
 */
import { ApiError, currentCsrfToken, type ErrorDetail } from "../../api.js";

export function uploadWithProgress<T>(
  path: string,
  body: Blob,
  contentType: string,
  onProgress: (sent: number, total: number) => void,
): { done: Promise<T>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<T>((resolve, reject) => {
    xhr.open("POST", path);
    xhr.setRequestHeader("content-type", contentType);
    xhr.setRequestHeader("accept", "application/json");
    const token = currentCsrfToken();
    if (token) xhr.setRequestHeader("x-csrf-token", token);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : body.size);
    xhr.onerror = () => reject(new ApiError(0, "network", "The server could not be reached"));
    xhr.onabort = () => reject(new DOMException("Upload aborted", "AbortError"));
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(data as T);
        return;
      }
      const e = (data ?? {}) as { code?: string; message?: string; details?: ErrorDetail[] };
      reject(
        new ApiError(xhr.status, e.code ?? "http_error", e.message ?? `HTTP ${xhr.status}`, Array.isArray(e.details) ? e.details : []),
      );
    };
    xhr.send(body);
  });
  return { done, abort: () => xhr.abort() };
}
