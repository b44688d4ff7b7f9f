/** Evidence files for tests and the demo: the smallest PNG (1×1) and a PDF header; evidence is recognized by its first bytes. */
export const PNG_EVIDENCE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
export const PDF_EVIDENCE = Buffer.from('%PDF-1.4\n% evidence\n');
