// Click every copy button and record what it put on the clipboard, with the
// block's prompt lines and output lines as Pygments marked them (.gp, .go).
(async () => {
  const copied = [];
  const real = document.execCommand.bind(document);
  document.execCommand = (command, ...rest) => {
    const e = document.activeElement;
    copied.push(e && "value" in e ? e.value.slice(e.selectionStart, e.selectionEnd)
                                  : String(document.getSelection()));
    real(command, ...rest);
    return true;
  };
  const blocks = [];
  for (const pre of document.querySelectorAll("div.highlight pre")) {
    const button = pre.parentElement.querySelector("button.copybtn");
    if (!button) continue;
    const before = copied.length;
    button.click();
    await new Promise(r => setTimeout(r, 0));
    const lines = pre.textContent.split("\n");
    blocks.push({
      copied: copied.length > before ? copied[copied.length - 1] : null,
      prompts: lines.filter(l => /^(>>>|\.\.\.) /.test(l)).map(l => l.slice(4)),
      outputs: [...pre.querySelectorAll(".go")].map(o => o.textContent.trim()).filter(Boolean),
      text: pre.textContent,
    });
  }
  document.execCommand = real;
  return blocks;
})()
