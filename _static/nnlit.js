// An in-line formula wider than its line (a long cost function on a phone) gets
// its own line and scrolls inside it, instead of pushing the page sideways.
// MathJax 3 does not break in-line math; narrow formulas keep their baseline.
window.addEventListener("load", () => {
  if (!window.MathJax || !MathJax.startup) return;
  const fit = () => {
    for (const math of document.querySelectorAll('mjx-container:not([display="true"])')) {
      math.classList.remove("nnlit-wide");
      const line = math.parentElement.closest("p, li, dd, td, th, div");
      if (line && math.getBoundingClientRect().width > line.clientWidth) {
        math.classList.add("nnlit-wide");
      }
    }
  };
  MathJax.startup.promise.then(fit);
  window.addEventListener("resize", fit);
});
