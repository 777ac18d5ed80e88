/**
 * Copies text to the clipboard. navigator.clipboard needs a secure context (http://127.0.0.1 is one, but
 * an ssh-forwarded "localhost" name in some browsers is not), so a hidden textarea + execCommand is the
 * fallback.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission refused or no focus: try the fallback below.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'visually-hidden';
  document.body.appendChild(area);
  area.select();
  try {
    // Deprecated but still the only synchronous fallback browsers support.
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
