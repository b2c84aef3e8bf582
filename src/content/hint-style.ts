// Compact, readable at TikTok's font size (15px), follows TikTok's light and dark themes
// (TikTok marks dark mode with data-theme="dark" on <html>, else the system preference).
export const HINT_CSS = `
:host { all: initial; }
.hint { box-sizing: border-box; max-width: 320px; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #161823; background: #fff; border: 1px solid #d0d0d5; border-inline-start: 4px solid #c8102e; border-radius: 8px;
  padding: 8px 10px; box-shadow: 0 2px 10px rgba(0,0,0,.15); display: grid; gap: 6px; }
.hint.dark { color: #f1f1f2; background: #252632; border-color: #55565f; border-inline-start-color: #ff5c73; }
.line { display: flex; gap: 6px; align-items: flex-start; }
.title { font-weight: 600; flex: 1; }
.row { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
a, button { font: inherit; font-size: 13px; cursor: pointer; border-radius: 6px; }
a.fix { background: #c8102e; color: #fff; text-decoration: none; padding: 3px 8px; }
.dark a.fix { background: #ff5c73; color: #161823; }
button { background: transparent; color: inherit; border: 1px solid currentColor; padding: 2px 8px; }
button.dismiss { border: none; padding: 0 4px; font-size: 18px; line-height: 1; }
a:focus-visible, button:focus-visible { outline: 2px solid #0b57d0; outline-offset: 2px; }
.dark a:focus-visible, .dark button:focus-visible { outline-color: #8ab4f8; }
.details { margin: 0; padding-inline-start: 18px; }
.details[hidden] { display: none; }
p { margin: 0; }
`;
