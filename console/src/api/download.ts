// Files the API answers (reports, certificates, sign-in sheets): fetched with the access token
// like every other request, then handed to the browser under the name the API gives them.
import { unwrap } from "./client";

type FileResult = { data?: Blob; error?: unknown; response: Response };

/** The file name of a Content-Disposition header: the UTF-8 filename* first (RFC 5987), else filename. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) return decodeURIComponent(encoded[1].trim());
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1].trim() : fallback;
}

/** Save the answered file (or throw the API's problem, as unwrap does). */
export async function saveDownload(request: Promise<FileResult>, fallback: string): Promise<void> {
  const result = await request;
  const blob = unwrap(result);
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileNameOf(result.response.headers.get("Content-Disposition"), fallback);
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
