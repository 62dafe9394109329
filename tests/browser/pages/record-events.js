// Test pages: records every chart event that reaches the document (they bubble out of the
// shadow root) in window.__events, in the shape harness.mjs's waitForEvent and events() read.
// A classic script, so it runs before the widget's module defines the element.
window.__events = [];
for (const type of ['chartready', 'charterror']) {
  document.addEventListener(type, (e) => {
    window.__events.push({ type, id: e.target.id, detail: JSON.parse(JSON.stringify(e.detail)) });
  });
}
