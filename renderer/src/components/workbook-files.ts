/** Moving workbooks and PDFs between the user's disk and the API, which carries them as base64. */
export function toBase64(bytes: ArrayBuffer): string {
  let binary = '';
  const view = new Uint8Array(bytes);
  for (let i = 0; i < view.length; i += 0x8000)
    binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function readUpload(file: File) {
  return { fileName: file.name, dataBase64: toBase64(await file.arrayBuffer()) };
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The file's type from its name, so a PDF opens in a PDF reader rather than as a spreadsheet. */
const typeOf = (fileName: string) => (/\.pdf$/i.test(fileName) ? 'application/pdf' : XLSX);

export function download(fileName: string, dataBase64: string): void {
  const bytes = Uint8Array.from(atob(dataBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: typeOf(fileName) }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
