/**
 * Saves text as a file through the browser's download, without a round trip to the server: the
 * CSV is exactly what the page shows.
 */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the blob can go once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
