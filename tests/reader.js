// What a reader of the open page gets, measured in the page (tests/test_reader.py).
(() => {
  const article = document.querySelector(".bd-article-container");
  const parse = c => {
    const m = c.match(/rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:,? \/? ?([\d.]+))?\)/);
    return m ? [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]] : null;
  };
  let unparsed = 0;  // a colour in a syntax this probe cannot read fails the test
  const over = (top, below) => top.slice(0, 3).map((v, i) => v * top[3] + below[i] * (1 - top[3]));
  // The colour behind an element: its own and its ancestors' backgrounds, composited.
  const background = e => {
    const layers = [];
    for (let a = e; a; a = a.parentElement) {
      const c = parse(getComputedStyle(a).backgroundColor);
      if (!c) unparsed += 1;
      else if (c[3] > 0) { layers.push(c); if (c[3] === 1) break; }
    }
    let rgb = [255, 255, 255];
    for (const c of layers.reverse()) rgb = over(c, rgb);
    return rgb;
  };
  const luminance = rgb => {
    const [r, g, b] = rgb.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const visible = e => {
    const r = e.getBoundingClientRect(), s = getComputedStyle(e);
    return r.width > 0 && r.height > 0 && s.visibility === "visible" && s.opacity !== "0";
  };

  // Every text-bearing element of the article: its colour against what is behind it.
  const lowContrast = [];
  const textual = article.querySelectorAll(
    "p, li, td, th, h1, h2, h3, code, a, pre, pre span, dt, em, strong, mjx-container");
  for (const e of textual) {
    if (!visible(e) || !e.textContent.trim()) continue;
    const fg = parse(getComputedStyle(e).color);
    if (!fg) { unparsed += 1; continue; }
    const bg = background(e);
    const ratio = contrast(over(fg, bg), bg);
    if (ratio < 4.5) lowContrast.push(`${e.tagName}.${e.className} ${ratio.toFixed(2)}: ${e.textContent.trim().slice(0, 40)}`);
  }

  // Display and in-line math laid out by MathJax, and its errors.
  const math = document.querySelectorAll("mjx-container").length;
  const mathErrors = document.querySelectorAll("mjx-merror, [data-mjx-error]").length;

  // The language switcher: where it is and where it leads.
  const switcher = document.querySelector("nav.langswitch a.langswitch-other");
  const box = switcher ? switcher.getBoundingClientRect() : null;

  // Copy buttons: one per code block.
  const blocks = [...document.querySelectorAll("div.highlight pre")];
  const withButton = blocks.filter(pre => pre.parentElement.querySelector("button.copybtn")).length;

  // Table cells whose content runs into the next cell (a scrolling cell is fine).
  const spills = [];
  for (const td of article.querySelectorAll("table td")) {
    const r = td.getBoundingClientRect();
    if (getComputedStyle(td).overflowX !== "visible") continue;
    for (const e of td.querySelectorAll("*")) {
      const q = e.getBoundingClientRect();
      if (q.width && (q.right > r.right + 1 || q.left < r.left - 1)) {
        spills.push(`${e.textContent.trim().slice(0, 50)}: ${Math.round(q.right - r.right)} px`);
        break;
      }
    }
  }

  return {
    lang: document.documentElement.lang,
    theme: document.documentElement.dataset.theme,
    page: [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth],
    article: [article.scrollWidth, article.clientWidth],
    background: luminance(background(document.body)),
    text: luminance(parse(getComputedStyle(article).color)),
    checked: textual.length, unparsed, lowContrast,
    math, mathErrors,
    switcher: switcher && {
      href: switcher.href, text: switcher.textContent.trim(),
      top: box.top, bottom: box.bottom, left: box.left, right: box.right,
      width: box.width, height: innerHeight, viewport: innerWidth,
    },
    blocks: blocks.length, withButton,
    figures: [...article.querySelectorAll("img.plot-directive")].map(img => ({
      alt: img.alt, filter: getComputedStyle(img).filter, loaded: img.naturalWidth > 0,
    })),
    spills,
  };
})()
