/**
 * Text made safe inside HTML or XML, in element content and quoted attributes alike. The
 * apostrophe is written as a numeric reference, which both languages read.
 */
export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
