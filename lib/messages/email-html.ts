const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every value put into the HTML goes through this: translations and codes are text, never markup. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

export type EmailHtmlParts = { lang: string; title: string; intro: string; code: string; expiry?: string; ignore: string; footer: string };

/**
 * A deliberately plain email: a few block elements with inline styles (mail clients drop
 * <style> and external CSS), no tables, no images, no links — nothing to phish with.
 * The code is large, monospaced and selectable on its own line.
 */
export function emailHtml(parts: EmailHtmlParts): string {
  const p = (text: string, style: string) => `<p style="${style}">${escapeHtml(text)}</p>`;
  const body = [
    `<div style="margin:0 auto;max-width:480px;padding:24px;font-family:system-ui,-apple-system,'Segoe UI','Apple SD Gothic Neo','Noto Sans KR','Malgun Gothic',sans-serif;color:#18181b;line-height:1.5">`,
    p(parts.intro, 'margin:0 0 16px;font-size:16px'),
    `<p style="margin:0 0 16px;font-family:ui-monospace,'SFMono-Regular',Menlo,Consolas,monospace;font-size:32px;font-weight:700;letter-spacing:6px">${escapeHtml(parts.code)}</p>`,
    parts.expiry ? p(parts.expiry, 'margin:0 0 8px;font-size:14px;color:#52525b') : '',
    p(parts.ignore, 'margin:0 0 24px;font-size:14px;color:#52525b'),
    p(parts.footer, 'margin:0;font-size:12px;color:#71717a'),
    '</div>',
  ].join('');
  return `<!doctype html><html lang="${escapeHtml(parts.lang)}"><head><meta charset="utf-8"><title>${escapeHtml(parts.title)}</title></head><body style="margin:0;background:#ffffff">${body}</body></html>`;
}
