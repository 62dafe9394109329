// Copying a snippet: the clipboard when the browser allows it, and a sentence for the live
// region either way, so a person who cannot see the button change hears what happened.

/** Copies `text`; resolves to what to announce ("Copied …", or how to copy by hand). */
export async function copyText(text, what) {
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    return `Copied: ${what}.`;
  } catch {
    return `The browser did not allow copying ${what}: select the text above and copy it with Ctrl+C (⌘C on a Mac).`;
  }
}
